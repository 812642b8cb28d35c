package org.signpost.core.listing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.signpost.core.errors.SignpostException;
import org.signpost.core.links.SignedLinks;
import org.signpost.core.referral.Notifications;
import org.signpost.core.referral.RequestGuards;
import org.signpost.core.time.Clocks;

/**
 * Keeps published listings honest: at 5 months without verification it emails the owner a signed,
 * expiring one-click "still up to date" link; at 6 months it reminds again (search already demotes
 * such listings by their verified date); at 12 months it unpublishes the listing as a draft with a
 * note saying why, and tells the owner, but only once that second reminder has gone out on an
 * earlier pass, so no listing is unpublished without warning. Each stage is sent once per
 * verification date, recorded in the guards store, so running the pass often repeats nothing.
 * Thread-safe if its ports are.
 */
public final class StaleListings {
  /** The link's purpose, so no other signed link can stand in for it. */
  static final String PURPOSE = "listing-check";

  /** How long a "still up to date" link works. */
  public static final Duration LINK_VALID_FOR = Duration.ofDays(45);

  /** Who the audit trail names for what this class does. */
  public static final String SYSTEM = "system";

  /** Who the audit trail names for a confirmation through the emailed link. */
  public static final String BY_LINK = "owner-link";

  /** The note an unpublished listing's owner sees in the portal. */
  public static final String UNPUBLISHED_NOTE =
      "Unpublished automatically: nobody confirmed it was up to date for 12 months."
          + " Check it, then submit it again.";

  /** The stages of a listing nobody has confirmed. */
  public enum Stage {
    FIVE_MONTHS(5),
    SIX_MONTHS(6),
    TWELVE_MONTHS(12);

    private final int months;

    Stage(int months) {
      this.months = months;
    }

    public int months() {
      return months;
    }
  }

  /** What one pass did. */
  public record Pass(int firstReminders, int secondReminders, int unpublished) {}

  /** What a "still up to date" link shows or did. */
  public sealed interface Outcome permits Open, Confirmed, Expired, Invalid {}

  /** The link works; the page asks for one tap. */
  public record Open(Listing listing) implements Outcome {}

  /** The listing's verified date is now today. */
  public record Confirmed(Listing listing) implements Outcome {}

  /** The link was genuine but is too old. */
  public record Expired() implements Outcome {}

  /** Not a link we sent, altered, or its listing is no longer published. */
  public record Invalid() implements Outcome {}

  private final ListingService service;
  private final ListingRepository listings;
  private final ListingChangeFeed feed;
  private final RequestGuards guards;
  private final Notifications outbox;
  private final SignedLinks links;
  private final Clock clock;

  public StaleListings(
      ListingService service,
      ListingRepository listings,
      ListingChangeFeed feed,
      RequestGuards guards,
      Notifications outbox,
      SignedLinks links,
      Clock clock) {
    this.service = service;
    this.listings = listings;
    this.feed = feed;
    this.guards = guards;
    this.outbox = outbox;
    this.links = links;
    this.clock = clock;
  }

  /** The stage a listing has reached today, if any: the furthest one only. */
  public Optional<Stage> stage(Listing listing) {
    LocalDate since = verifiedOn(listing);
    LocalDate today = LocalDate.ofInstant(clock.instant(), Clocks.LONDON);
    Stage reached = null;
    for (Stage stage : Stage.values()) {
      if (!today.isBefore(since.plusMonths(stage.months()))) {
        reached = stage;
      }
    }
    return Optional.ofNullable(reached);
  }

  /** One pass over every published listing. */
  public Pass run() {
    List<Listing> published = new ArrayList<>();
    feed.scanAll(
        listing -> {
          if (listing.isPublished()) {
            published.add(listing);
          }
        });
    int first = 0;
    int second = 0;
    int unpublished = 0;
    for (Listing listing : published) {
      Optional<Stage> stage = stage(listing);
      if (stage.isEmpty()) {
        continue;
      }
      if (stage.get() == Stage.TWELVE_MONTHS
          && guards.marked(stageKey(listing, Stage.SIX_MONTHS))) {
        // Once unpublished it is no longer scanned here, so this cannot repeat.
        if (unpublish(listing)) {
          unpublished++;
        }
      } else if (stage.get() == Stage.TWELVE_MONTHS) {
        // Never unpublish without a warning: a listing first seen past 12 months (imported
        // stale, or before this pass existed) gets the second reminder now, and goes on a later
        // day's pass.
        if (firstTime(listing, Stage.SIX_MONTHS)) {
          remind(listing, true);
          second++;
        }
      } else if (firstTime(listing, stage.get())) {
        boolean again = stage.get() == Stage.SIX_MONTHS;
        remind(listing, again);
        if (again) {
          second++;
        } else {
          first++;
        }
      }
    }
    return new Pass(first, second, unpublished);
  }

  /** Runs {@link #run} at most once per UK day, however often housekeeping is scheduled. */
  public Pass runDaily() {
    LocalDate today = LocalDate.ofInstant(clock.instant(), Clocks.LONDON);
    if (!guards.once("stale-pass|" + today, clock.instant().plus(Duration.ofDays(3)))) {
      return new Pass(0, 0, 0);
    }
    return run();
  }

  private boolean unpublish(Listing listing) {
    Listing draft;
    try {
      draft = service.unpublish(listing, SYSTEM, UNPUBLISHED_NOTE);
    } catch (SignpostException.PreconditionFailed editedMeanwhile) {
      return false; // the owner changed it during the pass; the next pass looks again
    }
    notify(
        draft,
        "Unpublished: " + draft.content().name(),
        "Nobody has confirmed \""
            + draft.content().name()
            + "\" was up to date for 12 months, so it is no longer shown in search."
            + " It is kept as a draft: check it in the portal (/portal/listings/"
            + draft.id()
            + ") and submit it again.");
    return true;
  }

  /** What {@code GET} on the link shows; changes nothing. */
  public Outcome open(String token) {
    return switch (links.check(PURPOSE, token, clock.instant())) {
      case SignedLinks.Invalid invalid -> new Invalid();
      case SignedLinks.Expired expired -> new Expired();
      case SignedLinks.Valid valid ->
          listings
              .find(valid.subject())
              .filter(Listing::isPublished)
              .<Outcome>map(Open::new)
              .orElseGet(Invalid::new);
    };
  }

  /** Confirms the listing is still up to date. Confirming twice is harmless. */
  public Outcome confirm(String token) {
    Outcome opened = open(token);
    if (!(opened instanceof Open open)) {
      return opened;
    }
    try {
      return new Confirmed(service.markVerified(open.listing(), BY_LINK));
    } catch (SignpostException.PreconditionFailed changedMeanwhile) {
      Listing fresh = listings.find(open.listing().id()).orElseThrow(() -> changedMeanwhile);
      return new Confirmed(service.markVerified(fresh, BY_LINK));
    }
  }

  /** A new link token for a listing's owner. */
  public String issue(Listing listing) {
    return links.issue(PURPOSE, listing.id(), clock.instant().plus(LINK_VALID_FOR));
  }

  private void remind(Listing listing, boolean again) {
    String name = listing.content().name();
    notify(
        listing,
        (again ? "Second reminder: is " : "Is ") + "\"" + name + "\" still up to date?",
        (again
                ? "Nobody has confirmed \""
                    + name
                    + "\" for 6 months, so search now shows it lower."
                : "Nobody has confirmed \"" + name + "\" for 5 months.")
            + " If it is still right, one tap keeps it: /listing-check/"
            + issue(listing)
            + " (the link works for 45 days). To change it, use the portal: /portal/listings/"
            + listing.id()
            + ". Listings nobody confirms for 12 months are taken out of search.");
  }

  private void notify(Listing listing, String subject, String body) {
    ListingContent.Contact contact = listing.content().contact();
    String email = contact == null ? null : contact.email();
    outbox.add(
        new Notifications.Notification(
            "ntf-" + UUID.randomUUID(),
            "listing_stale",
            email == null || email.isBlank() ? "admins" : email,
            null,
            subject,
            body,
            clock.instant()));
  }

  private boolean firstTime(Listing listing, Stage stage) {
    return guards.once(stageKey(listing, stage), expiry());
  }

  private Instant expiry() {
    return clock.instant().plus(Duration.ofDays(400));
  }

  private String stageKey(Listing listing, Stage stage) {
    return "stale|" + listing.id() + "|" + verifiedOn(listing) + "|" + stage.name();
  }

  /** The last verification, or for a listing never verified its last change. */
  public static LocalDate verifiedOn(Listing listing) {
    if (listing.assuredDate() != null && listing.assuredDate().length() >= 10) {
      try {
        return LocalDate.parse(listing.assuredDate().substring(0, 10));
      } catch (java.time.format.DateTimeParseException malformed) {
        // Fall through to the last change.
      }
    }
    return LocalDate.ofInstant(listing.lastModified(), Clocks.LONDON);
  }
}
