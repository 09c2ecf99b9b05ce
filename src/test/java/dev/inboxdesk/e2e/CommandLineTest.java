package dev.inboxdesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.inboxdesk.cli.Cli;
import dev.inboxdesk.cli.Terminal;
import dev.inboxdesk.client.ClientConfig;
import dev.inboxdesk.client.Notification;
import dev.inboxdesk.client.NotificationsClient;
import dev.inboxdesk.client.ReadFilter;
import dev.inboxdesk.sandbox.FaultSettings;
import dev.inboxdesk.sandbox.Sandbox;
import dev.inboxdesk.sandbox.SandboxOptions;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The command line against the sandbox: exit codes scripts can test, JSON they can parse, no secrets shown. */
class CommandLineTest {
  static final ObjectMapper JSON = new ObjectMapper();
  Sandbox sandbox;

  record Run(int code, String out, String err) {
    JsonNode json() throws Exception {
      return JSON.readTree(out);
    }
  }

  @BeforeEach
  void start() {
    sandbox = Sandbox.start(SandboxOptions.defaults().withSize(15));
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  /** The record of deletes of this test's runs, never the user's own. */
  @org.junit.jupiter.api.io.TempDir
  static java.nio.file.Path history;

  private static Run run(Map<String, String> env, String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Map<String, String> withHistory = new java.util.HashMap<>(env);
    withHistory.putIfAbsent("INBOXDESK_HISTORY_DIR", history.toString());
    int code = Cli.run(args, new PrintWriter(out, true), new PrintWriter(err, true),
        Terminal.of(withHistory, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))));
    return new Run(code, out.toString(), err.toString());
  }

  /** {@code notifications <command> --server … --email ada --password-stdin <rest>}, the password on stdin. */
  private Run notifications(String command, String... rest) {
    List<String> args = new java.util.ArrayList<>(List.of("notifications", command, "--server",
        sandbox.notificationsUrl(), "--email", "ada@example.com", "--password-stdin"));
    args.addAll(List.of(rest));
    return run(Map.of(), "ada-demo\n", args.toArray(String[]::new));
  }

  private List<String> notificationIds() {
    try (NotificationsClient client = NotificationsClient.create(ClientConfig.builder(sandbox.notificationsUrl())
        .build())) {
      client.login("ada@example.com", "ada-demo");
      return client.listAll(ReadFilter.ALL).stream().map(Notification::id).toList();
    }
  }

  @Test
  void listingMessagesWithAPasswordFromStandardInputPrintsATable() {
    Run run = run(Map.of(), "ada-demo\n", "messages", "list", "--server", sandbox.messagesUrl(), "--email",
        "ada@example.com", "--password-stdin");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out().lines().toList()).hasSize(16).first().asString().startsWith("ID").contains("CONTENT");
  }

  @Test
  void listingAsJsonPrintsTheItems() throws Exception {
    Run run = notifications("list", "--json", "--read", "false");

    assertThat(run.code()).isZero();
    JsonNode items = run.json();
    assertThat(items.isArray()).isTrue();
    assertThat(items).isNotEmpty().allSatisfy(item -> {
      assertThat(item.get("read").asBoolean()).isFalse();
      assertThat(item.has("id") && item.has("title") && item.has("createdAt")).isTrue();
    });
  }

  @Test
  void deletingPrintsOneOutcomePerIdAndExitsWithTheFirstFailure() throws Exception {
    List<String> ids = notificationIds();

    Run run = notifications("delete", "--json", ids.get(0), "12345678-1234-4234-8234-123456789012", ids.get(1));

    assertThat(run.code()).isEqualTo(3);
    JsonNode results = run.json();
    assertThat(results).hasSize(3);
    assertThat(results.get(0).get("outcome").asText()).isEqualTo("deleted");
    JsonNode missing = results.get(1);
    assertThat(missing.get("outcome").asText()).isEqualTo("not-found");
    assertThat(missing.get("error").get("type").asText()).isEqualTo("not-found");
    assertThat(missing.get("error").get("status").asInt()).isEqualTo(404);
    assertThat(missing.get("error").get("code").asText()).isEqualTo("NOT_FOUND");
    assertThat(missing.get("error").get("correlationId").asText()).isNotBlank();
    assertThat(results.get(2).get("outcome").asText()).isEqualTo("deleted");
    assertThat(notificationIds()).doesNotContain(ids.get(0), ids.get(1));
  }

  @Test
  void anIdRefusedBeforeSendingExitsSix() throws Exception {
    Run run = notifications("delete", "--json", "not-a-uuid");

    assertThat(run.code()).isEqualTo(6);
    assertThat(run.json().get(0).get("error").get("type").asText()).isEqualTo("invalid-request");
    assertThat(run.json().get(0).get("error").get("status").asInt()).isZero();
  }

  @Test
  void aWrongPasswordExitsFour() {
    Run run = run(Map.of(), "wrong\n", "notifications", "list", "--server", sandbox.notificationsUrl(), "--email",
        "ada@example.com", "--password-stdin");

    assertThat(run.code()).isEqualTo(4);
    assertThat(run.err()).contains("invalid credentials").doesNotContain("wrong\n");
  }

  @Test
  void aTokenFromTheEnvironmentIsUsedAndABadOneExitsFour() {
    Run bad = run(Map.of("INBOXDESK_TOKEN", "not.a.token"), "", "notifications", "list", "--server",
        sandbox.notificationsUrl());

    assertThat(bad.code()).isEqualTo(4);
  }

  @Test
  void aMessagesSessionTokenFromTheEnvironmentIsUsed() {
    String cookie = RawSession.signIn(sandbox.messagesUrl(), "ada@example.com", "ada-demo");

    Run run = run(Map.of("INBOXDESK_SESSION_TOKEN", cookie.substring(cookie.indexOf('=') + 1)), "", "messages",
        "list", "--server", sandbox.messagesUrl());

    assertThat(run.code()).as(run.err()).isZero();
  }

  @Test
  void aTwoFactorCodeIsTheSecondLineOfStandardInput() {
    Run run = run(Map.of(), "bob-demo\n123456\n", "notifications", "list", "--server", sandbox.notificationsUrl(),
        "--email", "bob@example.com", "--password-stdin");

    assertThat(run.code()).as(run.err()).isZero();
  }

  @Test
  void noWayToSignInIsAUsageError() {
    Run run = run(Map.of(), "", "messages", "list", "--server", sandbox.messagesUrl());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("INBOXDESK_SESSION_TOKEN");
  }

  @Test
  void aMissingServerIsAUsageError() {
    assertThat(run(Map.of(), "", "messages", "list").code()).isEqualTo(2);
  }

  @Test
  void aRateLimitThatOutlastsTheClientsWaitingExitsFive() {
    sandbox.faults().set(new FaultSettings(0, 0, 500, 0, false, 0, 0, 10, 0, 0, "notifications"));

    assertThat(notifications("list").code()).isEqualTo(5);
  }

  @Test
  void aServerErrorExitsSeven() {
    sandbox.faults().set(new FaultSettings(0, 1.0, 503, 0, false, 0, 0, 0, 0, 3, "notifications"));

    assertThat(notifications("list").code()).isEqualTo(7);
  }

  @Test
  void aServerThatIsNotThereExitsEight() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }

    Run run = run(Map.of("INBOXDESK_TOKEN", "t"), "", "notifications", "list", "--server",
        "http://127.0.0.1:" + port + "/api/v1");

    assertThat(run.code()).isEqualTo(8);
  }

  @Test
  void anAnswerThatMakesNoSenseExitsNine() {
    sandbox.faults().set(new FaultSettings(0, 0, 500, 0, false, 1.0, 0, 0, 0, 3, "notifications"));

    assertThat(notifications("list").code()).isEqualTo(9);
  }

  @Test
  void verboseShowsEveryExchangeWithSecretsMasked() {
    Run run = notifications("delete", "--verbose", notificationIds().get(0));

    assertThat(run.code()).isZero();
    assertThat(run.err()).contains("> POST " + sandbox.notificationsUrl() + "/auth/login",
        "> DELETE " + sandbox.notificationsUrl() + "/notifications/", "Authorization: Bearer «redacted»",
        "\"password\":\"«redacted»\"", "< 200 in", "rate limit");
    assertThat(run.err()).doesNotContain("ada-demo").doesNotContainPattern("Bearer eyJ")
        .doesNotContainPattern("biore_refresh=[A-Za-z0-9_-]{20}");
  }

  @Test
  void plainHttpToAnotherMachineIsRefusedUnlessAllowed() {
    Run run = run(Map.of("INBOXDESK_TOKEN", "t"), "", "notifications", "list", "--server",
        "http://staging.invalid/api/v1");

    assertThat(run.code()).isEqualTo(6);
    assertThat(run.err()).contains("plain http");
  }

  @Test
  void helpListsTheExitCodes() {
    Run run = run(Map.of(), "", "--help");

    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("messages", "notifications", "sandbox", "3   not found", "9   unexpected response",
        "INBOXDESK_TOKEN");
  }

  @Test
  void aMessageIdThatWasNeverInTheInboxIsNotFoundAndTheOthersAreStillReported() throws Exception {
    String real = messageIds().get(0);
    String never = "aaaaaaaaaaaaaaaaaaaaaaaa";

    Run run = run(Map.of(), "ada-demo\n", "messages", "delete", "--server", sandbox.messagesUrl(), "--email",
        "ada@example.com", "--password-stdin", "--json", never, "not-an-id", real);

    // The malformed id is refused before signing in, so it comes first and sets the exit code.
    assertThat(run.code()).as(run.err()).isEqualTo(6);
    JsonNode results = run.json();
    assertThat(results).hasSize(3);
    assertThat(results.get(0).get("id").asText()).isEqualTo("not-an-id");
    assertThat(results.get(0).get("error").get("type").asText()).isEqualTo("invalid-request");
    assertThat(results.get(1).get("outcome").asText()).isEqualTo("not-found");
    assertThat(results.get(2).get("outcome").asText()).isEqualTo("deleted");
    assertThat(messageIds()).doesNotContain(real);
  }

  @Test
  void anAddressThatDoesNotServeTheApiIsNotAnItemThatIsGone() throws Exception {
    String id = notificationIds().get(0);
    String origin = sandbox.notificationsUrl().replace("/api/v1", "");

    Run run = run(Map.of(), "ada-demo\n", "notifications", "delete", "--server", origin + "/api/v2", "--email",
        "ada@example.com", "--password-stdin", "--json", id);

    assertThat(run.code()).as(run.out() + run.err()).isEqualTo(9);
    assertThat(run.err()).contains("does not serve");
    assertThat(notificationIds()).contains(id);
  }

  @Test
  void aWaitLongerThanMaxWaitEndsTheRunAtOnceWithTheServersWait() throws Exception {
    String id = notificationIds().get(0);
    sandbox.faults().set(new FaultSettings(0, 0, 500, 0, false, 0, 0, 10, 0, 3600, "notifications"));
    long started = System.nanoTime();

    Run run = notifications("delete", "--json", "--max-wait", "60", id);

    assertThat(run.code()).as(run.err()).isEqualTo(5);
    assertThat(run.json().get(0).get("error").get("retryAfterSeconds").asLong()).isEqualTo(3600);
    assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(java.time.Duration.ofSeconds(20));
  }

  @Test
  void everyWaitIsSaidOnStandardError() {
    sandbox.faults().set(new FaultSettings(0, 0, 500, 0, false, 0, 0, 1, 0, 1, "notifications"));

    Run run = notifications("list");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.err()).contains("waiting 1 s: the server answered 429 Too Many Requests (GET /notifications)");
  }

  @Test
  void textWrittenByStrangersNeverDrivesTheTerminal() throws Exception {
    String hostile = "hi \u001b]8;;http://evil\u0007link\u001b]8;;\u0007 \u001b[2J \u009b31m \u202egnp.exe";
    HttpResponse<String> sent = Raw.send("POST", sandbox.messagesUrl() + "/api/send-message",
        JSON.createObjectNode().put("username", "ada").put("content", hostile).toString(),
        "Content-Type", "application/json");
    assertThat(sent.statusCode()).isEqualTo(201);

    for (String format : List.of("--verbose", "--json")) {
      Run run = run(Map.of(), "ada-demo\n", "messages", "list", "--server", sandbox.messagesUrl(), "--email",
          "ada@example.com", "--password-stdin", format);

      assertThat(run.code()).as(run.err()).isZero();
      for (String printed : List.of(run.out(), run.err())) {
        assertThat(printed).doesNotContain("\u001b", "\u0007", "\u009b", "\u202e");
      }
      assertThat(run.out()).containsIgnoringCase("\\u001b]8;;http://evil").containsIgnoringCase("\\u202egnp.exe");
    }
    JsonNode listed = run(Map.of(), "ada-demo\n", "messages", "list", "--server", sandbox.messagesUrl(), "--email",
        "ada@example.com", "--password-stdin", "--json").json();
    // The JSON still means the same text: its escapes are JSON's own.
    assertThat(listed.findValuesAsText("content")).contains(hostile);
  }

  @Test
  void idsComeFromAPipeAndEachResultIsALineAsItHappens() throws Exception {
    List<String> ids = notificationIds().subList(0, 3);
    String token = accessToken();

    Run run = run(Map.of("INBOXDESK_TOKEN", token), String.join("\n", ids) + "\n", "notifications", "delete",
        "--server", sandbox.notificationsUrl(), "--json-lines", "-");

    assertThat(run.code()).as(run.err()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines).hasSize(3);
    for (int i = 0; i < 3; i++) {
      JsonNode line = JSON.readTree(lines.get(i));
      assertThat(line.get("id").asText()).isEqualTo(ids.get(i));
      assertThat(line.get("outcome").asText()).isEqualTo("deleted");
    }
    assertThat(notificationIds()).doesNotContainAnyElementsOf(ids);
    assertThat(run.err()).contains("progress: 3 of 3 done");
  }

  @Test
  void idsAreCheckedTrimmedAndDeDuplicatedBeforeSigningIn() throws Exception {
    String id = notificationIds().get(0);

    Run run = run(Map.of("INBOXDESK_TOKEN", accessToken()), "", "notifications", "delete", "--server",
        sandbox.notificationsUrl(), "--json", "  " + id.toUpperCase(java.util.Locale.ROOT) + " ", id, "not a uuid");

    assertThat(run.code()).as(run.err()).isEqualTo(6);
    JsonNode results = run.json();
    assertThat(results).hasSize(2);
    assertThat(results.get(0).get("id").asText()).isEqualTo("not a uuid");
    assertThat(results.get(0).get("error").get("type").asText()).isEqualTo("invalid-request");
    assertThat(results.get(1).get("id").asText()).isEqualTo(id);
    assertThat(results.get(1).get("outcome").asText()).isEqualTo("deleted");
  }

  @Test
  void onlyMalformedIdsNeverTouchTheServer() {
    Run run = run(Map.of(), "", "notifications", "delete", "--server", "http://127.0.0.1:9/api/v1", "--email",
        "ada@example.com", "nope");

    assertThat(run.code()).as(run.err()).isEqualTo(6);
    assertThat(run.out()).contains("nope").contains("failed");
  }

  @Test
  void aDryRunSaysWhichIdsExistAndDeletesNothing() throws Exception {
    List<String> before = notificationIds();
    String missing = "3f2b8c1e-0d4a-4e7b-9c61-5a8f2e9d0b17";

    Run run = notifications("delete", "--dry-run", "--json", before.get(0), missing);

    assertThat(run.code()).as(run.err()).isEqualTo(3);
    assertThat(run.json().get(0).get("outcome").asText()).isEqualTo("exists");
    assertThat(run.json().get(1).get("outcome").asText()).isEqualTo("not-found");
    assertThat(notificationIds()).isEqualTo(before);
  }

  @Test
  void aFailedSignInIsJsonTooWhenJsonIsAsked() throws Exception {
    Run run = run(Map.of(), "wrong-password\n", "notifications", "list", "--server", sandbox.notificationsUrl(),
        "--email", "ada@example.com", "--password-stdin", "--json");

    assertThat(run.code()).isEqualTo(4);
    assertThat(run.json().get("exitCode").asInt()).isEqualTo(4);
    assertThat(run.json().get("error").get("type").asText()).isEqualTo("authentication");
  }

  @Test
  void typosAreUsageErrorsAndHelpWorksForEachCommand() {
    assertThat(run(Map.of(), "", "notification", "list").code()).isEqualTo(2);
    assertThat(run(Map.of(), "", "--json", "messages", "list").code()).isEqualTo(2);
    assertThat(Cli.wants(new String[] {"notification", "list"})).isTrue();
    assertThat(Cli.wants(new String[] {"--json", "messages", "list"})).isTrue();
    assertThat(Cli.wants(new String[] {"--smoke-test"})).isFalse();

    Run help = run(Map.of(), "", "help", "messages");
    assertThat(help.code()).isZero();
    assertThat(help.out()).contains("delete").contains("send");
  }

  @Test
  void aHarFileHoldsTheRunsExchangesMasked() throws Exception {
    java.nio.file.Path har = java.nio.file.Files.createTempFile("run", ".har");
    try {
      Run run = notifications("list", "--har", har.toString());

      assertThat(run.code()).as(run.err()).isZero();
      JsonNode log = JSON.readTree(har.toFile()).get("log");
      assertThat(log.get("version").asText()).isEqualTo("1.2");
      assertThat(log.get("entries").size()).isGreaterThanOrEqualTo(2);
      assertThat(java.nio.file.Files.readString(har)).doesNotContain("ada-demo");
    } finally {
      java.nio.file.Files.deleteIfExists(har);
    }
  }

  @Test
  void testMessagesAreSentWithoutSigningIn() {
    int before = messageIds().size();

    Run run = run(Map.of(), "", "messages", "send", "--server", sandbox.messagesUrl(), "--to", "ada", "--count", "2",
        "hello from QA", "second text");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out().lines().filter(line -> line.startsWith("sent")).count()).isEqualTo(4);
    assertThat(messageIds()).hasSize(before + 4);
    assertThat(run(Map.of(), "", "messages", "send", "--server", sandbox.messagesUrl(), "--to", "nobody-here",
        "x").code()).isEqualTo(3);
  }

  @Test
  void withThePasswordInHandALongRunSignsInAgainWhenItsSessionEnds() throws Exception {
    List<String> ids = messageIds().subList(0, 2);
    // The run's first reads of the inbox meet an ended session.
    sandbox.faults().set(new FaultSettings(0, 0, 500, 0, false, 0, 0, 0, 2, 3, "messages"));

    Run run = run(Map.of(), "ada-demo\n", "messages", "delete", "--server", sandbox.messagesUrl(), "--email",
        "ada@example.com", "--password-stdin", "--json", ids.get(0), ids.get(1));

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.err()).contains("signing in again");
    assertThat(run.json()).hasSize(2).allSatisfy(result -> assertThat(result.get("outcome").asText())
        .isEqualTo("deleted"));
    assertThat(messageIds()).doesNotContainAnyElementsOf(ids);
  }

  private String accessToken() {
    try (NotificationsClient client = NotificationsClient.create(ClientConfig.builder(sandbox.notificationsUrl())
        .build())) {
      client.login("ada@example.com", "ada-demo");
      // The token is in the Authorization header of the next request; read it from a recorded exchange.
      List<dev.inboxdesk.client.Exchange> seen = new java.util.ArrayList<>();
      try (NotificationsClient recording = NotificationsClient.create(ClientConfig.builder(sandbox.notificationsUrl())
          .captureUnmasked(true).exchangeListener(seen::add).build())) {
        recording.login("ada@example.com", "ada-demo");
        recording.listPage(ReadFilter.ALL, 1, 1);
        return seen.get(1).unmasked().requestHeaders().stream().filter(h -> h.name().equals("Authorization"))
            .findFirst().orElseThrow().value().substring("Bearer ".length());
      }
    }
  }

  @Test
  void everyDeleteIsInTheLocalRecordWithItsTextReadableByTheUserAlone(@org.junit.jupiter.api.io.TempDir
      java.nio.file.Path folder) throws Exception {
    Map<String, String> env = Map.of("INBOXDESK_HISTORY_DIR", folder.toString());
    String id = messageIds().get(0);
    String text;
    try (dev.inboxdesk.client.MessagesClient client = dev.inboxdesk.client.MessagesClient.create(
        ClientConfig.builder(sandbox.messagesUrl()).build())) {
      client.signIn("ada@example.com", "ada-demo");
      text = client.listMessages().get(0).content();
    }
    assertThat(run(env, "ada-demo\n", "messages", "delete", "--server", sandbox.messagesUrl(), "--email",
        "ada@example.com", "--password-stdin", id, "aaaaaaaaaaaaaaaaaaaaaaaa").code()).isEqualTo(3);

    Run listed = run(env, "", "history", "--json");

    assertThat(listed.code()).as(listed.err()).isZero();
    JsonNode records = listed.json();
    assertThat(records).hasSize(2);
    assertThat(records.get(0).get("id").asText()).isEqualTo(id);
    assertThat(records.get(0).get("outcome").asText()).isEqualTo("deleted");
    assertThat(records.get(0).get("text").asText()).isEqualTo(text);
    assertThat(records.get(0).get("account").asText()).isEqualTo("ada@example.com");
    assertThat(records.get(1).get("outcome").asText()).isEqualTo("not-found");
    java.nio.file.Path file = folder.resolve("deleted.jsonl");
    assertThat(java.nio.file.Files.readString(file)).doesNotContain("ada-demo", "$2a$");
    assertThat(java.nio.file.Files.getPosixFilePermissions(file))
        .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    assertThat(run(env, "", "history", "--search", text.split(" ")[0]).out()).contains(id);

    assertThat(run(env, "", "history", "forget", "--all").out()).contains("forgot 2 records");
    assertThat(run(env, "", "history", "--json").json()).isEmpty();
  }

  private List<String> messageIds() {
    try (dev.inboxdesk.client.MessagesClient client = dev.inboxdesk.client.MessagesClient.create(
        ClientConfig.builder(sandbox.messagesUrl()).build())) {
      client.signIn("ada@example.com", "ada-demo");
      return client.listMessages().stream().map(dev.inboxdesk.client.Message::id).toList();
    }
  }
}
