package dev.inboxdesk.client;

import static dev.inboxdesk.client.Bodies.ID_1;
import static dev.inboxdesk.client.Bodies.ID_2;
import static dev.inboxdesk.client.Bodies.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inboxdesk.client.UnexpectedResponseException.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import okio.BufferedSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The large answers (the message list, a message delete's whole user document, a notification
 * page) are parsed while they arrive, and end exactly as a body read whole and then parsed would.
 */
class StreamedAnswerTest extends LoopbackServerTest {

  private static String messages(int from, int to) {
    return IntStream.range(from, to).mapToObj(i -> Bodies.message(String.format("%024x", i), "message " + i,
        "2026-05-12T10:00:00.000Z")).collect(Collectors.joining(","));
  }

  @Test
  void theMessageListIsParsedWhileItArrives() {
    CountDownLatch firstHalfParsed = new CountDownLatch(1);
    boolean[] parsedBeforeTheRestWasSent = new boolean[1];
    String firstHalf = "{\"success\":true,\"messages\":[" + messages(0, 1_000) + ",";
    String secondHalf = messages(1_000, 2_000) + "]}";
    // The server sends half the inbox, then waits for the client to have parsed a message of it.
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .body(new MockResponseBody() {
          @Override
          public long getContentLength() {
            return firstHalf.length() + secondHalf.length();
          }

          @Override
          public void writeTo(BufferedSink sink) throws IOException {
            sink.writeUtf8(firstHalf).flush();
            try {
              parsedBeforeTheRestWasSent[0] = firstHalfParsed.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            sink.writeUtf8(secondHalf).flush();
          }
        }).build());
    MessagesClient client = messages();
    client.useSessionToken("session");

    List<String> ids = client.listMessages(message -> {
      if (message.content().equals("message 500")) {
        firstHalfParsed.countDown();
      }
      return message.id();
    });

    assertThat(ids).hasSize(2_000).startsWith(String.format("%024x", 0)).endsWith(String.format("%024x", 1_999));
    assertThat(parsedBeforeTheRestWasSent[0]).as("message 500 was parsed before the second half was sent").isTrue();
  }

  @Test
  void theLogShowsTheStartOfAStreamedAnswerAndTheWholeLength() {
    List<Exchange> exchanges = new CopyOnWriteArrayList<>();
    MessagesClient client = messages(config -> config.maxLoggedBodyChars(200).exchangeListener(exchanges::add));
    client.useSessionToken("session");
    String body = "{\"success\":true,\"messages\":[" + messages(0, 100) + "]}";
    server.enqueue(json(200, body));

    assertThat(client.listMessages()).hasSize(100);

    Exchange exchange = exchanges.get(0);
    assertThat(exchange.responseBytes()).isEqualTo(body.getBytes(StandardCharsets.UTF_8).length);
    assertThat(exchange.responseBody()).startsWith(body.substring(0, 150))
        .endsWith("… (" + exchange.responseBytes() + " bytes in all)");
  }

  @Test
  void aDeleteAnswerReadWhileItArrivesStillKeepsTheHashOutOfTheLog() throws Exception {
    List<Exchange> exchanges = new CopyOnWriteArrayList<>();
    MessagesClient client = messages(config -> config.exchangeListener(exchanges::add));
    client.useSessionToken("session");
    server.enqueue(json(200, Bodies.messageList(ID_1, ID_2)));
    server.enqueue(json(201, Bodies.deleteAnswer(ID_2)));

    assertThat(client.deleteMessage(ID_1).outcome()).isEqualTo(DeleteOutcome.DELETED);

    Exchange delete = exchanges.get(exchanges.size() - 1);
    assertThat(delete.responseBody()).contains("\"messages\"", "\"password\"").doesNotContain(Bodies.PASSWORD_HASH);
    assertThat(delete.responseBytes()).isEqualTo(Bodies.deleteAnswer(ID_2).length());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
      "application/json|''|EMPTY_BODY",
      "application/json|'   \n  '|EMPTY_BODY",
      "text/html|''|EMPTY_BODY",
      "application/json|'  <!DOCTYPE html><html><body>Sign in</body></html>'|NOT_JSON",
      "text/html|'{\"success\":true,\"messages\":[]}'|NOT_JSON",
      "text/html; charset=utf-8|'{\"success\":tr'|NOT_JSON",
      "application/json|'{\"success\":true,\"messages\":[{\"_id\":\"665f1c2e9b1e8a3d4c5b6a71\"}'|MALFORMED_JSON",
      "application/json|'{\"success\":true,\"messages\":[]} trailing'|MALFORMED_JSON",
      "application/json|'{\"success\":true,\"messages\":[]}{}'|MALFORMED_JSON",
      "application/json|'{\"success\":true,\"messages\":{}}'|WRONG_SHAPE",
      "application/json|'{\"success\":true,\"messages\":[{}]}'|WRONG_SHAPE",
      "application/json|'[]'|WRONG_SHAPE"})
  void aStreamedListEndsAsTheWholeBodyParsedWould(String contentType, String body, Kind kind) {
    MessagesClient client = messages();
    client.useSessionToken("session");
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", contentType).body(body).build());

    assertThatThrownBy(client::listMessages).isInstanceOfSatisfying(UnexpectedResponseException.class,
        e -> assertThat(e.kind()).isEqualTo(kind));
  }

  /** More white space first than the log keeps of a body: the whole body still decides. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "application/json|<html><body>Sign in</body></html>|NOT_JSON",
      "text/html|{\"success\":true,\"messages\":[]}|NOT_JSON",
      "application/json||EMPTY_BODY"})
  void leadingWhiteSpaceLongerThanTheLoggedStartChangesNothing(String contentType, String after, Kind kind) {
    MessagesClient client = messages(config -> config.maxLoggedBodyChars(100).exchangeListener(exchange -> { }));
    client.useSessionToken("session");
    String body = " \n".repeat(5_000) + (after == null ? "" : after);
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", contentType).body(body).build());

    assertThatThrownBy(client::listMessages).isInstanceOfSatisfying(UnexpectedResponseException.class,
        e -> assertThat(e.kind()).isEqualTo(kind));
  }

  @Test
  void aConnectionLostInTheListIsRetriedAndTheListIsWhole() {
    String body = "{\"success\":true,\"messages\":[" + messages(0, 3_000) + "]}";
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .body(body).throttleBody(64 * 1024, 1, TimeUnit.MILLISECONDS)
        .onResponseBody(mockwebserver3.SocketEffect.ShutdownConnection.INSTANCE).build());
    server.enqueue(json(200, body));
    MessagesClient client = messages();
    client.useSessionToken("session");

    List<Message> listed = client.listMessages();

    assertThat(listed).hasSize(3_000);
    assertThat(listed.get(2_999).id()).isEqualTo(String.format("%024x", 2_999));
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aMalformedAnswerIsReadToItsEndSoTheErrorNamesItsWholeLength() throws InterruptedException {
    MessagesClient client = messages();
    client.useSessionToken("session");
    String body = "{\"success\":true,\"messages\":[" + messages(0, 10) + "}, \"x\"" + " ".repeat(50_000) + "]}";
    server.enqueue(json(200, body));
    server.enqueue(json(200, Bodies.messageList(ID_1)));

    assertThatThrownBy(client::listMessages).isInstanceOfSatisfying(UnexpectedResponseException.class,
        e -> assertThat(e.getMessage()).contains("of " + body.length() + ")"));
    // The rest was read, so the same connection carries the next request.
    assertThat(client.listMessages()).hasSize(1);
    assertThat(server.takeRequest().getConnectionIndex()).isEqualTo(server.takeRequest().getConnectionIndex());
  }

  @Test
  void aStreamedNotificationPageThatIsAnHtmlPageIsNotJson() {
    NotificationsClient client = notifications();
    client.useAccessToken("t");
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html")
        .body("<html><body>Maintenance</body></html>").build());

    assertThatThrownBy(() -> client.listPage(ReadFilter.ALL, 1, 10)).isInstanceOfSatisfying(
        UnexpectedResponseException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NOT_JSON));
  }
}
