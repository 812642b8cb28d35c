package org.signpost.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
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
import org.signpost.handlers.http.Json;
import org.signpost.handlers.wiring.Wiring;
import org.signpost.testing.Events;
import org.signpost.testing.ReferralFixtures;
import org.signpost.testing.TestBackend;

/** Wellbeing check-ins at 6 and 12 weeks, end to end through housekeeping and the pages. */
@ExtendWith(TestBackend.class)
class CheckInsIT {
  private static final String ORG = "org-checkin-home";
  private static final Pattern LINK = Pattern.compile("/c/([A-Za-z0-9_.-]+)");

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

  private static APIGatewayV2HTTPResponse call(
      ReferralsFunction api,
      String routeKey,
      String path,
      Map<String, String> params,
      String type,
      String body,
      Map<String, String> claims) {
    return api.handleRequest(
        Events.request(routeKey, path, params, "", Map.of("content-type", type), body, claims),
        null);
  }

  @Test
  void checkIns_goOutAtSixAndTwelveWeeks_andThePrescriberSeesChange_butTheGroupSeesNoScores(
      TestBackend.Store store, @TempDir Path outbox) throws Exception {
    ReferralFixtures.MovableClock clock = new ReferralFixtures.MovableClock(Instant.now());
    Wiring wiring = new Wiring(store.config(true), ReferralFixtures.settings(1000, outbox), clock);
    ReferralsFunction api = new ReferralsFunction(wiring);
    HousekeepingFunction housekeeping = new HousekeepingFunction(wiring);
    Events.enrol(wiring.memberships, Events.provider(ORG), Events.prescriber());
    String listing = ReferralFixtures.listing(wiring, ORG, "Check-in Tea", "[\"prescriber\"]").id();
    APIGatewayV2HTTPResponse created =
        call(
            api,
            "POST /api/prescriber/referrals",
            "/api/prescriber/referrals",
            null,
            "application/json",
            "{\"listing_id\":\""
                + listing
                + "\",\"name\":\"Ali\",\"email\":\"ali@example.org\",\"reason\":\"isolated\","
                + "\"needs\":[\"loneliness\"],\"ons4\":[3,4,5,8],\"consent\":true,"
                + "\"follow_up_consent\":true}",
            Events.prescriber());
    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(201);
    String id = Json.MAPPER.readTree(created.getBody()).get("id").asText();

    clock.advance(Duration.ofDays(42));
    assertThat(housekeeping.run()).containsEntry("check_ins", 1);
    assertThat(housekeeping.run()).containsEntry("check_ins", 0);
    String mail = outbox(outbox);
    assertThat(mail).contains("To: ali@example.org").doesNotContain("isolated");
    Matcher m = LINK.matcher(mail);
    assertThat(m.find()).isTrue();
    String token = m.group(1);
    Map<String, String> path = Map.of("token", token);
    String form = "application/x-www-form-urlencoded";

    APIGatewayV2HTTPResponse page =
        call(api, "GET /c/{token}", "/c/" + token, path, form, null, null);
    assertThat(page.getStatusCode()).isEqualTo(200);
    assertThat(page.getBody()).contains("checkin-send", "checkin-stop");
    APIGatewayV2HTTPResponse bad =
        call(
            api,
            "POST /c/{token}",
            "/c/" + token,
            path,
            form,
            "satisfied=5&worthwhile=6&happy=6&anxious=11",
            null);
    assertThat(bad.getStatusCode()).isEqualTo(400);
    assertThat(bad.getBody()).contains("checkin-error");
    assertThat(wiring.referrals.find(id).orElseThrow().checkIn(6).orElseThrow().answered())
        .isFalse();
    APIGatewayV2HTTPResponse good =
        call(
            api,
            "POST /c/{token}",
            "/c/" + token,
            path,
            form,
            "satisfied=5&worthwhile=6&happy=6&anxious=4",
            null);
    assertThat(good.getStatusCode()).isEqualTo(200);
    assertThat(
            call(
                    api,
                    "POST /c/{token}",
                    "/c/" + token,
                    path,
                    form,
                    "satisfied=1&worthwhile=1&happy=1&anxious=1",
                    null)
                .getStatusCode())
        .isEqualTo(409);

    Map<String, String> one = Map.of("id", id);
    JsonNode prescriberView =
        Json.MAPPER.readTree(
            call(
                    api,
                    "GET /api/referrals/{id}",
                    "/api/referrals/" + id,
                    one,
                    form,
                    null,
                    Events.prescriber())
                .getBody());
    JsonNode checkIn = prescriberView.at("/outcomes/check_ins/0");
    assertThat(prescriberView.at("/outcomes/baseline/ons4").toString()).isEqualTo("[3,4,5,8]");
    assertThat(checkIn.get("week").asInt()).isEqualTo(6);
    assertThat(checkIn.get("ons4").toString()).isEqualTo("[5,6,6,4]");
    assertThat(checkIn.get("change").toString()).isEqualTo("[2,2,1,-4]");

    String providerView =
        call(
                api,
                "GET /api/referrals/{id}",
                "/api/referrals/" + id,
                one,
                form,
                null,
                Events.provider(ORG))
            .getBody();
    assertThat(providerView).contains(id).doesNotContain("ons4", "outcomes", "check_ins");
    String providerList =
        call(api, "GET /api/referrals", "/api/referrals", null, form, null, Events.provider(ORG))
            .getBody();
    assertThat(providerList).contains(id).doesNotContain("ons4", "outcomes");
  }

  @Test
  void
      swemwbs_whenThePrescriberAsks_isOfferedAtTheCheckIn_outOfRangeChangesNothing_andTheChangeShows(
          TestBackend.Store store, @TempDir Path outbox) throws Exception {
    ReferralFixtures.MovableClock clock = new ReferralFixtures.MovableClock(Instant.now());
    Wiring wiring = new Wiring(store.config(true), ReferralFixtures.settings(1000, outbox), clock);
    ReferralsFunction api = new ReferralsFunction(wiring);
    HousekeepingFunction housekeeping = new HousekeepingFunction(wiring);
    Map<String, String> gp = Map.of("sub", "gp-wellbeing", "cognito:groups", "[prescriber]");
    Events.enrol(wiring.memberships, Events.provider(ORG), gp);
    String listing =
        ReferralFixtures.listing(wiring, ORG, "Wellbeing Tea", "[\"prescriber\"]").id();
    String body =
        "{\"listing_id\":\""
            + listing
            + "\",\"name\":\"Bea\",\"email\":\"bea@example.org\",\"needs\":[\"low_mood_anxiety\"],"
            + "\"ons4\":[3,4,5,8],\"swemwbs\":%s,\"offer_swemwbs\":true,\"consent\":true,"
            + "\"follow_up_consent\":true}";
    APIGatewayV2HTTPResponse refused =
        call(
            api,
            "POST /api/prescriber/referrals",
            "/api/prescriber/referrals",
            null,
            "application/json",
            body.formatted("[1,2,3,4,5,6,2]"),
            gp);
    assertThat(refused.getStatusCode()).isEqualTo(400);
    assertThat(refused.getHeaders().get("Content-Type")).isEqualTo("application/problem+json");
    assertThat(refused.getBody()).contains("swemwbs");
    assertThat(wiring.referrals.byReferrer("gp-wellbeing")).isEmpty();
    APIGatewayV2HTTPResponse created =
        call(
            api,
            "POST /api/prescriber/referrals",
            "/api/prescriber/referrals",
            null,
            "application/json",
            body.formatted("[2,2,3,3,2,3,2]"),
            gp);
    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(201);
    String id = Json.MAPPER.readTree(created.getBody()).get("id").asText();
    clock.advance(Duration.ofDays(42));
    assertThat(housekeeping.run()).containsEntry("check_ins", 1);
    Matcher m = LINK.matcher(outbox(outbox));
    assertThat(m.find()).isTrue();
    String token = m.group(1);
    Map<String, String> path = Map.of("token", token);
    String form = "application/x-www-form-urlencoded";
    String ons4 = "satisfied=5&worthwhile=6&happy=6&anxious=4";

    APIGatewayV2HTTPResponse page =
        call(api, "GET /c/{token}", "/c/" + token, path, form, null, null);
    APIGatewayV2HTTPResponse outOfRange =
        call(
            api,
            "POST /c/{token}",
            "/c/" + token,
            path,
            form,
            ons4
                + "&swemwbs_1=3&swemwbs_2=3&swemwbs_3=3&swemwbs_4=3&swemwbs_5=3&swemwbs_6=3"
                + "&swemwbs_7=6",
            null);
    APIGatewayV2HTTPResponse partial =
        call(api, "POST /c/{token}", "/c/" + token, path, form, ons4 + "&swemwbs_1=3", null);

    assertThat(page.getBody()).contains("id=\"swemwbs\"", "swemwbs_7", "Wellbeing question 7 of 7");
    assertThat(outOfRange.getStatusCode()).isEqualTo(400);
    assertThat(outOfRange.getBody()).contains("checkin-error", "1 to 5");
    assertThat(partial.getStatusCode()).isEqualTo(400);
    assertThat(wiring.referrals.find(id).orElseThrow().checkIn(6).orElseThrow().answered())
        .isFalse();

    APIGatewayV2HTTPResponse good =
        call(
            api,
            "POST /c/{token}",
            "/c/" + token,
            path,
            form,
            ons4
                + "&swemwbs_1=3&swemwbs_2=4&swemwbs_3=3&swemwbs_4=4&swemwbs_5=3&swemwbs_6=3"
                + "&swemwbs_7=3",
            null);
    assertThat(good.getStatusCode()).isEqualTo(200);
    JsonNode outcomes =
        Json.MAPPER
            .readTree(
                call(
                        api,
                        "GET /api/referrals/{id}",
                        "/api/referrals/" + id,
                        Map.of("id", id),
                        form,
                        null,
                        gp)
                    .getBody())
            .get("outcomes");
    assertThat(outcomes.get("swemwbs_offered").asBoolean()).isTrue();
    assertThat(outcomes.at("/baseline/swemwbs/total").asInt()).isEqualTo(17);
    assertThat(outcomes.at("/check_ins/0/swemwbs/items").toString()).isEqualTo("[3,4,3,4,3,3,3]");
    assertThat(outcomes.at("/check_ins/0/swemwbs/total").asInt()).isEqualTo(23);
    assertThat(outcomes.at("/check_ins/0/swemwbs/change").asInt()).isEqualTo(6);
    String providerView =
        call(
                api,
                "GET /api/referrals/{id}",
                "/api/referrals/" + id,
                Map.of("id", id),
                form,
                null,
                Events.provider(ORG))
            .getBody();
    assertThat(providerView).doesNotContain("swemwbs", "ons4");
    String summary =
        call(
                api,
                "GET /api/referrals/{id}/gp-summary",
                "/api/referrals/" + id + "/gp-summary",
                Map.of("id", id),
                form,
                null,
                gp)
            .getBody();
    assertThat(summary).contains("SWEMWBS at week 6", "raw total 23 of 35 (+6)");
  }

  @Test
  void smsChosenAtConsent_goesThroughTheOutboxAsATextMessage_neverLoggingTheNumberOrLink(
      TestBackend.Store store, @TempDir Path outbox) throws Exception {
    ReferralFixtures.MovableClock clock = new ReferralFixtures.MovableClock(Instant.now());
    Wiring wiring = new Wiring(store.config(true), ReferralFixtures.settings(1000, outbox), clock);
    ReferralsFunction api = new ReferralsFunction(wiring);
    HousekeepingFunction housekeeping = new HousekeepingFunction(wiring);
    Map<String, String> gp = Map.of("sub", "gp-texts", "cognito:groups", "[prescriber]");
    Events.enrol(wiring.memberships, Events.provider(ORG), gp);
    String listing = ReferralFixtures.listing(wiring, ORG, "Text Tea", "[\"prescriber\"]").id();
    String body =
        "{\"listing_id\":\""
            + listing
            + "\",\"name\":\"Cai\",\"phone\":\"%s\",\"needs\":[\"loneliness\"],\"consent\":true,"
            + "\"follow_up_consent\":true,\"follow_up_channel\":\"sms\"}";
    APIGatewayV2HTTPResponse badPhone =
        call(
            api,
            "POST /api/prescriber/referrals",
            "/api/prescriber/referrals",
            null,
            "application/json",
            body.formatted("0770 090"),
            gp);
    APIGatewayV2HTTPResponse landline =
        call(
            api,
            "POST /api/prescriber/referrals",
            "/api/prescriber/referrals",
            null,
            "application/json",
            body.formatted("0121 496 0000"),
            gp);
    assertThat(badPhone.getStatusCode()).isEqualTo(400);
    assertThat(badPhone.getHeaders().get("Content-Type")).isEqualTo("application/problem+json");
    assertThat(Json.MAPPER.readTree(badPhone.getBody()).at("/errors/0/field").asText())
        .isEqualTo("phone");
    assertThat(landline.getStatusCode()).isEqualTo(400);
    assertThat(landline.getBody()).contains("mobile");
    assertThat(wiring.referrals.byReferrer("gp-texts")).isEmpty();

    APIGatewayV2HTTPResponse created =
        call(
            api,
            "POST /api/prescriber/referrals",
            "/api/prescriber/referrals",
            null,
            "application/json",
            body.formatted("07700 900135"),
            gp);
    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(201);
    clock.advance(Duration.ofDays(42));
    // Without an SMS gateway (as in AWS today) the text waits in the outbox, unclaimed.
    assertThat(wiring.referralService.followUps().sendDue()).isEqualTo(1);
    java.util.List<String> withoutGateway =
        new org.signpost.handlers.notify.OutboxRelay(
                wiring.referrals,
                new org.signpost.handlers.notify.ChannelSender(
                    new org.signpost.handlers.notify.FileSender(outbox, "from@example.org"),
                    java.util.Optional.empty()),
                clock)
            .sendPending();
    assertThat(withoutGateway).noneMatch(f -> f.contains("-sms-"));
    assertThat(wiring.referrals.unsent()).anyMatch(item -> item.textMessage());

    String logs =
        ReferralPrivacyIT.captureStandardError(
            () -> {
              org.slf4j.LoggerFactory.getLogger(CheckInsIT.class).info("log capture is live");
              return housekeeping.run();
            });

    String text = outbox(outbox);
    assertThat(text).contains("SMS to: +447700900135").containsPattern("/c/[A-Za-z0-9_.-]+");
    assertThat(wiring.referrals.unsent()).noneMatch(item -> item.textMessage());
    assertThat(logs).contains("log capture is live", "text message");
    assertThat(logs).doesNotContain("+447700900135", "07700 900135", "900135", "/c/");
  }
}
