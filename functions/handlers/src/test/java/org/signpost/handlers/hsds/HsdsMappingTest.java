package org.signpost.handlers.hsds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.signpost.core.listing.Listing;
import org.signpost.core.listing.ListingContent;
import org.signpost.core.org.Organisation;
import org.signpost.handlers.http.Json;

class HsdsMappingTest {
  private static final Organisation ORG = HsdsFixtures.organisation("org-hub", "Sparkhill Hub");

  @Test
  void service_readsBackToTheSameContent_forEveryPartOfTheModel() {
    // given
    ListingContent content = HsdsFixtures.rich("Tuesday English Café");
    Listing listing = HsdsFixtures.published("lst-1", ORG, content);

    // when
    ObjectNode service = HsdsMapping.toService(listing, ORG);
    ImportItem back = HsdsServiceReader.read(Json.MAPPER.valueToTree(service), "x.json", 1);

    // then
    assertThat(back).isInstanceOf(ImportItem.Accepted.class);
    ImportItem.Accepted accepted = (ImportItem.Accepted) back;
    assertThat(accepted.content()).isEqualTo(content);
    // the exported UUID comes back as the id, and exports as itself: ids survive a round trip
    assertThat(accepted.listingId()).isEqualTo(HsdsIds.service("lst-1"));
    assertThat(HsdsIds.service(accepted.listingId())).isEqualTo(service.get("id").asText());
    assertThat(accepted.organisation().name()).isEqualTo("Sparkhill Hub");
    assertThat(accepted.assuredDate()).isEqualTo("2026-10-02");
  }

  @Test
  void phoneOnlySignpost_readsBack_withCrisisFlags() {
    ListingContent content = HsdsFixtures.phoneLine("Night Listening Line");
    ObjectNode service = HsdsMapping.toService(HsdsFixtures.published("lst-2", ORG, content), ORG);

    ImportItem.Accepted back = (ImportItem.Accepted) HsdsServiceReader.read(service, "x.json", 1);

    assertThat(back.content()).isEqualTo(content);
  }

  @Test
  void extras_areAttributesWithTaxonomyTerms_notTopLevelFields() {
    ObjectNode service =
        HsdsMapping.toService(
            HsdsFixtures.published("lst-1", ORG, HsdsFixtures.rich("English Café")), ORG);

    assertThat(service.has("needs")).isFalse();
    assertThat(service.has("accessibility")).isFalse();
    assertThat(service.has("women_only")).isFalse();
    assertThat(service.findValuesAsText("taxonomy_term_id"))
        .contains(
            java.util.stream.Stream.of(
                    "need:learning_english",
                    "category:english_language",
                    "profile:women_only",
                    "profile:accessibility:step_free",
                    "profile:delivery:online",
                    "profile:capacity:waiting_list",
                    "profile:referral_route:prescriber")
                .map(HsdsIds::term)
                .toArray(String[]::new));
    for (JsonNode attribute : service.get("attributes")) {
      assertThat(attribute.path("taxonomy_term").path("id").asText())
          .isEqualTo(attribute.get("taxonomy_term_id").asText());
    }
  }

  @Test
  void schedules_useHsdsRecurrenceFields() {
    ObjectNode service =
        HsdsMapping.toService(
            HsdsFixtures.published("lst-1", ORG, HsdsFixtures.rich("English Café")), ORG);

    JsonNode schedules = service.get("schedules");
    assertThat(schedules.get(0).get("freq").asText()).isEqualTo("WEEKLY");
    assertThat(schedules.get(0).get("byday").asText()).isEqualTo("TU");
    assertThat(schedules.get(0).get("opens_at").asText()).isEqualTo("10:00");
    assertThat(schedules.get(1).get("freq").asText()).isEqualTo("MONTHLY");
    assertThat(schedules.get(1).get("byday").asText()).isEqualTo("1MO");
    assertThat(schedules.get(2).get("interval").asInt()).isEqualTo(2);
    assertThat(schedules.get(2).get("dtstart").asText()).isEqualTo("2026-01-08");
    assertThat(schedules.get(3).get("dtstart").asText()).isEqualTo("2026-12-12");
    assertThat(schedules.get(0).get("valid_from").asText()).isEqualTo("2026-01-05");
  }

  @Test
  void export_neverCarriesModerationState() {
    Listing withPending =
        new Listing(
            "lst-3",
            ORG.id(),
            ORG.name(),
            HsdsFixtures.rich("English Café"),
            Listing.PUBLISHED,
            2,
            null,
            java.time.Instant.parse("2026-10-02T09:00:00Z"),
            null,
            HsdsFixtures.rich("Secret Draft Name"),
            "moderator said no");

    String json = Json.write(HsdsMapping.toService(withPending, ORG));

    assertThat(json).doesNotContain("Secret Draft Name").doesNotContain("moderator said no");
  }
}
