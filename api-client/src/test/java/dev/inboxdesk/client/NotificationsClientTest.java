package dev.inboxdesk.client;

import static dev.inboxdesk.client.Bodies.CORRELATION;
import static dev.inboxdesk.client.Bodies.UUID_1;
import static dev.inboxdesk.client.Bodies.UUID_2;
import static dev.inboxdesk.client.Bodies.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inboxdesk.client.AuthenticationException.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NotificationsClientTest extends LoopbackServerTest {
  NotificationsClient client;

  @BeforeEach
  void setUp() {
    client = notifications();
  }


  @Test
  void loginStoresTheAccessTokenAndUsesItAsBearer() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .addHeader("Set-Cookie", "biore_refresh=r1; Path=/api/v1/auth; HttpOnly; SameSite=Strict")
        .body(Bodies.login("access-1", 900)).build());
    server.enqueue(json(200, "{\"success\":true,\"data\":{\"count\":5}}"));

    LoginResult result = client.login("ada@example.com", "pw");

    assertThat(result).isInstanceOfSatisfying(LoginResult.SignedIn.class,
        s -> assertThat(s.accessTokenExpiresAt()).isEqualTo(time.instant().plusSeconds(900)));
    assertThat(client.canRefresh()).isTrue();
    assertThat(client.unreadCount()).isEqualTo(5);
    RecordedRequest login = server.takeRequest();
    assertThat(login.getMethod() + " " + login.getTarget()).isEqualTo("POST /api/v1/auth/login");
    assertThat(login.getBody().utf8()).isEqualTo("{\"email\":\"ada@example.com\",\"password\":\"pw\"}");
    RecordedRequest count = server.takeRequest();
    assertThat(count.getTarget()).isEqualTo("/api/v1/notifications/unread-count");
    assertThat(count.getHeaders().get("Authorization")).isEqualTo("Bearer access-1");
    assertThat(count.getHeaders().get("Cookie")).isNull();
  }

  @Test
  void twoFactorIsAResultNotAnError() throws Exception {
    server.enqueue(json(200, "{\"success\":true,\"data\":{\"requiresTwoFactor\":true,\"tempToken\":\"" + UUID_2 + "\"}}"));
    server.enqueue(json(200, Bodies.login("access-2fa", 900)));

    LoginResult first = client.login("ada@example.com", "pw");

    assertThat(first).isEqualTo(new LoginResult.TwoFactorRequired(UUID_2));
    assertThat(first.toString()).doesNotContain(UUID_2);
    assertThat(client.isSignedIn()).isFalse();
    assertThat(client.completeTwoFactor(UUID_2, "123456")).isInstanceOf(LoginResult.SignedIn.class);
    server.takeRequest();
    RecordedRequest second = server.takeRequest();
    assertThat(second.getTarget()).isEqualTo("/api/v1/auth/login/2fa");
    assertThat(second.getBody().utf8()).contains("\"tempToken\":\"" + UUID_2 + "\"", "\"code\":\"123456\"");
    assertThat(client.isSignedIn()).isTrue();
  }

  @ParameterizedTest
  @CsvSource({
      "401, auth.login.invalid_credentials, INVALID_CREDENTIALS",
      "401, auth.login.account_locked, ACCOUNT_LOCKED",
      "401, auth.login.account_suspended, ACCOUNT_SUSPENDED",
      "401, auth.login.account_deactivated, ACCOUNT_DEACTIVATED",
      "403, auth.login.email_not_verified, EMAIL_NOT_VERIFIED"})
  void eachLoginRefusalHasItsOwnReason(int status, String i18nKey, Reason reason) {
    server.enqueue(json(status, Bodies.envelope("AUTH_UNAUTHORIZED", "Refused", i18nKey)));

    assertThatThrownBy(() -> client.login("ada@example.com", "pw"))
        .isInstanceOfSatisfying(AuthenticationException.class, e -> {
          assertThat(e.reason()).isEqualTo(reason);
          assertThat(e.i18nKey()).isEqualTo(i18nKey);
          assertThat(e.correlationId()).isEqualTo(CORRELATION);
          assertThat(e.status()).isEqualTo(status);
        });
  }

  @Test
  void aLoginRefusedInNestsDefaultBodyIsInvalidCredentialsNotAnEndedSession() {
    server.enqueue(json(401, "{\"statusCode\":401,\"message\":\"Invalid credentials\",\"error\":\"Unauthorized\"}"));

    assertThatThrownBy(() -> client.login("ada@example.com", "wrong"))
        .isInstanceOfSatisfying(AuthenticationException.class, e -> {
          assertThat(e.reason()).isEqualTo(Reason.INVALID_CREDENTIALS);
          assertThat(e.status()).isEqualTo(401);
          assertThat(e.serverMessage()).isEqualTo("Invalid credentials");
        });
  }

  @Test
  void aLoginValidationErrorCarriesTheDetails() {
    server.enqueue(json(400, Bodies.envelope("VALIDATION_FAILED", "Validation failed", "error.validation")));

    assertThatThrownBy(() -> client.login("not-an-email", "pw"))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.details()).containsExactly("id must be a UUID");
          assertThat(e.i18nVars()).containsEntry("field", "id");
        });
  }

  @Test
  void aPastedTokenIsUsedAsIsAndItsJwtExpiryIsRead() throws Exception {
    // header.{"sub":"u1","exp":1778580000}.signature
    String jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1MSIsImV4cCI6MTc3ODU4MDAwMH0.sig";
    client.useAccessToken("Bearer " + jwt);
    server.enqueue(json(200, "{\"success\":true,\"data\":{\"count\":0}}"));

    client.unreadCount();

    assertThat(client.accessTokenExpiresAt()).contains(Instant.ofEpochSecond(1778580000L));
    assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer " + jwt);
  }

  @Test
  void callsWithoutATokenAreRefusedBeforeSending() {
    assertThatThrownBy(client::unreadCount).isInstanceOfSatisfying(AuthenticationException.class,
        e -> assertThat(e.reason()).isEqualTo(Reason.NOT_AUTHENTICATED));
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void listsAPageWithTheReadFilter() throws Exception {
    client.useAccessToken("t");
    server.enqueue(json(200, "{\"success\":true,\"data\":{\"items\":[" + Bodies.notification(UUID_1, true) + "],"
        + "\"page\":2,\"limit\":20,\"total\":21}}"));

    NotificationPage page = client.listPage(ReadFilter.READ, 2, 20);

    assertThat(server.takeRequest().getTarget()).isEqualTo("/api/v1/notifications?read=true&page=2&limit=20");
    assertThat(page.page()).isEqualTo(2);
    assertThat(page.total()).isEqualTo(21);
    Notification n = page.items().get(0);
    assertThat(n.id()).isEqualTo(UUID_1);
    assertThat(n.eventKey()).isEqualTo("new_message_creator");
    assertThat(n.read()).isTrue();
    assertThat(n.readAt()).isEqualTo(Instant.parse("2026-05-12T11:00:00Z"));
    assertThat(n.data()).containsEntry("messageId", "m1");
  }

  @Test
  void theUnreadFilterAndTheUndocumentedPagingFieldsAreOptional() throws Exception {
    client.useAccessToken("t");
    server.enqueue(json(200, "{\"success\":true,\"data\":{\"items\":[]}}"));

    NotificationPage page = client.listPage(ReadFilter.UNREAD, 1, 50);

    assertThat(server.takeRequest().getTarget()).isEqualTo("/api/v1/notifications?read=false&page=1&limit=50");
    assertThat(page.items()).isEmpty();
    assertThat(page.total()).isNull();
  }

  @Test
  void listAllPagesUntilAShortPage() throws Exception {
    client.useAccessToken("t");
    server.enqueue(json(200, Bodies.notificationPage(1, 50, 50)));
    server.enqueue(json(200, Bodies.notificationPage(2, 50, 50)));
    server.enqueue(json(200, Bodies.notificationPage(3, 7, 50)));

    assertThat(client.listAll(ReadFilter.ALL)).hasSize(107);
    assertThat(server.takeRequest().getTarget()).isEqualTo("/api/v1/notifications?page=1&limit=50");
    assertThat(server.takeRequest().getTarget()).isEqualTo("/api/v1/notifications?page=2&limit=50");
    assertThat(server.takeRequest().getTarget()).isEqualTo("/api/v1/notifications?page=3&limit=50");
  }

  @Test
  void listAllCanConvertEachNotificationAsItsPageArrives() {
    client.useAccessToken("t");
    server.enqueue(json(200, Bodies.notificationPage(1, 50, 50)));
    server.enqueue(json(200, Bodies.notificationPage(2, 3, 50)));

    List<String> ids = client.listAll(ReadFilter.ALL, Notification::id);

    assertThat(ids).hasSize(53).doesNotHaveDuplicates().allMatch(id -> id.length() == 36);
  }

  @Test
  void aPageSizeOutsideTheContractIsRefusedBeforeSending() {
    client.useAccessToken("t");

    assertThatThrownBy(() -> client.listPage(ReadFilter.ALL, 1, 51)).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> client.listPage(ReadFilter.ALL, 0, 10)).isInstanceOf(InvalidRequestException.class);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void deleteSendsTheUuidAsAPathSegment() throws Exception {
    client.useAccessToken("t");
    server.enqueue(json(200, "{\"success\":true}"));

    assertThat(client.deleteNotification(UUID_1)).isEqualTo(DeleteOutcome.DELETED);
    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod() + " " + request.getTarget()).isEqualTo("DELETE /api/v1/notifications/" + UUID_1);
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer t");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "42", "not-a-uuid", "3f2b8c1e-0d4a-4e7b-9c61-5a8f2e9d0b1", "../clear-read",
      "3f2b8c1e-0d4a-4e7b-9c61-5a8f2e9d0b17/read", "3f2b8c1e-0d4a-4e7b-9c61-5a8f2e9d0b17?x"})
  void aNonUuidIsRefusedBeforeSending(String id) {
    client.useAccessToken("t");

    assertThatThrownBy(() -> client.deleteNotification(id)).isInstanceOfSatisfying(InvalidRequestException.class, e -> {
      assertThat(e.refusedByClient()).isTrue();
      assertThat(e.code()).isEqualTo(InvalidRequestException.INVALID_NOTIFICATION_ID);
    });
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aServerSide400ForANonUuidCarriesNestsDefaultBody() {
    client.useAccessToken("t");
    server.enqueue(json(400, "{\"statusCode\":400,\"message\":\"Validation failed (uuid is expected)\","
        + "\"error\":\"Bad Request\"}"));

    assertThatThrownBy(() -> client.deleteNotification(UUID_1)).isInstanceOfSatisfying(InvalidRequestException.class,
        e -> assertThat(e.serverMessage()).isEqualTo("Validation failed (uuid is expected)"));
  }

  @Test
  void deleteOfAMissingOrForeignIdIsNotFoundWithTheServersCode() {
    client.useAccessToken("t");
    server.enqueue(json(404, Bodies.envelope("error.notification.not_found", "Notification not found",
        "error.notification.not_found")));

    assertThatThrownBy(() -> client.deleteNotification(UUID_1)).isInstanceOfSatisfying(NotFoundException.class, e -> {
      assertThat(e.code()).isEqualTo("error.notification.not_found");
      assertThat(e.correlationId()).isEqualTo(CORRELATION);
      assertThat(e.getMessage()).contains("HTTP 404", "error.notification.not_found", CORRELATION);
    });
  }

  @Test
  void deleteWithABadTokenAndNoRefreshIsAnAuthenticationError() {
    client.useAccessToken("t");
    server.enqueue(json(401, Bodies.envelope("AUTH_UNAUTHORIZED", "Unauthorized", "auth.unauthorized")));

    assertThatThrownBy(() -> client.deleteNotification(UUID_1)).isInstanceOfSatisfying(AuthenticationException.class,
        e -> assertThat(e.reason()).isEqualTo(Reason.NOT_AUTHENTICATED));
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void markReadPatchesTheReadSubresource() throws Exception {
    client.useAccessToken("t");
    server.enqueue(json(200, "{\"success\":true}"));

    client.markRead(UUID_1);

    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod() + " " + request.getTarget())
        .isEqualTo("PATCH /api/v1/notifications/" + UUID_1 + "/read");
  }

  @Test
  void markReadOfAMissingIdIsNotFound() {
    client.useAccessToken("t");
    server.enqueue(json(404, Bodies.envelope("error.notification.not_found", "Not found",
        "error.notification.not_found")));

    assertThatThrownBy(() -> client.markRead(UUID_1)).isInstanceOf(NotFoundException.class);
  }

  @Test
  void markAllReadReturnsHowManyChanged() throws Exception {
    client.useAccessToken("t");
    server.enqueue(json(200, "{\"success\":true,\"data\":{\"updated\":12}}"));

    assertThat(client.markAllRead()).isEqualTo(12);
    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod() + " " + request.getTarget()).isEqualTo("POST /api/v1/notifications/read-all");
  }

  @Test
  void clearReadReturnsHowManyWereDeleted() throws Exception {
    client.useAccessToken("t");
    server.enqueue(json(200, "{\"success\":true,\"data\":{\"deleted\":3}}"));

    assertThat(client.clearRead()).isEqualTo(3);
    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod() + " " + request.getTarget()).isEqualTo("DELETE /api/v1/notifications/clear-read");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"success\":false,\"error\":{\"code\":\"VALIDATION_FAILED\",\"message\":\"Validation failed (uuid is expected)\","
          + "\"i18nKey\":\"error.validation_failed\",\"details\":[{\"message\":\"id must be a UUID\"}]}}",
      "{\"statusCode\":400,\"message\":\"Validation failed (uuid is expected)\",\"error\":\"Bad Request\"}"})
  void clearReadOnAServerWithoutTheRouteIsRouteUnavailable(String body) {
    // Nest sends DELETE /notifications/clear-read to DELETE /notifications/:id when clear-read has no
    // route of its own; ParseUUIDPipe then refuses the id "clear-read".
    client.useAccessToken("t");
    server.enqueue(json(400, body));

    assertThatThrownBy(client::clearRead).isInstanceOfSatisfying(RouteUnavailableException.class,
        e -> assertThat(e.route()).isEqualTo("DELETE /notifications/clear-read"));
  }

  @Test
  void clearReadRefusedForAnotherReasonStaysAnInvalidRequest() {
    client.useAccessToken("t");
    server.enqueue(json(400, "{\"success\":false,\"error\":{\"code\":\"VALIDATION_FAILED\",\"message\":"
        + "\"Too many at once\",\"i18nKey\":\"error.validation_failed\"}}"));

    assertThatThrownBy(client::clearRead).isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void logoutTellsTheServerAndForgetsTheTokens() throws Exception {
    client.useAccessToken("t");
    server.enqueue(json(200, "{\"success\":true}"));

    client.logout();

    assertThat(client.isSignedIn()).isFalse();
    assertThat(server.takeRequest().getTarget()).isEqualTo("/api/v1/auth/logout");
    assertThatThrownBy(client::unreadCount).isInstanceOf(AuthenticationException.class);
  }

  @Test
  void theAsyncFormsDeliverTheSameResults() {
    client.useAccessToken("t");
    server.enqueue(json(200, "{\"success\":true}"));
    server.enqueue(json(200, "{\"success\":true,\"data\":{\"count\":2}}"));

    assertThat(client.deleteNotificationAsync(UUID_1).join()).isEqualTo(DeleteOutcome.DELETED);
    assertThat(client.unreadCountAsync().join()).isEqualTo(2);
  }

  @Test
  void aTimeBeyondTheWindowIsNotWaitedForWithoutReason() {
    client.useAccessToken("t");
    server.enqueue(json(200, "{\"success\":true}"));

    client.deleteNotification(UUID_1);

    assertThat(time.totalSlept()).isEqualTo(Duration.ZERO);
  }
}
