package org.signpost.core.fakes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.signpost.core.errors.SignpostException;
import org.signpost.core.referral.Notifications;
import org.signpost.core.referral.Referral;
import org.signpost.core.referral.ReferralRepository;
import org.signpost.core.referral.RequestGuards;

/** In-memory referrals, rate counters and outbox with the store's version semantics. */
public final class InMemoryReferrals implements ReferralRepository, RequestGuards, Notifications {
  private final Map<String, Referral> byId = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> admitted = new ConcurrentHashMap<>();
  private final Set<String> marks = ConcurrentHashMap.newKeySet();
  public final List<Notification> sent = new java.util.concurrent.CopyOnWriteArrayList<>();

  @Override
  public synchronized Referral create(Referral referral) {
    if (byId.containsKey(referral.id())) {
      throw new SignpostException.Conflict("exists");
    }
    Referral stored = withVersion(referral, 1);
    byId.put(stored.id(), stored);
    return stored;
  }

  @Override
  public Optional<Referral> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  @Override
  public Optional<Referral> findByTokenHash(String tokenHash) {
    return byId.values().stream().filter(r -> r.tokenHash().equals(tokenHash)).findFirst();
  }

  @Override
  public synchronized Referral update(Referral referral) {
    Referral current = byId.get(referral.id());
    if (current == null || current.version() != referral.version()) {
      throw new SignpostException.PreconditionFailed("stale");
    }
    Referral stored = withVersion(referral, referral.version() + 1);
    byId.put(stored.id(), stored);
    return stored;
  }

  @Override
  public List<Referral> byOrganisation(String organisationId) {
    return byId.values().stream().filter(r -> organisationId.equals(r.organisationId())).toList();
  }

  @Override
  public List<Referral> byReferrer(String subject) {
    return byId.values().stream().filter(r -> subject.equals(r.referrerSubject())).toList();
  }

  @Override
  public List<Referral> all() {
    return new ArrayList<>(byId.values());
  }

  @Override
  public void delete(String id) {
    byId.remove(id);
  }

  @Override
  public List<Referral> expiredAt(Instant now) {
    return byId.values().stream().filter(r -> !r.expiresAt().isAfter(now)).toList();
  }

  @Override
  public boolean admit(String clientHash, String submission, int limit, Instant expires) {
    Set<String> seen = admitted.computeIfAbsent(clientHash, k -> ConcurrentHashMap.newKeySet());
    synchronized (seen) {
      if (seen.contains(submission)) {
        return true;
      }
      if (seen.size() >= limit) {
        return false;
      }
      return seen.add(submission);
    }
  }

  @Override
  public boolean once(String key, Instant expires) {
    return marks.add(key);
  }

  @Override
  public boolean marked(String key) {
    return marks.contains(key);
  }

  @Override
  public void add(Notification notification) {
    sent.add(notification);
  }

  private static Referral withVersion(Referral r, long version) {
    return new Referral(
        r.id(),
        r.reference(),
        r.listingId(),
        r.listingName(),
        r.organisationId(),
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
        version,
        r.followUps(),
        r.checkIns(),
        r.checkInPlan());
  }
}
