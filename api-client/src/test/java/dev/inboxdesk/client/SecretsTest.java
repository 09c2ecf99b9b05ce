package dev.inboxdesk.client;

import static dev.inboxdesk.client.Bodies.ID_1;
import static dev.inboxdesk.client.Bodies.ID_2;
import static dev.inboxdesk.client.Bodies.PASSWORD_HASH;
import static dev.inboxdesk.client.Bodies.UUID_1;
import static dev.inboxdesk.client.Bodies.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;

/** Tokens, cookies and passwords never show up where people or logs can read them. */
class SecretsTest extends LoopbackServerTest {
  private static final String PASSWORD = "hunter2-correct-horse";
  private static final String ACCESS = "eyJhbGciOiJIUzI1NiJ9.c2VjcmV0LWFjY2Vzcw.sig-access";
  private static final String REFRESH = "refresh-cookie-value-42";
  private static final String SESSION = "session-jwe-value-77";

  final List<Exchange> exchanges = new CopyOnWriteArrayList<>();

  private static String everything(Exchange e) {
    return e.toString() + e.requestHeaders() + e.responseHeaders() + e.requestBody() + e.responseBody();
  }

  @Test
  void theNotificationsExchangesMaskTokensCookiesAndPasswords() {
    try (NotificationsClient client = NotificationsClient.create(time.config(server.url("/api/v1").toString())
        .exchangeListener(exchanges::add).build())) {
      server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
          .addHeader("Set-Cookie", "biore_refresh=" + REFRESH + "; Path=/api/v1/auth; HttpOnly")
          .body(Bodies.login(ACCESS, 1)).build());
      server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
          .addHeader("Set-Cookie", "biore_refresh=" + REFRESH + "-2; Path=/api/v1/auth; HttpOnly")
          .body(Bodies.login(ACCESS + "-2", 900)).build());
      server.enqueue(json(200, "{\"success\":true}"));

      client.login("ada@example.com", PASSWORD);
      client.deleteNotification(UUID_1);
    }

    assertThat(exchanges).hasSize(3);
    for (Exchange e : exchanges) {
      assertThat(everything(e)).doesNotContain(PASSWORD).doesNotContain(ACCESS).doesNotContain(REFRESH);
    }
    Exchange login = exchanges.get(0);
    assertThat(login.requestBody()).contains("\"email\":\"ada@example.com\"", "\"password\":\"«redacted»\"");
    assertThat(login.responseBody()).contains("\"accessToken\":\"«redacted»\"", "\"expiresIn\":1");
    assertThat(login.responseHeaders()).contains(
        new Exchange.Header("Set-Cookie", "biore_refresh=«redacted»; Path=/api/v1/auth; HttpOnly"));
    Exchange refresh = exchanges.get(1);
    assertThat(refresh.requestHeaders()).contains(new Exchange.Header("Cookie", "biore_refresh=«redacted»"));
    Exchange delete = exchanges.get(2);
    assertThat(delete.requestHeaders()).contains(new Exchange.Header("Authorization", "Bearer «redacted»"));
    assertThat(delete.status()).isEqualTo(200);
    assertThat(delete.method()).isEqualTo("DELETE");
    assertThat(delete.url()).endsWith("/api/v1/notifications/" + UUID_1);
  }

  @Test
  void theMessagesExchangesMaskTheSessionCookieAndThePasswordHash() {
    try (MessagesClient client = MessagesClient.create(time.config(server.url("/").toString())
        .exchangeListener(exchanges::add).build())) {
      client.useSessionToken(SESSION);
      server.enqueue(json(201, Bodies.deleteAnswer(ID_2)));

      client.deleteListedMessage(ID_1);
    }

    Exchange delete = exchanges.get(0);
    assertThat(everything(delete)).doesNotContain(SESSION).doesNotContain(PASSWORD_HASH);
    assertThat(delete.responseBody()).contains("\"password\":\"«redacted»\"", ID_2);
    assertThat(delete.requestHeaders()).filteredOn(h -> h.name().equals("Cookie")).singleElement()
        .satisfies(h -> assertThat(h.value()).contains("next-auth.session-token=«redacted»").doesNotContain(SESSION));
  }

  @Test
  void aCutOffBodyStillHasItsSecretsMasked() {
    try (MessagesClient client = MessagesClient.create(time.config(server.url("/").toString())
        .maxLoggedBodyChars(180).exchangeListener(exchanges::add).build())) {
      client.useSessionToken(SESSION);
      server.enqueue(json(201, Bodies.deleteAnswer(ID_2)));

      client.deleteListedMessage(ID_1);
    }

    String body = exchanges.get(0).responseBody();
    assertThat(body).doesNotContain(PASSWORD_HASH).doesNotContain(PASSWORD_HASH.substring(0, 12)).contains("bytes in all");
  }

  @Test
  void theSignInFormIsMasked() {
    try (MessagesClient client = MessagesClient.create(time.config(server.url("/").toString())
        .exchangeListener(exchanges::add).build())) {
      server.enqueue(json(200, "{\"csrfToken\":\"" + Bodies.CSRF + "\"}"));
      server.enqueue(json(401, "{\"url\":\"http://x/api/auth/error?error=Invalid%20password\"}"));

      assertThatThrownBy(() -> client.signIn("ada@example.com", PASSWORD)).isInstanceOf(AuthenticationException.class)
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain(PASSWORD));
    }

    String form = exchanges.get(1).requestBody();
    assertThat(form).contains("email=ada%40example.com", "password=«redacted»", "csrfToken=«redacted»")
        .doesNotContain(Bodies.CSRF);
  }

  @Test
  void thePasswordHashNeverAppearsInAnErrorMessage() {
    try (MessagesClient client = MessagesClient.create(time.config(server.url("/").toString()).build())) {
      client.useSessionToken(SESSION);
      String full = Bodies.deleteAnswer(ID_2);
      String truncated = full.substring(0, full.indexOf(PASSWORD_HASH) + 20);
      server.enqueue(json(201, truncated));
      server.enqueue(json(201, Bodies.deleteAnswer(ID_1)));
      server.enqueue(json(500, full.replace("\"success\":true", "\"success\":false")));

      // The cut-off answer still means deleted; its remaining ids are what cannot be read.
      for (int i = 0; i < 3; i++) {
        assertThatThrownBy(() -> client.deleteListedMessage(ID_1).remainingIds()).isInstanceOf(ApiException.class)
            .satisfies(e -> assertThat(e.getMessage() + e.toString()).doesNotContain(PASSWORD_HASH)
                .doesNotContain(SESSION));
      }
    }
  }

  @Test
  void credentialsAreNeverSentOverPlainHttpToAnotherHost() {
    try (NotificationsClient client = NotificationsClient.create(
        ClientConfig.builder("http://api.example.invalid/api/v1").sleeper(time).build())) {
      client.useAccessToken(ACCESS);

      assertThatThrownBy(client::unreadCount).isInstanceOfSatisfying(InvalidRequestException.class, e -> {
        assertThat(e.code()).isEqualTo(InvalidRequestException.INSECURE_TRANSPORT);
        assertThat(e.refusedByClient()).isTrue();
        assertThat(e.getMessage()).doesNotContain(ACCESS);
      });
      assertThatThrownBy(() -> client.login("ada@example.com", PASSWORD))
          .isInstanceOfSatisfying(InvalidRequestException.class,
              e -> assertThat(e.code()).isEqualTo(InvalidRequestException.INSECURE_TRANSPORT));
    }
    try (MessagesClient client = MessagesClient.create(ClientConfig.builder("http://app.example.invalid").build())) {
      client.useSessionToken(SESSION);

      assertThatThrownBy(client::listMessages).isInstanceOfSatisfying(InvalidRequestException.class,
          e -> assertThat(e.code()).isEqualTo(InvalidRequestException.INSECURE_TRANSPORT));
    }
  }

  @Test
  void plainHttpToLoopbackIsAllowed() {
    try (NotificationsClient client = NotificationsClient.create(
        time.config("http://127.0.0.1:" + server.getPort() + "/api/v1").build())) {
      client.useAccessToken(ACCESS);
      server.enqueue(json(200, "{\"success\":true,\"data\":{\"count\":1}}"));

      assertThat(client.unreadCount()).isEqualTo(1);
    }
  }

  @Test
  void theUnmaskedFormIsThereOnlyWhenAskedForAndNeverPrinted() {
    try (NotificationsClient masked = NotificationsClient.create(time.config(server.url("/api/v1").toString())
        .exchangeListener(exchanges::add).build())) {
      masked.useAccessToken(ACCESS);
      server.enqueue(json(200, "{\"success\":true,\"data\":{\"count\":1}}"));
      masked.unreadCount();
    }
    assertThat(exchanges.get(0).unmaskedView()).isEmpty();

    try (NotificationsClient revealing = NotificationsClient.create(time.config(server.url("/api/v1").toString())
        .captureUnmasked(true).exchangeListener(exchanges::add).build())) {
      revealing.useAccessToken(ACCESS);
      server.enqueue(json(200, "{\"success\":true,\"data\":{\"count\":1}}"));
      revealing.unreadCount();
    }
    Exchange revealed = exchanges.get(1);
    assertThat(revealed.unmaskedView().orElseThrow().requestHeaders())
        .contains(new Exchange.Header("Authorization", "Bearer " + ACCESS));
    assertThat(revealed.toString()).doesNotContain(ACCESS);
    assertThat(everything(revealed)).doesNotContain(ACCESS);
  }

  @Test
  void aBodyWithNothingToMaskIsKeptOnceAndOneWithASecretTwice() {
    try (NotificationsClient revealing = NotificationsClient.create(time.config(server.url("/api/v1").toString())
        .captureUnmasked(true).exchangeListener(exchanges::add).build())) {
      server.enqueue(json(200, Bodies.login(ACCESS, 900)));
      server.enqueue(json(200, "{\"success\":true,\"data\":{\"count\":1}}"));
      revealing.login("ada@example.com", PASSWORD);
      revealing.unreadCount();
    }
    Exchange login = exchanges.get(0);
    assertThat(login.responseBody()).doesNotContain(ACCESS);
    assertThat(login.unmaskedView().orElseThrow().responseBody()).contains(ACCESS);
    assertThat(login.unmaskedView().orElseThrow().requestBody()).doesNotContain(PASSWORD);
    Exchange count = exchanges.get(1);
    assertThat(count.unmaskedView().orElseThrow().responseBody()).isSameAs(count.responseBody());
  }

  @Test
  void tokensDoNotAppearInToStrings() {
    assertThat(new LoginResult.TwoFactorRequired("temp-secret").toString()).doesNotContain("temp-secret");
  }
}
