package org.signpost.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;
import org.signpost.handlers.notify.FileSender;
import org.signpost.handlers.notify.OutboxRelay;
import org.signpost.handlers.wiring.Wiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scheduled referral housekeeping: deletes referrals past retention, queues "still new after three
 * working days" reminders, and (where a file outbox is configured) relays notifications. Runs on an
 * EventBridge schedule; the event's content is ignored.
 */
public final class HousekeepingFunction
    implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  private static final Logger LOG = LoggerFactory.getLogger(HousekeepingFunction.class);
  private final Wiring wiring;

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

  /** One pass; the local runtime calls this on a timer. */
  public Map<String, Object> run() {
    int purged = wiring.referralService.purge();
    int reminded = wiring.referralService.remind();
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("purged", purged);
    result.put("reminded", reminded);
    wiring
        .settings
        .outboxDir()
        .ifPresent(
            dir ->
                result.put(
                    "sent",
                    new OutboxRelay(
                            wiring.referrals,
                            new FileSender(dir, wiring.settings.emailFrom()),
                            wiring.clock)
                        .sendPending()));
    if (purged > 0 || reminded > 0) {
      LOG.info("housekeeping: {} referrals purged, {} reminders queued", purged, reminded);
    }
    return result;
  }
}
