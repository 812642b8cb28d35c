package org.signpost.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.signpost.core.listing.Listing;
import org.signpost.core.listing.StaleListings;
import org.signpost.handlers.portal.PortalFunction;
import org.signpost.handlers.wiring.Wiring;
import org.signpost.testing.Events;
import org.signpost.testing.ReferralFixtures;
import org.signpost.testing.TestBackend;

/** Stale-listing reminders and unpublishing by the housekeeping function, against dynalite. */
@ExtendWith(TestBackend.class)
class StaleListingsIT {
  private static final Pattern LINK = Pattern.compile("/listing-check/([A-Za-z0-9_.-]+)");

  private static String outbox(Path dir) {
    try (var files = Files.list(dir)) {
      return files
          .sorted()
          .map(
              f -> {
                try {
                  return Files.readString(f);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              })
          .collect(Collectors.joining("\n"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long count(String text, String needle) {
    return text.split(Pattern.quote(needle), -1).length - 1;
  }

  private static APIGatewayV2HTTPResponse page(PortalFunction portal, String method, String token) {
    return portal.handleRequest(
        Events.request(
            method + " /listing-check/{token}",
            "/listing-check/" + token,
            Map.of("token", token),
            "",
            Map.of("content-type", "application/x-www-form-urlencoded"),
            method.equals("POST") ? "" : null,
            null),
        null);
  }

  @Test
  void housekeeping_remindsAtFiveAndSixMonths_once_theLinkConfirms_andTwelveMonthsUnpublishes(
      TestBackend.Store store, @TempDir Path outbox) {
    ReferralFixtures.MovableClock clock = new ReferralFixtures.MovableClock(Instant.now());
    Wiring wiring = new Wiring(store.config(true), ReferralFixtures.settings(1000, outbox), clock);
    HousekeepingFunction housekeeping = new HousekeepingFunction(wiring);
    PortalFunction portal = Wiring.buildWith(wiring, PortalFunction::new);
    Listing kept = ReferralFixtures.listing(wiring, "org-stale-home", "Kept Tea", "[\"self\"]");
    Listing left = ReferralFixtures.listing(wiring, "org-stale-home", "Left Tea", "[\"self\"]");

    assertThat(housekeeping.run()).containsEntry("stale_first_reminders", 0);
    clock.advance(Duration.ofDays(160));
    assertThat(housekeeping.run()).containsEntry("stale_first_reminders", 2);
    clock.advance(Duration.ofHours(25));
    assertThat(housekeeping.run()).containsEntry("stale_first_reminders", 0);
    String mail = outbox(outbox);
    assertThat(count(mail, "Subject: Is \"Kept Tea\" still up to date?")).isEqualTo(1);
    assertThat(mail).contains("To: group@example.org");

    Matcher link = LINK.matcher(mail.substring(mail.indexOf("\"Kept Tea\" still up to date")));
    assertThat(link.find()).isTrue();
    String token = link.group(1);
    APIGatewayV2HTTPResponse shown = page(portal, "GET", token);
    assertThat(shown.getStatusCode()).isEqualTo(200);
    assertThat(shown.getBody()).contains("check-confirm", "Kept Tea");
    assertThat(wiring.listings.find(kept.id()).orElseThrow().version()).isEqualTo(kept.version());
    assertThat(page(portal, "POST", token + "x").getStatusCode()).isEqualTo(404);
    APIGatewayV2HTTPResponse confirmed = page(portal, "POST", token);
    assertThat(confirmed.getStatusCode()).isEqualTo(200);
    assertThat(wiring.listings.find(kept.id()).orElseThrow().assuredDate()).isNotNull();

    clock.advance(Duration.ofDays(30));
    Map<String, Object> sixMonths = housekeeping.run();
    assertThat(sixMonths).containsEntry("stale_second_reminders", 1);
    assertThat(count(outbox(outbox), "Subject: Second reminder")).isEqualTo(1);
    assertThat(outbox(outbox)).doesNotContain("Second reminder: is \"Kept Tea\"");

    clock.advance(Duration.ofDays(190));
    assertThat(housekeeping.run()).containsEntry("stale_unpublished", 1);
    clock.advance(Duration.ofDays(1));
    assertThat(housekeeping.run()).containsEntry("stale_unpublished", 0);
    Listing unpublished = wiring.listings.find(left.id()).orElseThrow();
    assertThat(unpublished.status()).isEqualTo(Listing.DRAFT);
    assertThat(unpublished.moderationNote()).isEqualTo(StaleListings.UNPUBLISHED_NOTE);
    assertThat(wiring.listings.find(kept.id()).orElseThrow().isPublished()).isTrue();
    assertThat(outbox(outbox)).contains("Subject: Unpublished: Left Tea");

    clock.advance(StaleListings.LINK_VALID_FOR);
    assertThat(page(portal, "POST", token).getStatusCode()).isEqualTo(410);
  }
}
