package org.signpost.core.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SignedLinksTest {
  private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
  private final SignedLinks links =
      new SignedLinks("site-secret-one-of-enough-length".getBytes(StandardCharsets.UTF_8));

  @Test
  void check_acceptsItsOwnToken_untilItExpires() {
    String token = links.issue("attend", "ref-abc", NOW.plus(Duration.ofDays(1)));

    assertThat(links.check("attend", token, NOW))
        .isInstanceOfSatisfying(
            SignedLinks.Valid.class, v -> assertThat(v.subject()).isEqualTo("ref-abc"));
    assertThat(links.check("attend", token, NOW.plus(Duration.ofDays(1))))
        .isInstanceOf(SignedLinks.Expired.class);
  }

  @Test
  void check_refusesAnotherPurpose_anotherKey_andAnyAlteration() {
    String token = links.issue("attend", "ref-abc", NOW.plus(Duration.ofDays(1)));
    SignedLinks otherSite =
        new SignedLinks("site-secret-two-of-enough-length".getBytes(StandardCharsets.UTF_8));
    String payload = token.substring(0, token.indexOf('.'));
    String forged =
        Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                    new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8)
                        .replace("ref-abc", "ref-xyz")
                        .getBytes(StandardCharsets.UTF_8))
            + token.substring(token.indexOf('.'));

    assertThat(links.check("listing", token, NOW)).isInstanceOf(SignedLinks.Invalid.class);
    assertThat(otherSite.check("attend", token, NOW)).isInstanceOf(SignedLinks.Invalid.class);
    assertThat(links.check("attend", forged, NOW)).isInstanceOf(SignedLinks.Invalid.class);
    assertThat(links.check("attend", token + "A", NOW)).isInstanceOf(SignedLinks.Invalid.class);
    assertThat(links.check("attend", "not a token", NOW)).isInstanceOf(SignedLinks.Invalid.class);
    assertThat(links.check("attend", null, NOW)).isInstanceOf(SignedLinks.Invalid.class);
  }

  @Test
  void check_refusesEveryOtherSpellingOfTheSignature() {
    String token = links.issue("attend", "ref-abc", NOW.plus(Duration.ofDays(1)));
    int dot = token.indexOf('.');
    int refused = 0;
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for (int at = dot + 1; at < token.length(); at++) {
      for (char c : alphabet.toCharArray()) {
        if (c != token.charAt(at)) {
          String other = token.substring(0, at) + c + token.substring(at + 1);
          assertThat(links.check("attend", other, NOW)).isInstanceOf(SignedLinks.Invalid.class);
          refused++;
        }
      }
    }
    assertThat(refused).isEqualTo((token.length() - dot - 1) * 63);
  }

  @Test
  void issue_givesEachLinkItsOwnTokenId() {
    Instant until = NOW.plus(Duration.ofDays(1));
    SignedLinks.Valid one =
        (SignedLinks.Valid) links.check("attend", links.issue("attend", "ref-a", until), NOW);
    SignedLinks.Valid two =
        (SignedLinks.Valid) links.check("attend", links.issue("attend", "ref-a", until), NOW);

    assertThat(one.tokenId()).isNotEqualTo(two.tokenId());
  }
}
