package org.signpost.core.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.signpost.core.errors.FieldError;
import org.signpost.core.errors.SignpostException;
import org.signpost.core.fakes.Listings;

class ListingValidatorTest {
  private final ListingValidator validator = new ListingValidator();

  @Test
  void validContent_passes_andHtmlIsAcceptedAsPlainText() {
    ListingContent content = Listings.content("<script>alert(1)</script> Tea");
    assertThatCode(() -> validator.validate(content)).doesNotThrowAnyException();
  }

  @Test
  void everyBadField_isNamedAtOnce() {
    ListingContent bad =
        new ListingContent(
            "party",
            true,
            false,
            "",
            "s".repeat(300),
            null,
            List.of("nope"),
            List.of("loneliness", "loneliness"),
            List.of("in_person", "teleport"),
            List.of(new ListingContent.Location(null, "1 Road", "NOT A CODE", 91.0, -181.0)),
            new ListingContent.Schedule(
                List.of(
                    new ListingContent.WeeklySession(
                        "funday", "11:00", "10:00", "monthly", 9, null)),
                List.of(new ListingContent.OneOffSession("2026-02-30", "10:00", "25:00")),
                "2026-05-01",
                "2026-04-01",
                List.of(new ListingContent.Closure("2026-12-24", "2026-12-20", null))),
            new ListingContent.Cost("cheap", null),
            List.of("english"),
            new ListingContent.Eligibility(130, 18, true, true, null),
            List.of("lift"),
            "maybe",
            List.of("carrier_pigeon"),
            new ListingContent.Contact("call me", "not-an-email", "ftp://x"),
            null);

    SignpostException.Invalid invalid =
        catchThrowableOfType(SignpostException.Invalid.class, () -> validator.validate(bad));

    assertThat(invalid.errors())
        .extracting(FieldError::field)
        .contains(
            "kind",
            "crisis",
            "name",
            "summary",
            "categories[0]",
            "needs[1]",
            "delivery[1]",
            "locations[0].postcode",
            "locations[0].lat",
            "locations[0].lon",
            "schedule.weekly[0].day",
            "schedule.weekly[0].end",
            "schedule.weekly[0].week_of_month",
            "schedule.one_off[0].date",
            "schedule.one_off[0].end",
            "schedule.valid_to",
            "schedule.closures[0].to",
            "cost.type",
            "languages[0]",
            "eligibility.minimum_age",
            "eligibility.maximum_age",
            "eligibility.men_only",
            "accessibility[0]",
            "capacity",
            "referral_routes[0]",
            "contact.phone",
            "contact.email",
            "contact.url");
  }

  @Test
  void inPersonListing_needsALocation_andLimitsAreEnforced() {
    ListingContent noLocation =
        new ListingContent(
            "activity",
            false,
            false,
            "Walk",
            null,
            null,
            List.of(),
            List.of(),
            List.of("in_person"),
            List.of(),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    assertThat(
            catchThrowableOfType(
                    SignpostException.Invalid.class, () -> validator.validate(noLocation))
                .errors())
        .extracting(FieldError::field)
        .containsExactly("locations");

    List<ListingContent.Location> many =
        java.util.Collections.nCopies(
            21, new ListingContent.Location(null, "1 Road", null, 52.0, -1.0));
    ListingContent tooMany =
        new ListingContent(
            "activity",
            false,
            false,
            "Walk",
            null,
            null,
            List.of(),
            List.of(),
            List.of("in_person"),
            many,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    assertThat(
            catchThrowableOfType(SignpostException.Invalid.class, () -> validator.validate(tooMany))
                .errors())
        .extracting(FieldError::field)
        .containsExactly("locations");
  }

  @Test
  void moreThanFiftySessions_isRefused() {
    List<ListingContent.WeeklySession> sessions =
        java.util.Collections.nCopies(
            51, new ListingContent.WeeklySession("mon", "10:00", "11:00", "weekly", null, null));
    ListingContent tooMany =
        new ListingContent(
            "activity",
            false,
            false,
            "Walk",
            null,
            null,
            List.of(),
            List.of(),
            List.of("online"),
            List.of(),
            new ListingContent.Schedule(sessions, List.of(), null, null, List.of()),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);

    assertThat(
            catchThrowableOfType(SignpostException.Invalid.class, () -> validator.validate(tooMany))
                .errors())
        .extracting(FieldError::field)
        .containsExactly("schedule");
  }
}
