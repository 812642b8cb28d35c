package org.signpost.handlers.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.signpost.core.listing.Listing;
import org.signpost.core.referral.CheckIn;
import org.signpost.core.referral.CheckInPlan;
import org.signpost.core.referral.Person;
import org.signpost.core.referral.Referral;
import org.signpost.core.referral.ReferralStatus;
import org.signpost.core.referral.StatusChange;
import org.signpost.handlers.hsds.HsdsFixtures;
import org.signpost.handlers.http.Json;

class FhirExportTest {
  private static final Instant START = Instant.parse("2026-03-02T09:00:00.250Z");
  private static final Person ALI =
      new Person(
          "Ali", "07700 900123", "ali@example.org", "mornings", "B11", "ur", "step-free access");
  private static final Listing LISTING =
      HsdsFixtures.published(
          "lst-a",
          HsdsFixtures.organisation("org-a", "Sparkhill Community Hub"),
          HsdsFixtures.phoneLine("Tea and Chat"));

  /** A prescriber's referral that went through these statuses, a day apart. */
  private static Referral referral(
      List<Integer> ons4, CheckInPlan plan, List<CheckIn> checkIns, ReferralStatus... moves) {
    List<StatusChange> history = new ArrayList<>();
    history.add(new StatusChange(ReferralStatus.NEW, "gp-1", START, null));
    Instant at = START;
    for (ReferralStatus s : moves) {
      at = at.plus(Duration.ofDays(1));
      history.add(
          new StatusChange(s, "p-1", at, s == ReferralStatus.DECLINED ? "group is full" : null));
    }
    return new Referral(
        "ref-0001",
        "SP-3F6C1E0A",
        "lst-a",
        "Tea and Chat",
        "org-a",
        Referral.PRESCRIBER,
        "gp-1",
        "gp@example.org",
        ALI,
        List.of("loneliness", "low_mood"),
        "I feel isolated since moving here",
        "lives alone",
        ons4,
        "v1",
        START,
        false,
        history.get(history.size() - 1).status(),
        history,
        START,
        at,
        moves.length == 0 ? null : START.plus(Duration.ofDays(1)),
        "token-hash",
        START.plus(Duration.ofDays(180)),
        null,
        "body-hash",
        history.size(),
        true,
        checkIns,
        plan);
  }

  private static Referral referral(ReferralStatus... moves) {
    return referral(List.of(), CheckInPlan.DEFAULT, List.of(), moves);
  }

  private static JsonNode bundle(Referral r) throws Exception {
    return Json.MAPPER.readTree(Json.write(FhirExport.bundle(r, Optional.of(LISTING))));
  }

  @Test
  void bundle_isACollectionOfAServiceRequestAndATask_withStableUrnUuids() throws Exception {
    JsonNode bundle = bundle(referral(ReferralStatus.CONTACTED));
    JsonNode again = bundle(referral(ReferralStatus.CONTACTED, ReferralStatus.ACCEPTED));

    assertThat(bundle.get("resourceType").asText()).isEqualTo("Bundle");
    assertThat(bundle.get("type").asText()).isEqualTo("collection");
    assertThat(bundle.get("entry").findValuesAsText("resourceType"))
        .containsExactly("ServiceRequest", "Task");
    String requestUrl = bundle.at("/entry/0/fullUrl").asText();
    String taskUrl = bundle.at("/entry/1/fullUrl").asText();
    assertThat(requestUrl)
        .matches("urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    assertThat(taskUrl).startsWith("urn:uuid:").isNotEqualTo(requestUrl);
    assertThat(again.at("/entry/0/fullUrl").asText()).isEqualTo(requestUrl);
    assertThat(again.at("/entry/1/fullUrl").asText()).isEqualTo(taskUrl);
    assertThat(FhirExport.serviceRequestUrl("ref-0002")).isNotEqualTo(requestUrl);
    assertThat(bundle.at("/entry/1/resource/focus/reference").asText()).isEqualTo(requestUrl);
  }

  @Test
  void serviceRequest_carriesTheReferralCode_needs_performer_note_andAuthoredOn() throws Exception {
    JsonNode request = bundle(referral(ReferralStatus.CONTACTED)).at("/entry/0/resource");

    assertThat(request.get("intent").asText()).isEqualTo("order");
    assertThat(request.get("status").asText()).isEqualTo("active");
    assertThat(request.at("/code/coding/0/system").asText()).isEqualTo("http://snomed.info/sct");
    assertThat(request.at("/code/coding/0/code").asText()).isEqualTo("871731000000106");
    assertThat(request.at("/code/coding/0/display").asText())
        .isEqualTo("Referral to social prescribing service");
    assertThat(request.at("/code/coding").size()).isEqualTo(1);
    assertThat(request.get("reasonCode").findValuesAsText("text"))
        .containsExactly("loneliness", "low mood");
    assertThat(request.get("reasonCode").findValues("code")).isEmpty();
    assertThat(request.get("authoredOn").asText()).isEqualTo("2026-03-02T09:00:00Z");
    assertThat(request.at("/performer/0/display").asText()).isEqualTo("Sparkhill Community Hub");
    assertThat(request.at("/performer/0/reference").isMissingNode()).isTrue();
    assertThat(request.at("/note/0/text").asText())
        .contains("Tea and Chat", "Sparkhill Community Hub", "contacted");
    assertThat(request.at("/identifier/0/value").asText()).isEqualTo("SP-3F6C1E0A");
  }

  @Test
  void declined_addsTheDeclinedCode_asReasonCode_andTaskStatusReason_andStaysAfterClosing()
      throws Exception {
    for (Referral r :
        List.of(
            referral(ReferralStatus.CONTACTED, ReferralStatus.DECLINED),
            referral(ReferralStatus.CONTACTED, ReferralStatus.DECLINED, ReferralStatus.CLOSED))) {
      JsonNode bundle = bundle(r);
      JsonNode request = bundle.at("/entry/0/resource");
      JsonNode task = bundle.at("/entry/1/resource");

      assertThat(request.get("reasonCode").findValuesAsText("code"))
          .as(r.status().code())
          .containsExactly("871711000000103");
      assertThat(request.at("/reasonCode/0/coding/0/display").asText())
          .isEqualTo("Social prescribing declined");
      assertThat(request.at("/code/coding/0/code").asText()).isEqualTo("871731000000106");
      assertThat(request.get("status").asText()).isEqualTo("revoked");
      assertThat(task.get("status").asText()).isEqualTo("rejected");
      assertThat(task.at("/statusReason/coding/0/code").asText()).isEqualTo("871711000000103");
      assertThat(task.at("/businessStatus/text").asText()).isEqualTo(r.status().code());
    }
  }

  @Test
  void statuses_mapToServiceRequestAndTaskStatuses_closedByTheLastOutcome() {
    Map<List<ReferralStatus>, List<String>> expected =
        Map.ofEntries(
            Map.entry(List.of(), List.of("active", "requested")),
            Map.entry(List.of(ReferralStatus.CONTACTED), List.of("active", "in-progress")),
            Map.entry(
                List.of(ReferralStatus.CONTACTED, ReferralStatus.WAITING_LIST),
                List.of("active", "on-hold")),
            Map.entry(
                List.of(ReferralStatus.CONTACTED, ReferralStatus.ACCEPTED),
                List.of("active", "accepted")),
            Map.entry(
                List.of(ReferralStatus.CONTACTED, ReferralStatus.DECLINED),
                List.of("revoked", "rejected")),
            Map.entry(
                List.of(ReferralStatus.CONTACTED, ReferralStatus.ACCEPTED, ReferralStatus.ATTENDED),
                List.of("completed", "completed")),
            Map.entry(
                List.of(
                    ReferralStatus.CONTACTED,
                    ReferralStatus.ACCEPTED,
                    ReferralStatus.DID_NOT_ATTEND),
                List.of("completed", "failed")),
            Map.entry(
                List.of(
                    ReferralStatus.CONTACTED,
                    ReferralStatus.ACCEPTED,
                    ReferralStatus.ATTENDED,
                    ReferralStatus.CLOSED),
                List.of("completed", "completed")),
            Map.entry(
                List.of(
                    ReferralStatus.CONTACTED,
                    ReferralStatus.ACCEPTED,
                    ReferralStatus.DID_NOT_ATTEND,
                    ReferralStatus.CLOSED),
                List.of("completed", "failed")),
            Map.entry(List.of(ReferralStatus.CLOSED), List.of("revoked", "cancelled")),
            Map.entry(
                List.of(ReferralStatus.CONTACTED, ReferralStatus.ACCEPTED, ReferralStatus.CLOSED),
                List.of("revoked", "cancelled")));

    expected.forEach(
        (moves, statuses) -> {
          Referral r = referral(moves.toArray(ReferralStatus[]::new));
          assertThat(List.of(FhirExport.serviceRequestStatus(r), FhirExport.taskStatus(r)))
              .as(moves.toString())
              .isEqualTo(statuses);
        });
    assertThat(expected.keySet().stream().map(m -> m.isEmpty() ? ReferralStatus.NEW : m.getLast()))
        .containsAll(List.of(ReferralStatus.values()));
  }

  @Test
  void task_outputsOns4AndSwemwbsTotals_asIntegers_atReferralAndEachAnsweredCheckIn()
      throws Exception {
    List<Integer> swemwbsBaseline = List.of(2, 3, 3, 2, 3, 3, 2);
    List<CheckIn> checkIns =
        List.of(
            new CheckIn(
                6,
                START.plus(Duration.ofDays(42)),
                START.plus(Duration.ofDays(43)),
                List.of(6, 7, 7, 3),
                List.of(3, 4, 4, 3, 4, 4, 3)),
            new CheckIn(12, START.plus(Duration.ofDays(84)), null, List.of()));
    Referral r =
        referral(
            List.of(3, 4, 5, 6),
            new CheckInPlan("email", true, swemwbsBaseline),
            checkIns,
            ReferralStatus.CONTACTED,
            ReferralStatus.ACCEPTED,
            ReferralStatus.ATTENDED);

    JsonNode task = bundle(r).at("/entry/1/resource");

    assertThat(task.get("intent").asText()).isEqualTo("order");
    assertThat(task.get("status").asText()).isEqualTo("completed");
    assertThat(task.at("/businessStatus/text").asText()).isEqualTo("attended");
    assertThat(task.at("/owner/display").asText()).isEqualTo("Sparkhill Community Hub");
    List<String> types = task.get("output").findValuesAsText("text");
    List<Integer> values =
        task.get("output").findValues("valueInteger").stream()
            .peek(v -> assertThat(v.isInt()).as(v.toString()).isTrue())
            .map(JsonNode::asInt)
            .toList();
    assertThat(types)
        .containsExactly(
            "ONS4 life satisfaction at referral",
            "ONS4 worthwhile at referral",
            "ONS4 happiness yesterday at referral",
            "ONS4 anxiety yesterday at referral",
            "SWEMWBS raw total at referral",
            "ONS4 life satisfaction at week 6",
            "ONS4 worthwhile at week 6",
            "ONS4 happiness yesterday at week 6",
            "ONS4 anxiety yesterday at week 6",
            "SWEMWBS raw total at week 6");
    assertThat(values).containsExactly(3, 4, 5, 6, 18, 6, 7, 7, 3, 25);
  }

  @Test
  void task_hasNoOutput_whenNoScoresWereRecorded() throws Exception {
    JsonNode task = bundle(referral(ReferralStatus.CONTACTED)).at("/entry/1/resource");

    assertThat(task.has("output")).isFalse();
    assertThat(task.get("status").asText()).isEqualTo("in-progress");
  }

  @Test
  void person_appearsOnlyByName_asTheGpSummaryShows_withNoContactOrOtherIdentifier()
      throws Exception {
    Referral r = referral(ReferralStatus.CONTACTED);
    JsonNode bundle = bundle(r);
    String json = Json.write(bundle);

    assertThat(bundle.at("/entry/0/resource/subject").toString())
        .isEqualTo("{\"display\":\"Ali\"}");
    assertThat(bundle.at("/entry/1/resource/for").toString()).isEqualTo("{\"display\":\"Ali\"}");
    assertThat(json)
        .doesNotContain(
            "07700 900123",
            "ali@example.org",
            "mornings",
            "B11",
            "step-free access",
            "I feel isolated",
            "gp@example.org",
            "token-hash",
            "body-hash",
            "ref-0001",
            "gp-1");
  }

  @Test
  void bundle_withoutAListing_namesTheOrganisationById_andAGeneralRequestHasNoPerformer()
      throws Exception {
    Referral r = referral(ReferralStatus.CONTACTED);
    JsonNode gone = Json.MAPPER.readTree(Json.write(FhirExport.bundle(r, Optional.empty())));
    Referral general =
        new Referral(
            r.id(),
            r.reference(),
            null,
            null,
            null,
            r.source(),
            r.referrerSubject(),
            r.referrerEmail(),
            r.person(),
            r.needs(),
            r.freeText(),
            r.reason(),
            r.ons4(),
            r.consentVersion(),
            r.consentAt(),
            r.urgent(),
            r.status(),
            r.history(),
            r.createdAt(),
            r.updatedAt(),
            r.firstContactAt(),
            r.tokenHash(),
            r.expiresAt(),
            r.remindedAt(),
            r.bodyHash(),
            r.version(),
            r.followUps(),
            r.checkIns(),
            r.checkInPlan());
    JsonNode none = Json.MAPPER.readTree(Json.write(FhirExport.bundle(general, Optional.empty())));

    assertThat(gone.at("/entry/0/resource/performer/0/display").asText()).isEqualTo("org-a");
    assertThat(none.at("/entry/0/resource").has("performer")).isFalse();
    assertThat(none.at("/entry/1/resource").has("owner")).isFalse();
    assertThat(none.at("/entry/0/resource/note/0/text").asText()).contains("none chosen yet");
  }
}
