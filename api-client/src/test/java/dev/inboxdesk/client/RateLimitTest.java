package dev.inboxdesk.client;

import static dev.inboxdesk.client.Bodies.UUID_1;
import static dev.inboxdesk.client.Bodies.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RateLimitTest extends LoopbackServerTest {
  NotificationsClient client;

  @BeforeEach
  void setUp() {
    client = notifications();
    client.useAccessToken("t");
  }


  private static MockResponse allowed(int limit, int remaining, int resetSeconds) {
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .addHeader("X-RateLimit-Limit", limit).addHeader("X-RateLimit-Remaining", remaining)
        .addHeader("X-RateLimit-Reset", resetSeconds).body("{\"success\":true}").build();
  }

  private static MockResponse throttled(String retryAfter) {
    MockResponse.Builder builder = new MockResponse.Builder().code(429).addHeader("Content-Type", "application/json")
        .body("{\"statusCode\":429,\"message\":\"ThrottlerException: Too Many Requests\"}");
    if (retryAfter != null) {
      builder.addHeader("Retry-After", retryAfter);
    }
    return builder.build();
  }

  @Test
  void theLimiterSpendsTheQuotaThenWaitsForTheWindowToReset() {
    server.enqueue(allowed(3, 2, 40));
    server.enqueue(allowed(3, 1, 39));
    server.enqueue(allowed(3, 0, 38));
    server.enqueue(allowed(3, 2, 60));

    for (int i = 0; i < 3; i++) {
      client.deleteNotification(UUID_1);
    }
    assertThat(time.sleeps()).isEmpty();

    client.deleteNotification(UUID_1);

    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(38));
    assertThat(server.getRequestCount()).isEqualTo(4);
  }

  @Test
  void withoutHeadersItAssumesSixtyAMinutePerRoute() {
    for (int i = 0; i < 61; i++) {
      server.enqueue(json(200, "{\"success\":true}"));
    }

    for (int i = 0; i < 60; i++) {
      client.deleteNotification(UUID_1);
    }
    assertThat(time.sleeps()).isEmpty();
    client.deleteNotification(UUID_1);

    assertThat(time.totalSlept()).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void routesHaveTheirOwnWindows() {
    server.enqueue(allowed(60, 0, 50));
    server.enqueue(json(200, "{\"success\":true,\"data\":{\"count\":1}}"));

    client.deleteNotification(UUID_1);
    client.unreadCount();

    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void aNamedLimitsSuffixedHeadersCountAndTheTightestWins() {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .addHeader("X-RateLimit-Limit-long", 1000).addHeader("X-RateLimit-Remaining-long", 900)
        .addHeader("X-RateLimit-Reset-long", 3000)
        .addHeader("X-RateLimit-Limit-short", 5).addHeader("X-RateLimit-Remaining-short", 0)
        .addHeader("X-RateLimit-Reset-short", 7).body("{\"success\":true}").build());
    server.enqueue(json(200, "{\"success\":true}"));

    client.deleteNotification(UUID_1);
    client.deleteNotification(UUID_1);

    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void a429WaitsRetryAfterAndRetries() {
    server.enqueue(throttled("17"));
    server.enqueue(json(200, "{\"success\":true}"));

    assertThat(client.deleteNotification(UUID_1)).isEqualTo(DeleteOutcome.DELETED);

    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(17));
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aNamedRetryAfterIsHonouredToo() {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After-short", "4")
        .addHeader("Content-Type", "application/json").body(Bodies.envelope("RATE_LIMITED", "Too many", "rate"))
        .build());
    server.enqueue(json(200, "{\"success\":true}"));

    client.deleteNotification(UUID_1);

    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(4));
  }

  @Test
  void a429WithoutRetryAfterBacksOffWithJitter() {
    server.enqueue(throttled(null));
    server.enqueue(throttled(null));
    server.enqueue(json(200, "{\"success\":true}"));

    client.deleteNotification(UUID_1);

    assertThat(time.sleeps()).hasSize(2);
    assertThat(time.sleeps().get(0)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
    assertThat(time.sleeps().get(1)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
  }

  @Test
  void repeated429sEndAsRateLimitedWithTheWait() {
    for (int i = 0; i < 4; i++) {
      server.enqueue(throttled("30"));
    }

    assertThatThrownBy(() -> client.deleteNotification(UUID_1)).isInstanceOfSatisfying(RateLimitedException.class,
        e -> {
          assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(30));
          assertThat(e.status()).isEqualTo(429);
          assertThat(e.serverMessage()).isEqualTo("ThrottlerException: Too Many Requests");
        });
    assertThat(server.getRequestCount()).isEqualTo(4);
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(30));
  }

  @Test
  void withRetriesOffA429IsReportedAtOnce() {
    try (NotificationsClient impatient = NotificationsClient.create(
        time.config(server.url("/api/v1").toString()).maxRateLimitRetries(0).build())) {
      impatient.useAccessToken("t");
      server.enqueue(throttled("12"));

      assertThatThrownBy(() -> impatient.deleteNotification(UUID_1)).isInstanceOfSatisfying(
          RateLimitedException.class, e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(12)));
      assertThat(time.sleeps()).isEmpty();
    }
  }

  @Test
  void theWaitAfterA429HoldsBackTheNextCallOnTheRouteToo() {
    try (NotificationsClient impatient = NotificationsClient.create(
        time.config(server.url("/api/v1").toString()).maxRateLimitRetries(0).build())) {
      impatient.useAccessToken("t");
      server.enqueue(throttled("12"));
      server.enqueue(json(200, "{\"success\":true}"));

      assertThatThrownBy(() -> impatient.deleteNotification(UUID_1)).isInstanceOf(RateLimitedException.class);
      impatient.deleteNotification(UUID_1);

      assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(12));
    }
  }

  @Test
  void theMessagesServiceHasNoQuotaButStillHonoursA429() {
    try (MessagesClient messages = MessagesClient.create(time.config(server.url("/").toString()).build())) {
      messages.useSessionToken("s");
      for (int i = 0; i < 70; i++) {
        server.enqueue(json(200, "{\"success\":true,\"messages\":[]}"));
      }
      for (int i = 0; i < 70; i++) {
        messages.listMessages();
      }
      assertThat(time.sleeps()).isEmpty();
    }
  }

  @Test
  void aSpentQuotaWithoutAResetTimeWaitsAWholeWindow() {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .addHeader("X-RateLimit-Remaining", "0").body("{\"success\":true}").build());
    server.enqueue(json(200, "{\"success\":true}"));

    client.deleteNotification(UUID_1);
    client.deleteNotification(UUID_1);

    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(60));
  }

  @Test
  void aNegativeRemainingCountsAsSpent() {
    server.enqueue(allowed(60, -5, 9));
    server.enqueue(json(200, "{\"success\":true}"));

    client.deleteNotification(UUID_1);
    client.deleteNotification(UUID_1);

    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(9));
  }

  @Test
  void nonsenseLimitsNeverBlockForever() {
    try (MessagesClient messages = messages()) {
      messages.useSessionToken("s");
      server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
          .addHeader("X-RateLimit-Remaining", "-5").body("{\"success\":true,\"messages\":[]}").build());
      server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
          .addHeader("X-RateLimit-Limit", "0").addHeader("X-RateLimit-Remaining", "0")
          .body("{\"success\":true,\"messages\":[]}").build());
      server.enqueue(json(200, "{\"success\":true,\"messages\":[]}"));

      messages.listMessages();
      messages.listMessages();
      messages.listMessages();

      assertThat(time.sleeps()).hasSize(2).allSatisfy(wait -> assertThat(wait).isEqualTo(Duration.ofSeconds(60)));
    }
  }
}
