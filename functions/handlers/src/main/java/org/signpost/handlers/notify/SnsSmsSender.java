package org.signpost.handlers.notify;

import java.util.Map;
import java.util.regex.Pattern;
import org.signpost.handlers.storage.OutboxItem;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/**
 * Sends a text message through Amazon SNS {@code Publish} straight to a phone number (no topic), as
 * a transactional SMS. Recipients are E.164 numbers already (the referral was validated); anything
 * else is refused and stays in the outbox. Nothing about the message is logged here. Thread-safe
 * (the SNS client is).
 */
public final class SnsSmsSender implements Sender {
  private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{7,14}");

  /** SNS's sender name: up to 11 letters and digits, at least one letter. */
  private static final Pattern SENDER_ID = Pattern.compile("(?=.*[A-Za-z])[A-Za-z0-9]{1,11}");

  private final SnsClient sns;
  private final String senderId;

  /**
   * @param senderId the name the message shows as sent from where networks allow one, or blank for
   *     none
   */
  public SnsSmsSender(SnsClient sns, String senderId) {
    this.sns = sns;
    this.senderId = senderId == null ? "" : senderId.strip();
    if (!this.senderId.isEmpty() && !SENDER_ID.matcher(this.senderId).matches()) {
      throw new IllegalArgumentException(
          "SMS_SENDER_ID must be 1 to 11 letters and digits with at least one letter");
    }
  }

  @Override
  public boolean accepts(OutboxItem n) {
    return n.textMessage() && E164.matcher(n.getRecipient()).matches();
  }

  @Override
  public String send(OutboxItem n) {
    if (!accepts(n)) {
      throw new IllegalArgumentException("not a text message to a phone number: " + n.getKind());
    }
    Map<String, MessageAttributeValue> attributes =
        new java.util.HashMap<>(
            Map.of(
                "AWS.SNS.SMS.SMSType",
                MessageAttributeValue.builder()
                    .dataType("String")
                    .stringValue("Transactional")
                    .build()));
    if (!senderId.isEmpty()) {
      attributes.put(
          "AWS.SNS.SMS.SenderID",
          MessageAttributeValue.builder().dataType("String").stringValue(senderId).build());
    }
    var response =
        sns.publish(
            r ->
                r.phoneNumber(n.getRecipient()).message(n.getBody()).messageAttributes(attributes));
    return "sns:" + response.messageId();
  }
}
