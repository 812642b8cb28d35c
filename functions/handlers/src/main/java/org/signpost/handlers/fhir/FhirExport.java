package org.signpost.handlers.fhir;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.signpost.core.listing.Listing;
import org.signpost.core.referral.CheckIn;
import org.signpost.core.referral.GpSummary;
import org.signpost.core.referral.RecordCodes;
import org.signpost.core.referral.Referral;
import org.signpost.core.referral.ReferralStatus;
import org.signpost.core.referral.StatusChange;
import org.signpost.core.referral.Swemwbs;
import org.signpost.handlers.hsds.HsdsIds;
import org.signpost.handlers.http.Json;

/**
 * A referral as a FHIR R4 {@code Bundle} of type {@code collection} for the GP record: a {@code
 * ServiceRequest} (the referral, SNOMED CT coded) and a {@code Task} (its fulfilment, with the
 * wellbeing scores as outputs). It carries about the person only what the GP summary already shows,
 * their name, as a display-only reference. Personal data: only for the referring prescriber.
 * Stateless.
 *
 * <p>Status mapping, from the Signpost status (for {@code closed}, from the last status before the
 * close):
 *
 * <table>
 *   <caption>Signpost status to FHIR status</caption>
 *   <tr><th>Signpost</th><th>ServiceRequest.status</th><th>Task.status</th></tr>
 *   <tr><td>new</td><td>active</td><td>requested</td></tr>
 *   <tr><td>contacted</td><td>active</td><td>in-progress</td></tr>
 *   <tr><td>waiting_list</td><td>active</td><td>on-hold</td></tr>
 *   <tr><td>accepted</td><td>active</td><td>accepted</td></tr>
 *   <tr><td>declined</td><td>revoked</td><td>rejected</td></tr>
 *   <tr><td>attended</td><td>completed</td><td>completed</td></tr>
 *   <tr><td>did_not_attend</td><td>completed</td><td>failed</td></tr>
 *   <tr><td>closed with none of declined, attended, did_not_attend before</td><td>revoked</td><td>cancelled</td></tr>
 * </table>
 *
 * <p>The ServiceRequest is "completed" once the group acted on it (the person came or did not);
 * whether they came is the Task's status and business status.
 */
public final class FhirExport {
  /** The media type of a FHIR JSON resource. */
  public static final String MEDIA_TYPE = "application/fhir+json";

  /** Signpost's namespace for FHIR resource ids; changing it would change every exported id. */
  static final UUID NAMESPACE = UUID.fromString("8e3b1c52-6f0a-4d7e-b2c9-1a5f3e7d9c40");

  private FhirExport() {}

  /** The {@code urn:uuid:} full URL of a referral's ServiceRequest: stable for the referral. */
  public static String serviceRequestUrl(String referralId) {
    return "urn:uuid:" + HsdsIds.v5(NAMESPACE, "ServiceRequest:" + referralId);
  }

  /** The {@code urn:uuid:} full URL of a referral's Task: stable for the referral. */
  public static String taskUrl(String referralId) {
    return "urn:uuid:" + HsdsIds.v5(NAMESPACE, "Task:" + referralId);
  }

  /**
   * The bundle of a referral.
   *
   * @param listing the listing it went to, for the organisation's name, if it still exists
   */
  public static ObjectNode bundle(Referral r, Optional<Listing> listing) {
    ObjectNode bundle = Json.MAPPER.createObjectNode();
    bundle.put("resourceType", "Bundle");
    bundle.put("type", "collection");
    ArrayNode entries = bundle.putArray("entry");
    String organisation = listing.map(Listing::organisationName).orElse(r.organisationId());
    ObjectNode request = entries.addObject();
    request.put("fullUrl", serviceRequestUrl(r.id()));
    request.set("resource", serviceRequest(r, organisation));
    ObjectNode task = entries.addObject();
    task.put("fullUrl", taskUrl(r.id()));
    task.set("resource", task(r, organisation));
    return bundle;
  }

  /** The ServiceRequest.status for a referral (see the class's table). */
  public static String serviceRequestStatus(Referral r) {
    return switch (settled(r)) {
      case NEW, CONTACTED, WAITING_LIST, ACCEPTED -> "active";
      case ATTENDED, DID_NOT_ATTEND -> "completed";
      case DECLINED, CLOSED -> "revoked";
    };
  }

  /** The Task.status for a referral (see the class's table). */
  public static String taskStatus(Referral r) {
    return switch (settled(r)) {
      case NEW -> "requested";
      case CONTACTED -> "in-progress";
      case WAITING_LIST -> "on-hold";
      case ACCEPTED -> "accepted";
      case DECLINED -> "rejected";
      case ATTENDED -> "completed";
      case DID_NOT_ATTEND -> "failed";
      case CLOSED -> "cancelled";
    };
  }

  /**
   * The status that decides the mapping: the current one, or for a closed referral the last outcome
   * before the close (attended, did not attend or declined), else closed.
   */
  private static ReferralStatus settled(Referral r) {
    if (r.status() != ReferralStatus.CLOSED) {
      return r.status();
    }
    List<StatusChange> history = r.history();
    for (int i = history.size() - 1; i >= 0; i--) {
      ReferralStatus s = history.get(i).status();
      if (s == ReferralStatus.ATTENDED
          || s == ReferralStatus.DID_NOT_ATTEND
          || s == ReferralStatus.DECLINED) {
        return s;
      }
    }
    return ReferralStatus.CLOSED;
  }

  private static ObjectNode serviceRequest(Referral r, String organisation) {
    ObjectNode out = Json.MAPPER.createObjectNode();
    out.put("resourceType", "ServiceRequest");
    out.putArray("identifier").addObject().put("value", r.reference());
    out.put("status", serviceRequestStatus(r));
    out.put("intent", "order");
    ObjectNode code = out.putObject("code");
    coding(code.putArray("coding"), RecordCodes.REFERRED);
    code.put("text", RecordCodes.REFERRED.display());
    subject(out, "subject", r);
    out.put("authoredOn", instant(r.createdAt()));
    if (organisation != null) {
      out.putArray("performer").addObject().put("display", organisation);
    }
    ArrayNode reasons = out.putArray("reasonCode");
    for (RecordCodes.Code c : RecordCodes.of(r)) {
      if (!c.equals(RecordCodes.REFERRED)) {
        ObjectNode reason = reasons.addObject();
        coding(reason.putArray("coding"), c);
        reason.put("text", c.display());
      }
    }
    for (String need : r.needs()) {
      reasons.addObject().put("text", need.replace('_', ' '));
    }
    if (reasons.isEmpty()) {
      out.remove("reasonCode");
    }
    String activity = r.listingName() == null ? "none chosen yet" : r.listingName();
    String support =
        "Support offered: "
            + activity
            + (organisation == null ? "" : " (" + organisation + ")")
            + ". Signpost status: "
            + r.status().code().replace('_', ' ')
            + ".";
    out.putArray("note").addObject().put("text", support);
    return out;
  }

  private static ObjectNode task(Referral r, String organisation) {
    ObjectNode out = Json.MAPPER.createObjectNode();
    out.put("resourceType", "Task");
    out.putArray("identifier").addObject().put("value", r.reference());
    out.put("status", taskStatus(r));
    if (RecordCodes.of(r).contains(RecordCodes.DECLINED)) {
      ObjectNode reason = out.putObject("statusReason");
      coding(reason.putArray("coding"), RecordCodes.DECLINED);
      reason.put("text", RecordCodes.DECLINED.display());
    }
    out.putObject("businessStatus").put("text", r.status().code().replace('_', ' '));
    out.put("intent", "order");
    out.putObject("focus").put("reference", serviceRequestUrl(r.id()));
    subject(out, "for", r);
    out.put("authoredOn", instant(r.createdAt()));
    Instant modified = r.updatedAt() == null ? r.createdAt() : r.updatedAt();
    out.put("lastModified", instant(modified));
    if (organisation != null) {
      out.putObject("owner").put("display", organisation);
    }
    ArrayNode outputs = out.putArray("output");
    if (r.ons4().size() == GpSummary.ONS4.size()) {
      ons4(outputs, r.ons4(), "at referral");
    }
    List<Integer> swemwbsBaseline = r.checkInPlan().swemwbsBaseline();
    if (!swemwbsBaseline.isEmpty()) {
      output(outputs, "SWEMWBS raw total at referral", Swemwbs.total(swemwbsBaseline));
    }
    for (CheckIn c : r.checkIns()) {
      if (!c.answered()) {
        continue;
      }
      String when = "at week " + c.week();
      if (c.ons4().size() == GpSummary.ONS4.size()) {
        ons4(outputs, c.ons4(), when);
      }
      if (!c.swemwbs().isEmpty()) {
        output(outputs, "SWEMWBS raw total " + when, Swemwbs.total(c.swemwbs()));
      }
    }
    if (outputs.isEmpty()) {
      out.remove("output");
    }
    return out;
  }

  /** A display-only reference to the person: their name, as the GP summary shows, and no more. */
  private static void subject(ObjectNode resource, String field, Referral r) {
    resource.putObject(field).put("display", r.person().name());
  }

  private static void ons4(ArrayNode outputs, List<Integer> scores, String when) {
    for (int i = 0; i < GpSummary.ONS4.size(); i++) {
      output(outputs, "ONS4 " + GpSummary.ONS4.get(i) + " " + when, scores.get(i));
    }
  }

  private static void output(ArrayNode outputs, String type, int value) {
    ObjectNode output = outputs.addObject();
    output.putObject("type").put("text", type);
    output.put("valueInteger", value);
  }

  private static void coding(ArrayNode codings, RecordCodes.Code c) {
    codings.addObject().put("system", c.system()).put("code", c.code()).put("display", c.display());
  }

  private static String instant(Instant at) {
    return at.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
