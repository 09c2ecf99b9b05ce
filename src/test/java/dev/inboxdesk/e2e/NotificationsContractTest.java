package dev.inboxdesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inboxdesk.client.AuthenticationException;
import dev.inboxdesk.client.AuthenticationException.Reason;
import dev.inboxdesk.client.ClientConfig;
import dev.inboxdesk.client.DeleteOutcome;
import dev.inboxdesk.client.Exchange;
import dev.inboxdesk.client.NotFoundException;
import dev.inboxdesk.client.Notification;
import dev.inboxdesk.client.NotificationPage;
import dev.inboxdesk.client.NotificationsClient;
import dev.inboxdesk.client.ReadFilter;
import dev.inboxdesk.client.RouteUnavailableException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The notifications contract, checked with the client over real HTTP, against the sandbox and
 * against the hand-written fixtures.
 */
abstract class NotificationsContractTest {
  static final String EMAIL = "ada@example.com";
  static final String PASSWORD = "ada-demo";

  final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
  final List<NotificationsClient> clients = new ArrayList<>();

  /** The API's base URL, ending in {@code /api/v1}. */
  abstract String baseUrl();

  /** The id of a notification that exists but belongs to another user. */
  abstract String otherUsersNotificationId();

  /**
   * Whether the server has the routes the seeds do not document (unread count, mark read, read-all,
   * clear-read, refresh, two-factor). Where it has not, the tests that use them are skipped and
   * the ones that check what the client does about their absence run instead.
   */
  boolean hasOptionalRoutes() {
    return true;
  }

  /**
   * Whether a 404 comes in the API's error envelope (code, i18nKey, correlation id), or in Nest's
   * default body, which names neither.
   */
  boolean envelope404() {
    return true;
  }

  /** The API's origin: the base URL without {@code /api/v1}, as a user might paste it by mistake. */
  String originWithoutApiPrefix() {
    String base = baseUrl();
    assertThat(base).endsWith("/api/v1");
    return base.substring(0, base.length() - "/api/v1".length());
  }

  NotificationsClient client() {
    NotificationsClient client = NotificationsClient.create(ClientConfig.builder(baseUrl())
        .exchangeListener(exchanges::add).build());
    clients.add(client);
    return client;
  }

  NotificationsClient signedIn() {
    NotificationsClient client = client();
    client.login(EMAIL, PASSWORD);
    return client;
  }

  @AfterEach
  void closeClients() {
    clients.forEach(NotificationsClient::close);
  }

  @Test
  void listingAllPagesUntilAShortPageGetsEveryNotificationOnce() {
    NotificationsClient client = signedIn();
    NotificationPage first = client.listPage(ReadFilter.ALL, 1, 50);

    List<Notification> all = client.listAll(ReadFilter.ALL);

    assertThat(first.total()).isNotNull();
    assertThat(all).hasSize(first.total());
    assertThat(all).extracting(Notification::id).doesNotHaveDuplicates();
  }

  @Test
  void aWrongPasswordIsInvalidCredentials() {
    assertThatThrownBy(() -> client().login(EMAIL, "wrong")).isInstanceOfSatisfying(AuthenticationException.class,
        e -> {
          assertThat(e.reason()).isEqualTo(Reason.INVALID_CREDENTIALS);
          if (envelope404()) {
            assertThat(e.correlationId()).isNotBlank();
          }
        });
  }

  @Test
  void aDeletedNotificationIsGoneAndDeletingItAgainIsNotFoundInTheEnvelope() {
    NotificationsClient client = signedIn();
    String id = client.listPage(ReadFilter.ALL, 1, 10).items().get(0).id();

    assertThat(client.deleteNotification(id)).isEqualTo(DeleteOutcome.DELETED);
    assertThatThrownBy(() -> client.deleteNotification(id)).isInstanceOfSatisfying(NotFoundException.class, e -> {
      if (envelope404()) {
        assertThat(e.code()).isEqualTo("NOT_FOUND");
        assertThat(e.i18nKey()).isEqualTo("error.notification.not_found");
        assertThat(e.correlationId()).isNotBlank();
      } else {
        assertThat(e.serverMessage()).isEqualTo("Notification not found");
      }
    });
    assertThat(client.listAll(ReadFilter.ALL)).extracting(Notification::id).doesNotContain(id);
  }

  @Test
  void anotherUsersNotificationIsNotFoundLikeAMissingOne() {
    NotificationsClient client = signedIn();

    assertThatThrownBy(() -> client.deleteNotification(otherUsersNotificationId()))
        .isInstanceOfSatisfying(NotFoundException.class, e -> {
          if (envelope404()) {
            assertThat(e.i18nKey()).isEqualTo("error.notification.not_found");
          } else {
            assertThat(e.serverMessage()).isEqualTo("Notification not found");
          }
        });
  }

  @Test
  void everyErrorCarriesAFreshCorrelationId() {
    Assumptions.assumeTrue(envelope404(), "Nest's default 404 body carries no correlation id");
    NotificationsClient client = signedIn();
    String missing = "12345678-1234-4234-8234-123456789012";
    String first = null;
    try {
      client.deleteNotification(missing);
    } catch (NotFoundException e) {
      first = e.correlationId();
    }
    String second = null;
    try {
      client.deleteNotification(missing);
    } catch (NotFoundException e) {
      second = e.correlationId();
    }

    assertThat(first).isNotBlank().isNotEqualTo(second);
  }

  @Test
  void aNonUuidIsRefusedByTheServerWith400() {
    signedIn();
    HttpResponse<String> raw = Raw.send("DELETE", baseUrl() + "/notifications/not-a-uuid", null,
        "Authorization", "Bearer " + accessToken());

    assertThat(raw.statusCode()).isEqualTo(400);
    if (envelope404()) {
      assertThat(raw.body()).contains("\"success\":false", "\"correlationId\"");
    } else {
      assertThat(raw.body()).contains("\"statusCode\":400", "Validation failed (uuid is expected)")
          .doesNotContain("correlationId");
    }
  }

  @Test
  void aMissingTokenIs401InTheEnvelopeOrNestsDefault() {
    HttpResponse<String> raw = Raw.send("DELETE", baseUrl() + "/notifications/12345678-1234-4234-8234-123456789012",
        null);

    assertThat(raw.statusCode()).isEqualTo(401);
    if (envelope404()) {
      assertThat(raw.body()).contains("\"success\":false", "\"error\"", "\"code\"", "\"correlationId\"");
    } else {
      assertThat(raw.body()).contains("\"statusCode\":401", "\"message\":\"Unauthorized\"")
          .doesNotContain("success");
    }
  }

  @Test
  void allowedAnswersCarryTheThrottlersHeaders() {
    NotificationsClient client = signedIn();
    client.listPage(ReadFilter.ALL, 1, 5);

    Exchange list = exchanges.get(exchanges.size() - 1);
    assertThat(list.rateLimit().limit()).isEqualTo(60);
    assertThat(list.rateLimit().remaining()).isBetween(0, 59);
    assertThat(list.rateLimit().resetAfter()).isNotNull();
  }

  // --- what every deployment must get right ---

  @Test
  void theReadFilterSelectsOnlyReadOnesWhateverTheServerSends() {
    NotificationsClient client = signedIn();
    if (hasOptionalRoutes()) {
      // Make sure there is something read to select.
      client.markRead(client.listPage(ReadFilter.ALL, 1, 1).items().get(0).id());
    }

    List<Notification> read = client.listAll(ReadFilter.READ);
    List<Notification> unread = client.listAll(ReadFilter.UNREAD);
    List<Notification> all = client.listAll(ReadFilter.ALL);

    assertThat(read).allMatch(Notification::read);
    assertThat(unread).noneMatch(Notification::read);
    assertThat(client.listPage(ReadFilter.READ, 1, 5).items()).hasSizeLessThanOrEqualTo(5)
        .allMatch(Notification::read);
    Set<String> both = new HashSet<>();
    read.forEach(n -> both.add(n.id()));
    unread.forEach(n -> both.add(n.id()));
    assertThat(both).hasSize(all.size()).containsExactlyInAnyOrderElementsOf(
        all.stream().map(Notification::id).toList());
  }

  @Test
  void everyNotificationHasItsKindWhicheverFieldNamesIt() {
    List<Notification> all = signedIn().listAll(ReadFilter.ALL);

    assertThat(all).isNotEmpty().allSatisfy(n -> assertThat(n.eventKey()).as(n.id()).isNotBlank());
  }

  @Test
  void anUpperCaseIdDeletesTheNotificationItNames() {
    NotificationsClient client = signedIn();
    String id = client.listPage(ReadFilter.ALL, 1, 10).items().get(2).id();
    assertThat(id).isEqualTo(id.toLowerCase(Locale.ROOT));

    assertThat(client.deleteNotification(id.toUpperCase(Locale.ROOT))).isEqualTo(DeleteOutcome.DELETED);

    assertThat(client.listAll(ReadFilter.ALL)).extracting(Notification::id).doesNotContain(id);
  }

  @Test
  void aBaseUrlWithoutTheApiPrefixIsRouteUnavailableAndTheItemStays() {
    NotificationsClient client = signedIn();
    String id = client.listPage(ReadFilter.ALL, 1, 1).items().get(0).id();
    int before = client.listAll(ReadFilter.ALL).size();
    NotificationsClient wrong = NotificationsClient.create(ClientConfig.builder(originWithoutApiPrefix())
        .exchangeListener(exchanges::add).build());
    clients.add(wrong);
    wrong.useAccessToken(accessToken());

    assertThatThrownBy(() -> wrong.deleteNotification(id)).isInstanceOfSatisfying(RouteUnavailableException.class,
        e -> {
          assertThat(e.route()).isEqualTo("DELETE /notifications/:id");
          if (envelope404()) {
            assertThat(e.code()).isEqualTo("NOT_FOUND");
            assertThat(e.i18nKey()).isEqualTo("error.route.not_found");
          } else {
            assertThat(e.serverMessage()).startsWith("Cannot DELETE /notifications/");
          }
        });
    assertThatThrownBy(() -> wrong.login(EMAIL, PASSWORD)).isInstanceOf(RouteUnavailableException.class);

    List<Notification> after = client.listAll(ReadFilter.ALL);
    assertThat(after).extracting(Notification::id).contains(id);
    assertThat(after).hasSize(before);
  }

  @Test
  void aPastedAccessTokenIsAcceptedAndCheckedWithOneItem() {
    NotificationsClient client = client();
    client.useAccessToken(accessToken());

    NotificationPage check = client.listPage(ReadFilter.ALL, 1, 1);

    assertThat(check.items()).hasSize(1);
    assertThat(exchanges).extracting(Exchange::url).noneMatch(url -> url.contains("/auth/"));
  }

  // --- the optional routes, where the server has them ---

  @Test
  void theUnreadCountIsTheNumberOfUnreadListed() {
    Assumptions.assumeTrue(hasOptionalRoutes(), "no unread-count route");
    NotificationsClient client = signedIn();

    assertThat(client.unreadCount()).isEqualTo(client.listAll(ReadFilter.UNREAD).size());
  }

  @Test
  void markingReadMovesTheItemToTheReadOnes() {
    Assumptions.assumeTrue(hasOptionalRoutes(), "no mark-read route");
    NotificationsClient client = signedIn();
    String id = client.listAll(ReadFilter.UNREAD).get(0).id();

    client.markRead(id);

    assertThat(client.listAll(ReadFilter.READ)).extracting(Notification::id).contains(id);
    assertThat(client.listAll(ReadFilter.UNREAD)).extracting(Notification::id).doesNotContain(id);
  }

  @Test
  void readAllLeavesNothingUnreadAndClearReadDeletesOnlyTheReadOnes() {
    Assumptions.assumeTrue(hasOptionalRoutes(), "no read-all or clear-read route");
    NotificationsClient client = signedIn();
    int unread = client.listAll(ReadFilter.UNREAD).size();
    int all = client.listAll(ReadFilter.ALL).size();

    assertThat(client.markAllRead()).isEqualTo(unread);
    assertThat(client.listAll(ReadFilter.UNREAD)).isEmpty();
    assertThat(client.unreadCount()).isZero();
    assertThat(client.clearRead()).isEqualTo(all);
    assertThat(client.listAll(ReadFilter.ALL)).isEmpty();
  }

  @Test
  void aRefreshRenewsTheSessionAndTheListStillLoads() {
    Assumptions.assumeTrue(hasOptionalRoutes(), "no refresh route");
    NotificationsClient client = signedIn();
    assertThat(client.canRefresh()).isTrue();

    client.refresh();

    assertThat(client.listPage(ReadFilter.ALL, 1, 1).items()).hasSize(1);
  }

  // --- the optional routes, where the server lacks them ---

  @Test
  void withoutTheOptionalRoutesEachCallIsRouteUnavailableAndNothingChanges() {
    Assumptions.assumeFalse(hasOptionalRoutes(), "the server has the optional routes");
    NotificationsClient client = signedIn();
    List<Notification> before = client.listAll(ReadFilter.ALL);
    String id = before.stream().filter(n -> !n.read()).findFirst().orElseThrow().id();

    assertRouteUnavailable(client::unreadCount, "GET /notifications/unread-count");
    assertRouteUnavailable(() -> client.markRead(id), "PATCH /notifications/:id/read");
    assertRouteUnavailable(client::markAllRead, "POST /notifications/read-all");
    assertRouteUnavailable(client::clearRead, "DELETE /notifications/clear-read");
    assertRouteUnavailable(() -> client.completeTwoFactor("12345678-1234-4234-8234-123456789012", "123456"),
        "POST /auth/login/2fa");

    List<Notification> after = client.listAll(ReadFilter.ALL);
    assertThat(after).as("nothing deleted, nothing marked").containsExactlyElementsOf(before);
    assertThat(after).filteredOn(n -> n.id().equals(id)).singleElement().matches(n -> !n.read());
  }

  @Test
  void withoutARefreshRouteTheClientAsksForANewSignInAndKeepsTheToken() {
    Assumptions.assumeFalse(hasOptionalRoutes(), "the server has a refresh route");
    NotificationsClient client = signedIn();

    assertThatThrownBy(client::refresh).isInstanceOfSatisfying(AuthenticationException.class,
        e -> assertThat(e.reason()).isEqualTo(Reason.REFRESH_UNAVAILABLE));

    assertThat(client.canRefresh()).isFalse();
    assertThat(client.isSignedIn()).isTrue();
    assertThat(client.listPage(ReadFilter.ALL, 1, 1).items()).hasSize(1);
  }

  private static void assertRouteUnavailable(ThrowingCallable call, String route) {
    assertThatThrownBy(call).as(route).isInstanceOfSatisfying(RouteUnavailableException.class, e -> {
      assertThat(e.route()).isEqualTo(route);
      assertThat(e.getMessage()).contains(route);
    });
  }

  /** An access token for ada, from a login over raw HTTP. */
  String accessToken() {
    HttpResponse<String> login = Raw.send("POST", baseUrl() + "/auth/login",
        "{\"email\":\"" + EMAIL + "\",\"password\":\"" + PASSWORD + "\"}", "Content-Type", "application/json");
    java.util.regex.Matcher token = java.util.regex.Pattern.compile("\"accessToken\":\"([^\"]+)\"")
        .matcher(login.body());
    assertThat(token.find()).as(login.body()).isTrue();
    return token.group(1);
  }
}
