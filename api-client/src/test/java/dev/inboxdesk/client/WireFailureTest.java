package dev.inboxdesk.client;

import static dev.inboxdesk.client.Bodies.ID_1;
import static dev.inboxdesk.client.Bodies.UUID_1;
import static dev.inboxdesk.client.Bodies.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inboxdesk.client.ConnectionFailureException.Kind;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WireFailureTest extends LoopbackServerTest {
  NotificationsClient client;

  @BeforeEach
  void setUp() {
    client = notifications(config -> config.readTimeout(Duration.ofMillis(500)));
    client.useAccessToken("t");
  }


  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Test
  void aRefusedConnectionNeverReachedTheServer() throws IOException {
    try (NotificationsClient nowhere = NotificationsClient.create(
        time.config("http://127.0.0.1:" + closedPort() + "/api/v1").build())) {
      nowhere.useAccessToken("t");

      assertThatThrownBy(nowhere::unreadCount).isInstanceOfSatisfying(ConnectionFailureException.class, e -> {
        assertThat(e.kind()).isEqualTo(Kind.REFUSED);
        assertThat(e.mayHaveReachedServer()).isFalse();
        assertThat(e.status()).isZero();
      });
      assertThat(time.sleeps()).as("two bounded retries with backoff").hasSize(2);
    }
  }

  @Test
  void aDeleteDroppedAfterTheServerActedAndThen404IsAlreadyGone() {
    server.enqueue(new MockResponse.Builder().code(200).body("{\"success\":true}")
        .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
    server.enqueue(json(404, Bodies.envelope("error.notification.not_found", "Not found",
        "error.notification.not_found")));

    assertThat(client.deleteNotification(UUID_1)).isEqualTo(DeleteOutcome.ALREADY_GONE);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aServerErrorOnTheRetryOfADroppedDeleteSaysTheDeleteMayHaveHappened() {
    // Found by the chaos drill: the first attempt was applied and its answer lost, the retry met
    // a 502, and "server error" alone told the app the item was still there.
    server.enqueue(new MockResponse.Builder().code(200).body("{\"success\":true}")
        .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
    server.enqueue(new MockResponse.Builder().code(502).addHeader("Content-Type", "text/html")
        .body("<html><body>Bad gateway</body></html>").build());

    assertThatThrownBy(() -> client.deleteNotification(UUID_1))
        .isInstanceOfSatisfying(ConnectionFailureException.class, e -> {
          assertThat(e.mayHaveReachedServer()).isTrue();
          assertThat(e.getCause()).isInstanceOf(ServerErrorException.class);
        });
  }

  @Test
  void aReadWhoseRetryMeetsAServerErrorIsAServerError() {
    // A read changes nothing, so the lost first answer hides nothing.
    server.enqueue(new MockResponse.Builder().code(200).body("{\"success\":true,\"data\":{\"count\":1}}")
        .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
    server.enqueue(new MockResponse.Builder().code(503).addHeader("Content-Type", "text/html")
        .body("<html><body>Unavailable</body></html>").build());

    assertThatThrownBy(client::unreadCount).isInstanceOf(ServerErrorException.class);
  }

  @Test
  void aServerErrorWithoutAnyDropIsAServerError() {
    server.enqueue(new MockResponse.Builder().code(502).addHeader("Content-Type", "text/html")
        .body("<html><body>Bad gateway</body></html>").build());

    assertThatThrownBy(() -> client.deleteNotification(UUID_1)).isInstanceOf(ServerErrorException.class);
  }

  @Test
  void aDeleteDroppedBeforeTheServerActedSucceedsOnRetry() {
    server.enqueue(new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket()).build());
    server.enqueue(json(200, "{\"success\":true}"));

    assertThat(client.deleteNotification(UUID_1)).isEqualTo(DeleteOutcome.DELETED);
  }

  @Test
  void aPlain404WithoutAnyRetryIsStillNotFound() {
    server.enqueue(json(404, Bodies.envelope("error.notification.not_found", "Not found",
        "error.notification.not_found")));

    assertThatThrownBy(() -> client.deleteNotification(UUID_1)).isInstanceOf(NotFoundException.class);
  }

  @Test
  void droppingEveryTimeEndsAsAConnectionFailureThatMayHaveReachedTheServer() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(new MockResponse.Builder().code(200).body("{\"success\":true}")
          .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
    }

    assertThatThrownBy(() -> client.deleteNotification(UUID_1))
        .isInstanceOfSatisfying(ConnectionFailureException.class, e -> {
          assertThat(e.kind()).isEqualTo(Kind.RESET);
          assertThat(e.mayHaveReachedServer()).isTrue();
        });
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void aLoginIsNeverRepeatedAfterAConnectionFailure() {
    server.enqueue(new MockResponse.Builder().code(200).body(Bodies.login("x", 900))
        .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());

    assertThatThrownBy(() -> client.login("ada@example.com", "pw")).isInstanceOf(ConnectionFailureException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aSlowAnswerTimesOut() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(new MockResponse.Builder().code(200).body("{\"success\":true,\"data\":{\"count\":1}}")
          .headersDelay(3, TimeUnit.SECONDS).build());
    }

    assertThatThrownBy(client::unreadCount).isInstanceOfSatisfying(ConnectionFailureException.class, e -> {
      assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
      assertThat(e.mayHaveReachedServer()).isTrue();
    });
  }

  @Test
  void aBodyCutOffMidwayIsAConnectionFailure() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
          .body(Bodies.notificationPage(1, 50, 50)).onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build());
    }

    assertThatThrownBy(() -> client.listPage(ReadFilter.ALL, 1, 50))
        .isInstanceOfSatisfying(ConnectionFailureException.class, e -> assertThat(e.mayHaveReachedServer()).isTrue());
  }

  @Test
  void aBodyLargerThanTheLimitIsRefusedUnread() {
    try (MessagesClient small = MessagesClient.create(time.config(server.url("/").toString())
        .maxResponseBytes(1024).build())) {
      small.useSessionToken("s");
      server.enqueue(json(200, Bodies.messageList(ID_1, ID_1, ID_1, ID_1, ID_1, ID_1, ID_1, ID_1, ID_1, ID_1, ID_1,
          ID_1, ID_1, ID_1, ID_1, ID_1, ID_1, ID_1)));

      assertThatThrownBy(small::listMessages).isInstanceOfSatisfying(UnexpectedResponseException.class,
          e -> assertThat(e.kind()).isEqualTo(UnexpectedResponseException.Kind.TOO_LARGE));
    }
  }

  @Test
  void aChunkedBodyLargerThanTheLimitIsRefusedToo() {
    try (MessagesClient small = MessagesClient.create(time.config(server.url("/").toString())
        .maxResponseBytes(1024).build())) {
      small.useSessionToken("s");
      server.enqueue(new MockResponse.Builder().code(200).chunkedBody("{\"success\":true,\"messages\":[" + "{},"
          .repeat(2000) + "{}]}", 512).build());

      assertThatThrownBy(small::listMessages).isInstanceOfSatisfying(UnexpectedResponseException.class,
          e -> assertThat(e.kind()).isEqualTo(UnexpectedResponseException.Kind.TOO_LARGE));
    }
  }
}
