package dev.inboxdesk.client;

import static dev.inboxdesk.client.Bodies.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** "Edit and resend": the session fills in what the screen shows masked, and nothing goes elsewhere. */
class ResendTest extends LoopbackServerTest {

  @Test
  void aMaskedAuthorizationIsFilledInFromTheSessionAndTheEditsGoOutAsWritten() throws Exception {
    NotificationsClient client = notifications();
    client.useAccessToken("the-real-token");
    server.enqueue(json(200, "{\"success\":true,\"data\":{\"updated\":2}}"));

    Resent answer = client.resend(new ResendRequest("POST", server.url("/api/v1/notifications/read-all").toString(),
        List.of(new Exchange.Header("Authorization", "Bearer «redacted»"),
            new Exchange.Header("Content-Type", "application/json"), new Exchange.Header("X-Test", "edited"),
            new Exchange.Header("Cookie", "biore_refresh=typed-by-hand")), "{\"note\":1}"));

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).contains("\"updated\":2");
    RecordedRequest sent = server.takeRequest();
    assertThat(sent.getMethod()).isEqualTo("POST");
    assertThat(sent.getHeaders().get("Authorization")).isEqualTo("Bearer the-real-token");
    assertThat(sent.getHeaders().get("X-Test")).isEqualTo("edited");
    assertThat(sent.getHeaders().get("Cookie")).isNull();
    assertThat(sent.getHeaders().get("Content-Type")).startsWith("application/json");
    assertThat(sent.getBody().utf8()).isEqualTo("{\"note\":1}");
  }

  @Test
  void aRequestIsNeverSentAgainToAnotherServer() {
    NotificationsClient client = notifications();
    client.useAccessToken("the-real-token");

    assertThatThrownBy(() -> client.resend(new ResendRequest("GET", "http://127.0.0.2:9/api/v1/notifications",
        List.of(new Exchange.Header("Authorization", "Bearer «redacted»")), "")))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.refusedByClient()).isTrue());
    assertThat(server.getRequestCount()).isZero();
  }
}
