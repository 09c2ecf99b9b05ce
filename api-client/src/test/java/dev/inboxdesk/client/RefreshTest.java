package dev.inboxdesk.client;

import static dev.inboxdesk.client.Bodies.UUID_1;
import static dev.inboxdesk.client.Bodies.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inboxdesk.client.AuthenticationException.Reason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RefreshTest extends LoopbackServerTest {
  NotificationsClient client;

  @BeforeEach
  void setUp() {
    client = notifications();
  }


  private void logIn(String token, int expiresIn) throws InterruptedException {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .addHeader("Set-Cookie", "biore_refresh=r1; Path=/api/v1/auth; HttpOnly")
        .body(Bodies.login(token, expiresIn)).build());
    client.login("ada@example.com", "pw");
    server.takeRequest();
  }

  private static MockResponse rotated(String token) {
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .addHeader("Set-Cookie", "biore_refresh=r2; Path=/api/v1/auth; HttpOnly")
        .body(Bodies.login(token, 900)).build();
  }

  @Test
  void a401IsRefreshedThroughTheCookieAndRetriedOnce() throws Exception {
    logIn("old", 900);
    server.enqueue(json(401, Bodies.envelope("AUTH_UNAUTHORIZED", "Expired", "auth.token_expired")));
    server.enqueue(rotated("new"));
    server.enqueue(json(200, "{\"success\":true}"));

    assertThat(client.deleteNotification(UUID_1)).isEqualTo(DeleteOutcome.DELETED);

    assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer old");
    RecordedRequest refresh = server.takeRequest();
    assertThat(refresh.getMethod() + " " + refresh.getTarget()).isEqualTo("POST /api/v1/auth/refresh");
    assertThat(refresh.getHeaders().get("Cookie")).isEqualTo("biore_refresh=r1");
    assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer new");
  }

  @Test
  void concurrent401sCauseExactlyOneRefresh() throws Exception {
    logIn("old", 900);
    int callers = 4;
    CountDownLatch allRejectedTogether = new CountDownLatch(callers);
    AtomicInteger refreshes = new AtomicInteger();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        if (request.getTarget().endsWith("/auth/refresh")) {
          refreshes.incrementAndGet();
          return rotated("new");
        }
        if ("Bearer old".equals(request.getHeaders().get("Authorization"))) {
          // Hold every 401 until all callers have sent with the old token.
          allRejectedTogether.countDown();
          allRejectedTogether.await(5, TimeUnit.SECONDS);
          return json(401, Bodies.envelope("AUTH_UNAUTHORIZED", "Expired", "auth.token_expired"));
        }
        return json(200, "{\"success\":true,\"data\":{\"count\":1}}");
      }
    });

    List<CompletableFuture<Integer>> calls = new ArrayList<>();
    for (int i = 0; i < callers; i++) {
      calls.add(client.unreadCountAsync());
    }

    for (CompletableFuture<Integer> call : calls) {
      assertThat(call.get(10, TimeUnit.SECONDS)).isEqualTo(1);
    }
    assertThat(refreshes).hasValue(1);
  }

  @Test
  void aTokenAboutToExpireIsRefreshedBeforeSending() throws Exception {
    logIn("old", 900);
    time.advance(Duration.ofSeconds(880));
    server.enqueue(rotated("new"));
    server.enqueue(json(200, "{\"success\":true,\"data\":{\"count\":0}}"));

    client.unreadCount();

    assertThat(server.takeRequest().getTarget()).endsWith("/auth/refresh");
    assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer new");
  }

  @Test
  void aReusedRefreshTokenEndsTheSessionWithItsOwnReason() throws Exception {
    logIn("old", 900);
    server.enqueue(json(401, Bodies.envelope("AUTH_UNAUTHORIZED", "Expired", "auth.token_expired")));
    server.enqueue(json(401, Bodies.envelope("AUTH_TOKEN_REUSE", "Refresh token reuse detected",
        "auth.refresh.token_reuse_detected")));

    assertThatThrownBy(() -> client.deleteNotification(UUID_1))
        .isInstanceOfSatisfying(AuthenticationException.class, e -> {
          assertThat(e.reason()).isEqualTo(Reason.REFRESH_TOKEN_REUSED);
          assertThat(e.requiresSignIn()).isTrue();
        });
    assertThat(client.isSignedIn()).isFalse();
    assertThat(client.canRefresh()).isFalse();
  }

  @Test
  void withoutARefreshCookieA401IsNotRetried() throws Exception {
    client.useAccessToken("pasted");
    server.enqueue(json(401, Bodies.envelope("AUTH_UNAUTHORIZED", "Expired", "auth.token_expired")));

    assertThatThrownBy(client::unreadCount).isInstanceOf(AuthenticationException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void anExplicitRefreshWithoutCookieSaysSoWithoutSending() {
    client.useAccessToken("pasted");

    assertThatThrownBy(client::refresh).isInstanceOfSatisfying(AuthenticationException.class,
        e -> assertThat(e.reason()).isEqualTo(Reason.REFRESH_UNAVAILABLE));
    assertThat(server.getRequestCount()).isZero();
  }
}
