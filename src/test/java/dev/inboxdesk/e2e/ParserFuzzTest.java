package dev.inboxdesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.sun.net.httpserver.HttpServer;
import dev.inboxdesk.client.ApiException;
import dev.inboxdesk.client.ClientConfig;
import dev.inboxdesk.client.FakeTime;
import dev.inboxdesk.client.MessagesClient;
import dev.inboxdesk.client.NotificationsClient;
import dev.inboxdesk.client.ReadFilter;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Parser fuzzing: thousands of seeded, mutated answers to every call both clients make. Whatever
 * comes back, the client returns normally or throws one of its typed errors; nothing hangs, and no
 * secret from a body shows up in an error message. The seed and count are printed for a rerun.
 */
class ParserFuzzTest {
  private static final long SEED = Long.getLong("fuzz.seed", 20261122L);
  private static final int ROUNDS = Integer.getInteger("fuzz.rounds", 2500);
  private static final String HASH = "$2a$10$fuzzfuzzfuzzfuzzfuzzfuzzfuzzfuzzfuzzfuzzfuzzfuzzfuzz";
  private static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJmdXp6In0.fuzz-signature";
  private static final String[] STATUSES = {"200", "200", "200", "201", "400", "401", "404", "405", "409", "429",
      "500", "502", "503", "302", "204"};
  private static final String[] TYPES = {"application/json", "application/json; charset=utf-8", "text/html",
      "text/plain", "", "application/problem+json"};

  /** A valid answer per call, the starting point of every mutation. */
  private static final Map<String, String> VALID = new LinkedHashMap<>();

  static {
    String message = "{\"_id\":\"665f1c2e9b1e8a3d4c5b6a71\",\"content\":\"hi\",\"createdAt\":\"2026-05-12T10:00:00.000Z\"}";
    VALID.put("messages.list", "{\"success\":true,\"messages\":[" + message + "," + message.replace("71", "72") + "]}");
    VALID.put("messages.delete", "{\"success\":true,\"message\":\"Message Deleted Successfully\",\"data\":{\"_id\":\"u\","
        + "\"email\":\"ada@example.com\",\"password\":\"" + HASH + "\",\"messages\":[" + message + "],\"__v\":2}}");
    VALID.put("messages.session", "{\"user\":{\"_id\":\"u\",\"email\":\"ada@example.com\",\"username\":\"ada\","
        + "\"isVerified\":true,\"isAcceptingMessages\":true},\"expires\":\"2026-06-11T10:00:00.000Z\"}");
    VALID.put("messages.accepting", "{\"success\":true,\"isAcceptingMessages\":false}");
    String item = "{\"id\":\"3f2b8c1e-0d4a-4e7b-9c61-5a8f2e9d0b17\",\"eventKey\":\"mention\",\"title\":\"t\",\"body\":\"b\","
        + "\"data\":{\"k\":[1,{\"x\":null}]},\"read\":false,\"readAt\":null,\"createdAt\":\"2026-05-12T10:00:00.000Z\"}";
    VALID.put("notifications.page", "{\"success\":true,\"data\":{\"items\":[" + item + "],\"page\":1,\"limit\":50,"
        + "\"total\":1}}");
    VALID.put("notifications.delete", "{\"success\":true}");
    VALID.put("notifications.count", "{\"success\":true,\"data\":{\"count\":5}}");
    VALID.put("notifications.login", "{\"success\":true,\"data\":{\"accessToken\":\"" + TOKEN + "\",\"expiresIn\":900}}");
    VALID.put("error", "{\"success\":false,\"error\":{\"code\":\"X\",\"message\":\"m\",\"i18nKey\":\"k\",\"i18nVars\":"
        + "{\"a\":1},\"details\":[{\"message\":\"d\"},\"plain\"],\"correlationId\":\"c\"}}");
    VALID.put("nest", "{\"statusCode\":400,\"message\":[\"a\",\"b\"],\"error\":\"Bad Request\"}");
  }

  /** One answer the server will give. */
  private record Answer(int status, String contentType, Map<String, String> headers, byte[] body) {
  }

  private final AtomicReference<Answer> next = new AtomicReference<>();
  private HttpServer server;
  private String base;

  @BeforeEach
  void startServer() throws Exception {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/", exchange -> {
      exchange.getRequestBody().readAllBytes();
      Answer answer = next.get();
      answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
      if (!answer.contentType().isEmpty()) {
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
      }
      exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(answer.body());
      }
    });
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  @Test
  @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void mutatedAnswersOnlyEverEndInTheTypedErrorFamily() {
    Random random = new Random(SEED);
    FakeTime time = new FakeTime();
    ClientConfig.Builder config = ClientConfig.builder(base).clock(time).sleeper(time).maxRateLimitRetries(1)
        .maxConnectionRetries(0).readTimeout(Duration.ofSeconds(5)).maxResponseBytes(256 * 1024);
    List<String> escaped = new ArrayList<>();
    Map<String, Integer> outcomes = new LinkedHashMap<>();
    try (MessagesClient messages = MessagesClient.create(config.build());
        NotificationsClient notifications = NotificationsClient.create(
            ClientConfig.builder(base + "/api/v1").clock(time).sleeper(time).maxRateLimitRetries(1)
                .maxConnectionRetries(0).readTimeout(Duration.ofSeconds(5)).maxResponseBytes(256 * 1024).build())) {
      messages.useSessionToken("session");
      notifications.useAccessToken(TOKEN);
      Map<String, Consumer<Void>> calls = calls(messages, notifications);
      List<String> names = new ArrayList<>(calls.keySet());
      long started = System.nanoTime();
      for (int round = 0; round < ROUNDS; round++) {
        String call = names.get(random.nextInt(names.size()));
        next.set(mutate(random, call));
        String outcome;
        try {
          calls.get(call).accept(null);
          outcome = "ok";
        } catch (ApiException expected) {
          outcome = expected.getClass().getSimpleName();
          String text = expected.getMessage() + " " + expected.serverMessage();
          if (text.contains(HASH) || text.contains(TOKEN)) {
            escaped.add("round " + round + ": a secret in " + outcome);
          }
        } catch (RuntimeException | Error other) {
          outcome = "ESCAPED " + other;
          if (escaped.size() < 3 || escaped.stream().noneMatch(e -> e.contains(other.getClass().getName()))) {
            java.io.StringWriter trace = new java.io.StringWriter();
            other.printStackTrace(new java.io.PrintWriter(trace));
            System.out.println("ESCAPE round " + round + " (" + call + "):\n" + trace.toString().lines().limit(8)
                .collect(java.util.stream.Collectors.joining("\n")));
          }
          escaped.add("round " + round + " (" + call + "): " + other);
        }
        outcomes.merge(outcome.startsWith("ESCAPED") ? "escaped" : outcome, 1, Integer::sum);
        if (notifications.isSignedIn() == false) {
          notifications.useAccessToken(TOKEN);
        }
        if (!messages.hasSession()) {
          messages.useSessionToken("session");
        }
      }
      long millis = (System.nanoTime() - started) / 1_000_000;
      System.out.println("fuzz seed=" + SEED + " rounds=" + ROUNDS + " in " + millis + " ms: " + outcomes);
    }
    assertThat(escaped).as("seed " + SEED).isEmpty();
    assertThat(outcomes).containsKeys("ok", "UnexpectedResponseException", "ServerErrorException");
  }

  /** Every call the fuzzer covers, by the name of its valid answer. */
  private static Map<String, Consumer<Void>> calls(MessagesClient messages, NotificationsClient notifications) {
    Map<String, Consumer<Void>> calls = new LinkedHashMap<>();
    calls.put("messages.list", v -> messages.listMessages());
    calls.put("messages.delete", v -> messages.deleteMessage("665f1c2e9b1e8a3d4c5b6a71"));
    calls.put("messages.session", v -> messages.session());
    calls.put("messages.accepting", v -> messages.isAcceptingMessages());
    calls.put("notifications.page", v -> notifications.listPage(ReadFilter.ALL, 1, 50));
    calls.put("notifications.delete", v -> notifications.deleteNotification("3f2b8c1e-0d4a-4e7b-9c61-5a8f2e9d0b17"));
    calls.put("notifications.count", v -> notifications.unreadCount());
    calls.put("notifications.login", v -> notifications.login("ada@example.com", "pw"));
    return calls;
  }

  /**
   * Bodies that trip the parser's own limits (Jackson's {@link StreamReadConstraints}, as on the
   * classpath): nesting one deeper than allowed, a number one digit longer, a field name one
   * character longer. Each sits in a 2xx answer to every call, at the top of the body and inside
   * its first nested object, where a reader that skips unknown fields meets it too. Strings have a
   * limit as well (20,000,000 characters by default), but the client's own answer-size cap stops a
   * body long before that, as the mutated run above shows.
   */
  @Test
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void answersBeyondTheParsersLimitsEndInTheTypedErrorFamily() {
    StreamReadConstraints limits = StreamReadConstraints.defaults();
    int depth = limits.getMaxNestingDepth() + 1;
    Map<String, String> cases = new LinkedHashMap<>();
    cases.put("nesting " + depth, "[".repeat(depth) + "]".repeat(depth));
    cases.put("number of " + (limits.getMaxNumberLength() + 1) + " digits", "1".repeat(limits.getMaxNumberLength() + 1));
    cases.put("name of " + (limits.getMaxNameLength() + 1) + " chars",
        "{\"" + "n".repeat(limits.getMaxNameLength() + 1) + "\":1}");
    FakeTime time = new FakeTime();
    List<String> escaped = new ArrayList<>();
    Map<String, Integer> outcomes = new LinkedHashMap<>();
    int rounds = 0;
    long started = System.nanoTime();
    try (MessagesClient messages = MessagesClient.create(ClientConfig.builder(base).clock(time).sleeper(time)
            .maxRateLimitRetries(1).maxConnectionRetries(0).readTimeout(Duration.ofSeconds(5))
            .maxResponseBytes(256 * 1024).build());
        NotificationsClient notifications = NotificationsClient.create(
            ClientConfig.builder(base + "/api/v1").clock(time).sleeper(time).maxRateLimitRetries(1)
                .maxConnectionRetries(0).readTimeout(Duration.ofSeconds(5)).maxResponseBytes(256 * 1024).build())) {
      Map<String, Consumer<Void>> calls = calls(messages, notifications);
      // The delete's own answer, not only the listing before it (which fails first on these bodies).
      calls.put("messages.delete listed", v -> messages.deleteListedMessage("665f1c2e9b1e8a3d4c5b6a71"));
      for (Map.Entry<String, Consumer<Void>> call : calls.entrySet()) {
        String valid = VALID.get(call.getKey().replace(" listed", ""));
        for (Map.Entry<String, String> limit : cases.entrySet()) {
          String field = "\"over\":" + limit.getValue() + ",";
          int inner = valid.indexOf('{', 1);
          List<String> bodies = new ArrayList<>(List.of("{" + field + valid.substring(1)));
          if (inner > 0) {
            bodies.add(valid.substring(0, inner + 1) + field + valid.substring(inner + 1));
          }
          for (String body : bodies) {
            for (int status : new int[] {200, 201}) {
              messages.useSessionToken("session");
              notifications.useAccessToken(TOKEN);
              next.set(new Answer(status, "application/json", Map.of(), body.getBytes(StandardCharsets.UTF_8)));
              rounds++;
              String outcome;
              try {
                call.getValue().accept(null);
                outcome = "ok";
              } catch (ApiException expected) {
                outcome = expected.getClass().getSimpleName();
              } catch (RuntimeException | Error other) {
                outcome = "escaped";
                escaped.add(call.getKey() + " with " + limit.getKey() + " (HTTP " + status + "): " + other);
              }
              outcomes.merge(outcome, 1, Integer::sum);
            }
          }
        }
      }
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    System.out.println("parser limits " + cases.keySet() + ": " + rounds + " answers in " + millis + " ms: "
        + outcomes);
    assertThat(escaped).isEmpty();
    assertThat(outcomes).containsKey("UnexpectedResponseException");
  }

  private static Answer mutate(Random random, String call) {
    String body = random.nextInt(6) == 0 ? VALID.get(random.nextBoolean() ? "error" : "nest") : VALID.get(call);
    int status = Integer.parseInt(STATUSES[random.nextInt(STATUSES.length)]);
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    switch (random.nextInt(11)) {
      case 0 -> bytes = java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
      case 1 -> {
        for (int i = 0; i < 1 + random.nextInt(6); i++) {
          bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
        }
      }
      case 2 -> bytes = body.replaceFirst("\"[a-zA-Z_]+\"(?=:)", "\"" + randomWord(random) + "\"")
          .getBytes(StandardCharsets.UTF_8);
      case 3 -> bytes = body.replaceAll("(?<=:)(true|false|\\d+)", random.nextBoolean() ? "\"x\"" : "null")
          .getBytes(StandardCharsets.UTF_8);
      case 4 -> bytes = body.replaceAll("(?<=:)\"[^\"]*\"", random.nextBoolean() ? "{}" : "[1,2]")
          .getBytes(StandardCharsets.UTF_8);
      case 5 -> bytes = ("[".repeat(2000 + random.nextInt(3000)) + "]".repeat(random.nextInt(10)))
          .getBytes(StandardCharsets.UTF_8);
      case 6 -> bytes = "<!DOCTYPE html><html><body><h1>Bad gateway</h1></body></html>".getBytes(StandardCharsets.UTF_8);
      case 7 -> bytes = new byte[0];
      case 8 -> bytes = body.replace("}", "," + "\"pad\":\"" + "x".repeat(random.nextInt(400_000)) + "\"}")
          .getBytes(StandardCharsets.UTF_8);
      case 9 -> bytes = body.replaceAll("\\d+", "99999999999999999999999").getBytes(StandardCharsets.UTF_8);
      default -> {
        // left as it is: valid JSON under a random status and headers
      }
    }
    Map<String, String> headers = new LinkedHashMap<>();
    if (random.nextInt(3) == 0) {
      String[] garbage = {"soon", "-5", "9999999999", "Wed, 21 Oct 2015 07:28:00 GMT", "1.5", ""};
      headers.put(random.nextBoolean() ? "Retry-After" : "X-RateLimit-Reset", garbage[random.nextInt(garbage.length)]);
      headers.put("X-RateLimit-Remaining", garbage[random.nextInt(garbage.length)]);
    }
    if (status == 302) {
      headers.put("Location", "https://elsewhere.example/");
    }
    return new Answer(status == 204 ? 204 : status, TYPES[random.nextInt(TYPES.length)], headers,
        status == 204 ? new byte[0] : bytes);
  }

  private static String randomWord(Random random) {
    String[] words = {"messages", "items", "data", "success", "error", "_id", "id", "csrfToken", "url", "count"};
    return words[random.nextInt(words.length)];
  }
}
