package dev.inboxdesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inboxdesk.client.AuthenticationException;
import dev.inboxdesk.client.ClientConfig;
import dev.inboxdesk.client.InvalidRequestException;
import dev.inboxdesk.client.Message;
import dev.inboxdesk.client.MessagesClient;
import dev.inboxdesk.sandbox.Sandbox;
import dev.inboxdesk.sandbox.SandboxOptions;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What only the sandbox does of the messages contract: sessions, accepting, sending, the DELETE switch. */
class SandboxMessagesTest {
  Sandbox sandbox;
  MessagesClient client;

  @BeforeEach
  void start() {
    sandbox = Sandbox.start(SandboxOptions.defaults().withSize(20));
    client = MessagesClient.create(ClientConfig.builder(sandbox.messagesUrl()).build());
  }

  @AfterEach
  void stop() {
    client.close();
    sandbox.close();
  }

  @Test
  void signingOutEndsTheSessionOnTheServer() {
    client.signIn("ada@example.com", "ada-demo");

    client.signOut();

    assertThat(client.hasSession()).isFalse();
    assertThatThrownBy(client::listMessages).isInstanceOf(AuthenticationException.class);
  }

  @Test
  void aSignedOutSessionIsAnEmptyObjectWithAFreshCsrfCookie() {
    HttpResponse<String> raw = Raw.get(sandbox.messagesUrl() + "/api/auth/session");

    assertThat(raw.statusCode()).isEqualTo(200);
    assertThat(raw.body()).isEqualTo("{}");
    assertThat(raw.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("next-auth.csrf-token="))
        .noneMatch(c -> c.startsWith("next-auth.session-token=") && !c.contains("Max-Age=0"));
  }

  @Test
  void aGarbageSessionCookieIsClearedAndTheClientCountsItSignedOut() {
    client.useSessionToken("garbage");

    assertThat(client.session()).isEmpty();
    assertThat(client.hasSession()).isFalse();
  }

  @Test
  void aPastedSessionTokenWorksLikeASignIn() {
    String cookie = RawSession.signIn(sandbox.messagesUrl(), "ada@example.com", "ada-demo");
    client.useSessionToken(cookie.substring(cookie.indexOf('=') + 1));

    assertThat(client.session()).get().extracting(u -> u.username()).isEqualTo("ada");
    assertThat(client.listMessages()).hasSize(20);
  }

  @Test
  void acceptingMessagesIsReadAndSetThroughItsRoute() {
    client.signIn("ada@example.com", "ada-demo");

    assertThat(client.isAcceptingMessages()).isTrue();
    client.setAcceptingMessages(false);
    assertThat(client.isAcceptingMessages()).isFalse();
  }

  @Test
  void acceptMessagesRejectsAStringBooleanAndCrashesOnNoBody() {
    String cookie = RawSession.signIn(sandbox.messagesUrl(), "ada@example.com", "ada-demo");
    String url = sandbox.messagesUrl() + "/api/accept-messages";

    HttpResponse<String> string = Raw.send("POST", url, "{\"acceptMessage\":\"true\"}", "Cookie", cookie,
        "Content-Type", "application/json");
    HttpResponse<String> missing = Raw.send("POST", url, "{}", "Cookie", cookie, "Content-Type", "application/json");
    HttpResponse<String> empty = Raw.send("POST", url, null, "Cookie", cookie);

    assertThat(string.statusCode()).isEqualTo(400);
    assertThat(string.body()).contains("Invalid input: expected boolean, received string");
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(empty.statusCode()).isEqualTo(500);
  }

  @Test
  void sendingAMessageAddsItToTheInboxUnlessTheUserStoppedAccepting() {
    client.signIn("ada@example.com", "ada-demo");
    String url = sandbox.messagesUrl() + "/api/send-message";

    HttpResponse<String> sent = Raw.send("POST", url, "{\"username\":\"ada\",\"content\":\"Hello from a test\"}",
        "Content-Type", "application/json");
    assertThat(sent.statusCode()).isEqualTo(201);
    assertThat(client.listMessages().get(0).content()).isEqualTo("Hello from a test");

    client.setAcceptingMessages(false);
    assertThat(Raw.send("POST", url, "{\"username\":\"ada\",\"content\":\"x\"}", "Content-Type", "application/json")
        .statusCode()).isEqualTo(403);
    assertThat(Raw.send("POST", url, "{\"username\":\"nobody\",\"content\":\"x\"}", "Content-Type",
        "application/json").statusCode()).isEqualTo(404);
  }

  @Test
  void aServerThatAcceptsDeleteIsStillServedByTheClientsPatch() {
    try (Sandbox lenient = Sandbox.start(SandboxOptions.defaults().withSize(5).withAcceptDeleteMethod(true));
        MessagesClient other = MessagesClient.create(ClientConfig.builder(lenient.messagesUrl()).build())) {
      String cookie = RawSession.signIn(lenient.messagesUrl(), "ada@example.com", "ada-demo");
      other.signIn("ada@example.com", "ada-demo");
      Message first = other.listMessages().get(0);

      HttpResponse<String> raw = Raw.send("DELETE", lenient.messagesUrl() + "/api/delete-message?messageId="
          + first.id(), null, "Cookie", cookie);

      assertThat(raw.statusCode()).isEqualTo(201);
      assertThat(other.listMessages()).extracting(Message::id).doesNotContain(first.id());
    }
  }

  @Test
  void theClientNeverSendsAMalformedIdThatWouldCrashTheServer() {
    client.signIn("ada@example.com", "ada-demo");
    long before = sandbox.requestCount();

    assertThatThrownBy(() -> client.deleteMessage("12345")).isInstanceOf(InvalidRequestException.class);
    assertThat(sandbox.requestCount()).isEqualTo(before);
  }

  @Test
  void theSecondDemoUserHasTheirOwnInbox() {
    client.signIn("bob@example.com", "bob-demo");

    assertThat(client.listMessages()).hasSizeLessThan(20).isNotEmpty();
  }
}
