package org.signpost.core.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
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

class FollowUpsTest {
  private static final Instant START = Instant.parse("2026-11-26T10:00:00Z");
  private static final Pattern LINK = Pattern.compile("/c/([A-Za-z0-9_.-]+)");
  private static final Caller PRESCRIBER =
      new Caller("gp-1", Set.of(Role.PRESCRIBER), Optional.empty());

  private final MutableClock clock = new MutableClock(START);
  private final InMemoryListings listings = new InMemoryListings();
  private final InMemoryReferrals store = new InMemoryReferrals();
  private ReferralService service;
  private FollowUps followUps;

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
    followUps = service.followUps();
    listings.create(ReferralServiceTest.listing("lst-tea", List.of("prescriber")));
  }

  private Referral refer(boolean consent) {
    return service
        .submitForPrescriber(
            PRESCRIBER,
            new ReferralRequest(
                "lst-tea",
                "Ali",
                "",
                "ali@example.org",
                "",
                "",
                List.of("loneliness"),
                "",
                "isolated",
                List.of(3, 4, 5, 8),
                "en",
                "",
                true,
                null,
                consent),
            "gp@example.org")
        .referral();
  }

  private List<String> checkInLinks() {
    return store.sent.stream()
        .filter(n -> n.kind().equals("check_in"))
        .map(
            n -> {
              Matcher m = LINK.matcher(n.body());
              assertThat(m.find()).isTrue();
              assertThat(n.recipient()).isEqualTo("ali@example.org");
              return m.group(1);
            })
        .toList();
  }

  @Test
  void checkIns_goOutAtSixAndTwelveWeeks_onceEach_andTheAnswersAreRecorded() {
    Referral r = refer(true);

    clock.advance(Duration.ofDays(41));
    assertThat(followUps.sendDue()).isZero();
    clock.advance(Duration.ofDays(1));
    assertThat(followUps.sendDue()).isEqualTo(1);
    assertThat(followUps.sendDue()).isZero();
    String six = checkInLinks().get(0);
    assertThat(followUps.answer(six, List.of(5, 6, 6, 4))).isInstanceOf(FollowUps.Answered.class);

    clock.advance(Duration.ofDays(42));
    assertThat(followUps.sendDue()).isEqualTo(1);
    assertThat(followUps.sendDue()).isZero();
    String twelve = checkInLinks().get(1);
    assertThat(followUps.answer(twelve, List.of(7, 7, 8, 2)))
        .isInstanceOf(FollowUps.Answered.class);

    Referral stored = store.find(r.id()).orElseThrow();
    assertThat(stored.checkIn(6).orElseThrow().ons4()).containsExactly(5, 6, 6, 4);
    assertThat(stored.checkIn(12).orElseThrow().ons4()).containsExactly(7, 7, 8, 2);
    assertThat(stored.checkIn(12).orElseThrow().answeredAt()).isEqualTo(clock.instant());
    assertThat(stored.ons4()).containsExactly(3, 4, 5, 8);
    assertThat(store.sent.stream().filter(n -> n.kind().equals("check_in")).toList())
        .allSatisfy(n -> assertThat(n.body()).doesNotContain("Ali", "isolated"));
  }

  @Test
  void withoutConsent_noCheckInIsSent() {
    refer(false);
    clock.advance(Duration.ofDays(100));

    assertThat(followUps.sendDue()).isZero();
    assertThat(checkInLinks()).isEmpty();
  }

  @Test
  void aLatePass_sendsOnlyTheTwelveWeekCheckIn() {
    refer(true);
    clock.advance(Duration.ofDays(90));

    assertThat(followUps.sendDue()).isEqualTo(1);
    assertThat(followUps.open(checkInLinks().get(0)))
        .isInstanceOfSatisfying(FollowUps.Open.class, o -> assertThat(o.week()).isEqualTo(12));
  }

  @Test
  void outOfRangeScores_areRefused_andChangeNothing() {
    Referral r = refer(true);
    clock.advance(Duration.ofDays(42));
    followUps.sendDue();
    String token = checkInLinks().get(0);
    long version = store.find(r.id()).orElseThrow().version();

    for (List<Integer> bad :
        List.of(List.of(5, 6, 6, 11), List.of(5, 6, 6), List.of(-1, 0, 0, 0), nullScores())) {
      assertThatThrownBy(() -> followUps.answer(token, bad))
          .isInstanceOfSatisfying(
              SignpostException.Invalid.class,
              e -> assertThat(e.errors()).anySatisfy(f -> assertThat(f.field()).isEqualTo("ons4")));
    }
    assertThat(store.find(r.id()).orElseThrow().version()).isEqualTo(version);
    assertThat(followUps.open(token)).isInstanceOf(FollowUps.Open.class);
  }

  private Referral referWithSwemwbs(List<Integer> baseline, boolean offer) {
    return service
        .submitForPrescriber(
            PRESCRIBER,
            new ReferralRequest(
                "lst-tea",
                "Ali",
                "",
                "ali@example.org",
                "",
                "",
                List.of("loneliness"),
                "",
                "isolated",
                List.of(3, 4, 5, 8),
                "en",
                "",
                true,
                null,
                true,
                baseline,
                offer,
                null),
            "gp@example.org")
        .referral();
  }

  @Test
  void swemwbs_whenAsked_isStoredWithTheCheckIn_asItemsAndRawTotal() {
    Referral r = referWithSwemwbs(List.of(2, 2, 3, 3, 2, 3, 2), true);
    clock.advance(Duration.ofDays(42));
    followUps.sendDue();
    String token = checkInLinks().get(0);

    assertThat(followUps.answer(token, List.of(5, 6, 6, 4), List.of(3, 4, 3, 4, 3, 3, 3)))
        .isInstanceOf(FollowUps.Answered.class);

    Referral stored = store.find(r.id()).orElseThrow();
    assertThat(stored.checkInPlan().swemwbsBaseline()).containsExactly(2, 2, 3, 3, 2, 3, 2);
    assertThat(stored.checkIn(6).orElseThrow().swemwbs()).containsExactly(3, 4, 3, 4, 3, 3, 3);
    assertThat(Swemwbs.total(stored.checkIn(6).orElseThrow().swemwbs())).isEqualTo(23);
  }

  @Test
  void swemwbs_outOfRangeOrNotAsked_isRefused_andChangesNothing() {
    Referral asked = referWithSwemwbs(List.of(), true);
    clock.advance(Duration.ofDays(42));
    followUps.sendDue();
    String token = checkInLinks().get(0);
    long version = store.find(asked.id()).orElseThrow().version();

    for (List<Integer> bad :
        List.of(
            List.of(3, 3, 3, 3, 3, 3, 6),
            List.of(0, 3, 3, 3, 3, 3, 3),
            List.of(3, 3, 3),
            Arrays.asList(3, 3, null, 3, 3, 3, 3))) {
      assertThatThrownBy(() -> followUps.answer(token, List.of(5, 6, 6, 4), bad))
          .isInstanceOfSatisfying(
              SignpostException.Invalid.class,
              e ->
                  assertThat(e.errors())
                      .anySatisfy(f -> assertThat(f.field()).isEqualTo("swemwbs")));
    }
    assertThat(store.find(asked.id()).orElseThrow().version()).isEqualTo(version);
    assertThat(followUps.open(token)).isInstanceOf(FollowUps.Open.class);
  }

  @Test
  void swemwbs_notAskedByThePrescriber_isRefusedAtTheCheckIn() {
    refer(true);
    clock.advance(Duration.ofDays(42));
    followUps.sendDue();
    String token = checkInLinks().get(0);

    assertThatThrownBy(
            () -> followUps.answer(token, List.of(5, 6, 6, 4), List.of(3, 3, 3, 3, 3, 3, 3)))
        .isInstanceOf(SignpostException.Invalid.class)
        .hasMessageContaining("answers");
    assertThat(followUps.open(token)).isInstanceOf(FollowUps.Open.class);
  }

  @Test
  void swemwbs_atReferral_mustBeSevenScoresFromOneToFive_andNeedsFollowUpConsent() {
    assertThatThrownBy(() -> referWithSwemwbs(List.of(1, 2, 3, 4, 5, 6, 2), true))
        .isInstanceOfSatisfying(
            SignpostException.Invalid.class,
            e ->
                assertThat(e.errors()).anySatisfy(f -> assertThat(f.field()).isEqualTo("swemwbs")));
    assertThatThrownBy(
            () ->
                service.submitForPrescriber(
                    PRESCRIBER,
                    new ReferralRequest(
                        "lst-tea",
                        "Ali",
                        "",
                        "ali@example.org",
                        "",
                        "",
                        List.of(),
                        "",
                        "",
                        List.of(),
                        "en",
                        "",
                        true,
                        null,
                        false,
                        List.of(),
                        true,
                        null),
                    "gp@example.org"))
        .isInstanceOfSatisfying(
            SignpostException.Invalid.class,
            e ->
                assertThat(e.errors())
                    .anySatisfy(f -> assertThat(f.field()).isEqualTo("offer_swemwbs")));
    assertThat(store.all()).isEmpty();
  }

  private Referral referVia(String channel, String phone, String email) {
    return service
        .submitForPrescriber(
            PRESCRIBER,
            new ReferralRequest(
                "lst-tea",
                "Ali",
                phone,
                email,
                "",
                "",
                List.of("loneliness"),
                "",
                "isolated",
                List.of(3, 4, 5, 8),
                "en",
                "",
                true,
                null,
                true,
                List.of(),
                false,
                channel),
            "gp@example.org")
        .referral();
  }

  private List<Notifications.Notification> checkIns() {
    return store.sent.stream().filter(n -> n.kind().equals("check_in")).toList();
  }

  @Test
  void smsChosenAtConsent_sendsTheCheckInAsATextMessage_toTheNumberInE164() {
    referVia("sms", "07700 900123", "ali@example.org");
    clock.advance(Duration.ofDays(42));

    assertThat(followUps.sendDue()).isEqualTo(1);

    Notifications.Notification text = checkIns().get(0);
    assertThat(text.channel()).isEqualTo(Notifications.Channel.SMS);
    assertThat(text.recipient()).isEqualTo("+447700900123");
    assertThat(text.body()).contains("/c/").doesNotContain("Ali", "isolated").hasSizeLessThan(250);
    assertThat(text.toString()).doesNotContain("+447700900123", "/c/");
    Matcher link = LINK.matcher(text.body());
    assertThat(link.find()).isTrue();
    assertThat(followUps.open(link.group(1))).isInstanceOf(FollowUps.Open.class);
  }

  @Test
  void withoutAChoice_emailComesFirst_elseATextToAMobile_andALandlineGetsNothing() {
    referVia(null, "07700 900123", "ali@example.org");
    referVia(null, "+44 (0)7700 900456", "");
    referVia(null, "0121 496 0000", "");
    clock.advance(Duration.ofDays(42));

    assertThat(followUps.sendDue()).isEqualTo(2);
    assertThat(checkIns())
        .extracting(Notifications.Notification::recipient)
        .containsExactlyInAnyOrder("ali@example.org", "+447700900456");
  }

  @Test
  void badPhoneNumbers_andAChannelWithoutItsContact_areRefused_andStoreNothing() {
    for (String[] bad :
        new String[][] {
          {"sms", "12345", "", "phone"},
          {"sms", "07700 9001", "", "phone"},
          {"sms", "+44 7700 900123 999", "", "phone"},
          {"sms", "0121 496 0000", "", "phone"},
          {"sms", "", "ali@example.org", "follow_up_channel"},
          {"email", "07700 900123", "", "follow_up_channel"},
          {"pigeon", "07700 900123", "", "follow_up_channel"}
        }) {
      assertThatThrownBy(() -> referVia(bad[0], bad[1], bad[2]))
          .as(String.join(" ", bad))
          .isInstanceOfSatisfying(
              SignpostException.Invalid.class,
              e -> assertThat(e.errors()).anySatisfy(f -> assertThat(f.field()).isEqualTo(bad[3])));
    }
    assertThat(store.all()).isEmpty();
  }

  private static List<Integer> nullScores() {
    return Arrays.asList(5, null, 6, 6);
  }

  @Test
  void aReusedExpiredOrTamperedLink_isRefused_andChangesNothing() {
    Referral r = refer(true);
    clock.advance(Duration.ofDays(42));
    followUps.sendDue();
    String token = checkInLinks().get(0);
    followUps.answer(token, List.of(5, 6, 6, 4));
    long version = store.find(r.id()).orElseThrow().version();

    assertThat(followUps.answer(token, List.of(0, 0, 0, 10)))
        .isInstanceOf(FollowUps.AlreadyAnswered.class);
    assertThat(followUps.answer(token.substring(0, token.length() - 2) + "zz", List.of(1, 1, 1, 1)))
        .isInstanceOf(FollowUps.Invalid.class);
    clock.advance(FollowUps.VALID_FOR);
    assertThat(followUps.answer(token, List.of(1, 1, 1, 1))).isInstanceOf(FollowUps.Expired.class);
    assertThat(store.find(r.id()).orElseThrow().version()).isEqualTo(version);
    assertThat(store.find(r.id()).orElseThrow().checkIn(6).orElseThrow().ons4())
        .containsExactly(5, 6, 6, 4);
  }

  @Test
  void stopping_endsFurtherCheckIns_andAStoppedLinkTakesNoAnswers() {
    Referral r = refer(true);
    clock.advance(Duration.ofDays(42));
    followUps.sendDue();
    String token = checkInLinks().get(0);

    assertThat(followUps.stop(token)).isInstanceOf(FollowUps.Stopped.class);
    assertThat(followUps.answer(token, List.of(5, 6, 6, 4))).isInstanceOf(FollowUps.Stopped.class);
    clock.advance(Duration.ofDays(60));
    assertThat(followUps.sendDue()).isZero();
    Referral stored = store.find(r.id()).orElseThrow();
    assertThat(stored.followUps()).isFalse();
    assertThat(stored.checkIn(6).orElseThrow().answered()).isFalse();
    assertThat(stored.checkIn(12)).isEmpty();
  }

  @Test
  void scores_areForTheReferrerAndAdmins_neverTheReceivingOrganisation() {
    Referral r = refer(true);

    assertThat(r.scoresVisibleTo(PRESCRIBER)).isTrue();
    assertThat(r.scoresVisibleTo(new Caller("admin", Set.of(Role.ADMIN), Optional.empty())))
        .isTrue();
    assertThat(r.scoresVisibleTo(new Caller("p-a", Set.of(Role.PROVIDER), Optional.of("org-a"))))
        .isFalse();
    assertThat(r.scoresVisibleTo(new Caller("gp-2", Set.of(Role.PRESCRIBER), Optional.empty())))
        .isFalse();
  }

  @Test
  void followUpConsent_onASelfReferral_isRefused() {
    ReferralRequest self =
        new ReferralRequest(
            "lst-tea",
            "Zofia",
            "07700 900123",
            "",
            "",
            "",
            List.of(),
            "",
            "",
            List.of(),
            "en",
            "",
            true,
            null,
            true);

    assertThat(ReferralValidator.check(self, false))
        .anySatisfy(i -> assertThat(i.field()).isEqualTo("follow_up_consent"));
  }
}
