package org.signpost.handlers;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.signpost.core.referral.CheckIn;
import org.signpost.core.referral.RecordCodes;
import org.signpost.core.referral.Referral;
import org.signpost.core.referral.ReferralRequest;
import org.signpost.core.referral.ReferralService;
import org.signpost.core.referral.StatusChange;
import org.signpost.core.referral.Swemwbs;
import org.signpost.handlers.http.ApiResponse;
import org.signpost.handlers.http.Json;

/** The referral API's JSON: request bodies in, referral documents out. */
final class ReferralJson {
  private ReferralJson() {}

  /** The body of {@code POST /api/referrals} and the prescriber route (snake_case on the wire). */
  record Body(
      String listingId,
      String name,
      String phone,
      String email,
      String bestTime,
      String postcode,
      List<String> needs,
      String freeText,
      String reason,
      @JsonProperty("ons4") List<Integer> ons4,
      String language,
      String accessNeeds,
      Boolean consent,
      String idempotencyKey,
      Boolean followUpConsent,
      List<Integer> swemwbs,
      Boolean offerSwemwbs,
      String followUpChannel) {
    ReferralRequest toRequest(String headerKey) {
      return new ReferralRequest(
          listingId,
          name,
          phone,
          email,
          bestTime,
          postcode,
          needs,
          freeText,
          reason,
          ons4,
          language,
          accessNeeds,
          Boolean.TRUE.equals(consent),
          headerKey != null ? headerKey : idempotencyKey,
          Boolean.TRUE.equals(followUpConsent),
          swemwbs,
          Boolean.TRUE.equals(offerSwemwbs),
          followUpChannel);
    }

    @Override
    public String toString() {
      return "Body[redacted]";
    }
  }

  /** The answer to a submission: the reference and the private status link, shown once. */
  static ApiResponse submitted(ReferralService.Submitted s) {
    Referral r = s.referral();
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("id", r.id());
    body.put("reference", r.reference());
    body.put("status", r.status().code());
    body.put("urgent", r.urgent());
    body.put("status_url", "/r/" + s.token());
    if (r.urgent()) {
      ArrayNode crisis = body.putArray("crisis_routes");
      crisis.add("Call 999 if a life is in danger now");
      crisis.add("Samaritans: call 116 123 (free, 24 hours)");
      crisis.add("NHS 111, option 2, for mental health help");
      crisis.add("Text SHOUT to 85258");
    }
    return ApiResponse.json(s.replay() ? 200 : 201, Json.write(body))
        .withHeader("Location", "/api/referrals/" + r.id());
  }

  /**
   * The full referral, for the referrer, the receiving organisation and admins.
   *
   * @param scores include wellbeing scores and check-ins: only for the referrer and admins, never
   *     for the receiving organisation
   */
  static ObjectNode document(Referral r, boolean scores) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("id", r.id());
    body.put("reference", r.reference());
    body.put("listing_id", r.listingId());
    body.put("listing_name", r.listingName());
    body.put("organisation_id", r.organisationId());
    body.put("source", r.source());
    body.put("status", r.status().code());
    body.put("urgent", r.urgent());
    ArrayNode codes = body.putArray("record_codes");
    for (RecordCodes.Code code : RecordCodes.of(r)) {
      codes
          .addObject()
          .put("system", code.system())
          .put("code", code.code())
          .put("display", code.display());
    }
    ObjectNode person = body.putObject("person");
    person.put("name", r.person().name());
    person.put("phone", r.person().phone());
    person.put("email", r.person().email());
    person.put("best_time", r.person().bestTime());
    person.put("outward_postcode", r.person().outwardPostcode());
    person.put("language", r.person().language());
    person.put("access_needs", r.person().accessNeeds());
    r.needs().forEach(body.putArray("needs")::add);
    body.put("free_text", r.freeText());
    body.put("reason", r.reason());
    if (scores) {
      if (!r.ons4().isEmpty()) {
        r.ons4().forEach(body.putArray("ons4")::add);
      }
      outcomes(r, body.putObject("outcomes"));
    }
    body.putObject("consent")
        .put("version", r.consentVersion())
        .put("at", r.consentAt().toString());
    ArrayNode history = body.putArray("history");
    for (StatusChange c : r.history()) {
      history
          .addObject()
          .put("status", c.status().code())
          .put("by", c.by())
          .put("at", c.at().toString())
          .put("reason", c.reason());
    }
    body.put("created_at", r.createdAt().toString());
    body.put("updated_at", r.updatedAt().toString());
    body.put("first_contact_at", r.firstContactAt() == null ? null : r.firstContactAt().toString());
    body.put("minutes_to_first_contact", r.minutesToFirstContact());
    r.status().next().stream()
        .map(s -> s.code())
        .sorted()
        .forEach(body.putArray("next_statuses")::add);
    body.put("version", r.version());
    return body;
  }

  /** Baseline and check-ins as change over time: each answer and its difference from baseline. */
  private static void outcomes(Referral r, ObjectNode out) {
    out.put("follow_ups", r.followUps());
    out.put("swemwbs_offered", r.checkInPlan().swemwbs());
    out.put("follow_up_channel", r.checkInPlan().channel());
    List<Integer> swemwbsBaseline = r.checkInPlan().swemwbsBaseline();
    if (!r.ons4().isEmpty() || !swemwbsBaseline.isEmpty()) {
      ObjectNode baseline = out.putObject("baseline");
      baseline.put("at", r.createdAt().toString());
      if (!r.ons4().isEmpty()) {
        r.ons4().forEach(baseline.putArray("ons4")::add);
      }
      if (!swemwbsBaseline.isEmpty()) {
        swemwbs(baseline.putObject("swemwbs"), swemwbsBaseline, List.of());
      }
    }
    ArrayNode checkIns = out.putArray("check_ins");
    for (CheckIn c : r.checkIns()) {
      ObjectNode one = checkIns.addObject();
      one.put("week", c.week());
      one.put("sent_at", c.sentAt().toString());
      one.put("answered_at", c.answeredAt() == null ? null : c.answeredAt().toString());
      if (c.answered()) {
        c.ons4().forEach(one.putArray("ons4")::add);
        if (r.ons4().size() == 4) {
          ArrayNode change = one.putArray("change");
          for (int i = 0; i < 4; i++) {
            change.add(c.ons4().get(i) - r.ons4().get(i));
          }
        }
        if (!c.swemwbs().isEmpty()) {
          swemwbs(one.putObject("swemwbs"), c.swemwbs(), swemwbsBaseline);
        }
      }
    }
  }

  /** SWEMWBS item scores, their raw total and, with a baseline, the total's change from it. */
  private static void swemwbs(ObjectNode out, List<Integer> items, List<Integer> baseline) {
    items.forEach(out.putArray("items")::add);
    out.put("total", Swemwbs.total(items));
    if (!baseline.isEmpty()) {
      out.put("change", Swemwbs.total(items) - Swemwbs.total(baseline));
    }
  }

  static ApiResponse one(int status, Referral r, boolean scores) {
    return ApiResponse.json(status, Json.write(document(r, scores)))
        .withHeader("ETag", "\"" + r.version() + "\"")
        .withHeader("Cache-Control", "no-store");
  }
}
