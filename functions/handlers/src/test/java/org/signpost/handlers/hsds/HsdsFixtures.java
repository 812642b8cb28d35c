package org.signpost.handlers.hsds;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.signpost.core.auth.Caller;
import org.signpost.core.auth.Role;
import org.signpost.core.listing.Listing;
import org.signpost.core.listing.ListingContent;
import org.signpost.core.org.Organisation;

/** Small listings of our own writing that exercise every part of the HSDS mapping. */
public final class HsdsFixtures {
  public static final Caller ADMIN = new Caller("hsds-test", Set.of(Role.ADMIN), Optional.empty());

  private HsdsFixtures() {}

  public static Organisation organisation(String id, String name) {
    return new Organisation(
        id, name, "A community organisation in Sparkhill.", "approved", true, 0);
  }

  /** A listing with weekly, monthly, fortnightly and one-off sessions, closures and extras. */
  public static ListingContent rich(String name) {
    return new ListingContent(
        "activity",
        false,
        false,
        name,
        "Practise everyday English over tea.",
        "Friendly volunteers, tea and biscuits. Beginners welcome.",
        List.of("english_language", "social_groups"),
        List.of("learning_english", "loneliness"),
        List.of("in_person", "online"),
        List.of(
            new ListingContent.Location(
                "Sparkhill Hub", "12 Stratford Road, Birmingham", "B11 4AB", 52.4569, -1.8721)),
        new ListingContent.Schedule(
            List.of(
                new ListingContent.WeeklySession("tue", "10:00", "11:30", "weekly", null, null),
                new ListingContent.WeeklySession("mon", "18:00", "20:00", "monthly", 1, null),
                new ListingContent.WeeklySession(
                    "thu", "14:00", "15:00", "fortnightly", null, "2026-01-08")),
            List.of(new ListingContent.OneOffSession("2026-12-12", "11:00", "14:00")),
            "2026-01-05",
            null,
            List.of(new ListingContent.Closure("2026-12-21", "2027-01-04", "Christmas break"))),
        new ListingContent.Cost("small_charge", "£1 for tea"),
        List.of("en", "ur"),
        new ListingContent.Eligibility(18, null, true, false, "Women who want to practise English"),
        List.of("step_free", "hearing_loop"),
        "waiting_list",
        List.of("self", "prescriber"),
        new ListingContent.Contact("0121 496 0123", "hello@example.org", "https://example.org"),
        "No session on 3 March");
  }

  /** A plain phone-only signpost. */
  public static ListingContent phoneLine(String name) {
    return new ListingContent(
        "signpost",
        true,
        true,
        name,
        null,
        "Listening support, any time.",
        List.of("crisis_support"),
        List.of("mental_health_crisis"),
        List.of("phone"),
        List.of(),
        null,
        null,
        null,
        null,
        List.of(),
        null,
        List.of("self"),
        new ListingContent.Contact("0800 123 4567", null, null),
        null);
  }

  public static Listing published(String id, Organisation org, ListingContent content) {
    return new Listing(
        id,
        org.id(),
        org.name(),
        content,
        Listing.PUBLISHED,
        1,
        "2026-10-02",
        Instant.parse("2026-10-02T09:14:03.120Z"),
        null,
        null,
        null);
  }
}
