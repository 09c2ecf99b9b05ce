package dev.inboxdesk.client;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;

/** A scripted server on loopback, a fake clock, and clients pointed at the server and closed after each test. */
abstract class LoopbackServerTest {
  @StartStop
  final MockWebServer server = new MockWebServer();
  final FakeTime time = new FakeTime();
  private final List<AutoCloseable> clients = new ArrayList<>();

  /** A notifications client for the server's {@code /api/v1}. */
  NotificationsClient notifications(UnaryOperator<ClientConfig.Builder> settings) {
    return track(NotificationsClient.create(settings.apply(time.config(server.url("/api/v1").toString())).build()));
  }

  NotificationsClient notifications() {
    return notifications(UnaryOperator.identity());
  }

  /** A messages client for the server's origin. */
  MessagesClient messages(UnaryOperator<ClientConfig.Builder> settings) {
    return track(MessagesClient.create(settings.apply(time.config(server.url("/").toString())).build()));
  }

  MessagesClient messages() {
    return messages(UnaryOperator.identity());
  }

  private <T extends AutoCloseable> T track(T client) {
    clients.add(client);
    return client;
  }

  @AfterEach
  void closeClients() throws Exception {
    for (AutoCloseable client : clients) {
      client.close();
    }
  }
}
