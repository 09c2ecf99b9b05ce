package dev.inboxdesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.inboxdesk.cli.Cli;
import dev.inboxdesk.cli.Terminal;
import dev.inboxdesk.client.Message;
import dev.inboxdesk.client.MessagesClient;
import dev.inboxdesk.client.Notification;
import dev.inboxdesk.client.NotificationsClient;
import dev.inboxdesk.client.ReadFilter;
import dev.inboxdesk.e2e.peers.Fault;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line against a {@link Backend}: every exit code a server can cause (and the ones it
 * cannot: usage, refused ids, nobody listening), with the {@code --json} and {@code --json-lines}
 * shapes scripts parse. The same tests run on the peers and on the sandbox.
 */
abstract class CommandLineConformanceTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String EMAIL = "ada@example.com";
  static final String PASSWORD = "ada-demo";
  /** Two a window of half a minute: a {@code Retry-After} well above a one-second {@code --max-wait}. */
  static final Backend.Variant THROTTLED = Backend.Variant.STANDARD.withThrottle(2, Duration.ofSeconds(30));

  /** The record of deletes of these runs, never the user's own. */
  @TempDir
  Path history;

  abstract Backend backend();

  record Run(int code, String out, String err) {
    JsonNode json() throws Exception {
      return JSON.readTree(out);
    }
  }

  @BeforeEach
  void freshBackend() {
    backend().reset();
  }

  Run run(Map<String, String> env, String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Map<String, String> withHistory = new HashMap<>(env);
    withHistory.put("INBOXDESK_HISTORY_DIR", history.toString());
    int code = Cli.run(args, new PrintWriter(out, true), new PrintWriter(err, true),
        Terminal.of(withHistory, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))));
    return new Run(code, out.toString(), err.toString());
  }

  /** {@code <service> <command> --server URL --email ada --password-stdin <rest>}, the password on stdin. */
  Run signedIn(String service, String url, String command, String... rest) {
    List<String> args = new ArrayList<>(List.of(service, command, "--server", url, "--email", EMAIL,
        "--password-stdin"));
    args.addAll(List.of(rest));
    return run(Map.of(), PASSWORD + "\n", args.toArray(String[]::new));
  }

  List<String> messageIds() {
    try (MessagesClient client = MessagesClient.create(backend().config(backend().messagesUrl()).build())) {
      client.signIn(EMAIL, PASSWORD);
      return client.listMessages().stream().map(Message::id).toList();
    }
  }

  List<String> notificationIds() {
    try (NotificationsClient client = NotificationsClient.create(backend().config(backend().notificationsUrl())
        .build())) {
      client.login(EMAIL, PASSWORD);
      return client.listAll(ReadFilter.ALL).stream().map(Notification::id).toList();
    }
  }

  @Test
  void listingExitsZeroWithTheItemsAsJson() throws Exception {
    Run messages = signedIn("messages", backend().messagesUrl(), "list", "--json");
    Run notifications = signedIn("notifications", backend().notificationsUrl(), "list", "--json", "--read", "true");

    assertThat(messages.code()).as(messages.err()).isZero();
    assertThat(messages.json().isArray()).isTrue();
    assertThat(messages.json()).hasSameSizeAs(messageIds()).allSatisfy(item -> {
      assertThat(item.get("id").asText()).matches("[0-9a-f]{24}");
      assertThat(item.has("createdAt")).isTrue();
    });
    assertThat(messages.out()).doesNotContain("$2", "password");
    assertThat(notifications.code()).as(notifications.err()).isZero();
    assertThat(notifications.json()).isNotEmpty().allSatisfy(item -> {
      assertThat(item.get("read").asBoolean()).isTrue();
      assertThat(item.has("id") && item.has("title")).isTrue();
    });
  }

  @Test
  void deletingReportsEachIdAsAJsonLineAndExitsWithTheFirstFailure() throws Exception {
    List<String> ids = messageIds();
    String never = "0123456789abcdef01234567";

    Run run = signedIn("messages", backend().messagesUrl(), "delete", "--json-lines", ids.get(0), never, ids.get(1));

    assertThat(run.code()).as(run.err()).isEqualTo(3);
    List<JsonNode> lines = new ArrayList<>();
    for (String line : run.out().lines().toList()) {
      lines.add(JSON.readTree(line));
    }
    assertThat(lines).extracting(l -> l.get("id").asText()).containsExactly(ids.get(0), never, ids.get(1));
    assertThat(lines).extracting(l -> l.get("outcome").asText()).containsExactly("deleted", "not-found", "deleted");
    assertThat(lines.get(1).get("error").get("type").asText()).isEqualTo("not-found");
    assertThat(messageIds()).doesNotContain(ids.get(0), ids.get(1)).hasSize(ids.size() - 2);
  }

  @Test
  void anotherUsersNotificationIsNotFoundExitThreeWithTheServersDetails() throws Exception {
    String bobs;
    try (NotificationsClient bob = NotificationsClient.create(backend().config(backend().notificationsUrl()).build())) {
      if (bob.login("bob@example.com", "bob-demo") instanceof dev.inboxdesk.client.LoginResult.TwoFactorRequired step) {
        bob.completeTwoFactor(step.tempToken(), "123456");
      }
      bobs = bob.listPage(ReadFilter.ALL, 1, 1).items().get(0).id();
    }

    Run run = signedIn("notifications", backend().notificationsUrl(), "delete", "--json", bobs);

    assertThat(run.code()).as(run.err()).isEqualTo(3);
    JsonNode error = run.json().get(0).get("error");
    assertThat(error.get("status").asInt()).isEqualTo(404);
    assertThat(error.get("type").asText()).isEqualTo("not-found");
    assertThat(run.json().get(0).get("outcome").asText()).isEqualTo("not-found");
  }

  @Test
  void noServerIsAUsageErrorExitTwo() {
    assertThat(run(Map.of(), "", "messages", "list").code()).isEqualTo(2);
    assertThat(run(Map.of(), "", "messages", "list", "--server", backend().messagesUrl()).code()).isEqualTo(2);
  }

  @Test
  void aWrongPasswordExitsFourOnBothServices() throws Exception {
    for (String[] service : List.of(new String[] {"messages", backend().messagesUrl()},
        new String[] {"notifications", backend().notificationsUrl()})) {
      Run run = run(Map.of(), "wrong\n", service[0], "list", "--server", service[1], "--email", EMAIL,
          "--password-stdin", "--json");
      assertThat(run.code()).as(service[0] + ": " + run.err()).isEqualTo(4);
      assertThat(run.json().get("error").get("type").asText()).isEqualTo("authentication");
    }
  }

  @Test
  void aRetryAfterBeyondMaxWaitExitsFiveAtOnceWithTheServersWait() throws Exception {
    String url = backend().notificationsUrl(THROTTLED);
    for (int i = 0; i < THROTTLED.throttleLimit() + 1; i++) {
      Raw.get(url + "/notifications?page=1&limit=1", "Authorization", "Bearer " + bearer(url));
    }
    long started = System.nanoTime();

    Run run = run(Map.of("INBOXDESK_TOKEN", bearer(url)), "", "notifications", "list", "--server", url, "--json",
        "--max-wait", "1");

    assertThat(run.code()).as(run.out() + run.err()).isEqualTo(5);
    JsonNode error = run.json().get("error");
    assertThat(error.get("type").asText()).isEqualTo("rate-limited");
    assertThat(error.get("retryAfterSeconds").asLong()).isGreaterThan(1).isLessThanOrEqualTo(60);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
  }

  private String bearer(String url) {
    HttpResponse<String> login = Raw.send("POST", url + "/auth/login",
        "{\"email\":\"" + EMAIL + "\",\"password\":\"" + PASSWORD + "\"}", "Content-Type", "application/json");
    java.util.regex.Matcher token = java.util.regex.Pattern.compile("\"accessToken\":\"([^\"]+)\"")
        .matcher(login.body());
    assertThat(token.find()).as(login.body()).isTrue();
    return token.group(1);
  }

  @Test
  void aMalformedIdExitsSixWithoutTouchingTheServer() throws Exception {
    Run run = signedIn("notifications", backend().notificationsUrl(), "delete", "--json", "not-a-uuid");

    assertThat(run.code()).isEqualTo(6);
    assertThat(run.json().get(0).get("error").get("type").asText()).isEqualTo("invalid-request");
  }

  @Test
  void aServerErrorExitsSeven() throws Exception {
    backend().fault(backend().messagesUrl(), Fault.before("GET /api/get-messages").status(500).times(0));
    backend().fault(backend().notificationsUrl(), Fault.before("GET /api/v1/notifications").status(500).times(0));

    Run messages = signedIn("messages", backend().messagesUrl(), "list", "--json");
    Run notifications = signedIn("notifications", backend().notificationsUrl(), "list", "--json");

    assertThat(messages.code()).as(messages.err()).isEqualTo(7);
    assertThat(messages.json().get("error").get("status").asInt()).isEqualTo(500);
    assertThat(notifications.code()).as(notifications.err()).isEqualTo(7);
  }

  @Test
  void nobodyListeningExitsEight() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }

    Run run = run(Map.of("INBOXDESK_TOKEN", "t"), "", "notifications", "list", "--server",
        "http://127.0.0.1:" + port + "/api/v1", "--json");

    assertThat(run.code()).as(run.err()).isEqualTo(8);
    assertThat(run.json().get("error").get("type").asText()).isEqualTo("connection-failure");
  }

  @Test
  void anHtmlPageForAListOrAnAddressThatIsNotTheApiExitsNine() throws Exception {
    backend().fault(backend().messagesUrl(), Fault.before("GET /api/get-messages").html(200).times(0));
    String id = notificationIds().get(0);
    String origin = backend().notificationsUrl().replace("/api/v1", "");

    Run html = signedIn("messages", backend().messagesUrl(), "list", "--json");
    Run wrongBase = signedIn("notifications", origin, "delete", "--json", id);

    assertThat(html.code()).as(html.err()).isEqualTo(9);
    assertThat(html.json().get("error").get("type").asText()).isEqualTo("unexpected-response");
    assertThat(wrongBase.code()).as(wrongBase.err()).isEqualTo(9);
    assertThat(wrongBase.err()).contains("does not serve");
    assertThat(notificationIds()).contains(id);
  }
}
