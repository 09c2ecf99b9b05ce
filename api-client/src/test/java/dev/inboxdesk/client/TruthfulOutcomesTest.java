package dev.inboxdesk.client;

import static dev.inboxdesk.client.Bodies.UUID_1;
import static dev.inboxdesk.client.Bodies.UUID_2;
import static dev.inboxdesk.client.Bodies.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;

/**
 * What deployments that differ from the seeds answer, and what the client then reports: only what
 * the answer proves (CONTRACTS.md, "Where deployments differ").
 */
class TruthfulOutcomesTest extends LoopbackServerTest {
  private final List<Wait> waits = new ArrayList<>();

  private NotificationsClient signedIn() {
    NotificationsClient client = notifications(b -> b.waitListener(waits::add));
    client.useAccessToken("t");
    return client;
  }

  @Test
  void theKindNamedTypeIsReadAndMissingFieldsAreFine() {
    server.enqueue(json(200, "{\"success\":true,\"data\":{\"items\":[{\"id\":\"" + UUID_1.toUpperCase(Locale.ROOT)
        + "\",\"type\":\"new_message_creator\",\"title\":\"t\",\"read\":false,\"createdAt\":\"2026-05-12T10:00:00Z\","
        + "\"extra\":1}]}}"));

    Notification only = signedIn().listAll(ReadFilter.ALL).get(0);

    assertThat(only.eventKey()).isEqualTo("new_message_creator");
    assertThat(only.id()).isEqualTo(UUID_1);
    assertThat(only.readAt()).isNull();
    assertThat(only.data()).isEmpty();
  }

  @Test
  void anUpperCaseIdIsSentLowerCase() throws Exception {
    server.enqueue(json(200, "{\"success\":true}"));

    signedIn().deleteNotification(UUID_1.toUpperCase(Locale.ROOT));

    assertThat(server.takeRequest().getTarget()).isEqualTo("/api/v1/notifications/" + UUID_1);
  }

  @Test
  void aServerThatIgnoresTheReadFilterStillYieldsOnlyWhatWasAskedFor() {
    server.enqueue(json(200, page(List.of(UUID_1, UUID_2), List.of(true, false), null)));

    assertThat(signedIn().listAll(ReadFilter.READ)).extracting(Notification::id).containsExactly(UUID_1);
    server.enqueue(json(200, page(List.of(UUID_1, UUID_2), List.of(true, false), null)));
    assertThat(signedIn().listPage(ReadFilter.UNREAD, 1, 20).items()).extracting(Notification::id)
        .containsExactly(UUID_2);
  }

  @Test
  void aPageLargerThanAskedIsCutToTheLimit() {
    server.enqueue(json(200, Bodies.notificationPage(1, 30, 30)));

    assertThat(signedIn().listPage(ReadFilter.ALL, 1, 10).items()).hasSize(10);
  }

  @Test
  void aServerPagingBySmallerPagesOfItsOwnIsReadToTheEnd() {
    // Asked for 50 a page, the server sends 20 and says so: a page of 20 is not the last.
    server.enqueue(json(200, Bodies.notificationPage(1, 20, 20)));
    server.enqueue(json(200, Bodies.notificationPage(2, 20, 20)));
    server.enqueue(json(200, Bodies.notificationPage(3, 5, 20)));

    assertThat(signedIn().listAll(ReadFilter.ALL)).hasSize(45);
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void anItemDeletedElsewhereBetweenTwoPagesIsNotSkipped() {
    List<String> ids = IntStream.range(0, 60).mapToObj(i -> String.format("00000000-0000-4000-8000-%012d", i))
        .toList();
    // Page 1 holds items 0-49 of 60. Then item 3 is deleted elsewhere: page 2 now starts at item 51,
    // and item 50 has moved to page 1. The shrunken total tells; page 1 is read again.
    server.enqueue(json(200, page(ids.subList(0, 50), null, 60)));
    List<String> after = new ArrayList<>(ids);
    after.remove(3);
    server.enqueue(json(200, page(after.subList(50, 59), null, 59)));
    server.enqueue(json(200, page(after.subList(0, 50), null, 59)));

    List<String> listed = signedIn().listAll(ReadFilter.ALL).stream().map(Notification::id).toList();

    assertThat(listed).doesNotHaveDuplicates().containsAll(after).hasSize(60);
  }

  @Test
  void aRetryAfterLongerThanTheCapEndsTheCallAtOnceWithTheServersWait() {
    NotificationsClient client = notifications(b -> b.waitListener(waits::add).maxWait(Duration.ofMinutes(2)));
    client.useAccessToken("t");
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "3600").build());

    assertThatThrownBy(() -> client.deleteNotification(UUID_1)).isInstanceOfSatisfying(RateLimitedException.class,
        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofHours(1)));
    assertThat(time.sleeps()).isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void everyWaitIsAnnouncedBeforeItIsMade() {
    NotificationsClient client = signedIn();
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "7").build());
    server.enqueue(json(200, "{\"success\":true}"));

    client.deleteNotification(UUID_1);

    assertThat(waits).singleElement().satisfies(wait -> {
      assertThat(wait.reason()).isEqualTo(Wait.Reason.TOO_MANY_REQUESTS);
      assertThat(wait.duration()).isEqualTo(Duration.ofSeconds(7));
      assertThat(wait.route()).isEqualTo("DELETE /notifications/:id");
      assertThat(wait.service()).isEqualTo("notifications");
    });
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void aSpentQuotaWaitIsAnnouncedAndOneOverTheCapIsRefused() {
    NotificationsClient client = notifications(b -> b.waitListener(waits::add).maxWait(Duration.ofSeconds(10)));
    client.useAccessToken("t");
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .addHeader("X-RateLimit-Limit", "60").addHeader("X-RateLimit-Remaining", "0")
        .addHeader("X-RateLimit-Reset", "45").body("{\"success\":true}").build());

    client.deleteNotification(UUID_1);

    assertThatThrownBy(() -> client.deleteNotification(UUID_2)).isInstanceOfSatisfying(RateLimitedException.class,
        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(45)));
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aBodyBeyondTheParsersLimitsIsAnUnexpectedResponse() {
    String deep = "[".repeat(2000) + "]".repeat(2000);
    server.enqueue(json(200, "{\"success\":true,\"data\":{\"items\":[],\"x\":" + deep + "}}"));
    server.enqueue(json(200, "{\"success\":true,\"data\":{\"items\":[],\"total\":1" + "0".repeat(2000) + "}}"));

    NotificationsClient client = signedIn();
    assertThatThrownBy(() -> client.listAll(ReadFilter.ALL)).isInstanceOf(UnexpectedResponseException.class);
    assertThatThrownBy(() -> client.listAll(ReadFilter.ALL)).isInstanceOf(UnexpectedResponseException.class);
  }

  @Test
  void aDeploymentWithoutAnOptionalRouteSaysSoAndNothingIsReportedGone() {
    server.enqueue(json(404, "{\"success\":false,\"error\":{\"code\":\"NOT_FOUND\",\"i18nKey\":\"error.route.not_found\","
        + "\"message\":\"Cannot PATCH /api/v1/notifications/" + UUID_1 + "/read\"}}"));

    assertThatThrownBy(() -> signedIn().markRead(UUID_1)).isInstanceOfSatisfying(RouteUnavailableException.class,
        e -> assertThat(e.route()).isEqualTo("PATCH /notifications/:id/read"));
  }

  @Test
  void aDeploymentWithoutTheRefreshRouteAsksForANewSignIn() {
    NotificationsClient client = signedIn();
    client.useRefreshToken("kept");
    server.enqueue(json(401, Bodies.envelope("AUTH_UNAUTHORIZED", "Expired", "auth.token.expired")));
    server.enqueue(json(404, "{\"message\":\"Cannot POST /api/v1/auth/refresh\",\"error\":\"Not Found\","
        + "\"statusCode\":404}"));

    assertThatThrownBy(() -> client.deleteNotification(UUID_1)).isInstanceOfSatisfying(
        AuthenticationException.class, e -> {
          assertThat(e.reason()).isEqualTo(AuthenticationException.Reason.REFRESH_UNAVAILABLE);
          assertThat(e.requiresSignIn()).isTrue();
        });
    assertThat(client.canRefresh()).isFalse();
  }

  @Test
  void theCapIsReadAtEveryWaitSoASettingAppliesToARunningClient() {
    java.util.concurrent.atomic.AtomicReference<Duration> cap = new java.util.concurrent.atomic.AtomicReference<>(
        Duration.ofSeconds(60));
    NotificationsClient client = notifications(b -> b.maxWait(cap::get));
    client.useAccessToken("t");
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "30").build());
    server.enqueue(json(200, "{\"success\":true}"));
    client.deleteNotification(UUID_1);

    cap.set(Duration.ofSeconds(10));
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "30").build());

    assertThatThrownBy(() -> client.deleteNotification(UUID_2)).isInstanceOf(RateLimitedException.class);
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(30));
  }

  private static String page(List<String> ids, List<Boolean> read, Integer total) {
    String items = IntStream.range(0, ids.size()).mapToObj(i -> Bodies.notification(ids.get(i),
        read != null && read.get(i))).collect(Collectors.joining(","));
    return "{\"success\":true,\"data\":{\"items\":[" + items + "]" + (total == null ? "" : ",\"total\":" + total)
        + "}}";
  }
}
