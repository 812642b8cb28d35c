package org.signpost.handlers.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.signpost.handlers.storage.OutboxItem;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.sns.model.PublishResponse;

class SnsSmsSenderTest {

  /** The SDK edge only: records what would be published. */
  private static final class RecordingSns implements SnsClient {
    final List<PublishRequest> published = new ArrayList<>();

    @Override
    public PublishResponse publish(PublishRequest request) {
      published.add(request);
      return PublishResponse.builder().messageId("m-" + published.size()).build();
    }

    @Override
    public String serviceName() {
      return "sns";
    }

    @Override
    public void close() {}
  }

  private static OutboxItem item(String channel, String recipient) {
    OutboxItem n = new OutboxItem();
    n.setId("n1");
    n.setKind("checkin_6w");
    n.setChannel(channel);
    n.setRecipient(recipient);
    n.setSubject("Signpost");
    n.setBody("How are you doing? Answer 4 short questions: https://example.org/c/abc");
    n.setCreatedAt("2026-12-01T09:00:00Z");
    return n;
  }

  @Test
  void send_publishesATransactionalTextToThePhoneNumber_withTheSenderName() {
    RecordingSns sns = new RecordingSns();
    SnsSmsSender sender = new SnsSmsSender(sns, "Signpost");

    String where = sender.send(item("sms", "+447700900123"));

    assertThat(where).isEqualTo("sns:m-1");
    PublishRequest sent = sns.published.get(0);
    assertThat(sent.phoneNumber()).isEqualTo("+447700900123");
    assertThat(sent.topicArn()).isNull();
    assertThat(sent.message()).startsWith("How are you doing?");
    assertThat(sent.messageAttributes().get("AWS.SNS.SMS.SMSType").stringValue())
        .isEqualTo("Transactional");
    assertThat(sent.messageAttributes().get("AWS.SNS.SMS.SenderID").stringValue())
        .isEqualTo("Signpost");
  }

  @Test
  void emailsAndNumbersNotInE164_areNotAccepted_andNothingIsPublished() {
    RecordingSns sns = new RecordingSns();
    SnsSmsSender sender = new SnsSmsSender(sns, "");

    assertThat(sender.accepts(item("email", "person@example.org"))).isFalse();
    assertThat(sender.accepts(item("sms", "07700 900123"))).isFalse();
    assertThatThrownBy(() -> sender.send(item("sms", "07700 900123")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("07700");
    assertThat(sns.published).isEmpty();
  }

  @Test
  void withoutASenderName_noSenderIdIsSent_andABadNameIsRefusedAtStart() {
    RecordingSns sns = new RecordingSns();
    new SnsSmsSender(sns, " ").send(item("sms", "+447700900123"));
    assertThat(sns.published.get(0).messageAttributes()).doesNotContainKey("AWS.SNS.SMS.SenderID");
    assertThatThrownBy(() -> new SnsSmsSender(sns, "Signpost Hub!"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void channelSender_routesTextsToSns_andEmailsElsewhere() throws Exception {
    RecordingSns sns = new RecordingSns();
    List<String> emailed = new ArrayList<>();
    Sender email =
        n -> {
          emailed.add(n.getRecipient());
          return "email";
        };
    ChannelSender sender = new ChannelSender(email, Optional.of(new SnsSmsSender(sns, "")));

    assertThat(sender.send(item("sms", "+447700900123"))).isEqualTo("sns:m-1");
    assertThat(sender.send(item("email", "person@example.org"))).isEqualTo("email");
    assertThat(emailed).containsExactly("person@example.org");
    assertThat(sns.published).hasSize(1);
  }
}
