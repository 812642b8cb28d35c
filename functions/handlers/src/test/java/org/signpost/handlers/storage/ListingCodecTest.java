package org.signpost.handlers.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.signpost.core.embed.Embedding;
import org.signpost.core.listing.FieldDiff;
import org.signpost.core.listing.Listing;
import org.signpost.core.listing.ListingContent;
import org.signpost.handlers.http.Json;

/** Stored listing content is read and written by the storage codec, not the API's mapper. */
class ListingCodecTest {

  /** Content as the API mapper stored it before storage had its own codec (captured verbatim). */
  private static final String STORED_BEFORE =
      """
      {"kind":"activity","crisis":false,"open_24_7":true,"name":"Tea and Chat",\
      "summary":"A friendly weekly group.","description":"Come along, meet people and have a go.",\
      "categories":["social_groups"],"needs":["loneliness"],"delivery":["in_person","online"],\
      "locations":[{"name":"Hall","address":"5 Warwick Road, Birmingham","postcode":"B27 6AA",\
      "lat":52.448,"lon":-1.824}],"schedule":{"weekly":[{"day":"tuesday","start":"10:00",\
      "end":"12:00","frequency":"monthly","week_of_month":-1,"anchor_date":"2026-01-06"}],\
      "one_off":[{"date":"2026-03-01","start":"14:00","end":"15:30"}],"valid_from":"2026-01-01",\
      "valid_to":null,"closures":[{"from":"2026-08-01","to":"2026-08-31",\
      "reason":"summer break"}]},"cost":{"type":"donation","description":"£2 suggested"},\
      "languages":["en","pa"],"eligibility":{"minimum_age":18,"maximum_age":99,\
      "women_only":false,"men_only":false,"who_for":"Adults"},"accessibility":["step_free"],\
      "capacity":"accepting","referral_routes":["self"],"contact":{"phone":"0121 000 0000",\
      "email":"hello@example.org","url":"https://example.org"},\
      "alert":"Closed on bank holidays","keywords":["tea","chat"],"alternate_name":"Cuppa Club"}\
      """;

  static ListingContent rich() {
    return rich("Come along, meet people and have a go.");
  }

  static ListingContent rich(String description) {
    return new ListingContent(
        "activity",
        false,
        true,
        "Tea and Chat",
        "A friendly weekly group.",
        description,
        List.of("social_groups"),
        List.of("loneliness"),
        List.of("in_person", "online"),
        List.of(
            new ListingContent.Location(
                "Hall", "5 Warwick Road, Birmingham", "B27 6AA", 52.448, -1.824)),
        new ListingContent.Schedule(
            List.of(
                new ListingContent.WeeklySession(
                    "tuesday", "10:00", "12:00", "monthly", -1, "2026-01-06")),
            List.of(new ListingContent.OneOffSession("2026-03-01", "14:00", "15:30")),
            "2026-01-01",
            null,
            List.of(new ListingContent.Closure("2026-08-01", "2026-08-31", "summer break"))),
        new ListingContent.Cost("donation", "£2 suggested"),
        List.of("en", "pa"),
        new ListingContent.Eligibility(18, 99, false, false, "Adults"),
        List.of("step_free"),
        "accepting",
        List.of("self"),
        new ListingContent.Contact("0121 000 0000", "hello@example.org", "https://example.org"),
        "Closed on bank holidays",
        List.of("tea", "chat"),
        "Cuppa Club");
  }

  @Test
  void readContent_itemStoredBefore_withFieldsThisVersionDoesNotKnow_stillReads() {
    String older =
        STORED_BEFORE
            .replace("{\"kind\"", "{\"legacy_rating\":4,\"kind\"")
            .replace(
                "\"url\":\"https://example.org\"", "\"url\":\"https://example.org\",\"fax\":1");

    assertThat(ListingCodec.readContent("l-1", older)).isEqualTo(rich());
    assertThatThrownBy(() -> Json.read(older, ListingContent.class))
        .as("the API refuses the same text, so the codecs really are separate")
        .hasMessageContaining("unknown field");
  }

  @Test
  void writeContent_keepsTheShapeItemsHaveAlwaysHad() {
    assertThat(ListingCodec.writeContent(rich())).isEqualTo(STORED_BEFORE);
  }

  @Test
  void readContent_storedTextOverTheApisLimits_stillReads() {
    String longDescription = "a".repeat(Json.MAX_STRING_CHARS + 1);
    String stored = ListingCodec.writeContent(rich(longDescription));
    String withNullInAList = STORED_BEFORE.replace("[\"tea\",\"chat\"]", "[\"tea\",null,\"chat\"]");

    assertThat(ListingCodec.readContent("l-1", stored).description()).isEqualTo(longDescription);
    assertThat(ListingCodec.readContent("l-1", withNullInAList)).isEqualTo(rich());
  }

  @Test
  void toItem_thenToListing_roundTripsEveryField() {
    Listing listing =
        new Listing(
            "l-42",
            "org-7",
            "Hall Group",
            rich(),
            Listing.PUBLISHED,
            3,
            "2026-02-01",
            Instant.parse("2026-03-04T10:15:30.123Z"),
            "2026-03-10T10:00",
            rich("An edit waiting for review."),
            "Looks good",
            new Embedding("model-1", "fp-9", new byte[] {1, -2, 3}));

    ListingItem item = ListingCodec.toItem(listing);
    Listing back = ListingCodec.toListing(item);

    assertThat(item.getReviewFlag()).isEqualTo(ListingCodec.REVIEW);
    assertThat(back).usingRecursiveComparison().isEqualTo(listing);
  }

  @Test
  void readChanges_revisionStoredBefore_stillReads_andRoundTrips() {
    List<FieldDiff.Change> changes =
        List.of(new FieldDiff.Change("name", "A", null), new FieldDiff.Change("alert", null, "B"));

    assertThat(
            ListingCodec.readChanges(
                "l-1", "[{\"field\":\"name\",\"before\":\"A\",\"after\":null,\"by_whom\":\"x\"}]"))
        .containsExactly(new FieldDiff.Change("name", "A", null));
    assertThat(ListingCodec.readChanges("l-1", ListingCodec.writeChanges(changes)))
        .isEqualTo(changes);
    assertThat(ListingCodec.readChanges("l-1", null)).isEmpty();
  }

  @Test
  void readContent_damagedItem_failsNamingTheListing_notItsContent() {
    assertThatThrownBy(() -> ListingCodec.readContent("l-9", "{\"name\": \"Secret"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("l-9")
        .hasMessageNotContaining("Secret");
  }
}
