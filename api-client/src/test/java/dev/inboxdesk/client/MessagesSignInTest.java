package dev.inboxdesk.client;

import static dev.inboxdesk.client.Bodies.CSRF;
import static dev.inboxdesk.client.Bodies.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inboxdesk.client.AuthenticationException.Reason;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MessagesSignInTest extends LoopbackServerTest {
  MessagesClient client;

  @BeforeEach
  void setUp() {
    client = messages();
  }


  private void enqueueCsrf() {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .addHeader("Set-Cookie", "next-auth.csrf-token=" + CSRF + "%7Chash; Path=/; HttpOnly; SameSite=Lax")
        .body("{\"csrfToken\":\"" + CSRF + "\"}").build());
  }

  private static String session() {
    return "{\"user\":{\"_id\":\"665f0000000000000000abcd\",\"email\":\"ada@example.com\",\"username\":\"ada\","
        + "\"isVerified\":true,\"isAcceptingMessages\":false},\"expires\":\"2026-06-11T10:00:00.000Z\"}";
  }

  @Test
  void signInPostsTheCsrfTokenAndReturnsTheSessionUser() throws Exception {
    enqueueCsrf();
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .addHeader("Set-Cookie", "next-auth.session-token=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..jwe; Path=/; HttpOnly")
        .body("{\"url\":\"" + server.url("/dashboard") + "\"}").build());
    server.enqueue(json(200, session()));

    SessionUser user = client.signIn("ada@example.com", "correct horse");

    assertThat(user.username()).isEqualTo("ada");
    assertThat(user.email()).isEqualTo("ada@example.com");
    assertThat(user.verified()).isTrue();
    assertThat(client.hasSession()).isTrue();
    RecordedRequest csrf = server.takeRequest();
    assertThat(csrf.getMethod() + " " + csrf.getTarget()).isEqualTo("GET /api/auth/csrf");
    RecordedRequest credentials = server.takeRequest();
    assertThat(credentials.getMethod() + " " + credentials.getTarget()).isEqualTo("POST /api/auth/callback/credentials");
    assertThat(credentials.getHeaders().get("Content-Type")).startsWith("application/x-www-form-urlencoded");
    assertThat(credentials.getHeaders().get("Cookie")).contains("next-auth.csrf-token=");
    String form = credentials.getBody().utf8();
    assertThat(form).contains("email=ada%40example.com", "password=correct+horse", "csrfToken=" + CSRF, "json=true",
        "callbackUrl=");
    RecordedRequest sessionRequest = server.takeRequest();
    assertThat(sessionRequest.getTarget()).isEqualTo("/api/auth/session");
    assertThat(sessionRequest.getHeaders().get("Cookie")).contains("next-auth.session-token=");
  }

  @Test
  void wrongPasswordIsItsOwnReason() {
    enqueueCsrf();
    server.enqueue(json(401, "{\"url\":\"" + server.url("/api/auth/error?error=Invalid%20password") + "\"}"));

    assertThatThrownBy(() -> client.signIn("ada@example.com", "wrong"))
        .isInstanceOfSatisfying(AuthenticationException.class, e -> {
          assertThat(e.reason()).isEqualTo(Reason.WRONG_PASSWORD);
          assertThat(e.status()).isEqualTo(401);
        });
    assertThat(client.hasSession()).isFalse();
  }

  @Test
  void unknownAccountIsItsOwnReason() {
    enqueueCsrf();
    server.enqueue(json(401, "{\"url\":\"" + server.url("/api/auth/error?error=User%20not%20found") + "\"}"));

    assertThatThrownBy(() -> client.signIn("nobody@example.com", "pw"))
        .isInstanceOfSatisfying(AuthenticationException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_ACCOUNT));
  }

  @Test
  void missingFieldsIsItsOwnReason() {
    enqueueCsrf();
    server.enqueue(json(401,
        "{\"url\":\"" + server.url("/api/auth/error?error=Email%20and%20Password%20required") + "\"}"));

    assertThatThrownBy(() -> client.signIn("", ""))
        .isInstanceOfSatisfying(AuthenticationException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.CREDENTIALS_REQUIRED));
  }

  @Test
  void csrfFailureAnswersOkWithoutCookieAndIsNotASuccess() {
    enqueueCsrf();
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .addHeader("Set-Cookie", "next-auth.csrf-token=fresh%7Chash; Path=/; HttpOnly")
        .body("{\"url\":\"" + server.url("/api/auth/signin?csrf=true") + "\"}").build());

    assertThatThrownBy(() -> client.signIn("ada@example.com", "correct horse"))
        .isInstanceOfSatisfying(AuthenticationException.class, e -> {
          assertThat(e.reason()).isEqualTo(Reason.CSRF_REJECTED);
          assertThat(e.requiresSignIn()).isTrue();
        });
    assertThat(client.hasSession()).isFalse();
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aPastedSessionTokenIsSentAsTheSessionCookie() throws Exception {
    client.useSessionToken("  pasted-token-value  ");
    server.enqueue(json(200, session()));

    assertThat(client.session()).get().extracting(SessionUser::username).isEqualTo("ada");
    // Under both names: which one a server reads is its own configuration, not the client's scheme.
    assertThat(server.takeRequest().getHeaders().get("Cookie"))
        .isEqualTo("__Secure-next-auth.session-token=pasted-token-value; next-auth.session-token=pasted-token-value");
  }

  @Test
  void aLargePastedTokenIsSplitIntoNumberedCookiesAsNextAuthDoes() throws Exception {
    client.useSessionToken("a".repeat(5000));
    server.enqueue(json(200, session()));

    client.session();

    String cookie = server.takeRequest().getHeaders().get("Cookie");
    assertThat(cookie).contains("next-auth.session-token.0=" + "a".repeat(3936))
        .contains("next-auth.session-token.1=" + "a".repeat(5000 - 3936));
  }

  @Test
  void aSessionSplitIntoNumberedCookiesByTheServerCountsAsSignedIn() throws Exception {
    enqueueCsrf();
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .addHeader("Set-Cookie", "next-auth.session-token.0=part-zero; Path=/; HttpOnly")
        .addHeader("Set-Cookie", "next-auth.session-token.1=part-one; Path=/; HttpOnly")
        .body("{\"url\":\"/dashboard\"}").build());
    server.enqueue(json(200, session()));

    assertThat(client.signIn("ada@example.com", "pw").username()).isEqualTo("ada");
    assertThat(client.hasSession()).isTrue();
    server.takeRequest();
    server.takeRequest();
    assertThat(server.takeRequest().getHeaders().get("Cookie"))
        .contains("next-auth.session-token.0=part-zero", "next-auth.session-token.1=part-one");
  }

  @Test
  void cookieNamesCarryTheSecurePrefixesOverHttps() {
    try (MessagesClient secure = MessagesClient.create(ClientConfig.builder("https://example.app").build())) {
      assertThat(secure.sessionCookieName()).isEqualTo("__Secure-next-auth.session-token");
      assertThat(secure.csrfCookieName()).isEqualTo("__Host-next-auth.csrf-token");
    }
    assertThat(client.sessionCookieName()).isEqualTo("next-auth.session-token");
    assertThat(client.csrfCookieName()).isEqualTo("next-auth.csrf-token");
  }

  @Test
  void anEmptySessionObjectMeansSignedOut() {
    server.enqueue(json(200, "{}"));

    assertThat(client.session()).isEmpty();
  }

  @Test
  void aClearedSessionCookieCountsAsSignedOut() {
    client.useSessionToken("garbage");
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .addHeader("Set-Cookie", "next-auth.session-token=; Path=/; Max-Age=0")
        .addHeader("Set-Cookie", "next-auth.csrf-token=new%7Chash; Path=/; HttpOnly")
        .body("{}").build());

    assertThat(client.session()).isEmpty();
    assertThat(client.hasSession()).isFalse();
  }

  @Test
  void signOutTellsTheServerAndForgetsTheSession() throws Exception {
    client.useSessionToken("token");
    enqueueCsrf();
    server.enqueue(json(200, "{\"url\":\"" + server.url("/") + "\"}"));

    client.signOut();

    assertThat(client.hasSession()).isFalse();
    server.takeRequest();
    RecordedRequest signOut = server.takeRequest();
    assertThat(signOut.getMethod() + " " + signOut.getTarget()).isEqualTo("POST /api/auth/signout");
    assertThat(signOut.getBody().utf8()).contains("csrfToken=" + CSRF, "json=true");
  }

  @Test
  void signOutForgetsTheSessionEvenWhenTheServerIsDown() {
    client.useSessionToken("token");
    server.enqueue(json(500, "{\"success\":false,\"message\":\"boom\"}"));

    client.signOut();

    assertThat(client.hasSession()).isFalse();
  }

  @Test
  void theAsyncFormSignsInOffTheCallingThread() {
    enqueueCsrf();
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .addHeader("Set-Cookie", "next-auth.session-token=jwe; Path=/; HttpOnly")
        .body("{\"url\":\"/dashboard\"}").build());
    server.enqueue(json(200, session()));

    assertThat(client.signInAsync("ada@example.com", "pw").join().username()).isEqualTo("ada");
  }
}
