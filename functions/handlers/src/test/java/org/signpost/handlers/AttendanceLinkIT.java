package org.signpost.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.signpost.core.referral.Attendance;
import org.signpost.core.referral.Referral;
import org.signpost.core.referral.ReferralStatus;
import org.signpost.handlers.http.Json;
import org.signpost.handlers.storage.OutboxItem;
import org.signpost.handlers.wiring.Wiring;
import org.signpost.testing.Events;
import org.signpost.testing.ReferralFixtures;
import org.signpost.testing.TestBackend;

/** The group's one-tap attendance link through the Referrals function, against dynalite. */
@ExtendWith(TestBackend.class)
class AttendanceLinkIT {
  private static final String ORG = "org-attend-home";
  private static final Pattern LINK = Pattern.compile("/attend/([A-Za-z0-9_.-]+)");
  private static final ReferralFixtures.MovableClock CLOCK =
      new ReferralFixtures.MovableClock(Instant.now());
  private static Wiring wiring;
  private static ReferralsFunction api;
  private static String listingId;

  @BeforeAll
  static void wire(TestBackend.Store store) {
    wiring = new Wiring(store.config(true), ReferralFixtures.settings(1000, null), CLOCK);
    api = new ReferralsFunction(wiring);
    Events.enrol(wiring.memberships, Events.provider(ORG), Events.prescriber());
    listingId =
        ReferralFixtures.listing(wiring, ORG, "Attendance Tea Club", "[\"prescriber\"]").id();
  }

  /** A prescriber referral; returns its id and the link the group was sent. */
  private static String[] refer() throws Exception {
    String body =
        "{\"listing_id\":\""
            + listingId
            + "\",\"name\":\"Ali\",\"phone\":\"07700 900777\","
            + "\"reason\":\"isolated\",\"needs\":[\"loneliness\"],\"consent\":true}";
    APIGatewayV2HTTPResponse created =
        api.handleRequest(
            Events.request(
                "POST /api/prescriber/referrals",
                "/api/prescriber/referrals",
                null,
                "",
                Map.of("content-type", "application/json"),
                body,
                Events.prescriber()),
            null);
    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(201);
    String id = Json.MAPPER.readTree(created.getBody()).get("id").asText();
    OutboxItem notice =
        notices(id).stream().filter(n -> n.getKind().equals("new_referral")).findFirst().get();
    Matcher m = LINK.matcher(notice.getBody());
    assertThat(m.find()).as(notice.getBody()).isTrue();
    return new String[] {id, m.group(1)};
  }

  private static List<OutboxItem> notices(String referralId) {
    return wiring.referrals.unsent().stream()
        .filter(n -> referralId.equals(n.getReferralId()))
        .toList();
  }

  private static APIGatewayV2HTTPResponse open(String token) {
    return api.handleRequest(
        Events.request(
            "GET /attend/{token}",
            "/attend/" + token,
            Map.of("token", token),
            "",
            Map.of(),
            null,
            null),
        null);
  }

  private static APIGatewayV2HTTPResponse tap(String token, String answer) {
    return api.handleRequest(
        Events.request(
            "POST /attend/{token}",
            "/attend/" + token,
            Map.of("token", token),
            "",
            Map.of("content-type", "application/x-www-form-urlencoded"),
            "answer=" + answer,
            null),
        null);
  }

  private static Referral stored(String id) {
    return wiring.referrals.find(id).orElseThrow();
  }

  @Test
  void aTapOnCame_movesTheReferralToAttended_andQueuesANoticeForThePrescriber() throws Exception {
    String[] referral = refer();
    long version = stored(referral[0]).version();

    APIGatewayV2HTTPResponse page = open(referral[1]);
    assertThat(page.getStatusCode()).isEqualTo(200);
    assertThat(page.getBody())
        .contains("attend-came", "attend-did-not-come", "attend-still-waiting")
        .doesNotContain("Ali", "07700");
    assertThat(page.getHeaders()).containsEntry("X-Robots-Tag", "noindex");
    assertThat(stored(referral[0]).version()).isEqualTo(version);

    APIGatewayV2HTTPResponse tapped = tap(referral[1], "came");

    assertThat(tapped.getStatusCode()).isEqualTo(200);
    assertThat(tapped.getBody()).contains("recorded that they came");
    Referral after = stored(referral[0]);
    assertThat(after.status()).isEqualTo(ReferralStatus.ATTENDED);
    assertThat(after.history().get(after.history().size() - 1).by()).isEqualTo(Attendance.BY);
    assertThat(notices(referral[0]))
        .anySatisfy(
            n -> {
              assertThat(n.getKind()).isEqualTo("status_changed");
              assertThat(n.getRecipient()).startsWith("user:");
              assertThat(n.getSubject()).contains("attended");
            });
  }

  @Test
  void aReusedLink_getsAClearPage_andChangesNothing() throws Exception {
    String[] referral = refer();
    assertThat(tap(referral[1], "did_not_come").getStatusCode()).isEqualTo(200);
    Referral answered = stored(referral[0]);
    int noticesBefore = notices(referral[0]).size();

    APIGatewayV2HTTPResponse again = tap(referral[1], "came");
    APIGatewayV2HTTPResponse reopened = open(referral[1]);

    assertThat(again.getStatusCode()).isEqualTo(409);
    assertThat(again.getBody()).contains("already been used", "did not attend");
    assertThat(reopened.getStatusCode()).isEqualTo(409);
    assertThat(reopened.getBody()).doesNotContain("attend-came");
    assertThat(stored(referral[0]).version()).isEqualTo(answered.version());
    assertThat(stored(referral[0]).status()).isEqualTo(ReferralStatus.DID_NOT_ATTEND);
    assertThat(notices(referral[0])).hasSize(noticesBefore);
  }

  @Test
  void anExpiredTamperedOrMalformedLink_orABadAnswer_getsAClearPage_andChangesNothing()
      throws Exception {
    String[] referral = refer();
    String token = referral[1];
    char last = token.charAt(token.length() - 1);
    String tampered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
    long version = stored(referral[0]).version();

    APIGatewayV2HTTPResponse forged = tap(tampered, "came");
    APIGatewayV2HTTPResponse garbage = tap("%3Cscript%3E", "came");
    APIGatewayV2HTTPResponse badAnswer = tap(token, "maybe");

    assertThat(forged.getStatusCode()).isEqualTo(404);
    assertThat(forged.getBody()).contains("This link does not work");
    assertThat(garbage.getStatusCode()).isEqualTo(404);
    assertThat(badAnswer.getStatusCode()).isEqualTo(400);
    assertThat(badAnswer.getHeaders().get("Content-Type")).startsWith("text/html");

    CLOCK.advance(Attendance.VALID_FOR.plus(Duration.ofMinutes(1)));
    try {
      APIGatewayV2HTTPResponse expired = tap(token, "came");
      assertThat(expired.getStatusCode()).isEqualTo(410);
      assertThat(expired.getBody()).contains("expired");
    } finally {
      CLOCK.advance(Attendance.VALID_FOR.plus(Duration.ofMinutes(1)).negated());
    }
    assertThat(stored(referral[0]).version()).isEqualTo(version);
    assertThat(stored(referral[0]).status()).isEqualTo(ReferralStatus.NEW);
  }
}
