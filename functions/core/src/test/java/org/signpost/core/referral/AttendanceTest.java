package org.signpost.core.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.signpost.core.auth.Caller;
import org.signpost.core.auth.Role;
import org.signpost.core.crisis.CrisisDetector;
import org.signpost.core.errors.SignpostException;
import org.signpost.core.fakes.InMemoryListings;
import org.signpost.core.fakes.InMemoryReferrals;
import org.signpost.core.fakes.MutableClock;

class AttendanceTest {
  private static final Instant START = Instant.parse("2026-11-26T10:00:00Z");
  private static final Pattern LINK = Pattern.compile("/attend/([A-Za-z0-9_.-]+)");
  private static final Caller PRESCRIBER =
      new Caller("gp-1", Set.of(Role.PRESCRIBER), Optional.empty());
  private static final Caller PROVIDER =
      new Caller("p-a", Set.of(Role.PROVIDER), Optional.of("org-a"));

  private final MutableClock clock = new MutableClock(START);
  private final InMemoryListings listings = new InMemoryListings();
  private final InMemoryReferrals store = new InMemoryReferrals();
  private ReferralService service;
  private Attendance attendance;

  @BeforeEach
  void setUp() {
    service =
        new ReferralService(
            store,
            listings,
            store,
            store,
            new CrisisDetector(),
            clock,
            "test-secret-of-sufficient-length".getBytes(StandardCharsets.UTF_8),
            180,
            3);
    attendance = service.attendance();
    listings.create(ReferralServiceTest.listing("lst-tea", List.of("prescriber")));
  }

  private Referral refer() {
    return service
        .submitForPrescriber(
            PRESCRIBER,
            new ReferralRequest(
                "lst-tea",
                "Ali",
                "07700 900777",
                "",
                "",
                "",
                List.of("loneliness"),
                "",
                "isolated since moving",
                List.of(3, 4, 5, 6),
                "en",
                "",
                true,
                null),
            "gp@example.org")
        .referral();
  }

  private String linkSentToTheGroup(Referral r) {
    String body =
        store.sent.stream()
            .filter(n -> n.referralId().equals(r.id()) && n.kind().equals("new_referral"))
            .findFirst()
            .orElseThrow()
            .body();
    Matcher m = LINK.matcher(body);
    assertThat(m.find()).as(body).isTrue();
    return m.group(1);
  }

  private List<Notifications.Notification> toPrescriber() {
    return store.sent.stream().filter(n -> n.recipient().equals("gp@example.org")).toList();
  }

  @Test
  void came_movesTheReferralToAttended_andTellsThePrescriber() {
    Referral r = refer();
    String token = linkSentToTheGroup(r);
    assertThat(store.sent.get(0).body()).doesNotContain("Ali", "07700");
    assertThat(attendance.open(token)).isInstanceOf(Attendance.Open.class);

    clock.advance(Duration.ofDays(10));
    Attendance.Outcome outcome = attendance.answer(token, "came");

    assertThat(outcome).isInstanceOf(Attendance.Recorded.class);
    Referral stored = store.find(r.id()).orElseThrow();
    assertThat(stored.status()).isEqualTo(ReferralStatus.ATTENDED);
    assertThat(stored.history().get(stored.history().size() - 1).by()).isEqualTo(Attendance.BY);
    assertThat(stored.firstContactAt()).isEqualTo(START.plus(Duration.ofDays(10)));
    assertThat(toPrescriber())
        .singleElement()
        .satisfies(n -> assertThat(n.subject()).contains(r.reference(), "attended"));
  }

  @Test
  void aUsedLink_isRefused_andCannotChangeTheAnswer() {
    Referral r = refer();
    String token = linkSentToTheGroup(r);
    attendance.answer(token, "did_not_come");
    long version = store.find(r.id()).orElseThrow().version();

    assertThat(attendance.open(token)).isInstanceOf(Attendance.AlreadyAnswered.class);
    assertThat(attendance.answer(token, "came")).isInstanceOf(Attendance.AlreadyAnswered.class);
    assertThat(store.find(r.id()).orElseThrow().status()).isEqualTo(ReferralStatus.DID_NOT_ATTEND);
    assertThat(store.find(r.id()).orElseThrow().version()).isEqualTo(version);
    assertThat(toPrescriber()).hasSize(1);
  }

  @Test
  void anExpiredLink_isRefused_andChangesNothing() {
    Referral r = refer();
    String token = linkSentToTheGroup(r);

    clock.advance(Attendance.VALID_FOR.plusSeconds(1));

    assertThat(attendance.open(token)).isInstanceOf(Attendance.Expired.class);
    assertThat(attendance.answer(token, "came")).isInstanceOf(Attendance.Expired.class);
    assertThat(store.find(r.id()).orElseThrow().status()).isEqualTo(ReferralStatus.NEW);
    assertThat(toPrescriber()).isEmpty();
  }

  @Test
  void aTamperedOrForeignLink_isInvalid_andChangesNothing() {
    Referral r = refer();
    String token = linkSentToTheGroup(r);
    char last = token.charAt(token.length() - 1);
    String tampered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');

    assertThat(attendance.answer(tampered, "came")).isInstanceOf(Attendance.Invalid.class);
    assertThat(attendance.answer("0123456789abcdef0123456789abcdef", "came"))
        .isInstanceOf(Attendance.Invalid.class);
    assertThat(store.find(r.id()).orElseThrow().status()).isEqualTo(ReferralStatus.NEW);
  }

  @Test
  void aLinkForADeletedReferral_isInvalid() {
    Referral r = refer();
    String token = linkSentToTheGroup(r);
    store.delete(r.id());

    assertThat(attendance.open(token)).isInstanceOf(Attendance.Invalid.class);
  }

  @Test
  void stillWaiting_changesNothing_keepsTheLinkOpen_andTellsThePrescriberOncePerDay() {
    Referral r = refer();
    String token = linkSentToTheGroup(r);

    attendance.answer(token, "still_waiting");
    attendance.answer(token, "still_waiting");

    assertThat(store.find(r.id()).orElseThrow().status()).isEqualTo(ReferralStatus.NEW);
    assertThat(store.find(r.id()).orElseThrow().version()).isEqualTo(r.version());
    assertThat(attendance.open(token)).isInstanceOf(Attendance.Open.class);
    assertThat(toPrescriber())
        .singleElement()
        .satisfies(n -> assertThat(n.kind()).isEqualTo("still_waiting"));
    clock.advance(Duration.ofDays(1));
    attendance.answer(token, "still_waiting");
    assertThat(toPrescriber()).hasSize(2);
  }

  @Test
  void aLinkForAReferralTheGroupAlreadyDeclined_isAlreadyAnswered() {
    Referral r = refer();
    String token = linkSentToTheGroup(r);
    r = service.move(PROVIDER, r.id(), "contacted", null, OptionalLong.of(r.version()));
    service.move(PROVIDER, r.id(), "declined", "full", OptionalLong.of(r.version()));

    assertThat(attendance.answer(token, "came")).isInstanceOf(Attendance.AlreadyAnswered.class);
    assertThat(store.find(r.id()).orElseThrow().status()).isEqualTo(ReferralStatus.DECLINED);
  }

  @Test
  void anUnknownAnswer_isAValidationError_andChangesNothing() {
    Referral r = refer();
    String token = linkSentToTheGroup(r);

    assertThatThrownBy(() -> attendance.answer(token, "maybe"))
        .isInstanceOf(SignpostException.Invalid.class);
    assertThat(store.find(r.id()).orElseThrow().status()).isEqualTo(ReferralStatus.NEW);
    assertThat(attendance.open(token)).isInstanceOf(Attendance.Open.class);
  }
}
