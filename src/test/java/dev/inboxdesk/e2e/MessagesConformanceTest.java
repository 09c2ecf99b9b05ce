package dev.inboxdesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inboxdesk.client.AuthenticationException;
import dev.inboxdesk.client.ConnectionFailureException;
import dev.inboxdesk.client.DeleteOutcome;
import dev.inboxdesk.client.DeleteResult;
import dev.inboxdesk.client.Exchange;
import dev.inboxdesk.client.InvalidRequestException;
import dev.inboxdesk.client.Message;
import dev.inboxdesk.client.MessagesClient;
import dev.inboxdesk.client.NotFoundException;
import dev.inboxdesk.client.RouteUnavailableException;
import dev.inboxdesk.client.ServerErrorException;
import dev.inboxdesk.client.UnconfirmedException;
import dev.inboxdesk.client.UnexpectedResponseException;
import dev.inboxdesk.e2e.peers.Fault;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;


/**
 * The messages client, every call and every typed error, against a {@link Backend}: the contract
 * suite ({@link MessagesContractTest}) plus what the framework does when things go wrong, played
 * with faults before or after the handler acted. The same tests run on the Next.js peer and on the
 * sandbox.
 */
abstract class MessagesConformanceTest extends MessagesContractTest {
  static final String DELETE_ROUTE = "PATCH /api/delete-message";
  static final String LIST_ROUTE = "GET /api/get-messages";

  abstract Backend backend();

  @BeforeEach
  void freshBackend() {
    backend().reset();
  }

  @Override
  String baseUrl() {
    return backend().messagesUrl();
  }

  @Override
  MessagesClient client() {
    MessagesClient client = MessagesClient.create(backend().config(baseUrl()).exchangeListener(exchanges::add)
        .build());
    clients.add(client);
    return client;
  }

  MessagesClient withoutRetries() {
    MessagesClient client = MessagesClient.create(backend().config(baseUrl()).exchangeListener(exchanges::add)
        .maxConnectionRetries(0).build());
    clients.add(client);
    client.signIn(EMAIL, PASSWORD);
    return client;
  }

  /** The inbox as the server holds it, read by a client of its own. */
  List<String> serverInbox() {
    MessagesClient reader = MessagesClient.create(backend().config(baseUrl()).build());
    clients.add(reader);
    reader.signIn(EMAIL, PASSWORD);
    return reader.listMessages().stream().map(Message::id).toList();
  }

  void fault(Fault fault) {
    backend().fault(baseUrl(), fault);
  }

  List<String> deleteMethods() {
    return exchanges.stream().filter(e -> e.url().contains("/api/delete-message")).map(Exchange::method).toList();
  }

  @Test
  void deletingAListedMessageAndSeveralAtOnceReportsEachAndSendsNothingForAnIdNeverInTheInbox() {
    MessagesClient client = signedIn();
    List<String> inbox = serverInbox();
    String never = "0123456789abcdef01234567";

    assertThat(client.deleteListedMessage(inbox.get(0)).outcome()).isEqualTo(DeleteOutcome.DELETED);
    exchanges.clear();
    List<DeleteResult> seen = new ArrayList<>();
    List<DeleteResult> results = client.deleteMessages(List.of(inbox.get(1), never, inbox.get(2)), seen::add);

    assertThat(results).containsExactlyElementsOf(seen);
    assertThat(results).extracting(DeleteResult::id).containsExactly(inbox.get(1), never, inbox.get(2));
    assertThat(results.get(0).outcome()).isEqualTo(DeleteOutcome.DELETED);
    assertThat(results.get(1).error()).isInstanceOf(NotFoundException.class);
    assertThat(results.get(2).outcome()).isEqualTo(DeleteOutcome.DELETED);
    assertThat(exchanges).extracting(Exchange::url).filteredOn(u -> u.contains("delete-message")).hasSize(2)
        .noneMatch(u -> u.contains(never));
    assertThat(serverInbox()).doesNotContain(inbox.get(0), inbox.get(1), inbox.get(2))
        .hasSize(inbox.size() - 3);
  }

  @Test
  void aMalformedIdIsRefusedBeforeSending() {
    MessagesClient client = signedIn();
    exchanges.clear();

    assertThatThrownBy(() -> client.deleteMessage("not-an-id")).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> client.deleteListedMessage("zzzzzzzzzzzzzzzzzzzzzzzz"))
        .isInstanceOf(InvalidRequestException.class);

    assertThat(exchanges).extracting(Exchange::url).noneMatch(u -> u.contains("delete-message"));
  }

  @Test
  void deletingWithoutASessionIsNotAuthenticatedAndNothingChanges() {
    List<String> inbox = serverInbox();

    assertThatThrownBy(() -> client().deleteListedMessage(inbox.get(0)))
        .isInstanceOf(AuthenticationException.class);

    assertThat(serverInbox()).isEqualTo(inbox);
  }

  @Test
  void aSuccessReplacedByAnHtmlPageAfterActingIsCheckedByListingAndEndsDeleted() {
    MessagesClient client = signedIn();
    String id = serverInbox().get(2);
    fault(Fault.after(DELETE_ROUTE).html(201));
    exchanges.clear();

    assertThat(client.deleteMessage(id).outcome()).isEqualTo(DeleteOutcome.DELETED);

    assertThat(exchanges).extracting(Exchange::url).filteredOn(u -> u.contains("get-messages")).hasSize(2);
    assertThat(serverInbox()).doesNotContain(id);
  }

  @Test
  void aSuccessCutOffAfterActingEndsDeleted() {
    MessagesClient client = signedIn();
    String id = serverInbox().get(2);
    fault(Fault.after(DELETE_ROUTE).cutoff());

    assertThat(client.deleteMessage(id).outcome()).isEqualTo(DeleteOutcome.DELETED);

    assertThat(serverInbox()).doesNotContain(id);
  }

  @Test
  void aSuccessReplacedByAnHtmlPageBeforeActingIsAnUnexpectedResponseAndTheMessageStays() {
    MessagesClient client = signedIn();
    String id = serverInbox().get(2);
    fault(Fault.before(DELETE_ROUTE).html(200));

    assertThatThrownBy(() -> client.deleteMessage(id)).isInstanceOfSatisfying(UnexpectedResponseException.class,
        e -> assertThat(e.getMessage()).contains(id, "still in the inbox"));

    assertThat(serverInbox()).contains(id);
  }

  @ParameterizedTest(name = "after acting: {0}")
  @ValueSource(booleans = {true, false})
  void anUnreadableSuccessWhoseCheckFailsTooIsUnconfirmed(boolean afterActing) {
    String id = serverInbox().get(2);
    AtomicBoolean listed = new AtomicBoolean();
    MessagesClient client = MessagesClient.create(backend().config(baseUrl()).exchangeListener(exchange -> {
      exchanges.add(exchange);
      // the listing before the delete is clean; the one checking it fails
      if (exchange.url().contains("get-messages") && !listed.getAndSet(true)) {
        fault(Fault.before(LIST_ROUTE).status(500).times(3));
      }
    }).build());
    clients.add(client);
    client.signIn(EMAIL, PASSWORD);
    fault(afterActing ? Fault.after(DELETE_ROUTE).html(201) : Fault.before(DELETE_ROUTE).html(200));

    assertThatThrownBy(() -> client.deleteMessage(id)).isInstanceOfSatisfying(UnconfirmedException.class, e -> {
      assertThat(e.mayHaveReachedServer()).isTrue();
      assertThat(e.getCause()).isInstanceOf(ServerErrorException.class);
    });

    backend().clearFaults(baseUrl());
    // unconfirmed is the truth either way: the server did or did not act, and the client cannot tell
    assertThat(serverInbox().contains(id)).isEqualTo(!afterActing);
  }

  @Test
  void aPatchRefusedWith405GetsDeleteOnceWhichTheFrameworkRefusesTooAndTheNextDeleteIsPatchAgain() {
    MessagesClient client = signedIn();
    List<String> inbox = serverInbox();
    fault(Fault.before(DELETE_ROUTE).status(405));

    assertThatThrownBy(() -> client.deleteMessage(inbox.get(0))).isInstanceOf(RouteUnavailableException.class);
    assertThat(deleteMethods()).containsExactly("PATCH", "DELETE");
    assertThat(exchanges).filteredOn(e -> e.method().equals("DELETE")).singleElement()
        .satisfies(e -> assertThat(e.status()).isEqualTo(405));
    assertThat(client.deleteMethod()).isEqualTo("PATCH");
    assertThat(serverInbox()).contains(inbox.get(0));

    assertThat(client.deleteMessage(inbox.get(0)).outcome()).isEqualTo(DeleteOutcome.DELETED);
    assertThat(deleteMethods()).containsExactly("PATCH", "DELETE", "PATCH");
  }

  @Test
  void aServerErrorBeforeActingIsAServerErrorAndTheMessageStays() {
    MessagesClient client = signedIn();
    String id = serverInbox().get(1);
    fault(Fault.before(DELETE_ROUTE).status(500));

    assertThatThrownBy(() -> client.deleteMessage(id)).isInstanceOfSatisfying(ServerErrorException.class,
        e -> assertThat(e.status()).isEqualTo(500));

    assertThat(serverInbox()).contains(id);
  }

  @ParameterizedTest(name = "after acting: {0}")
  @ValueSource(booleans = {false, true})
  void aDroppedConnectionIsRetriedAndTheDeleteEndsDeleted(boolean afterActing) {
    MessagesClient client = signedIn();
    String id = serverInbox().get(1);
    fault(afterActing ? Fault.after(DELETE_ROUTE).drop() : Fault.before(DELETE_ROUTE).drop());

    assertThat(client.deleteMessage(id).outcome()).isEqualTo(DeleteOutcome.DELETED);

    assertThat(serverInbox()).doesNotContain(id);
  }

  @ParameterizedTest(name = "after acting: {0}")
  @ValueSource(booleans = {false, true})
  void aDroppedConnectionWithoutRetriesIsAConnectionFailure(boolean afterActing) {
    MessagesClient client = withoutRetries();
    String id = serverInbox().get(1);
    fault(afterActing ? Fault.after(DELETE_ROUTE).drop() : Fault.before(DELETE_ROUTE).drop());

    assertThatThrownBy(() -> client.deleteMessage(id)).isInstanceOf(ConnectionFailureException.class);

    assertThat(serverInbox().contains(id)).isEqualTo(!afterActing);
  }

  @Test
  void sendingAMessageAddsItToTheInboxNewestFirst() {
    MessagesClient client = signedIn();
    int before = client.listMessages().size();

    client().sendMessage("ada", "conformance says hi");

    List<Message> after = client.listMessages();
    assertThat(after).hasSize(before + 1);
    assertThat(after.get(0).content()).isEqualTo("conformance says hi");
    assertThatThrownBy(() -> client().sendMessage("nobody-here", "hi")).isInstanceOf(NotFoundException.class);
  }
}
