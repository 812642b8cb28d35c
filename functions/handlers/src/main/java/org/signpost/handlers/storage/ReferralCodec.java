package org.signpost.handlers.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.signpost.core.referral.CheckIn;
import org.signpost.core.referral.CheckInPlan;
import org.signpost.core.referral.Person;
import org.signpost.core.referral.Referral;
import org.signpost.core.referral.ReferralStatus;
import org.signpost.core.referral.StatusChange;

/**
 * Maps a referral to its stored item and back; the one place that knows the stored shape. Uses
 * {@link StorageJson}, never the API's mapper.
 */
final class ReferralCodec {
  private ReferralCodec() {}

  static ReferralItem toItem(Referral r) {
    ReferralItem item = new ReferralItem();
    item.setId(r.id());
    item.setOrganisationId(r.organisationId());
    item.setReferrerSubject(r.referrerSubject());
    item.setTokenHash(r.tokenHash());
    item.setCreatedAt(r.createdAt().toString());
    item.setStatus(r.status().code());
    item.setExpiresAt(r.expiresAt().getEpochSecond());
    item.setVersion(r.version() == 0 ? null : r.version());
    ObjectNode d = StorageJson.MAPPER.createObjectNode();
    d.put("reference", r.reference());
    d.put("listingId", r.listingId());
    d.put("listingName", r.listingName());
    d.put("source", r.source());
    d.put("referrerEmail", r.referrerEmail());
    ObjectNode p = d.putObject("person");
    p.put("name", r.person().name());
    p.put("phone", r.person().phone());
    p.put("email", r.person().email());
    p.put("bestTime", r.person().bestTime());
    p.put("outwardPostcode", r.person().outwardPostcode());
    p.put("language", r.person().language());
    p.put("accessNeeds", r.person().accessNeeds());
    r.needs().forEach(d.putArray("needs")::add);
    d.put("freeText", r.freeText());
    d.put("reason", r.reason());
    r.ons4().forEach(d.putArray("ons4")::add);
    d.put("consentVersion", r.consentVersion());
    d.put("consentAt", r.consentAt().toString());
    d.put("urgent", r.urgent());
    ArrayNode history = d.putArray("history");
    for (StatusChange c : r.history()) {
      history
          .addObject()
          .put("status", c.status().code())
          .put("by", c.by())
          .put("at", c.at().toString())
          .put("reason", c.reason());
    }
    d.put("updatedAt", r.updatedAt().toString());
    d.put("firstContactAt", r.firstContactAt() == null ? null : r.firstContactAt().toString());
    d.put("remindedAt", r.remindedAt() == null ? null : r.remindedAt().toString());
    d.put("bodyHash", r.bodyHash());
    d.put("followUps", r.followUps());
    ArrayNode checkIns = d.putArray("checkIns");
    for (CheckIn c : r.checkIns()) {
      ObjectNode one =
          checkIns
              .addObject()
              .put("week", c.week())
              .put("sentAt", c.sentAt().toString())
              .put("answeredAt", c.answeredAt() == null ? null : c.answeredAt().toString());
      c.ons4().forEach(one.putArray("ons4")::add);
      if (!c.swemwbs().isEmpty()) {
        c.swemwbs().forEach(one.putArray("swemwbs")::add);
      }
    }
    ObjectNode plan = d.putObject("checkInPlan");
    plan.put("channel", r.checkInPlan().channel());
    plan.put("swemwbs", r.checkInPlan().swemwbs());
    r.checkInPlan().swemwbsBaseline().forEach(plan.putArray("swemwbsBaseline")::add);
    item.setData(StorageJson.write(d));
    return item;
  }

  static Referral toReferral(ReferralItem item) {
    JsonNode d;
    try {
      d = StorageJson.MAPPER.readTree(item.getData());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored referral " + item.getId() + " is not valid JSON", e);
    }
    JsonNode p = d.get("person");
    List<String> needs = new ArrayList<>();
    d.path("needs").forEach(n -> needs.add(n.asText()));
    List<Integer> ons4 = new ArrayList<>();
    d.path("ons4").forEach(n -> ons4.add(n.asInt()));
    List<StatusChange> history = new ArrayList<>();
    for (JsonNode c : d.path("history")) {
      history.add(
          new StatusChange(
              ReferralStatus.parse(c.get("status").asText()).orElseThrow(),
              c.get("by").asText(),
              Instant.parse(c.get("at").asText()),
              text(c, "reason")));
    }
    List<CheckIn> checkIns = new ArrayList<>();
    for (JsonNode c : d.path("checkIns")) {
      List<Integer> scores = new ArrayList<>();
      c.path("ons4").forEach(n -> scores.add(n.asInt()));
      List<Integer> swemwbs = new ArrayList<>();
      c.path("swemwbs").forEach(n -> swemwbs.add(n.asInt()));
      checkIns.add(
          new CheckIn(
              c.get("week").asInt(),
              Instant.parse(c.get("sentAt").asText()),
              instant(c, "answeredAt"),
              scores,
              swemwbs));
    }
    JsonNode plan = d.path("checkInPlan");
    List<Integer> swemwbsBaseline = new ArrayList<>();
    plan.path("swemwbsBaseline").forEach(n -> swemwbsBaseline.add(n.asInt()));
    return new Referral(
        item.getId(),
        text(d, "reference"),
        text(d, "listingId"),
        text(d, "listingName"),
        item.getOrganisationId(),
        text(d, "source"),
        item.getReferrerSubject(),
        text(d, "referrerEmail"),
        new Person(
            text(p, "name"),
            text(p, "phone"),
            text(p, "email"),
            text(p, "bestTime"),
            text(p, "outwardPostcode"),
            text(p, "language"),
            text(p, "accessNeeds")),
        needs,
        text(d, "freeText"),
        text(d, "reason"),
        ons4,
        text(d, "consentVersion"),
        instant(d, "consentAt"),
        d.path("urgent").asBoolean(),
        ReferralStatus.parse(item.getStatus()).orElseThrow(),
        history,
        Instant.parse(item.getCreatedAt()),
        instant(d, "updatedAt"),
        instant(d, "firstContactAt"),
        item.getTokenHash(),
        Instant.ofEpochSecond(item.getExpiresAt()),
        instant(d, "remindedAt"),
        text(d, "bodyHash"),
        item.getVersion() == null ? 0 : item.getVersion(),
        d.path("followUps").asBoolean(false),
        checkIns,
        new CheckInPlan(
            text(plan, "channel"), plan.path("swemwbs").asBoolean(false), swemwbsBaseline));
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static Instant instant(JsonNode node, String field) {
    String value = text(node, field);
    return value == null ? null : Instant.parse(value);
  }
}
