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
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The notifications contract, checked with the client over real HTTP, against the sandbox and
 * against the hand-written fixtures.
 */
abstract class NotificationsContractTest {
  static final String EMAIL = "ada@example.com";
  static final String PASSWORD = "ada-demo";

  final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
  private final List<NotificationsClient> clients = new ArrayList<>();

  /** The API's base URL, ending in {@code /api/v1}. */
  abstract String baseUrl();

  /** The id of a notification that exists but belongs to another user. */
  abstract String otherUsersNotificationId();

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
          assertThat(e.correlationId()).isNotBlank();
        });
  }

  @Test
  void aDeletedNotificationIsGoneAndDeletingItAgainIsNotFoundInTheEnvelope() {
    NotificationsClient client = signedIn();
    String id = client.listPage(ReadFilter.ALL, 1, 10).items().get(0).id();

    assertThat(client.deleteNotification(id)).isEqualTo(DeleteOutcome.DELETED);
    assertThatThrownBy(() -> client.deleteNotification(id)).isInstanceOfSatisfying(NotFoundException.class, e -> {
      assertThat(e.code()).isEqualTo("error.notification.not_found");
      assertThat(e.i18nKey()).isEqualTo("error.notification.not_found");
      assertThat(e.correlationId()).isNotBlank();
    });
    assertThat(client.listAll(ReadFilter.ALL)).extracting(Notification::id).doesNotContain(id);
  }

  @Test
  void anotherUsersNotificationIsNotFoundLikeAMissingOne() {
    NotificationsClient client = signedIn();

    assertThatThrownBy(() -> client.deleteNotification(otherUsersNotificationId()))
        .isInstanceOfSatisfying(NotFoundException.class,
            e -> assertThat(e.code()).isEqualTo("error.notification.not_found"));
  }

  @Test
  void everyErrorCarriesAFreshCorrelationId() {
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
    assertThat(raw.body()).contains("\"success\":false", "\"correlationId\"");
  }

  @Test
  void aMissingTokenIs401InTheEnvelope() {
    HttpResponse<String> raw = Raw.send("DELETE", baseUrl() + "/notifications/12345678-1234-4234-8234-123456789012",
        null);

    assertThat(raw.statusCode()).isEqualTo(401);
    assertThat(raw.body()).contains("\"success\":false", "\"error\"", "\"code\"", "\"correlationId\"");
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
