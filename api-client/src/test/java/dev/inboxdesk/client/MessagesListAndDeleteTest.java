package dev.inboxdesk.client;

import static dev.inboxdesk.client.Bodies.ID_1;
import static dev.inboxdesk.client.Bodies.ID_2;
import static dev.inboxdesk.client.Bodies.ID_3;
import static dev.inboxdesk.client.Bodies.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inboxdesk.client.UnexpectedResponseException.Kind;
import java.time.Instant;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessagesListAndDeleteTest extends LoopbackServerTest {
  MessagesClient client;

  @BeforeEach
  void setUp() {
    client = messages();
    client.useSessionToken("session");
  }


  @Test
  void listsTheWholeInboxNewestFirstAsSent() throws Exception {
    server.enqueue(json(200, Bodies.messageList(ID_3, ID_2, ID_1)));

    var messages = client.listMessages();

    assertThat(messages).extracting(Message::id).containsExactly(ID_3, ID_2, ID_1);
    assertThat(messages.get(0).createdAt()).isEqualTo(Instant.parse("2026-05-12T10:00:00Z"));
    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod() + " " + request.getTarget()).isEqualTo("GET /api/get-messages");
    // A pasted token goes out under both names: which one a server reads is its own configuration.
    assertThat(request.getHeaders().get("Cookie"))
        .isEqualTo("__Secure-next-auth.session-token=session; next-auth.session-token=session");
    assertThat(request.getHeaders().get("Authorization")).isNull();
  }

  @Test
  void anEmptyInboxIsAnEmptyList() {
    server.enqueue(json(200, "{\"success\":true,\"messages\":[]}"));

    assertThat(client.listMessages()).isEmpty();
  }

  @Test
  void unknownFieldsAreIgnoredAndAMissingTimeIsNull() {
    server.enqueue(json(200, "{\"success\":true,\"extra\":{\"a\":[1,2]},\"messages\":[{\"_id\":\"" + ID_1
        + "\",\"content\":\"hi\",\"flag\":true}]}"));

    Message message = client.listMessages().get(0);

    assertThat(message.content()).isEqualTo("hi");
    assertThat(message.createdAt()).isNull();
  }

  @Test
  void listingWithoutSessionIsAnAuthenticationError() {
    server.enqueue(json(401, "{\"success\":false,\"message\":\"Not Authenticated\"}"));

    assertThatThrownBy(client::listMessages).isInstanceOfSatisfying(AuthenticationException.class, e -> {
      assertThat(e.reason()).isEqualTo(AuthenticationException.Reason.NOT_AUTHENTICATED);
      assertThat(e.serverMessage()).isEqualTo("Not Authenticated");
      assertThat(e.requiresSignIn()).isTrue();
    });
  }

  @Test
  void listingFailureIsAServerErrorWithTheServersText() {
    server.enqueue(json(500, "{\"success\":false,\"message\":\"An unexpected error occurred while fetching messages\"}"));

    assertThatThrownBy(client::listMessages).isInstanceOf(ServerErrorException.class)
        .hasMessageContaining("HTTP 500").hasMessageContaining("An unexpected error occurred while fetching messages");
  }

  @Test
  void aListWithoutMessagesIsTheWrongShape() {
    server.enqueue(json(200, "{\"success\":true}"));

    assertThatThrownBy(client::listMessages).isInstanceOfSatisfying(UnexpectedResponseException.class,
        e -> assertThat(e.kind()).isEqualTo(Kind.WRONG_SHAPE));
  }

  @Test
  void deleteSendsPatchWithTheIdInTheQueryAndNoBody() throws Exception {
    server.enqueue(json(201, Bodies.deleteAnswer(ID_1, ID_3)));

    MessageDeletion deletion = client.deleteListedMessage(ID_2);

    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("PATCH");
    assertThat(request.getTarget()).isEqualTo("/api/delete-message?messageId=" + ID_2);
    assertThat(request.getBodySize()).isZero();
    // A pasted token goes out under both names: which one a server reads is its own configuration.
    assertThat(request.getHeaders().get("Cookie"))
        .isEqualTo("__Secure-next-auth.session-token=session; next-auth.session-token=session");
    assertThat(deletion.outcome()).isEqualTo(DeleteOutcome.DELETED);
    assertThat(deletion.messageId()).isEqualTo(ID_2);
  }

  @Test
  void theInboxAfterDeleteKeepsStorageOrderAndDropsPasswordAndEmail() {
    server.enqueue(json(201, Bodies.deleteAnswer(ID_1, ID_3)));

    MessageDeletion deletion = client.deleteListedMessage(ID_2);

    assertThat(deletion.remainingIds()).containsExactly(ID_1, ID_3);
    assertThat(deletion.toString()).doesNotContain(Bodies.PASSWORD_HASH).doesNotContain(Bodies.ACCOUNT_EMAIL);
  }

  @Test
  void anIdNotInTheInboxIsNotFoundAndNoDeleteIsSent() throws Exception {
    // The server would answer 201 for any well-formed id: only the inbox before says it was not there.
    server.enqueue(json(200, Bodies.messageList(ID_3, ID_1)));

    assertThatThrownBy(() -> client.deleteMessage(ID_2)).isInstanceOf(NotFoundException.class)
        .hasMessageContaining("not in the inbox");
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(server.takeRequest().getTarget()).isEqualTo("/api/get-messages");
  }

  @Test
  void deleteMessageListsFirstThenDeletes() throws Exception {
    server.enqueue(json(200, Bodies.messageList(ID_3, ID_2, ID_1)));
    server.enqueue(json(201, Bodies.deleteAnswer(ID_1, ID_3)));

    assertThat(client.deleteMessage(ID_2).outcome()).isEqualTo(DeleteOutcome.DELETED);
    assertThat(server.takeRequest().getTarget()).isEqualTo("/api/get-messages");
    assertThat(server.takeRequest().getMethod()).isEqualTo("PATCH");
  }

  @Test
  void aBatchListsOnceAndReportsEveryIdWhateverHappensToEach() {
    server.enqueue(json(200, Bodies.messageList(ID_3, ID_1)));
    server.enqueue(json(201, Bodies.deleteAnswer(ID_3)));
    server.enqueue(json(500, "{\"success\":false,\"message\":\"Error while deleting message\"}"));
    java.util.List<DeleteResult> told = new java.util.ArrayList<>();

    var results = client.deleteMessages(java.util.List.of("bad", ID_1, ID_2, ID_3), told::add);

    assertThat(results).extracting(DeleteResult::id).containsExactly("bad", ID_1, ID_2, ID_3);
    assertThat(results.get(0).error()).isInstanceOf(InvalidRequestException.class);
    assertThat(results.get(1).outcome()).isEqualTo(DeleteOutcome.DELETED);
    assertThat(results.get(2).error()).isInstanceOf(NotFoundException.class);
    assertThat(results.get(3).error()).isInstanceOf(ServerErrorException.class);
    assertThat(told).isEqualTo(results);
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void aCutOffSuccessIsCheckedByListingAndCountsOnlyWhenTheMessageIsGone() {
    String whole = Bodies.deleteAnswer(ID_1, ID_3);
    server.enqueue(json(201, whole.substring(0, whole.length() / 2)));
    server.enqueue(json(200, Bodies.messageList(ID_3, ID_1)));

    assertThat(client.deleteListedMessage(ID_2).outcome()).isEqualTo(DeleteOutcome.DELETED);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aCutOffSuccessWhileTheMessageIsStillListedIsAnUnexpectedResponse() {
    String whole = Bodies.deleteAnswer(ID_1, ID_3);
    server.enqueue(json(201, whole.substring(0, whole.length() - 3)));
    server.enqueue(json(200, Bodies.messageList(ID_3, ID_2, ID_1)));

    assertThatThrownBy(() -> client.deleteListedMessage(ID_2)).isInstanceOfSatisfying(
        UnexpectedResponseException.class, e -> {
          assertThat(e.kind()).isEqualTo(Kind.MALFORMED_JSON);
          assertThat(e.getMessage()).contains("still in the inbox");
        });
  }

  @Test
  void anUnreadableSuccessThatCannotBeCheckedIsUnconfirmed() {
    server.enqueue(json(201, "{\"success\":true,\"data\":{\"messages\":[{\"_id\""));
    server.enqueue(json(500, "{\"success\":false,\"message\":\"An unexpected error occurred while fetching messages\"}"));

    assertThatThrownBy(() -> client.deleteListedMessage(ID_2)).isInstanceOfSatisfying(UnconfirmedException.class,
        e -> {
          assertThat(e.mayHaveReachedServer()).isTrue();
          assertThat(e.getCause()).isInstanceOf(ServerErrorException.class);
        });
  }

  @Test
  void aSuccessOfTheWrongShapeProvesNothing() {
    server.enqueue(json(201, "{\"success\":true}"));
    server.enqueue(json(200, Bodies.messageList(ID_3, ID_2, ID_1)));

    assertThatThrownBy(() -> client.deleteListedMessage(ID_2)).isInstanceOfSatisfying(
        UnexpectedResponseException.class, e -> assertThat(e.kind()).isEqualTo(Kind.WRONG_SHAPE));
  }

  @Test
  void anHtmlPageWithStatus201IsNotTakenForADelete() {
    server.enqueue(new MockResponse.Builder().code(201).addHeader("Content-Type", "text/html")
        .body("<html><body>Welcome to the hotel wifi</body></html>").build());
    server.enqueue(json(200, Bodies.messageList(ID_3, ID_2, ID_1)));

    assertThatThrownBy(() -> client.deleteListedMessage(ID_2)).isInstanceOfSatisfying(UnexpectedResponseException.class,
        e -> assertThat(e.kind()).isEqualTo(Kind.NOT_JSON));
  }

  @Test
  void anIdThatOnlyAppearsInAMessageTextIsNoContradiction() {
    server.enqueue(json(201, Bodies.deleteAnswer(ID_1, ID_3).replace("\"content\":\"",
        "\"content\":\"see \\\"" + ID_2 + "\\\" ")));

    assertThat(client.deleteListedMessage(ID_2).outcome()).isEqualTo(DeleteOutcome.DELETED);
  }

  @Test
  void aSuccessThatStillListsTheMessageIsContradictory() {
    server.enqueue(json(201, Bodies.deleteAnswer(ID_1, ID_2)));

    assertThatThrownBy(() -> client.deleteListedMessage(ID_2)).isInstanceOfSatisfying(UnexpectedResponseException.class,
        e -> assertThat(e.kind()).isEqualTo(Kind.CONTRADICTORY));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "123", "665f1c2e9b1e8a3d4c5b6a7", "665f1c2e9b1e8a3d4c5b6a7g", "665f1c2e9b1e8a3d4c5b6a711",
      "../delete-message?x=1", "665f1c2e9b1e8a3d4c5b6a7&"})
  void aMalformedIdIsRefusedBeforeSending(String id) {
    assertThatThrownBy(() -> client.deleteListedMessage(id)).isInstanceOfSatisfying(InvalidRequestException.class, e -> {
      assertThat(e.refusedByClient()).isTrue();
      assertThat(e.code()).isEqualTo(InvalidRequestException.INVALID_MESSAGE_ID);
    });
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aNullIdIsRefusedBeforeSending() {
    assertThatThrownBy(() -> client.deleteListedMessage(null)).isInstanceOf(InvalidRequestException.class);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void a405ForPatchFallsBackToDeleteOnceAndRemembersIt() throws Exception {
    server.enqueue(new MockResponse.Builder().code(405).build());
    server.enqueue(json(201, Bodies.deleteAnswer(ID_3)));
    server.enqueue(json(201, Bodies.deleteAnswer()));

    client.deleteListedMessage(ID_1);
    client.deleteListedMessage(ID_3);

    assertThat(server.takeRequest().getMethod()).isEqualTo("PATCH");
    assertThat(server.takeRequest().getMethod()).isEqualTo("DELETE");
    assertThat(server.takeRequest().getMethod()).isEqualTo("DELETE");
    assertThat(client.deleteMethod()).isEqualTo("DELETE");
  }

  @Test
  void aServerThatLaterRefusesDeleteGetsPatchAgainAndKeepsIt() throws Exception {
    server.enqueue(new MockResponse.Builder().code(405).build());
    server.enqueue(json(201, Bodies.deleteAnswer(ID_2, ID_3)));
    client.deleteListedMessage(ID_1);
    assertThat(client.deleteMethod()).isEqualTo("DELETE");
    server.enqueue(new MockResponse.Builder().code(405).build());
    server.enqueue(json(201, Bodies.deleteAnswer(ID_3)));
    server.enqueue(json(201, Bodies.deleteAnswer()));

    client.deleteListedMessage(ID_2);
    client.deleteListedMessage(ID_3);

    assertThat(server.takeRequest().getMethod()).isEqualTo("PATCH");
    assertThat(server.takeRequest().getMethod()).isEqualTo("DELETE");
    assertThat(server.takeRequest().getMethod()).isEqualTo("DELETE");
    assertThat(server.takeRequest().getMethod()).isEqualTo("PATCH");
    assertThat(server.takeRequest().getMethod()).isEqualTo("PATCH");
    assertThat(client.deleteMethod()).isEqualTo("PATCH");
  }

  @Test
  void a405ForBothMethodsMeansTheAddressDoesNotServeTheRouteAfterOneFallback() {
    server.enqueue(new MockResponse.Builder().code(405).build());
    server.enqueue(new MockResponse.Builder().code(405).build());

    assertThatThrownBy(() -> client.deleteListedMessage(ID_1)).isInstanceOf(RouteUnavailableException.class)
        .hasMessageContaining("HTTP 405");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void deleteWithoutSessionIsAnAuthenticationError() {
    server.enqueue(json(401, "{\"success\":false,\"message\":\"Not Authenticated\"}"));

    assertThatThrownBy(() -> client.deleteListedMessage(ID_1)).isInstanceOf(AuthenticationException.class);
  }

  @Test
  void deleteMissingParameterIsNotFound() {
    server.enqueue(json(404, "{\"success\":false,\"message\":\"messageId not found\"}"));

    assertThatThrownBy(() -> client.deleteListedMessage(ID_1)).isInstanceOfSatisfying(NotFoundException.class,
        e -> assertThat(e.serverMessage()).isEqualTo("messageId not found"));
  }

  @Test
  void deleteForAMissingUserIsNotFound() {
    server.enqueue(json(404, "{\"success\":false,\"message\":\"User not found\"}"));

    assertThatThrownBy(() -> client.deleteListedMessage(ID_1)).isInstanceOfSatisfying(NotFoundException.class,
        e -> assertThat(e.serverMessage()).isEqualTo("User not found"));
  }

  @Test
  void deleteFailureIsAServerError() {
    server.enqueue(json(500, "{\"success\":false,\"message\":\"Error while deleting message\"}"));

    assertThatThrownBy(() -> client.deleteListedMessage(ID_1)).isInstanceOf(ServerErrorException.class)
        .hasMessageContaining("Error while deleting message");
  }

  @Test
  void aCrashOutsideTheHandlerIsAServerErrorEvenWithAnEmptyBody() {
    server.enqueue(new MockResponse.Builder().code(500).build());

    assertThatThrownBy(() -> client.deleteListedMessage(ID_1)).isInstanceOf(ServerErrorException.class);
  }

  @Test
  void aConnectionDroppedAfterTheServerActedIsRetriedAndReconciled() throws Exception {
    server.enqueue(new MockResponse.Builder().code(201).body(Bodies.deleteAnswer(ID_3))
        .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
    server.enqueue(json(201, Bodies.deleteAnswer(ID_3)));

    MessageDeletion deletion = client.deleteListedMessage(ID_1);

    assertThat(deletion.outcome()).isEqualTo(DeleteOutcome.DELETED);
    assertThat(deletion.remainingIds()).containsExactly(ID_3);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void acceptingMessagesIsReadFromItsOwnRoute() throws Exception {
    server.enqueue(json(200, "{\"success\":true,\"isAcceptingMessages\":true}"));

    assertThat(client.isAcceptingMessages()).isTrue();
    assertThat(server.takeRequest().getTarget()).isEqualTo("/api/accept-messages");
  }

  @Test
  void settingAcceptingMessagesSendsARealBoolean() throws Exception {
    server.enqueue(json(200, "{\"success\":true,\"message\":\"Message acceptance status updated successfully\"}"));

    client.setAcceptingMessages(false);

    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getBody().utf8()).isEqualTo("{\"acceptMessage\":false}");
    assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
  }

  @Test
  void aStringBooleanRejectionIsAnInvalidRequest() {
    server.enqueue(json(400, "{\"success\":false,\"message\":\"Invalid input: expected boolean, received string\"}"));

    assertThatThrownBy(() -> client.setAcceptingMessages(true)).isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("expected boolean");
  }

  @Test
  void theAsyncFormsDeliverTheSameResults() {
    server.enqueue(json(200, Bodies.messageList(ID_1)));
    server.enqueue(json(201, Bodies.deleteAnswer()));

    assertThat(client.listMessagesAsync().join()).hasSize(1);
    assertThat(client.deleteListedMessageAsync(ID_1).join().remainingIds()).isEmpty();
  }
}
