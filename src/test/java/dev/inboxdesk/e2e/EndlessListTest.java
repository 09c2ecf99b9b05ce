package dev.inboxdesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.inboxdesk.client.ClientConfig;
import dev.inboxdesk.client.NotificationsClient;
import dev.inboxdesk.client.ReadFilter;
import dev.inboxdesk.client.UnexpectedResponseException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A server that sends full pages forever ends a listing with an error, soon, never a silent cut. */
class EndlessListTest {

  @Test
  void aListThatNeverEndsIsAnUnexpectedResponseAfterTheCap() throws Exception {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    AtomicInteger pages = new AtomicInteger();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/api/v1/notifications", exchange -> {
      int page = pages.incrementAndGet();
      // Always a full page of new ids, and no total: nothing says it ends.
      String items = IntStream.range(0, 50).mapToObj(i -> "{\"id\":\"" + String.format(
          "00000000-0000-4000-8000-%012d", page * 100L + i) + "\",\"title\":\"t\",\"read\":false}")
          .collect(Collectors.joining(","));
      byte[] body = ("{\"success\":true,\"data\":{\"items\":[" + items + "]}}").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      // A generous limit, said on every answer, so the client's pacing does not slow the test.
      exchange.getResponseHeaders().add("X-RateLimit-Limit", "1000000");
      exchange.getResponseHeaders().add("X-RateLimit-Remaining", "999999");
      exchange.getResponseHeaders().add("X-RateLimit-Reset", "60");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    try (NotificationsClient client = NotificationsClient.create(ClientConfig.builder(
        "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1").build())) {
      client.useAccessToken("t");

      assertThatThrownBy(() -> client.listAll(ReadFilter.ALL)).isInstanceOfSatisfying(
          UnexpectedResponseException.class, e -> assertThat(e.kind()).isEqualTo(UnexpectedResponseException.Kind.TOO_LARGE));
      assertThat(pages.get()).isEqualTo(2_500);
    } finally {
      server.stop(0);
    }
  }
}
