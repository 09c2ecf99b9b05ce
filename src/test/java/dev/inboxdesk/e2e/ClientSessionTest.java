package dev.inboxdesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inboxdesk.client.ClientConfig;
import dev.inboxdesk.client.DeleteOutcome;
import dev.inboxdesk.client.Exchange;
import dev.inboxdesk.client.Message;
import dev.inboxdesk.client.MessageDeletion;
import dev.inboxdesk.client.MessagesClient;
import dev.inboxdesk.client.Notification;
import dev.inboxdesk.client.NotificationsClient;
import dev.inboxdesk.client.NotFoundException;
import dev.inboxdesk.client.ReadFilter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** A whole session per service over real HTTP: sign in, list, delete, list again. */
class ClientSessionTest {
  @StartStop
  final MockWebServer messagesServer = new MockWebServer();
  @StartStop
  final MockWebServer notificationsServer = new MockWebServer();

  @Test
  void aMessagesSessionSignsInListsDeletesAndReconciles() {
    ScriptedServices.Messages service = new ScriptedServices.Messages();
    messagesServer.setDispatcher(service);
    List<Exchange> log = new CopyOnWriteArrayList<>();
    try (MessagesClient client = MessagesClient.create(ClientConfig.builder(messagesServer.url("/").toString())
        .exchangeListener(log::add).build())) {
      assertThat(client.signIn("ada@example.com", "pw").username()).isEqualTo("ada");
      List<Message> before = client.listMessages();
      assertThat(before).hasSize(3);

      MessageDeletion deletion = client.deleteMessage(before.get(1).id());

      assertThat(deletion.outcome()).isEqualTo(DeleteOutcome.DELETED);
      assertThat(deletion.remaining()).extracting(Message::id)
          .containsExactly(before.get(2).id(), before.get(0).id());
      assertThat(client.listMessages()).extracting(Message::id).containsExactly(before.get(0).id(), before.get(2).id());
    }
    assertThat(log).extracting(Exchange::status).containsExactly(200, 200, 200, 200, 201, 200);
    assertThat(log).allSatisfy(e -> assertThat(e.toString()).doesNotContain("$2a$10$hash").doesNotContain("jwe-ada"));
  }

  @Test
  void aNotificationsSessionPagesThroughAndDeletes() {
    ScriptedServices.Notifications service = new ScriptedServices.Notifications();
    notificationsServer.setDispatcher(service);
    try (NotificationsClient client = NotificationsClient.create(
        ClientConfig.builder(notificationsServer.url("/api/v1").toString()).build())) {
      client.login("ada@example.com", "pw");
      List<Notification> all = client.listAll(ReadFilter.ALL);
      assertThat(all).hasSize(120);

      assertThat(client.deleteNotification(all.get(0).id())).isEqualTo(DeleteOutcome.DELETED);
      assertThatThrownBy(() -> client.deleteNotification(all.get(0).id())).isInstanceOf(NotFoundException.class);

      assertThat(client.listAll(ReadFilter.ALL)).hasSize(119).extracting(Notification::id)
          .doesNotContain(all.get(0).id());
    }
    assertThat(service.deletes).hasValue(1);
  }
}
