package org.signpost.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.signpost.core.listing.StaleListings;
import org.signpost.handlers.hsds.HsdsCatalogue;
import org.signpost.handlers.hsds.HsdsExporter;
import org.signpost.handlers.notify.ChannelSender;
import org.signpost.handlers.notify.FileSender;
import org.signpost.handlers.notify.FileSmsSender;
import org.signpost.handlers.notify.OutboxRelay;
import org.signpost.handlers.notify.Sender;
import org.signpost.handlers.notify.SesSender;
import org.signpost.handlers.notify.SnsSmsSender;
import org.signpost.handlers.wiring.Config;
import org.signpost.handlers.wiring.Wiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Scheduled housekeeping: deletes referrals past retention, queues "still new after three working
 * days" reminders, once a day reminds owners of listings nobody confirmed for 5 and 6 months and
 * unpublishes those at 12 months, relays the outbox (to files locally, through SES in AWS) and
 * rewrites the complete HSDS export when the directory has changed. Runs on an EventBridge
 * schedule; the event's content is ignored.
 */
public final class HousekeepingFunction
    implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  private static final Logger LOG = LoggerFactory.getLogger(HousekeepingFunction.class);
  private final Wiring wiring;
  private volatile Sender sender;

  /**
   * How often one instance rebuilds the HSDS export: every scheduled run in AWS (five minutes
   * apart), not every few seconds as the local runtime calls it.
   */
  static final Duration EXPORT_EVERY = Duration.ofMinutes(4);

  private volatile Instant lastExport;

  public HousekeepingFunction() {
    this(Wiring.shared());
  }

  HousekeepingFunction(Wiring wiring) {
    this.wiring = wiring;
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    return run();
  }

  /**
   * Files locally (OUTBOX_DIR set), for emails and text messages alike; in AWS, SES for emails and
   * SNS for text messages. Built lazily so only this function loads SES and SNS.
   */
  private Sender sender() {
    Sender local = sender;
    if (local == null) {
      local =
          wiring
              .settings
              .outboxDir()
              .<Sender>map(
                  dir ->
                      new ChannelSender(
                          new FileSender(dir, wiring.settings.emailFrom()),
                          Optional.of(new FileSmsSender(dir))))
              .orElseGet(
                  () ->
                      new ChannelSender(
                          new SesSender(
                              SesV2Client.builder()
                                  .httpClient(UrlConnectionHttpClient.create())
                                  .region(Region.of(wiring.config.region()))
                                  .build(),
                              wiring.settings.emailFrom()),
                          Optional.of(
                              new SnsSmsSender(
                                  SnsClient.builder()
                                      .httpClient(UrlConnectionHttpClient.create())
                                      .region(Region.of(wiring.config.region()))
                                      .build(),
                                  Config.setting("SMS_SENDER_ID").orElse("")))));
      sender = local;
    }
    return local;
  }

  /** One pass; the local runtime calls this on a timer. */
  public Map<String, Object> run() {
    int purged = wiring.referralService.purge();
    int reminded = wiring.referralService.remind();
    int checkIns = wiring.referralService.followUps().sendDue();
    StaleListings.Pass stale = wiring.staleListings.runDaily();
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("purged", purged);
    result.put("reminded", reminded);
    result.put("check_ins", checkIns);
    result.put("stale_first_reminders", stale.firstReminders());
    result.put("stale_second_reminders", stale.secondReminders());
    result.put("stale_unpublished", stale.unpublished());
    result.put("sent", new OutboxRelay(wiring.referrals, sender(), wiring.clock).sendPending());
    Instant now = wiring.clock.instant();
    Instant last = lastExport;
    if (last == null || !now.isBefore(last.plus(EXPORT_EVERY))) {
      lastExport = now;
      HsdsExporter.Result export =
          new HsdsExporter(
                  new HsdsCatalogue(
                      wiring.listings, wiring.listings, wiring.organisations, wiring.geocoder),
                  wiring.hsdsExports,
                  wiring.clock)
              .run();
      result.put("hsds_export_written", export.written());
      result.put("hsds_export_services", export.services());
    }
    if (purged > 0 || reminded > 0) {
      LOG.info("housekeeping: {} referrals purged, {} reminders queued", purged, reminded);
    }
    if (!stale.equals(new StaleListings.Pass(0, 0, 0))) {
      LOG.info("housekeeping: stale listings {}", stale);
    }
    return result;
  }
}
