package dev.inboxdesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inboxdesk.client.AuthenticationException;
import dev.inboxdesk.client.AuthenticationException.Reason;
import dev.inboxdesk.client.ClientConfig;
import dev.inboxdesk.client.DeleteOutcome;
import dev.inboxdesk.client.Exchange;
import dev.inboxdesk.client.Message;
import dev.inboxdesk.client.MessageDeletion;
import dev.inboxdesk.client.MessagesClient;
import dev.inboxdesk.client.NotFoundException;
import dev.inboxdesk.client.RouteUnavailableException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The messages contract, checked with the client over real HTTP. Runs against the sandbox and
 * against the hand-written fixtures: both must pass, or one of them misreads CONTRACTS.md.
 */
abstract class MessagesContractTest {
  static final String EMAIL = "ada@example.com";
  static final String PASSWORD = "ada-demo";

  final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
  final List<MessagesClient> clients = new ArrayList<>();

  /** The messages app's base URL. */
  abstract String baseUrl();

  /**
   * Whether the server has the routes the seeds do not document ({@code /api/accept-messages}).
   * Where it has not, the tests that use them are skipped and the ones that check what the client
   * does about their absence run instead.
   */
  boolean hasOptionalRoutes() {
    return true;
  }

  MessagesClient client() {
    MessagesClient client = MessagesClient.create(ClientConfig.builder(baseUrl()).exchangeListener(exchanges::add)
        .build());
    clients.add(client);
    return client;
  }

  MessagesClient signedIn() {
    MessagesClient client = client();
    client.signIn(EMAIL, PASSWORD);
    return client;
  }

  @AfterEach
  void closeClients() {
    clients.forEach(MessagesClient::close);
  }

  @Test
  void theDemoAccountSignsInAndTheSessionNamesIt() {
    MessagesClient client = client();

    assertThat(client.signIn(EMAIL, PASSWORD).username()).isEqualTo("ada");
    assertThat(client.hasSession()).isTrue();
    assertThat(client.session()).get().extracting(u -> u.email()).isEqualTo(EMAIL);
  }

  @Test
  void aWrongPasswordIsRefusedWithItsReasonAndNoSession() {
    MessagesClient client = client();

    assertThatThrownBy(() -> client.signIn(EMAIL, "wrong")).isInstanceOfSatisfying(AuthenticationException.class,
        e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_PASSWORD));
    assertThat(client.hasSession()).isFalse();
  }

  @Test
  void anUnknownAccountIsRefusedWithItsReason() {
    assertThatThrownBy(() -> client().signIn("nobody@example.com", PASSWORD))
        .isInstanceOfSatisfying(AuthenticationException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_ACCOUNT));
  }

  @Test
  void theListIsTheWholeInboxNewestFirst() {
    List<Message> messages = signedIn().listMessages();

    assertThat(messages).hasSizeGreaterThan(2);
    assertThat(messages).extracting(Message::createdAt).isSortedAccordingTo(Comparator.<Instant>reverseOrder());
  }

  @Test
  void listingWithoutASessionIsNotAuthenticated() {
    assertThatThrownBy(() -> client().listMessages()).isInstanceOfSatisfying(AuthenticationException.class,
        e -> assertThat(e.reason()).isEqualTo(Reason.NOT_AUTHENTICATED));
  }

  @Test
  void aDeleteAnswersTheInboxInStorageOrderAndThePasswordHashNeverLeavesTheWire() {
    MessagesClient client = signedIn();
    List<Message> before = client.listMessages();
    Message victim = before.get(1);

    MessageDeletion deletion = client.deleteMessage(victim.id());

    assertThat(deletion.outcome()).isEqualTo(DeleteOutcome.DELETED);
    List<Message> expected = new ArrayList<>(before);
    expected.remove(victim);
    java.util.Collections.reverse(expected);
    assertThat(deletion.remainingIds()).containsExactlyElementsOf(
        expected.stream().map(Message::id).toList());
    assertThat(client.listMessages()).extracting(Message::id).doesNotContain(victim.id());
    Exchange delete = exchanges.stream().filter(e -> e.url().contains("delete-message")).findFirst().orElseThrow();
    assertThat(delete.method()).isEqualTo("PATCH");
    assertThat(delete.status()).isEqualTo(201);
    assertThat(delete.responseBody()).contains("\"password\":\"«redacted»\"").doesNotContainPattern("\\$2[aby]\\$");
  }

  @Test
  void theRawDeleteAnswerReallyCarriesThePasswordHash() {
    MessagesClient client = signedIn();
    String id = client.listMessages().get(0).id();
    String cookie = sessionCookie(client);

    HttpResponse<String> raw = Raw.send("PATCH", baseUrl() + "/api/delete-message?messageId=" + id, null,
        "Cookie", cookie);

    assertThat(raw.statusCode()).isEqualTo(201);
    // bcrypt, in whichever revision the server's library writes ($2a$, $2b$)
    assertThat(raw.body()).containsPattern("\"password\":\"\\$2[aby]\\$\\d\\d\\$").contains("\"email\":\"" + EMAIL + "\"");
  }

  @Test
  void aWellFormedUnknownIdIsNotFoundThoughTheServerWouldAnswer201() {
    MessagesClient client = signedIn();
    List<Message> before = client.listMessages();
    String unknown = "aaaaaaaaaaaaaaaaaaaaaaaa";

    // The server itself says 201 and changes nothing ...
    MessageDeletion blind = client.deleteListedMessage(unknown);
    assertThat(blind.remainingIds()).hasSameSizeAs(before);
    // ... so the client asks the inbox first, and says what is true.
    assertThatThrownBy(() -> client.deleteMessage(unknown)).isInstanceOf(NotFoundException.class);
    assertThat(client.deleteMessages(List.of(unknown))).singleElement()
        .satisfies(result -> assertThat(result.error()).isInstanceOf(NotFoundException.class));
    assertThat(client.listMessages()).hasSameSizeAs(before);
  }

  @Test
  void deleteWithTheDocumentedMethodIs405WithAnEmptyBody() {
    MessagesClient client = signedIn();
    String id = client.listMessages().get(0).id();

    HttpResponse<String> raw = Raw.send("DELETE", baseUrl() + "/api/delete-message?messageId=" + id, null,
        "Cookie", sessionCookie(client));

    assertThat(raw.statusCode()).isEqualTo(405);
    assertThat(raw.body()).isEmpty();
  }

  @Test
  void aMalformedIdCrashesTheServerInto500WhichIsWhyTheClientNeverSendsOne() {
    MessagesClient client = signedIn();

    HttpResponse<String> raw = Raw.send("PATCH", baseUrl() + "/api/delete-message?messageId=not-an-id", null,
        "Cookie", sessionCookie(client));

    assertThat(raw.statusCode()).isEqualTo(500);
    assertThat(raw.body()).contains("\"success\":false");
  }

  @Test
  void aMissingMessageIdIs404() {
    MessagesClient client = signedIn();

    HttpResponse<String> raw = Raw.send("PATCH", baseUrl() + "/api/delete-message", null, "Cookie",
        sessionCookie(client));

    assertThat(raw.statusCode()).isEqualTo(404);
    assertThat(raw.body()).contains("messageId not found");
  }

  @Test
  void aCsrfFailureAnswers200WithoutASessionCookie() {
    HttpResponse<String> raw = Raw.send("POST", baseUrl() + "/api/auth/callback/credentials",
        "email=ada%40example.com&password=ada-demo&csrfToken=forged&json=true",
        "Content-Type", "application/x-www-form-urlencoded");

    assertThat(raw.statusCode()).isEqualTo(200);
    assertThat(raw.body()).contains("csrf=true");
    assertThat(raw.headers().allValues("Set-Cookie")).noneMatch(c -> c.contains("session-token="));
  }

  @Test
  void acceptingMessagesCanBeReadAndTurnedOffAndOn() {
    Assumptions.assumeTrue(hasOptionalRoutes(), "no accept-messages route");
    MessagesClient client = signedIn();

    assertThat(client.isAcceptingMessages()).isTrue();
    client.setAcceptingMessages(false);
    assertThat(client.isAcceptingMessages()).isFalse();
    client.setAcceptingMessages(true);
    assertThat(client.isAcceptingMessages()).isTrue();
  }

  @Test
  void withoutTheAcceptMessagesRouteTheClientSaysSoAndTheInboxIsUntouched() {
    Assumptions.assumeFalse(hasOptionalRoutes(), "the server has the accept-messages route");
    MessagesClient client = signedIn();
    List<Message> before = client.listMessages();

    assertThatThrownBy(client::isAcceptingMessages).isInstanceOfSatisfying(RouteUnavailableException.class,
        e -> assertThat(e.route()).isEqualTo("GET /api/accept-messages"));
    assertThatThrownBy(() -> client.setAcceptingMessages(false)).isInstanceOfSatisfying(
        RouteUnavailableException.class, e -> assertThat(e.route()).isEqualTo("POST /api/accept-messages"));

    assertThat(client.hasSession()).isTrue();
    assertThat(client.listMessages()).containsExactlyElementsOf(before);
  }

  @Test
  void aNeverListedWellFormedIdIsNotFoundAndNothingIsSent() {
    MessagesClient client = signedIn();
    int before = client.listMessages().size();
    exchanges.clear();

    assertThatThrownBy(() -> client.deleteMessage("0123456789abcdef01234567")).isInstanceOf(NotFoundException.class);

    assertThat(exchanges).extracting(Exchange::url).noneMatch(url -> url.contains("delete-message"));
    assertThat(client.listMessages()).hasSize(before);
  }

  /** A session cookie for ada, from NextAuth's flow done by hand. */
  String sessionCookie(MessagesClient client) {
    return RawSession.signIn(baseUrl(), EMAIL, PASSWORD);
  }
}
