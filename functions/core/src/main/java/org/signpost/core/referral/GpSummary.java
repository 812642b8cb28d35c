package org.signpost.core.referral;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.signpost.core.listing.Listing;
import org.signpost.core.time.Clocks;

/**
 * The plain summary a referring prescriber downloads for the GP record, after the "message back to
 * GP and referrer" of the PRSB Social Prescribing Information Standard: the referral and its record
 * codes, the person's needs, the support offered, status and attendance, and outcomes (wellbeing at
 * referral and at each check-in, with the change). Personal data: only for the referrer. Immutable.
 *
 * @param reference the referral's reference, for file names
 * @param entries every line, in order, as section, field and value
 */
public record GpSummary(String reference, List<Entry> entries) {
  /** The four ONS4 questions in the order scores are kept. */
  public static final List<String> ONS4 =
      List.of("life satisfaction", "worthwhile", "happiness yesterday", "anxiety yesterday");

  /** One line of the summary. */
  public record Entry(String section, String field, String value) {
    public Entry {
      Objects.requireNonNull(section, "section");
      Objects.requireNonNull(field, "field");
      value = value == null ? "" : value;
    }
  }

  public GpSummary {
    entries = List.copyOf(entries);
  }

  /**
   * The summary of a referral.
   *
   * @param listing the listing it went to, for the organisation's name, if it still exists
   */
  public static GpSummary of(Referral r, Optional<Listing> listing) {
    List<Entry> out = new ArrayList<>();
    String referral = "Referral";
    add(out, referral, "reference", r.reference());
    add(out, referral, "referred on", day(r.createdAt()));
    add(out, referral, "source", r.source());
    add(out, referral, "person", r.person().name());
    add(out, referral, "reason", r.reason());
    for (RecordCodes.Code code : RecordCodes.of(r)) {
      add(out, referral, "SNOMED CT", code.code() + " |" + code.display() + "|");
    }

    String needs = "Needs";
    if (r.needs().isEmpty()) {
      add(out, needs, "need", "none recorded");
    }
    r.needs().forEach(need -> add(out, needs, "need", need.replace('_', ' ')));

    String support = "Support offered";
    add(out, support, "activity", r.listingName() == null ? "none chosen yet" : r.listingName());
    add(
        out,
        support,
        "organisation",
        listing.map(Listing::organisationName).orElse(r.organisationId()));

    String status = "Status";
    add(out, status, "current status", r.status().code().replace('_', ' '));
    add(out, status, "attendance", attendance(r));
    add(
        out,
        status,
        "first contact",
        r.firstContactAt() == null
            ? "not yet"
            : day(r.firstContactAt())
                + " ("
                + r.minutesToFirstContact()
                + " minutes after referral)");
    for (StatusChange change : r.history()) {
      String line = change.status().code().replace('_', ' ');
      if (change.reason() != null && !change.reason().isBlank()) {
        line += ": " + change.reason();
      }
      add(out, status, day(change.at()), line);
    }

    String outcomes = "Outcomes";
    add(out, outcomes, "follow-up check-ins", r.followUps() ? "agreed" : "not agreed or stopped");
    if (r.ons4().size() == 4) {
      add(out, outcomes, "ONS4 at referral (" + day(r.createdAt()) + ")", scores(r.ons4(), null));
    } else {
      add(out, outcomes, "ONS4 at referral", "not recorded");
    }
    List<Integer> swemwbsBaseline = r.checkInPlan().swemwbsBaseline();
    if (!swemwbsBaseline.isEmpty()) {
      add(
          out,
          outcomes,
          "SWEMWBS at referral (" + day(r.createdAt()) + ")",
          swemwbs(swemwbsBaseline, List.of()));
    }
    for (CheckIn c : r.checkIns()) {
      if (c.answered() && !c.swemwbs().isEmpty()) {
        add(
            out,
            outcomes,
            "SWEMWBS at week " + c.week() + " (" + day(c.answeredAt()) + ")",
            swemwbs(c.swemwbs(), swemwbsBaseline));
      }
    }
    for (CheckIn c : r.checkIns()) {
      String field = "ONS4 at week " + c.week();
      if (!c.answered()) {
        add(out, outcomes, field, "sent " + day(c.sentAt()) + ", not answered");
      } else {
        add(
            out,
            outcomes,
            field + " (" + day(c.answeredAt()) + ")",
            scores(c.ons4(), r.ons4().size() == 4 ? r.ons4() : null));
      }
    }
    return new GpSummary(r.reference(), out);
  }

  private static String attendance(Referral r) {
    for (int i = r.history().size() - 1; i >= 0; i--) {
      ReferralStatus s = r.history().get(i).status();
      if (s == ReferralStatus.ATTENDED) {
        return "attended";
      }
      if (s == ReferralStatus.DID_NOT_ATTEND) {
        return "did not attend";
      }
    }
    return r.status().awaitsAttendance() ? "not known yet" : "did not take place";
  }

  /** "life satisfaction 5 (+2), …", each score 0–10 and its change from baseline when known. */
  private static String scores(List<Integer> scores, List<Integer> baseline) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < scores.size() && i < ONS4.size(); i++) {
      String part = ONS4.get(i) + " " + scores.get(i);
      if (baseline != null) {
        int change = scores.get(i) - baseline.get(i);
        part += " (" + (change > 0 ? "+" : "") + change + ")";
      }
      parts.add(part);
    }
    return String.join("; ", parts);
  }

  /** "raw total 21 of 35 (+4)": the raw total and its change from baseline when known. */
  private static String swemwbs(List<Integer> items, List<Integer> baseline) {
    int total = Swemwbs.total(items);
    String text = "raw total " + total + " of " + Swemwbs.ITEMS * Swemwbs.HIGHEST;
    if (!baseline.isEmpty()) {
      int change = total - Swemwbs.total(baseline);
      text += " (" + (change > 0 ? "+" : "") + change + ")";
    }
    return text + "; items " + items;
  }

  private static String day(java.time.Instant at) {
    return LocalDate.ofInstant(at, Clocks.LONDON).toString();
  }

  private static void add(List<Entry> out, String section, String field, String value) {
    out.add(new Entry(section, field, value));
  }

  /** The summary as plain text: a title, then each section's lines as "field: value". */
  public String text() {
    StringBuilder out = new StringBuilder("Social prescribing: message back to GP and referrer\n");
    String section = null;
    for (Entry e : entries) {
      if (!e.section().equals(section)) {
        section = e.section();
        out.append('\n').append(section).append('\n');
      }
      out.append("  ").append(e.field()).append(": ").append(e.value()).append('\n');
    }
    out.append("\nScores: ONS4 questions 0 to 10; for anxiety a lower score is better.");
    out.append(
        " SWEMWBS: seven items 1 to 5, raw total 7 to 35 (not converted to metric scores).\n");
    return out.toString();
  }
}
