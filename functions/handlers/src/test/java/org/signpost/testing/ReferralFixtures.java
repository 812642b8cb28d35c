package org.signpost.testing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import org.signpost.core.auth.Caller;
import org.signpost.core.auth.Role;
import org.signpost.core.listing.Listing;
import org.signpost.core.listing.ListingContent;
import org.signpost.handlers.http.Json;
import org.signpost.handlers.wiring.ReferralSettings;
import org.signpost.handlers.wiring.Wiring;

/** Shared set-up for referral tests: settings, a listing that takes self-referrals, a clock. */
public final class ReferralFixtures {
  public static final String SECRET = "integration-test-secret-32-bytes!";

  private ReferralFixtures() {}

  public static ReferralSettings settings(int ratePerHour, Path outbox) {
    return new ReferralSettings(
        SECRET.getBytes(StandardCharsets.UTF_8),
        180,
        Optional.ofNullable(outbox),
        Duration.ZERO,
        ratePerHour,
        "no-reply@signpost.test");
  }

  /** Publishes a listing of the organisation that accepts the given referral routes. */
  public static Listing listing(Wiring wiring, String org, String name, String routes) {
    String json =
        "{\"name\":\""
            + name
            + "\",\"summary\":\"A relaxed chat over tea for anyone who feels alone.\","
            + "\"description\":\"Drop in for a cup of tea.\",\"categories\":[\"social_groups\"],"
            + "\"needs\":[\"loneliness\"],\"referral_routes\":"
            + routes
            + ",\"contact\":{\"email\":\"group@example.org\"},"
            + "\"schedule\":{\"weekly\":[{\"day\":\"tue\",\"start\":\"10:00\",\"end\":\"11:30\"}]},"
            + "\"locations\":[{\"name\":\"Sparkhill Hub\",\"address\":\"12 Stratford Road, Birmingham\","
            + "\"postcode\":\"B11 4AB\",\"lat\":52.4569,\"lon\":-1.8721}]}";
    Caller provider = new Caller("owner-" + org, Set.of(Role.PROVIDER), Optional.of(org));
    return wiring.listingService.create(
        provider, Optional.empty(), Json.read(json, ListingContent.class));
  }

  /** A clock tests move by hand. */
  public static final class MovableClock extends Clock {
    private volatile Instant now;

    public MovableClock(Instant start) {
      this.now = start;
    }

    public void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
