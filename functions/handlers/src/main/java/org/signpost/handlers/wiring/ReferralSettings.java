package org.signpost.handlers.wiring;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Settings of the public pages and the referral loop, read once from the environment like {@link
 * Config} (kept apart so the listing settings' constructor stays stable).
 *
 * @param webSecret key for form tokens, status-link tokens and rate-limit hashes; every environment
 *     of a deployment must share it
 * @param retentionDays referrals are deleted this many days after their last change
 * @param outboxDir where the local file sender writes notifications; empty in AWS (SES sends)
 * @param minFillTime a public form posted sooner than this after it was drawn is treated as a bot
 * @param rateLimitPerHour self-referrals one client may send per hour
 * @param emailFrom the sender address of notification emails
 */
public record ReferralSettings(
    byte[] webSecret,
    int retentionDays,
    Optional<Path> outboxDir,
    Duration minFillTime,
    int rateLimitPerHour,
    String emailFrom) {
  public ReferralSettings {
    webSecret = webSecret.clone();
    if (webSecret.length < 16) {
      throw new IllegalArgumentException("WEB_SECRET must be at least 16 bytes");
    }
    if (retentionDays < 1 || retentionDays > 3650) {
      throw new IllegalArgumentException(
          "REFERRAL_RETENTION_DAYS must be 1..3650: " + retentionDays);
    }
    if (rateLimitPerHour < 1) {
      throw new IllegalArgumentException("REFERRAL_RATE_LIMIT_PER_HOUR must be at least 1");
    }
  }

  @Override
  public byte[] webSecret() {
    return webSecret.clone();
  }

  public static ReferralSettings fromEnvironment() {
    byte[] key = WebSecrets.load();
    return new ReferralSettings(
        key,
        Config.setting("REFERRAL_RETENTION_DAYS").map(Integer::parseInt).orElse(180),
        Config.setting("OUTBOX_DIR").filter(s -> !s.isBlank()).map(Path::of),
        Duration.ofSeconds(Config.setting("FORM_MIN_FILL_SECONDS").map(Long::parseLong).orElse(3L)),
        Config.setting("REFERRAL_RATE_LIMIT_PER_HOUR").map(Integer::parseInt).orElse(10),
        Config.setting("EMAIL_FROM").orElse("no-reply@signpost.example"));
  }
}
