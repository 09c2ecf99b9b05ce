package dev.inboxdesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inboxdesk.client.ClientConfig;
import dev.inboxdesk.client.DeleteOutcome;
import dev.inboxdesk.client.Message;
import dev.inboxdesk.client.MessageDeletion;
import dev.inboxdesk.client.MessagesClient;
import dev.inboxdesk.client.ServerErrorException;
import dev.inboxdesk.client.UnconfirmedException;
import dev.inboxdesk.client.UnexpectedResponseException;
import dev.inboxdesk.sandbox.Deployment;
import dev.inboxdesk.sandbox.FaultSettings;
import dev.inboxdesk.sandbox.Sandbox;
import dev.inboxdesk.sandbox.SandboxOptions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The messages contract on the sandbox, as the full deployment by default; the subclasses serve
 * the ways real deployments differ from it ({@link #deployment()}). Also what a delete whose
 * success answer is unreadable ends as, checked against the inbox the server holds.
 */
class MessagesContractOnSandboxTest extends MessagesContractTest {
  Sandbox sandbox;

  /** The deployment variant to serve. */
  Deployment deployment() {
    return Deployment.STANDARD;
  }

  @BeforeEach
  void startSandbox() {
    sandbox = Sandbox.start(SandboxOptions.defaults().withSize(30).withDeployment(deployment()));
  }

  @AfterEach
  void stopSandbox() {
    sandbox.close();
  }

  @Override
  String baseUrl() {
    return sandbox.messagesUrl();
  }

  @Override
  boolean hasOptionalRoutes() {
    return !deployment().minimal();
  }

  @Test
  void signingInOverPlainHttpTakesTheCookieUnderTheNameTheServerSet() {
    MessagesClient client = client();

    assertThat(client.signIn(EMAIL, PASSWORD).username()).isEqualTo("ada");

    String expected = deployment().cookieScheme().equals("https")
        ? "__Secure-next-auth.session-token" : "next-auth.session-token";
    assertThat(client.sessionCookieName()).isEqualTo(expected);
    assertThat(RawSession.signIn(baseUrl(), EMAIL, PASSWORD)).startsWith(expected + "=");
    assertThat(client.sessionToken()).isPresent();
    assertThat(client.listMessages()).hasSize(30);
  }

  // --- a 201 whose body cannot be read ---

  /**
   * A client whose requests meet the faults in {@code script}, one setting per request in order
   * (the first applies from now on, each next one from the moment the previous answer has been
   * read); the last stays.
   */
  private MessagesClient scripted(FaultSettings... script) {
    Deque<FaultSettings> next = new ArrayDeque<>(List.of(script));
    sandbox.faults().set(next.removeFirst());
    MessagesClient client = MessagesClient.create(ClientConfig.builder(baseUrl()).exchangeListener(exchange -> {
      exchanges.add(exchange);
      if (!exchange.url().contains("/api/auth/") && !next.isEmpty()) {
        sandbox.faults().set(next.removeFirst());
      }
    }).build());
    clients.add(client);
    return client;
  }

  private static FaultSettings bodyFault(String kind, boolean afterActing) {
    double malformed = kind.equals("malformed") ? 1 : 0;
    double garbage = kind.equals("garbage") ? 1 : 0;
    return new FaultSettings(0, 0, 500, 0, false, malformed, 0, garbage, afterActing, 0, 0, 3, "messages");
  }

  private static final FaultSettings LISTING_FAILS =
      new FaultSettings(0, 1, 500, 0, false, 0, 0, 0, true, 0, 0, 3, "messages");

  /** The inbox as the server holds it, with no faults on. */
  private List<String> serverInbox() {
    sandbox.faults().set(FaultSettings.NONE);
    MessagesClient reader = signedIn();
    return reader.listMessages().stream().map(Message::id).toList();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"malformed", "garbage"})
  void anUnreadableSuccessAfterTheServerActedIsCheckedByListingAndEndsDeleted(String kind) {
    String id = serverInbox().get(3);
    // The listing first is clean; the delete's answer is cut off or replaced; the check is clean.
    MessagesClient faulty = scripted(FaultSettings.NONE, bodyFault(kind, true), FaultSettings.NONE);
    faulty.signIn(EMAIL, PASSWORD);

    MessageDeletion deletion = faulty.deleteMessage(id);

    assertThat(deletion.outcome()).isEqualTo(DeleteOutcome.DELETED);
    assertThat(deletion.remainingIds()).doesNotContain(id).hasSize(29);
    assertThat(exchanges).filteredOn(e -> e.url().contains("get-messages")).hasSizeGreaterThanOrEqualTo(2);
    assertThat(serverInbox()).doesNotContain(id).hasSize(29);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"malformed", "garbage"})
  void anUnreadableSuccessBeforeTheServerActedIsAnUnexpectedResponseAndTheMessageStays(String kind) {
    String id = serverInbox().get(3);
    MessagesClient faulty = scripted(FaultSettings.NONE, bodyFault(kind, false), FaultSettings.NONE);
    faulty.signIn(EMAIL, PASSWORD);

    assertThatThrownBy(() -> faulty.deleteMessage(id)).isInstanceOfSatisfying(UnexpectedResponseException.class,
        e -> assertThat(e.getMessage()).contains(id, "still in the inbox"));

    assertThat(serverInbox()).contains(id).hasSize(30);
  }

  @ParameterizedTest(name = "{0}, after acting: {1}")
  @org.junit.jupiter.params.provider.CsvSource({"malformed, true", "garbage, true", "malformed, false",
      "garbage, false"})
  void anUnreadableSuccessWhoseCheckFailsTooIsUnconfirmed(String kind, boolean afterActing) {
    String id = serverInbox().get(3);
    MessagesClient faulty = scripted(FaultSettings.NONE, bodyFault(kind, afterActing), LISTING_FAILS);
    faulty.signIn(EMAIL, PASSWORD);

    assertThatThrownBy(() -> faulty.deleteMessage(id)).isInstanceOfSatisfying(UnconfirmedException.class, e -> {
      assertThat(e.mayHaveReachedServer()).isTrue();
      assertThat(e.getMessage()).contains(id);
      assertThat(e.getCause()).isInstanceOf(ServerErrorException.class);
    });

    // Unconfirmed is the truth either way: the server did or did not act, and the client cannot tell.
    assertThat(serverInbox().contains(id)).isEqualTo(!afterActing);
  }
}
