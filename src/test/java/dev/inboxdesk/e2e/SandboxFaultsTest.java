package dev.inboxdesk.e2e;

import dev.inboxdesk.client.FakeTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inboxdesk.client.AuthenticationException;
import dev.inboxdesk.client.ClientConfig;
import dev.inboxdesk.client.ConnectionFailureException;
import dev.inboxdesk.client.DeleteOutcome;
import dev.inboxdesk.client.MessagesClient;
import dev.inboxdesk.client.Notification;
import dev.inboxdesk.client.NotificationsClient;
import dev.inboxdesk.client.ReadFilter;
import dev.inboxdesk.client.ServerErrorException;
import dev.inboxdesk.client.UnexpectedResponseException;
import dev.inboxdesk.sandbox.FaultSettings;
import dev.inboxdesk.sandbox.Sandbox;
import dev.inboxdesk.sandbox.SandboxOptions;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Faults on demand, set through the control endpoint as the app's panel and scripts do. */
class SandboxFaultsTest {
  final FakeTime clock = new FakeTime();
  Sandbox sandbox;
  NotificationsClient client;
  List<Notification> notifications;

  @BeforeEach
  void start() {
    sandbox = Sandbox.start(SandboxOptions.defaults().withSize(30));
    client = NotificationsClient.create(ClientConfig.builder(sandbox.notificationsUrl()).clock(clock)
        .sleeper(clock).maxConnectionRetries(1).build());
    client.login("ada@example.com", "ada-demo");
    notifications = client.listAll(ReadFilter.ALL);
  }

  @AfterEach
  void stop() {
    client.close();
    sandbox.close();
  }

  private HttpResponse<String> setFaults(String json) {
    return Raw.send("PUT", sandbox.messagesUrl() + Sandbox.CONTROL + "/faults", json, "Content-Type",
        "application/json", Sandbox.TOKEN_HEADER, sandbox.controlToken());
  }

  @Test
  void theControlEndpointReadsAndChangesTheFaults() {
    HttpResponse<String> changed = setFaults("{\"latencyMs\":5,\"force429\":2}");

    assertThat(changed.statusCode()).isEqualTo(200);
    assertThat(sandbox.faults().settings().latencyMs()).isEqualTo(5);
    assertThat(Raw.get(sandbox.messagesUrl() + Sandbox.CONTROL + "/faults", Sandbox.TOKEN_HEADER,
        sandbox.controlToken()).body()).contains("\"force429\":2");
    assertThat(setFaults("{\"failRate\":2}").statusCode()).isEqualTo(400);
    assertThat(setFaults("{\"nonsense\":1}").statusCode()).isEqualTo(400);
    assertThat(Raw.get(sandbox.messagesUrl() + Sandbox.CONTROL + "/accounts", Sandbox.TOKEN_HEADER,
        sandbox.controlToken()).body()).contains("ada@example.com");
  }

  @Test
  void aForced429IsWaitedOutAndTheDeleteStillHappens() {
    setFaults("{\"force429\":1,\"retryAfterSeconds\":7}");

    assertThat(client.deleteNotification(notifications.get(0).id())).isEqualTo(DeleteOutcome.DELETED);
    assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void aConnectionDroppedAfterTheServerActedEndsAsAlreadyGone() {
    sandbox.faults().set(new FaultSettings(0, 0, 500, 1.0, true, 0, 0, 0, 0, 3, "notifications"));
    String id = notifications.get(0).id();

    assertThatThrownBy(() -> client.deleteNotification(id)).isInstanceOf(ConnectionFailureException.class);
    sandbox.faults().set(FaultSettings.NONE);

    assertThat(client.listAll(ReadFilter.ALL)).extracting(Notification::id).doesNotContain(id);
  }

  @Test
  void aDropAfterActingThenARetryThatFinds404EndsAsAlreadyGone() {
    setFaults("{\"dropRate\":1.0,\"dropAfterActing\":true}");
    // The client waits between the dropped attempt and its retry: heal the server in that gap.
    try (NotificationsClient healing = NotificationsClient.create(ClientConfig.builder(sandbox.notificationsUrl())
        .sleeper(wait -> sandbox.faults().set(FaultSettings.NONE)).build())) {
      healing.login("ada@example.com", "ada-demo");

      assertThat(healing.deleteNotification(notifications.get(0).id())).isEqualTo(DeleteOutcome.ALREADY_GONE);
    }
  }

  @Test
  void aDropBeforeActingLeavesTheItemInPlace() {
    setFaults("{\"dropRate\":1.0,\"dropAfterActing\":false}");
    String id = notifications.get(0).id();

    assertThatThrownBy(() -> client.deleteNotification(id)).isInstanceOfSatisfying(ConnectionFailureException.class,
        e -> assertThat(e.mayHaveReachedServer()).isTrue());
    setFaults("{\"dropRate\":0}");

    assertThat(client.listAll(ReadFilter.ALL)).extracting(Notification::id).contains(id);
  }

  @Test
  void aProxysHtml502IsAServerError() {
    setFaults("{\"htmlRate\":1.0}");

    assertThatThrownBy(() -> client.deleteNotification(notifications.get(0).id()))
        .isInstanceOfSatisfying(ServerErrorException.class, e -> assertThat(e.status()).isEqualTo(502));
  }

  @Test
  void aFailureRateWithAStatusAnswersThatStatusInTheEnvelope() {
    setFaults("{\"failRate\":1.0,\"failStatus\":503}");

    assertThatThrownBy(() -> client.deleteNotification(notifications.get(0).id()))
        .isInstanceOfSatisfying(ServerErrorException.class, e -> {
          assertThat(e.status()).isEqualTo(503);
          assertThat(e.correlationId()).isNotBlank();
        });
  }

  @Test
  void aMalformedBodyIsAnUnexpectedResponse() {
    setFaults("{\"malformedRate\":1.0}");

    assertThatThrownBy(() -> client.listPage(ReadFilter.ALL, 1, 10))
        .isInstanceOf(UnexpectedResponseException.class);
  }

  @Test
  void oneForced401IsRecoveredByARefresh() {
    setFaults("{\"force401\":1}");

    assertThat(client.listPage(ReadFilter.ALL, 1, 10).items()).hasSize(10);
  }

  @Test
  void a401ThatOutlivesTheRefreshIsReported() {
    setFaults("{\"force401\":2}");

    assertThatThrownBy(() -> client.listPage(ReadFilter.ALL, 1, 10)).isInstanceOf(AuthenticationException.class);
  }

  @Test
  void faultsScopedToOneServiceLeaveTheOtherAlone() {
    setFaults("{\"failRate\":1.0,\"scope\":\"notifications\"}");
    try (MessagesClient messages = MessagesClient.create(ClientConfig.builder(sandbox.messagesUrl()).build())) {
      messages.signIn("ada@example.com", "ada-demo");

      assertThat(messages.listMessages()).isNotEmpty();
    }
    assertThatThrownBy(() -> client.unreadCount()).isInstanceOf(ServerErrorException.class);
  }

  @Test
  void signingInStillWorksWhileTheDataRoutesFail() {
    setFaults("{\"failRate\":1.0}");

    try (NotificationsClient other = NotificationsClient.create(
        ClientConfig.builder(sandbox.notificationsUrl()).build())) {
      other.login("ada@example.com", "ada-demo");
      assertThat(other.isSignedIn()).isTrue();
    }
  }

  @Test
  void resetBringsFreshData() {
    client.deleteNotification(notifications.get(0).id());

    assertThat(Raw.send("POST", sandbox.messagesUrl() + Sandbox.CONTROL + "/reset", null, Sandbox.TOKEN_HEADER,
        sandbox.controlToken()).statusCode())
        .isEqualTo(200);

    assertThat(client.listAll(ReadFilter.ALL)).hasSize(30);
  }
}
