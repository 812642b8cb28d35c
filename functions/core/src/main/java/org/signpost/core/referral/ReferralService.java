package org.signpost.core.referral;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.signpost.core.auth.Caller;
import org.signpost.core.auth.Role;
import org.signpost.core.crisis.CrisisDetector;
import org.signpost.core.errors.FieldError;
import org.signpost.core.errors.SignpostException;
import org.signpost.core.links.SignedLinks;
import org.signpost.core.listing.Listing;
import org.signpost.core.listing.ListingRepository;

/**
 * The referral loop: self- and prescriber referrals, status moves with who/when, the private status
 * link, and access limited to the referrer, the receiving organisation and admins. Never logs
 * referral data. Thread-safe if its ports are.
 */
public final class ReferralService {
  /** The version of the consent text the form shows; stored with each consent. */
  public static final String CONSENT_VERSION = "consent-2026-11-v1";

  static final Duration RATE_WINDOW = Duration.ofHours(1);

  private final ReferralRepository referrals;
  private final ListingRepository listings;
  private final RequestGuards guards;
  private final ReferralNotices notices;
  private final Attendance attendance;
  private final FollowUps followUps;
  private final CrisisDetector detector;
  private final Clock clock;
  private final Keys keys;
  private final Duration retention;
  private final int ratePerHour;

  /**
   * A stored referral and the private token of its status link (only returned at creation).
   *
   * @param replay true when an idempotency key matched an earlier, identical submission
   */
  public record Submitted(Referral referral, String token, boolean replay) {}

  public ReferralService(
      ReferralRepository referrals,
      ListingRepository listings,
      RequestGuards guards,
      Notifications outbox,
      CrisisDetector detector,
      Clock clock,
      byte[] secret,
      int retentionDays,
      int ratePerHour) {
    this.referrals = referrals;
    this.listings = listings;
    this.guards = guards;
    SignedLinks links = new SignedLinks(secret);
    this.notices = new ReferralNotices(outbox, clock, links);
    this.detector = detector;
    this.clock = clock;
    this.keys = new Keys(secret);
    this.retention = Duration.ofDays(retentionDays);
    this.attendance = new Attendance(referrals, guards, notices, links, clock, retention);
    this.followUps = new FollowUps(referrals, outbox, links, clock);
    this.ratePerHour = ratePerHour;
  }

  /** The receiving group's one-tap attendance links. */
  public Attendance attendance() {
    return attendance;
  }

  /** Wellbeing check-ins at 6 and 12 weeks. */
  public FollowUps followUps() {
    return followUps;
  }

  /** A public self-referral. The client address is only used as a salted, short-lived hash. */
  public Submitted submitSelf(ReferralRequest request, String clientAddress) {
    ReferralValidator.require(request, false);
    Listing listing = listing(request.listingId(), true);
    return submit(request, listing, Optional.empty(), Optional.of(clientAddress));
  }

  /** A signed-in prescriber refers a person. */
  public Submitted submitForPrescriber(Caller caller, ReferralRequest request, String email) {
    caller.require(Role.PRESCRIBER, Role.ADMIN);
    ReferralValidator.require(request, true);
    if (request.listingId() == null) {
      throw SignpostException.Invalid.of("listing_id", "a prescriber refers to a listing");
    }
    Listing listing = listing(request.listingId(), false);
    return submit(
        request, listing, Optional.of(new Referrer(caller.subject(), email)), Optional.empty());
  }

  private record Referrer(String subject, String email) {}

  private Submitted submit(
      ReferralRequest request,
      Listing listing,
      Optional<Referrer> referrer,
      Optional<String> clientAddress) {
    String bodyHash = keys.hash(canonical(request, listing, referrer));
    String key = request.idempotencyKey();
    if (key != null && !key.matches("[A-Za-z0-9_-]{16,100}")) {
      throw SignpostException.Invalid.of(
          "idempotency_key", "must be 16-100 letters, digits, _ or -");
    }
    // A key fixes the id and token, so a replay finds the same referral and status link.
    String id = key == null ? "ref-" + keys.random(8) : "ref-" + keys.derive("id|" + key, 8);
    String token = key == null ? keys.random(20) : keys.derive("status|" + key, 20);
    Optional<Submitted> replay = replay(id, bodyHash, token);
    if (replay.isPresent()) {
      return replay.get();
    }
    // The limit counts distinct submissions: replays of one key, even concurrent ones, count once.
    clientAddress.ifPresent(address -> rateLimit(address, id));
    Instant now = clock.instant();
    String text = request.freeText() + "\n" + request.reason();
    boolean urgent = detector.signalsDistress(text);
    Person person =
        new Person(
            request.name(),
            request.phone().isEmpty() ? null : request.phone(),
            request.email().isEmpty() ? null : request.email().toLowerCase(Locale.ROOT),
            request.bestTime(),
            request.postcode().isEmpty() ? "" : ReferralValidator.outward(request.postcode()),
            request.language().isEmpty() ? "en" : request.language(),
            request.accessNeeds());
    String by = referrer.map(Referrer::subject).orElse("person");
    Referral referral =
        new Referral(
            id,
            "SP-" + id.substring(4, 12).toUpperCase(Locale.ROOT),
            listing == null ? null : listing.id(),
            listing == null ? null : listing.content().name(),
            listing == null ? null : listing.organisationId(),
            referrer.isPresent() ? Referral.PRESCRIBER : Referral.SELF,
            referrer.map(Referrer::subject).orElse(null),
            referrer.map(Referrer::email).orElse(null),
            person,
            request.needs(),
            request.freeText(),
            request.reason(),
            request.ons4(),
            CONSENT_VERSION,
            now,
            urgent,
            ReferralStatus.NEW,
            List.of(new StatusChange(ReferralStatus.NEW, by, now, null)),
            now,
            now,
            null,
            keys.hash(token),
            now.plus(retention),
            null,
            bodyHash,
            0,
            request.followUpConsent(),
            List.of(),
            new CheckInPlan(request.followUpChannel(), request.offerSwemwbs(), request.swemwbs()));
    Referral stored;
    try {
      stored = referrals.create(referral);
    } catch (SignpostException.Conflict raced) {
      return replay(id, bodyHash, token).orElseThrow(() -> raced);
    }
    notices.created(stored, listing);
    return new Submitted(stored, token, false);
  }

  private Optional<Submitted> replay(String id, String bodyHash, String token) {
    return referrals
        .find(id)
        .map(
            existing -> {
              if (!existing.bodyHash().equals(bodyHash)) {
                throw new SignpostException.Conflict(
                    "this idempotency key was already used with different answers");
              }
              return new Submitted(existing, token, true);
            });
  }

  private void rateLimit(String clientAddress, String submission) {
    Instant window = clock.instant().truncatedTo(ChronoUnit.HOURS);
    String bucket = keys.derive("client|" + clientAddress + "|" + window, 16);
    if (!guards.admit(
        bucket, submission, ratePerHour, window.plus(RATE_WINDOW).plus(RATE_WINDOW))) {
      throw new SignpostException.TooManyRequests(
          "too many referrals from this connection; try again within the hour");
    }
  }

  private Listing listing(String listingId, boolean self) {
    if (listingId == null) {
      return null;
    }
    Listing listing =
        listings
            .find(listingId)
            .filter(Listing::isPublished)
            .orElseThrow(
                () ->
                    SignpostException.Invalid.of(
                        "listing_id", "no published listing " + listingId));
    if (self && !listing.content().referralRoutes().contains(Referral.SELF)) {
      throw new SignpostException.Invalid(
          "this group does not accept self-referrals",
          List.of(new FieldError("listing_id", "does not accept self-referral; ask a prescriber")));
    }
    return listing;
  }

  /** One referral, if the caller may see it; otherwise "not found", so existence does not leak. */
  public Referral get(Caller caller, String id) {
    return referrals
        .find(id)
        .filter(r -> canSee(caller, r))
        .orElseThrow(() -> new SignpostException.NotFound("no referral " + id));
  }

  /**
   * The GP summary of a referral, for the prescriber who sent it and nobody else.
   *
   * @throws SignpostException.NotFound when the caller may not see the referral at all
   * @throws SignpostException.Forbidden when the caller sees it but did not send it
   */
  public GpSummary gpSummary(Caller caller, String id) {
    GpRecord record = gpRecord(caller, id);
    return GpSummary.of(record.referral(), record.listing());
  }

  /**
   * A referral and the listing it went to, for an export to the GP record (the FHIR export): the
   * same rule as {@link #gpSummary}, only the prescriber who made the referral.
   *
   * @throws SignpostException.NotFound when the caller may not see the referral at all
   * @throws SignpostException.Forbidden when the caller sees it but did not send it
   */
  public GpRecord gpRecord(Caller caller, String id) {
    Referral r = get(caller, id);
    if (r.referrerSubject() == null || !r.referrerSubject().equals(caller.subject())) {
      throw new SignpostException.Forbidden(
          "only the prescriber who made the referral downloads its GP record");
    }
    Optional<Listing> listing =
        r.listingId() == null ? Optional.empty() : listings.find(r.listingId());
    return new GpRecord(r, listing);
  }

  /** A referral with the listing it went to, if that still exists, for the GP record. */
  public record GpRecord(Referral referral, Optional<Listing> listing) {}

  /** Referrals the caller sent (prescriber), received (provider) or all of them (admin). */
  public List<Referral> mine(Caller caller) {
    if (caller.isAdmin()) {
      return referrals.all();
    }
    List<Referral> out = new ArrayList<>();
    if (caller.has(Role.PROVIDER) && caller.organisationId().isPresent()) {
      out.addAll(referrals.byOrganisation(caller.organisationId().get()));
    }
    if (caller.has(Role.PRESCRIBER)) {
      referrals.byReferrer(caller.subject()).stream()
          .filter(r -> !out.contains(r))
          .forEach(out::add);
    }
    if (out.isEmpty() && !caller.has(Role.PROVIDER) && !caller.has(Role.PRESCRIBER)) {
      throw new SignpostException.Forbidden(
          "only prescribers, providers and admins have referrals");
    }
    return out;
  }

  /**
   * Moves a referral on; only the receiving organisation or an admin may.
   *
   * @param expectedVersion the version the caller saw (from If-Match or the portal form)
   */
  public Referral move(
      Caller caller, String id, String status, String reason, OptionalLong expectedVersion) {
    Referral referral = get(caller, id);
    if (referral.organisationId() == null
        ? !caller.isAdmin()
        : !caller.actsFor(referral.organisationId())) {
      throw new SignpostException.Forbidden(
          "only the receiving organisation can update this referral");
    }
    if (expectedVersion.isEmpty()) {
      throw new SignpostException.PreconditionRequired("send If-Match with the referral's version");
    }
    if (expectedVersion.getAsLong() != referral.version()) {
      throw new SignpostException.PreconditionFailed("the referral changed since you read it");
    }
    ReferralStatus next =
        ReferralStatus.parse(status)
            .orElseThrow(() -> SignpostException.Invalid.of("status", "unknown status " + status));
    if (!referral.status().next().contains(next)) {
      throw new SignpostException.Conflict(
          "a referral cannot move from " + referral.status().code() + " to " + next.code());
    }
    String why = reason == null ? "" : reason.strip();
    if (next == ReferralStatus.DECLINED && why.isEmpty()) {
      throw SignpostException.Invalid.of("reason", "say why the referral is declined");
    }
    if (why.length() > 300 || why.contains("<")) {
      throw SignpostException.Invalid.of("reason", "must be plain text up to 300 characters");
    }
    Instant now = clock.instant();
    Referral moved =
        referrals.update(
            referral.moved(
                new StatusChange(next, caller.subject(), now, why.isEmpty() ? null : why),
                now.plus(retention)));
    notices.moved(moved);
    return moved;
  }

  /** The referral behind a private status link. */
  public Referral byToken(String token) {
    if (token == null || !token.matches("[A-Za-z0-9_-]{22,64}")) {
      throw new SignpostException.NotFound("no referral for this link");
    }
    return referrals
        .findByTokenHash(keys.hash(token))
        .orElseThrow(() -> new SignpostException.NotFound("no referral for this link"));
  }

  /** Erases one referral on the person's request; admins only. */
  public void erase(Caller caller, String id) {
    caller.require(Role.ADMIN);
    get(caller, id);
    referrals.delete(id);
  }

  /** Deletes referrals past retention (the TTL does the same in AWS, within about two days). */
  public int purge() {
    List<Referral> expired = referrals.expiredAt(clock.instant());
    expired.forEach(r -> referrals.delete(r.id()));
    return expired.size();
  }

  /** Reminds the organisation of referrals still new after three working days; once each. */
  public int remind() {
    Instant now = clock.instant();
    int sent = 0;
    for (Referral r : referrals.all()) {
      if (r.status() == ReferralStatus.NEW
          && r.remindedAt() == null
          && WorkingDays.after(r.createdAt(), 3).compareTo(now) <= 0) {
        Referral reminded = referrals.update(r.reminded(now));
        notices.reminder(
            reminded, r.listingId() == null ? null : listings.find(r.listingId()).orElse(null));
        sent++;
      }
    }
    return sent;
  }

  private boolean canSee(Caller caller, Referral r) {
    return caller.isAdmin()
        || (r.organisationId() != null && caller.actsFor(r.organisationId()))
        || (r.referrerSubject() != null && r.referrerSubject().equals(caller.subject()));
  }

  private static String canonical(ReferralRequest r, Listing listing, Optional<Referrer> referrer) {
    return String.join(
            "\u0000",
            listing == null ? "" : listing.id(),
            r.name(),
            r.phone(),
            r.email(),
            r.bestTime(),
            r.postcode(),
            String.join(",", r.needs()),
            r.freeText(),
            r.reason(),
            r.ons4().toString(),
            r.language(),
            r.accessNeeds(),
            referrer.map(Referrer::subject).orElse(""),
            Boolean.toString(r.followUpConsent()))
        // Only requests that use SWEMWBS hash it, so earlier requests keep their hashes.
        + (r.offerSwemwbs() || !r.swemwbs().isEmpty()
            ? "\u0000" + r.offerSwemwbs() + "\u0000" + r.swemwbs()
            : "")
        + (r.followUpChannel() != null ? "\u0000" + r.followUpChannel() : "");
  }

  /** Keyed hashes and randomness, in one place. */
  static final class Keys {
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
    private final byte[] secret;

    Keys(byte[] secret) {
      this.secret = secret.clone();
    }

    String random(int bytes) {
      byte[] raw = new byte[bytes];
      RANDOM.nextBytes(raw);
      return encode(raw);
    }

    String derive(String label, int bytes) {
      try {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret, "HmacSHA256"));
        byte[] full = mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
        return encode(java.util.Arrays.copyOf(full, bytes));
      } catch (java.security.GeneralSecurityException e) {
        throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
      }
    }

    String hash(String text) {
      try {
        return HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-256 is part of every JDK", e);
      }
    }

    private static String encode(byte[] raw) {
      // Hex: URL-safe, case-insensitive when read out over the phone.
      return HexFormat.of().formatHex(raw);
    }
  }
}
