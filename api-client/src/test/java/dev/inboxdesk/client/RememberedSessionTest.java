package dev.inboxdesk.client;

import static dev.inboxdesk.client.Bodies.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;

/** Handing a session to a keyring and back: what "Remember me" needs from the client. */
class RememberedSessionTest extends LoopbackServerTest {

  @Test
  void aMessagesSessionTokenComesOutAsItWentIn() {
    MessagesClient client = messages();
    assertThat(client.sessionToken()).isEmpty();

    client.useSessionToken("tok-123");

    assertThat(client.sessionToken()).contains("tok-123");
  }

  @Test
  void aSplitSessionTokenComesOutJoined() {
    MessagesClient client = messages();
    String big = "b".repeat(5000);

    client.useSessionToken(big);

    assertThat(client.sessionToken()).contains(big);
  }

  @Test
  void aRememberedRefreshTokenSignsInWithoutAPasswordAndEachRotationIsAnnounced() throws Exception {
    NotificationsClient client = notifications();
    List<String> seen = new ArrayList<>();
    client.onSessionChanged(() -> seen.add(client.refreshToken().orElse("none")));
    client.useRefreshToken("remembered-1");
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .addHeader("Set-Cookie", "biore_refresh=rotated-2; Path=/api/v1/auth; HttpOnly")
        .body(Bodies.login("access-x", 900)).build());
    server.enqueue(json(200, "{\"success\":true,\"data\":{\"count\":3}}"));

    client.refresh();

    assertThat(server.takeRequest().getHeaders().get("Cookie")).isEqualTo("biore_refresh=remembered-1");
    assertThat(client.unreadCount()).isEqualTo(3);
    assertThat(client.refreshToken()).contains("rotated-2");
    assertThat(seen).containsExactly("rotated-2");
  }

  @Test
  void loggingOutAnnouncesThatNothingIsHeldAnyMore() {
    NotificationsClient client = notifications();
    List<String> seen = new ArrayList<>();
    client.onSessionChanged(() -> seen.add(client.refreshToken().orElse("none")));
    client.useRefreshToken("r");
    server.enqueue(json(200, "{\"success\":true}"));

    client.logout();

    assertThat(seen).containsExactly("none");
    assertThat(client.refreshToken()).isEmpty();
  }
}
