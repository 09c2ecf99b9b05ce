package dev.inboxdesk.client;

import static dev.inboxdesk.client.Bodies.UUID_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class CancellationTest {
  @StartStop
  final MockWebServer server = new MockWebServer();

  @Test
  void cancellingTheFutureAbortsARequestInFlight() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).body("{\"success\":true}")
        .headersDelay(30, TimeUnit.SECONDS).build());
    try (NotificationsClient client = NotificationsClient.create(ClientConfig.builder(server.url("/api/v1").toString())
        .readTimeout(Duration.ofSeconds(60)).callTimeout(Duration.ofSeconds(60)).build())) {
      client.useAccessToken("t");
      CompletableFuture<DeleteOutcome> delete = client.deleteNotificationAsync(UUID_1);
      server.takeRequest(5, TimeUnit.SECONDS);

      long start = System.nanoTime();
      delete.cancel(true);

      assertThatThrownBy(delete::join).isInstanceOf(CancellationException.class);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
  }

  @Test
  void cancellingEndsAWaitForTheRateLimitWindow() throws Exception {
    CountDownLatch waiting = new CountDownLatch(1);
    Sleeper blocking = duration -> {
      waiting.countDown();
      Thread.sleep(duration.toMillis());
    };
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "600")
        .addHeader("Content-Type", "application/json").body("{\"statusCode\":429,\"message\":\"Too Many\"}").build());
    try (NotificationsClient client = NotificationsClient.create(
        ClientConfig.builder(server.url("/api/v1").toString()).sleeper(blocking).maxWait(Duration.ofHours(1))
            .build())) {
      client.useAccessToken("t");
      CompletableFuture<DeleteOutcome> delete = client.deleteNotificationAsync(UUID_1);
      assertThat(waiting.await(5, TimeUnit.SECONDS)).isTrue();

      delete.cancel(true);

      assertThatThrownBy(() -> delete.get(5, TimeUnit.SECONDS)).isInstanceOf(CancellationException.class);
      assertThat(server.getRequestCount()).isEqualTo(1);
    }
  }
}
