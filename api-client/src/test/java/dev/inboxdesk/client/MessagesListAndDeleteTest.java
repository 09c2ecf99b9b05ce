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
    assertThat(request.getHeaders().get("Cookie")).isEqualTo("next-auth.session-token=session");
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

    MessageDeletion deletion = client.deleteMessage(ID_2);

    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("PATCH");
    assertThat(request.getTarget()).isEqualTo("/api/delete-message?messageId=" + ID_2);
    assertThat(request.getBodySize()).isZero();
    assertThat(request.getHeaders().get("Cookie")).isEqualTo("next-auth.session-token=session");
    assertThat(deletion.outcome()).isEqualTo(DeleteOutcome.DELETED);
    assertThat(deletion.messageId()).isEqualTo(ID_2);
  }

  @Test
  void theInboxAfterDeleteKeepsStorageOrderAndDropsPasswordAndEmail() {
    server.enqueue(json(201, Bodies.deleteAnswer(ID_1, ID_3)));

    MessageDeletion deletion = client.deleteMessage(ID_2);

    assertThat(deletion.remainingIds()).containsExactly(ID_1, ID_3);
    assertThat(deletion.toString()).doesNotContain(Bodies.PASSWORD_HASH).doesNotContain(Bodies.ACCOUNT_EMAIL);
  }

  @Test
  void aWellFormedUnknownIdStillAnswers201AndCountsAsGone() {
    server.enqueue(json(201, Bodies.deleteAnswer(ID_1, ID_3)));

    assertThat(client.deleteMessage("aaaaaaaaaaaaaaaaaaaaaaaa").outcome()).isEqualTo(DeleteOutcome.DELETED);
  }

  @Test
  void aCutOffAnswerToADeleteStillMeansDeletedAndOnlyTheRemainingIdsCannotBeRead() {
    // 201 is the server saying it pulled the message; a garbled body does not undo that.
    String whole = Bodies.deleteAnswer(ID_1, ID_3);
    server.enqueue(json(201, whole.substring(0, whole.length() / 2)));

    MessageDeletion deletion = client.deleteMessage(ID_2);

    assertThat(deletion.outcome()).isEqualTo(DeleteOutcome.DELETED);
    assertThatThrownBy(deletion::remainingIds).isInstanceOf(UnexpectedResponseException.class);
  }

  @Test
  void anHtmlPageWithStatus201IsNotTakenForADelete() {
    server.enqueue(new MockResponse.Builder().code(201).addHeader("Content-Type", "text/html")
        .body("<html><body>Welcome to the hotel wifi</body></html>").build());

    assertThatThrownBy(() -> client.deleteMessage(ID_2)).isInstanceOfSatisfying(UnexpectedResponseException.class,
        e -> assertThat(e.kind()).isEqualTo(Kind.NOT_JSON));
  }

  @Test
  void anIdThatOnlyAppearsInAMessageTextIsNoContradiction() {
    server.enqueue(json(201, Bodies.deleteAnswer(ID_1, ID_3).replace("\"content\":\"",
        "\"content\":\"see \\\"" + ID_2 + "\\\" ")));

    assertThat(client.deleteMessage(ID_2).outcome()).isEqualTo(DeleteOutcome.DELETED);
  }

  @Test
  void aSuccessThatStillListsTheMessageIsContradictory() {
    server.enqueue(json(201, Bodies.deleteAnswer(ID_1, ID_2)));

    assertThatThrownBy(() -> client.deleteMessage(ID_2)).isInstanceOfSatisfying(UnexpectedResponseException.class,
        e -> assertThat(e.kind()).isEqualTo(Kind.CONTRADICTORY));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "123", "665f1c2e9b1e8a3d4c5b6a7", "665f1c2e9b1e8a3d4c5b6a7g", "665f1c2e9b1e8a3d4c5b6a711",
      "../delete-message?x=1", "665f1c2e9b1e8a3d4c5b6a7&"})
  void aMalformedIdIsRefusedBeforeSending(String id) {
    assertThatThrownBy(() -> client.deleteMessage(id)).isInstanceOfSatisfying(InvalidRequestException.class, e -> {
      assertThat(e.refusedByClient()).isTrue();
      assertThat(e.code()).isEqualTo(InvalidRequestException.INVALID_MESSAGE_ID);
    });
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aNullIdIsRefusedBeforeSending() {
    assertThatThrownBy(() -> client.deleteMessage(null)).isInstanceOf(InvalidRequestException.class);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void a405ForPatchFallsBackToDeleteOnceAndRemembersIt() throws Exception {
    server.enqueue(new MockResponse.Builder().code(405).build());
    server.enqueue(json(201, Bodies.deleteAnswer(ID_3)));
    server.enqueue(json(201, Bodies.deleteAnswer()));

    client.deleteMessage(ID_1);
    client.deleteMessage(ID_3);

    assertThat(server.takeRequest().getMethod()).isEqualTo("PATCH");
    assertThat(server.takeRequest().getMethod()).isEqualTo("DELETE");
    assertThat(server.takeRequest().getMethod()).isEqualTo("DELETE");
    assertThat(client.deleteMethod()).isEqualTo("DELETE");
  }

  @Test
  void a405ForBothMethodsIsAnInvalidRequestAfterOneFallback() {
    server.enqueue(new MockResponse.Builder().code(405).build());
    server.enqueue(new MockResponse.Builder().code(405).build());

    assertThatThrownBy(() -> client.deleteMessage(ID_1)).isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("HTTP 405");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void deleteWithoutSessionIsAnAuthenticationError() {
    server.enqueue(json(401, "{\"success\":false,\"message\":\"Not Authenticated\"}"));

    assertThatThrownBy(() -> client.deleteMessage(ID_1)).isInstanceOf(AuthenticationException.class);
  }

  @Test
  void deleteMissingParameterIsNotFound() {
    server.enqueue(json(404, "{\"success\":false,\"message\":\"messageId not found\"}"));

    assertThatThrownBy(() -> client.deleteMessage(ID_1)).isInstanceOfSatisfying(NotFoundException.class,
        e -> assertThat(e.serverMessage()).isEqualTo("messageId not found"));
  }

  @Test
  void deleteForAMissingUserIsNotFound() {
    server.enqueue(json(404, "{\"success\":false,\"message\":\"User not found\"}"));

    assertThatThrownBy(() -> client.deleteMessage(ID_1)).isInstanceOfSatisfying(NotFoundException.class,
        e -> assertThat(e.serverMessage()).isEqualTo("User not found"));
  }

  @Test
  void deleteFailureIsAServerError() {
    server.enqueue(json(500, "{\"success\":false,\"message\":\"Error while deleting message\"}"));

    assertThatThrownBy(() -> client.deleteMessage(ID_1)).isInstanceOf(ServerErrorException.class)
        .hasMessageContaining("Error while deleting message");
  }

  @Test
  void aCrashOutsideTheHandlerIsAServerErrorEvenWithAnEmptyBody() {
    server.enqueue(new MockResponse.Builder().code(500).build());

    assertThatThrownBy(() -> client.deleteMessage(ID_1)).isInstanceOf(ServerErrorException.class);
  }

  @Test
  void aConnectionDroppedAfterTheServerActedIsRetriedAndReconciled() throws Exception {
    server.enqueue(new MockResponse.Builder().code(201).body(Bodies.deleteAnswer(ID_3))
        .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
    server.enqueue(json(201, Bodies.deleteAnswer(ID_3)));

    MessageDeletion deletion = client.deleteMessage(ID_1);

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
    assertThat(client.deleteMessageAsync(ID_1).join().remainingIds()).isEmpty();
  }
}
