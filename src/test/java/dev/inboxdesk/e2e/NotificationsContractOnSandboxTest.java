package dev.inboxdesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.inboxdesk.client.ClientConfig;
import dev.inboxdesk.client.LoginResult;
import dev.inboxdesk.client.Notification;
import dev.inboxdesk.client.NotificationsClient;
import dev.inboxdesk.client.ReadFilter;
import dev.inboxdesk.sandbox.Deployment;
import dev.inboxdesk.sandbox.Sandbox;
import dev.inboxdesk.sandbox.SandboxOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The notifications contract on the sandbox, as the full deployment by default; the subclasses
 * serve the ways real deployments differ from it ({@link #deployment()}).
 */
class NotificationsContractOnSandboxTest extends NotificationsContractTest {
  static final int SIZE = 120;
  private static final ObjectMapper JSON = new ObjectMapper();

  Sandbox sandbox;

  /** The deployment variant to serve. */
  Deployment deployment() {
    return Deployment.STANDARD;
  }

  @BeforeEach
  void startSandbox() {
    sandbox = Sandbox.start(SandboxOptions.defaults().withSize(SIZE).withDeployment(deployment()));
  }

  @AfterEach
  void stopSandbox() {
    sandbox.close();
  }

  @Override
  String baseUrl() {
    return sandbox.notificationsUrl();
  }

  @Override
  boolean hasOptionalRoutes() {
    return !deployment().minimal();
  }

  @Override
  boolean envelope404() {
    return deployment().route404().equals("envelope");
  }

  @Override
  String otherUsersNotificationId() {
    try (NotificationsClient bob = NotificationsClient.create(ClientConfig.builder(baseUrl()).build())) {
      LoginResult login = bob.login("bob@example.com", "bob-demo");
      if (login instanceof LoginResult.TwoFactorRequired step) {
        bob.completeTwoFactor(step.tempToken(), "123456");
      }
      return bob.listPage(ReadFilter.ALL, 1, 1).items().get(0).id();
    }
  }

  /** Every notification of ada's as the server sends it, id to kind, read page by page over raw HTTP. */
  private Map<String, String> rawKinds() {
    String bearer = "Bearer " + accessToken();
    Map<String, String> kinds = new LinkedHashMap<>();
    for (int page = 1; page < 100; page++) {
      JsonNode items = json(Raw.get(baseUrl() + "/notifications?page=" + page + "&limit=50", "Authorization",
          bearer).body()).path("data").path("items");
      if (items.isEmpty()) {
        return kinds;
      }
      for (JsonNode item : items) {
        String kind = item.has("type") ? item.path("type").asText() : item.path("eventKey").asText();
        assertThat(kinds.put(item.path("id").asText(), kind)).as("the server sent an id twice").isNull();
      }
    }
    throw new AssertionError("the server never sent an empty page");
  }

  private static JsonNode json(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(body, e);
    }
  }

  @Test
  void aListingOfMoreThanAServerPageIsCompleteWithoutSkipOrDuplicate() {
    Map<String, String> server = rawKinds();
    assertThat(server).hasSize(SIZE);

    List<Notification> all = signedIn().listAll(ReadFilter.ALL);

    assertThat(all).extracting(Notification::id).doesNotHaveDuplicates()
        .containsExactlyElementsOf(new ArrayList<>(server.keySet()));
  }

  @Test
  void theKindIsReadFromTheFieldTheServerNamesIt() {
    Map<String, String> server = rawKinds();

    List<Notification> all = signedIn().listAll(ReadFilter.ALL);

    assertThat(all).hasSize(server.size())
        .allSatisfy(n -> assertThat(n.eventKey()).as(n.id()).isEqualTo(server.get(n.id())));
  }
}
