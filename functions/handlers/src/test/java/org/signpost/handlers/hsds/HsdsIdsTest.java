package org.signpost.handlers.hsds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class HsdsIdsTest {

  @Test
  void ids_areVersion5Uuids_stableAndDistinctPerKind() {
    String service = HsdsIds.service("bchd-baltimore-charmcare-svc-139871");
    UUID parsed = UUID.fromString(service);

    assertThat(parsed.version()).isEqualTo(5);
    assertThat(parsed.variant()).isEqualTo(2);
    assertThat(HsdsIds.service("bchd-baltimore-charmcare-svc-139871")).isEqualTo(service);
    assertThat(HsdsIds.organization("bchd-baltimore-charmcare-svc-139871")).isNotEqualTo(service);
    assertThat(HsdsIds.child(service, "location", 0))
        .isNotEqualTo(HsdsIds.child(service, "location", 1));
  }

  @Test
  void v5_matchesTheRfcConstruction_forAKnownNamespaceAndName() {
    // RFC 9562 appendix A.4's example: the DNS namespace and "www.example.com".
    assertThat(v5(UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), "www.example.com"))
        .isEqualTo("2ed6657d-e927-568b-95e1-2665a8aea6a2");
  }

  @Test
  void anInternalIdThatIsAlreadyAUuid_isItsOwnId_soARoundTripKeepsIt() {
    String imported = "3F2504E0-4F89-41D3-9A0C-0305E82C3301";

    assertThat(HsdsIds.service(imported)).isEqualTo(imported.toLowerCase(java.util.Locale.ROOT));
    assertThat(HsdsIds.isUuid("not-a-uuid")).isFalse();
    assertThat(HsdsIds.isUuid(null)).isFalse();
  }

  private static String v5(UUID namespace, String name) {
    return HsdsIds.v5(namespace, name);
  }
}
