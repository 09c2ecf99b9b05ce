package dev.inboxdesk.client;

import static dev.inboxdesk.client.Bodies.ID_1;
import static dev.inboxdesk.client.Bodies.ID_2;
import static dev.inboxdesk.client.Bodies.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The client-side findings of the security review, each pinned by a test. */
class SecurityHardeningTest extends LoopbackServerTest {
  private static final String PASSWORD = "hunter2-correct-horse";

  @ParameterizedTest
  @CsvSource({"localhost,true", "LOCALHOST,true", "127.0.0.1,true", "127.8.9.10,true", "::1,true", "[::1],true",
      "0:0:0:0:0:0:0:1,true", "127.evil.com,false", "2130706433,false", "127.0.0.256,false", "127.1,false",
      "::2,false", "example.com,false", "10.0.0.1,false"})
  void loopbackMeansLocalhostAndLiteralLoopbackAddressesOnly(String host, boolean loopback) {
    assertThat(Loopback.isLoopback(host)).isEqualTo(loopback);
  }

  @Test
  void aTokenIsNeverSentOverPlainHttpToANameThatMerelyStartsWith127() {
    try (NotificationsClient client = NotificationsClient.create(
        ClientConfig.builder("http://127.evil.example/api/v1").build())) {
      client.useAccessToken("t");

      assertThatThrownBy(() -> client.deleteNotification(Bodies.UUID_1))
          .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.refusedByClient()).isTrue());
    }
  }

  @Test
  void theRevealCopyKeepsTheUsersCookieButNeverThePasswordOrTheHash() {
    List<Exchange> exchanges = new CopyOnWriteArrayList<>();
    try (MessagesClient client = messages(b -> b.captureUnmasked(true).exchangeListener(exchanges::add))) {
      client.useSessionToken("my-own-session");
      server.enqueue(json(201, Bodies.deleteAnswer(ID_2)));
      client.deleteListedMessage(ID_1);
    }
    try (NotificationsClient client = notifications(b -> b.captureUnmasked(true).exchangeListener(exchanges::add))) {
      server.enqueue(json(200, Bodies.login("access", 900)));
      client.login("ada@example.com", PASSWORD);
    }

    Exchange.Unmasked delete = exchanges.get(0).unmasked();
    assertThat(delete.requestHeaders().toString()).contains("my-own-session");
    assertThat(delete.responseBody()).doesNotContain(Bodies.PASSWORD_HASH);
    Exchange.Unmasked login = exchanges.get(1).unmasked();
    assertThat(login.requestBody()).doesNotContain(PASSWORD).contains("ada@example.com");
  }

  @Test
  void retriesShareOneDeadlineInsteadOfMultiplyingTimeouts() {
    for (int i = 0; i < 6; i++) {
      server.enqueue(new MockResponse.Builder().headersDelay(10, TimeUnit.SECONDS).body("{}").build());
    }
    NotificationsClient client = notifications(b -> b.readTimeout(Duration.ofSeconds(1))
        .operationTimeout(Duration.ofMillis(1500)).maxConnectionRetries(5));
    client.useAccessToken("t");

    assertThatThrownBy(() -> client.listPage(ReadFilter.ALL, 1, 10)).isInstanceOfSatisfying(
        ConnectionFailureException.class, e -> assertThat(e.kind()).isEqualTo(ConnectionFailureException.Kind.TIMEOUT));
    // Without the deadline, six attempts of a second each; with it, two at most.
    assertThat(server.getRequestCount()).isLessThanOrEqualTo(2);
  }

  @Test
  void aDeclaredLengthIsNotAllocatedBeforeTheBytesArrive() throws Exception {
    try (ServerSocket liar = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread serving = new Thread(() -> {
        try (Socket socket = liar.accept(); OutputStream out = socket.getOutputStream()) {
          socket.getInputStream().read(new byte[4096]);
          out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 60000000\r\n\r\n{")
              .getBytes(StandardCharsets.US_ASCII));
          out.flush();
        } catch (Exception ignored) {
          // the client hangs up
        }
      });
      serving.start();
      NotificationsClient client = NotificationsClient.create(ClientConfig.builder(
          "http://127.0.0.1:" + liar.getLocalPort() + "/api/v1").maxConnectionRetries(0).build());
      client.useAccessToken("t");
      com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
      long before = threads.getCurrentThreadAllocatedBytes();

      assertThatThrownBy(() -> client.listPage(ReadFilter.ALL, 1, 10)).isInstanceOf(ApiException.class);

      assertThat(threads.getCurrentThreadAllocatedBytes() - before).isLessThan(20_000_000L);
      client.close();
      serving.join(5000);
    }
  }

  @Test
  void aBodyNestedBeyondTheClientsOwnLimitIsRefusedAsUnexpected() {
    // Jackson's default allows 1,000 levels; bodies from servers get far fewer.
    server.enqueue(json(200, "{\"success\":true,\"data\":{\"items\":[],\"x\":" + "[".repeat(100) + "]".repeat(100)
        + "}}"));
    NotificationsClient client = notifications();
    client.useAccessToken("t");

    assertThatThrownBy(() -> client.listPage(ReadFilter.ALL, 1, 10)).isInstanceOf(UnexpectedResponseException.class);
  }
}
