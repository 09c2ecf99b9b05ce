package dev.inboxdesk.e2e;

import dev.inboxdesk.client.FakeTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inboxdesk.client.AuthenticationException;
import dev.inboxdesk.client.ClientConfig;
import dev.inboxdesk.client.Exchange;
import dev.inboxdesk.client.LoginResult;
import dev.inboxdesk.client.Notification;
import dev.inboxdesk.client.NotificationsClient;
import dev.inboxdesk.client.ReadFilter;
import dev.inboxdesk.sandbox.Sandbox;
import dev.inboxdesk.sandbox.SandboxOptions;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What only the sandbox does of the notifications contract: time, tokens, throttling, reads. */
class SandboxNotificationsTest {
  final FakeTime clock = new FakeTime();
  final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
  Sandbox sandbox;
  NotificationsClient client;

  @BeforeEach
  void start() {
    sandbox = Sandbox.start(SandboxOptions.defaults().withSize(80).withClock(clock));
    client = NotificationsClient.create(ClientConfig.builder(sandbox.notificationsUrl()).clock(clock).sleeper(clock)
        .exchangeListener(exchanges::add).build());
  }

  @AfterEach
  void stop() {
    client.close();
    sandbox.close();
  }

  private HttpResponse<String> rawLogin() {
    return Raw.send("POST", sandbox.notificationsUrl() + "/auth/login",
        "{\"email\":\"ada@example.com\",\"password\":\"ada-demo\"}", "Content-Type", "application/json");
  }

  private static String group(String pattern, String text) {
    Matcher m = Pattern.compile(pattern).matcher(text);
    assertThat(m.find()).as(text).isTrue();
    return m.group(1);
  }

  @Test
  void theTwoFactorAccountAnswersWithATicketAndTheCodeCompletesIt() {
    LoginResult first = client.login("bob@example.com", "bob-demo");

    assertThat(first).isInstanceOf(LoginResult.TwoFactorRequired.class);
    String ticket = ((LoginResult.TwoFactorRequired) first).tempToken();
    assertThatThrownBy(() -> client.completeTwoFactor(ticket, "000000")).isInstanceOf(AuthenticationException.class);
    assertThat(client.completeTwoFactor(ticket, "123456")).isInstanceOf(LoginResult.SignedIn.class);
    assertThat(client.listAll(ReadFilter.ALL)).isNotEmpty();
  }

  @Test
  void anInvalidEmailIsAValidationErrorWithDetails() {
    HttpResponse<String> raw = Raw.send("POST", sandbox.notificationsUrl() + "/auth/login",
        "{\"email\":\"nope\",\"password\":\"\"}", "Content-Type", "application/json");

    assertThat(raw.statusCode()).isEqualTo(400);
    assertThat(raw.body()).contains("email must be an email", "password should not be empty");
  }

  @Test
  void theReadFilterUnreadCountAndMarkingReadAgree() {
    client.login("ada@example.com", "ada-demo");
    List<Notification> unread = client.listAll(ReadFilter.UNREAD);
    List<Notification> read = client.listAll(ReadFilter.READ);

    assertThat(unread).allMatch(n -> !n.read());
    assertThat(read).allMatch(Notification::read);
    assertThat(unread.size() + read.size()).isEqualTo(80);
    assertThat(client.unreadCount()).isEqualTo(unread.size());

    client.markRead(unread.get(0).id());
    assertThat(client.unreadCount()).isEqualTo(unread.size() - 1);
    assertThat(client.markAllRead()).isEqualTo(unread.size() - 1);
    assertThat(client.unreadCount()).isZero();
    assertThat(client.clearRead()).isEqualTo(80);
    assertThat(client.listAll(ReadFilter.ALL)).isEmpty();
  }

  @Test
  void theThrottlerCountsDownInAFixedWindowAndA429CarriesOnlyRetryAfter() {
    String token = group("\"accessToken\":\"([^\"]+)\"", rawLogin().body());
    String url = sandbox.notificationsUrl() + "/notifications/unread-count";
    for (int i = 1; i <= 60; i++) {
      HttpResponse<String> allowed = Raw.get(url, "Authorization", "Bearer " + token);
      assertThat(allowed.statusCode()).isEqualTo(200);
      assertThat(allowed.headers().firstValue("X-RateLimit-Limit")).contains("60");
      assertThat(allowed.headers().firstValue("X-RateLimit-Remaining")).contains(Integer.toString(60 - i));
      assertThat(allowed.headers().firstValue("X-RateLimit-Reset")).contains("60");
    }
    clock.advance(Duration.ofSeconds(20));

    HttpResponse<String> refused = Raw.get(url, "Authorization", "Bearer " + token);

    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).contains("40");
    assertThat(refused.headers().map().keySet()).noneMatch(h -> h.toLowerCase().startsWith("x-ratelimit"));
    assertThat(refused.body()).contains("\"correlationId\"");
    clock.advance(Duration.ofSeconds(40));
    assertThat(Raw.get(url, "Authorization", "Bearer " + token).statusCode()).isEqualTo(200);
  }

  @Test
  void eachRouteHasItsOwnWindow() {
    String token = group("\"accessToken\":\"([^\"]+)\"", rawLogin().body());
    for (int i = 0; i < 60; i++) {
      Raw.get(sandbox.notificationsUrl() + "/notifications/unread-count", "Authorization", "Bearer " + token);
    }

    HttpResponse<String> other = Raw.get(sandbox.notificationsUrl() + "/notifications?page=1&limit=1",
        "Authorization", "Bearer " + token);

    assertThat(other.statusCode()).isEqualTo(200);
  }

  @Test
  void theClientSpendsTheQuotaAndWaitsForTheResetWithoutA429() {
    client.login("ada@example.com", "ada-demo");
    List<Notification> all = client.listAll(ReadFilter.ALL);

    for (int i = 0; i < 75; i++) {
      client.deleteNotification(all.get(i).id());
    }

    assertThat(exchanges).extracting(Exchange::status).doesNotContain(429);
    assertThat(clock.sleeps()).hasSize(1);
    assertThat(clock.totalSlept()).isLessThanOrEqualTo(Duration.ofSeconds(60));
    assertThat(client.listAll(ReadFilter.ALL)).hasSize(5);
  }

  @Test
  void anExpiringAccessTokenIsRefreshedThroughTheRotatingCookie() {
    client.login("ada@example.com", "ada-demo");
    clock.advance(Duration.ofMinutes(16));

    assertThat(client.unreadCount()).isPositive();

    assertThat(exchanges).extracting(Exchange::url).anyMatch(u -> u.endsWith("/auth/refresh"));
    Exchange refresh = exchanges.stream().filter(e -> e.url().endsWith("/auth/refresh")).findFirst().orElseThrow();
    assertThat(refresh.status()).isEqualTo(200);
    assertThat(refresh.responseHeaders()).anyMatch(h -> h.name().equalsIgnoreCase("Set-Cookie")
        && h.value().startsWith("biore_refresh=«redacted»"));
  }

  @Test
  void reusingARefreshTokenRevokesEverySessionOfTheUser() {
    HttpResponse<String> login = rawLogin();
    String token = group("\"accessToken\":\"([^\"]+)\"", login.body());
    String refreshCookie = group("(biore_refresh=[^;]+)", String.join("\n", login.headers().allValues("Set-Cookie")));
    String refreshUrl = sandbox.notificationsUrl() + "/auth/refresh";

    assertThat(Raw.send("POST", refreshUrl, null, "Cookie", refreshCookie).statusCode()).isEqualTo(200);
    HttpResponse<String> reuse = Raw.send("POST", refreshUrl, null, "Cookie", refreshCookie);

    assertThat(reuse.statusCode()).isEqualTo(401);
    assertThat(reuse.body()).contains("auth.refresh.token_reuse_detected");
    assertThat(Raw.get(sandbox.notificationsUrl() + "/notifications/unread-count", "Authorization", "Bearer " + token)
        .statusCode()).isEqualTo(401);
  }

  @Test
  void logoutEndsTheSession() {
    HttpResponse<String> login = rawLogin();
    String token = group("\"accessToken\":\"([^\"]+)\"", login.body());
    String refreshCookie = group("(biore_refresh=[^;]+)", String.join("\n", login.headers().allValues("Set-Cookie")));

    HttpResponse<String> logout = Raw.send("POST", sandbox.notificationsUrl() + "/auth/logout", null,
        "Cookie", refreshCookie, "Authorization", "Bearer " + token);

    assertThat(logout.statusCode()).isEqualTo(200);
    assertThat(Raw.get(sandbox.notificationsUrl() + "/notifications/unread-count", "Authorization", "Bearer " + token)
        .statusCode()).isEqualTo(401);
    assertThat(Raw.send("POST", sandbox.notificationsUrl() + "/auth/logout", null).statusCode()).isEqualTo(200);
  }

  @Test
  void preferencesListEveryEventWithItsChannels() {
    String token = group("\"accessToken\":\"([^\"]+)\"", rawLogin().body());

    HttpResponse<String> raw = Raw.get(sandbox.notificationsUrl() + "/notifications/preferences",
        "Authorization", "Bearer " + token);

    assertThat(raw.statusCode()).isEqualTo(200);
    assertThat(raw.body()).contains("\"eventKey\":\"new_message_creator\"", "\"inApp\"", "\"customized\"");
  }

  @Test
  void aPageLimitOver50IsAValidationError() {
    String token = group("\"accessToken\":\"([^\"]+)\"", rawLogin().body());

    HttpResponse<String> raw = Raw.get(sandbox.notificationsUrl() + "/notifications?page=1&limit=51",
        "Authorization", "Bearer " + token);

    assertThat(raw.statusCode()).isEqualTo(400);
    assertThat(raw.body()).contains("limit must not be greater than 50");
  }

  @Test
  void theDemoDataIsTheSameForTheSameSeed() {
    client.login("ada@example.com", "ada-demo");
    List<String> first = client.listAll(ReadFilter.ALL).stream().map(Notification::id).toList();
    try (Sandbox again = Sandbox.start(SandboxOptions.defaults().withSize(80).withClock(clock));
        NotificationsClient other = NotificationsClient.create(ClientConfig.builder(again.notificationsUrl()).build())) {
      other.login("ada@example.com", "ada-demo");

      assertThat(other.listAll(ReadFilter.ALL)).extracting(Notification::id).containsExactlyElementsOf(first);
    }
  }
}
