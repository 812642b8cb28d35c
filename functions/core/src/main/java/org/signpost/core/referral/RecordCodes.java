package org.signpost.core.referral;

import java.util.ArrayList;
import java.util.List;

/**
 * The SNOMED CT concepts a GP practice records for a referral: every referral is a referral to a
 * social prescribing service, and one that was declined is also "social prescribing declined".
 * Stateless.
 */
public final class RecordCodes {
  /** The SNOMED CT code system URI, as FHIR names it. */
  public static final String SNOMED_CT = "http://snomed.info/sct";

  /** One coded concept. */
  public record Code(String system, String code, String display) {}

  /** 871731000000106 |Referral to social prescribing service|. */
  public static final Code REFERRED =
      new Code(SNOMED_CT, "871731000000106", "Referral to social prescribing service");

  /** 871711000000103 |Social prescribing declined|. */
  public static final Code DECLINED =
      new Code(SNOMED_CT, "871711000000103", "Social prescribing declined");

  private RecordCodes() {}

  /** The codes for this referral: always the referral, plus the decline once it was declined. */
  public static List<Code> of(Referral referral) {
    List<Code> codes = new ArrayList<>(List.of(REFERRED));
    boolean declined =
        referral.status() == ReferralStatus.DECLINED
            || referral.history().stream().anyMatch(c -> c.status() == ReferralStatus.DECLINED);
    if (declined) {
      codes.add(DECLINED);
    }
    return List.copyOf(codes);
  }
}
