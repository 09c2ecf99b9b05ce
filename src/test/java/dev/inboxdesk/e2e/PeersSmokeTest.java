package dev.inboxdesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.inboxdesk.e2e.peers.Fault;
import dev.inboxdesk.e2e.peers.PeerOptions;
import dev.inboxdesk.e2e.peers.PeerServer;
import dev.inboxdesk.e2e.peers.Peers;
import dev.inboxdesk.e2e.peers.TlsProxy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The conformance peers (real Next.js and NestJS servers under {@code src/test/peers}) answer as
 * CONTRACTS.md says the deployed services do, checked on the wire with the JDK's own HTTP client,
 * without the InboxDesk client in between; and their control endpoint resets and injects faults.
 */
class PeersSmokeTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String UNKNOWN_UUID = "00000000-0000-4000-8000-000000000000";

  /**
   * Plain HTTP/1.1 with a cookie jar and no redirects, like a non-browser client. HTTP/1.1
   * because the JDK client's default, HTTP/2, asks a plain-http server to upgrade ({@code h2c}),
   * and Next.js (its own {@code next start} too) answers that by closing the connection.
   */
  static final class Wire {
    final String base;
    final HttpClient client;
    final Map<String, String> cookies = new LinkedHashMap<>();
    final List<String> setCookies = new ArrayList<>();

    Wire(String base) {
      this(base, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
          .build());
    }

    Wire(String base, HttpClient client) {
      this.base = base;
      this.client = client;
    }

    static Wire trusting(String base, SSLContext tls) {
      return new Wire(base, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5)).sslContext(tls).build());
    }

    HttpResponse<String> send(String method, String path, String body, String... headers) {
      try {
        return sendOrThrow(method, path, body, headers);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    HttpResponse<String> sendOrThrow(String method, String path, String body, String... headers) throws IOException {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
      if (headers.length > 0) {
        request.headers(headers);
      }
      if (!cookies.isEmpty()) {
        request.header("Cookie", String.join("; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
            .toList()));
      }
      try {
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (String header : response.headers().allValues("Set-Cookie")) {
          setCookies.add(header);
          String[] pair = header.split(";")[0].split("=", 2);
          if (pair[1].isEmpty() || header.toLowerCase().contains("max-age=0")) {
            cookies.remove(pair[0]);
          } else {
            cookies.put(pair[0], pair[1]);
          }
        }
        return response;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    HttpResponse<String> get(String path, String... headers) {
      return send("GET", path, null, headers);
    }

    HttpResponse<String> postJson(String path, String json, String... headers) {
      String[] all = Stream.concat(Stream.of("Content-Type", "application/json"), Stream.of(headers))
          .toArray(String[]::new);
      return send("POST", path, json, all);
    }
  }

  static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError("not JSON (" + response.statusCode() + "): " + response.body(), e);
    }
  }

  static String form(String... pairs) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < pairs.length; i += 2) {
      out.append(i == 0 ? "" : "&").append(pairs[i]).append('=')
          .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
    }
    return out.toString();
  }

  /** NextAuth's credentials flow: csrf, then the callback with the csrf cookie; answers the callback. */
  static HttpResponse<String> signIn(Wire wire, String email, String password) {
    HttpResponse<String> csrf = wire.get("/api/auth/csrf");
    assertThat(csrf.statusCode()).isEqualTo(200);
    String token = json(csrf).get("csrfToken").asText();
    assertThat(token).matches("[0-9a-f]{64}");
    return wire.send("POST", "/api/auth/callback/credentials", form("email", email, "password", password,
        "csrfToken", token, "callbackUrl", wire.base + "/dashboard", "json", "true"),
        "Content-Type", "application/x-www-form-urlencoded");
  }

  static List<String> ids(JsonNode array, String field) {
    List<String> ids = new ArrayList<>();
    array.forEach(item -> ids.add(item.get(field).asText()));
    return ids;
  }

  static List<String> createdAt(JsonNode array) {
    return ids(array, "createdAt");
  }

  @Nested
  class Messages {
    final PeerServer peer = Peers.messages();
    Wire wire;

    @BeforeEach
    void fresh() {
      peer.reset();
      wire = new Wire(peer.baseUrl());
    }

    @Test
    void signsInThroughNextAuthListsNewestFirstAndDeletesWithPatch() {
      HttpResponse<String> callback = signIn(wire, Peers.ADA, Peers.ADA_PASSWORD);
      assertThat(callback.statusCode()).isEqualTo(200);
      assertThat(json(callback).get("url").asText()).isEqualTo(peer.baseUrl() + "/dashboard");
      assertThat(wire.cookies).containsKeys("next-auth.csrf-token", "next-auth.session-token");

      JsonNode session = json(wire.get("/api/auth/session"));
      assertThat(session.at("/user/username").asText()).isEqualTo("ada");
      assertThat(session.at("/user/_id").asText()).matches("[0-9a-f]{24}");
      assertThat(session.get("expires").asText()).isNotEmpty();

      HttpResponse<String> list = wire.get("/api/get-messages");
      assertThat(list.statusCode()).isEqualTo(200);
      JsonNode messages = json(list).get("messages");
      assertThat(messages).hasSize(7);
      assertThat(createdAt(messages)).isSortedAccordingTo((a, b) -> b.compareTo(a));
      String newest = messages.get(0).get("_id").asText();
      assertThat(newest).matches("[0-9a-f]{24}");

      HttpResponse<String> deleted = wire.send("PATCH", "/api/delete-message?messageId=" + newest, null);
      assertThat(deleted.statusCode()).isEqualTo(201);
      JsonNode body = json(deleted);
      assertThat(body.get("success").asBoolean()).isTrue();
      assertThat(body.get("message").asText()).isEqualTo("Message Deleted Successfully");
      JsonNode document = body.get("data");
      assertThat(document.get("email").asText()).isEqualTo(Peers.ADA);
      assertThat(document.get("password").asText()).startsWith("$2");
      assertThat(document.get("__v").asInt()).isZero();
      assertThat(ids(document.get("messages"), "_id")).hasSize(6).doesNotContain(newest);
      assertThat(createdAt(document.get("messages"))).isSorted();

      HttpResponse<String> again = wire.send("PATCH", "/api/delete-message?messageId=" + newest, null);
      assertThat(again.statusCode()).isEqualTo(201);
      assertThat(json(again).at("/data/messages")).hasSize(6);
      assertThat(json(wire.get("/api/get-messages")).get("messages")).hasSize(6);
    }

    @Test
    void deleteIsTheFrameworksOwn405WithAnEmptyBody() {
      signIn(wire, Peers.ADA, Peers.ADA_PASSWORD);
      HttpResponse<String> response = wire.send("DELETE", "/api/delete-message?messageId=" + "a".repeat(24), null);

      assertThat(response.statusCode()).isEqualTo(405);
      assertThat(response.body()).isEmpty();
      assertThat(json(wire.get("/api/get-messages")).get("messages")).hasSize(7);
    }

    @Test
    void malformedIdCrashesInto500MissingIdIs404AndNoSessionIs401() {
      signIn(wire, Peers.ADA, Peers.ADA_PASSWORD);

      HttpResponse<String> malformed = wire.send("PATCH", "/api/delete-message?messageId=not-an-object-id", null);
      assertThat(malformed.statusCode()).isEqualTo(500);
      assertThat(json(malformed).get("message").asText()).isEqualTo("Error while deleting message");

      HttpResponse<String> missing = wire.send("PATCH", "/api/delete-message", null);
      assertThat(missing.statusCode()).isEqualTo(404);
      assertThat(missing.body()).isEqualTo("{\"success\":false,\"message\":\"messageId not found\"}");

      Wire anonymous = new Wire(peer.baseUrl());
      HttpResponse<String> noSession = anonymous.send("PATCH", "/api/delete-message?messageId=" + "a".repeat(24), null);
      assertThat(noSession.statusCode()).isEqualTo(401);
      assertThat(noSession.body()).isEqualTo("{\"success\":false,\"message\":\"Not Authenticated\"}");
      assertThat(anonymous.get("/api/get-messages").statusCode()).isEqualTo(401);
      assertThat(anonymous.get("/api/auth/session").body()).isEqualTo("{}");
    }

    @Test
    void wrongCredentialsAndAMissingCsrfTokenSetNoSessionCookie() {
      HttpResponse<String> wrong = signIn(wire, Peers.ADA, "not-her-password");
      assertThat(wrong.statusCode()).isEqualTo(401);
      assertThat(json(wrong).get("url").asText()).endsWith("/api/auth/error?error=Invalid%20password");

      HttpResponse<String> unknown = signIn(wire, "nobody@example.com", "x");
      assertThat(json(unknown).get("url").asText()).endsWith("error=User%20not%20found");

      Wire noCsrf = new Wire(peer.baseUrl());
      HttpResponse<String> stale = noCsrf.send("POST", "/api/auth/callback/credentials",
          form("email", Peers.ADA, "password", Peers.ADA_PASSWORD, "csrfToken", "0".repeat(64), "json", "true"),
          "Content-Type", "application/x-www-form-urlencoded");
      assertThat(stale.statusCode()).isEqualTo(200);
      assertThat(json(stale).get("url").asText()).contains("/api/auth/signin?csrf=true");

      assertThat(wire.cookies).doesNotContainKey("next-auth.session-token");
      assertThat(noCsrf.cookies).doesNotContainKey("next-auth.session-token");
    }

    @Test
    void acceptingAndSendingMessages() {
      signIn(wire, Peers.ADA, Peers.ADA_PASSWORD);
      assertThat(json(wire.get("/api/accept-messages")).get("isAcceptingMessages").asBoolean()).isTrue();

      HttpResponse<String> text = wire.postJson("/api/accept-messages", "{\"acceptMessage\":\"true\"}");
      assertThat(text.statusCode()).isEqualTo(400);
      assertThat(json(text).get("message").asText()).isEqualTo("Invalid input: expected boolean, received string");
      assertThat(wire.send("POST", "/api/accept-messages", null).statusCode()).isEqualTo(500);

      assertThat(wire.postJson("/api/accept-messages", "{\"acceptMessage\":false}").statusCode()).isEqualTo(200);
      Wire stranger = new Wire(peer.baseUrl());
      assertThat(stranger.postJson("/api/send-message", "{\"username\":\"ada\",\"content\":\"hi\"}").statusCode())
          .isEqualTo(403);
      wire.postJson("/api/accept-messages", "{\"acceptMessage\":true}");
      assertThat(stranger.postJson("/api/send-message", "{\"username\":\"ada\",\"content\":\"hi\"}").statusCode())
          .isEqualTo(201);
      assertThat(stranger.postJson("/api/send-message", "{\"username\":\"nobody\",\"content\":\"hi\"}").statusCode())
          .isEqualTo(404);

      JsonNode messages = json(wire.get("/api/get-messages")).get("messages");
      assertThat(messages).hasSize(8);
      assertThat(messages.get(0).get("content").asText()).isEqualTo("hi");
    }

    @Test
    void resetBringsTheDemoDataBackAndSessionsStayValid() {
      signIn(wire, Peers.ADA, Peers.ADA_PASSWORD);
      String id = json(wire.get("/api/get-messages")).at("/messages/0/_id").asText();
      wire.send("PATCH", "/api/delete-message?messageId=" + id, null);
      assertThat(json(wire.get("/api/get-messages")).get("messages")).hasSize(6);

      peer.reset();

      assertThat(ids(json(wire.get("/api/get-messages")).get("messages"), "_id")).hasSize(7).contains(id);
    }

    @Test
    void faultsOnTheDeleteActBeforeOrAfterTheHandler() throws Exception {
      signIn(wire, Peers.ADA, Peers.ADA_PASSWORD);
      List<String> before = ids(json(wire.get("/api/get-messages")).get("messages"), "_id");

      peer.fault(Fault.before("PATCH /api/delete-message").status(503));
      assertThat(wire.send("PATCH", "/api/delete-message?messageId=" + before.get(0), null).statusCode())
          .isEqualTo(503);
      assertThat(ids(json(wire.get("/api/get-messages")).get("messages"), "_id")).contains(before.get(0));

      peer.fault(Fault.after("PATCH /api/delete-message").drop());
      Wire fresh = new Wire(peer.baseUrl());
      fresh.cookies.putAll(wire.cookies);
      assertThatThrownBy(() -> fresh.sendOrThrow("PATCH", "/api/delete-message?messageId=" + before.get(0), null))
          .isInstanceOf(IOException.class);
      assertThat(ids(json(wire.get("/api/get-messages")).get("messages"), "_id")).doesNotContain(before.get(0));

      peer.fault(Fault.after("PATCH /api/delete-message").cutoff());
      Wire third = new Wire(peer.baseUrl());
      third.cookies.putAll(wire.cookies);
      assertThatThrownBy(() -> third.sendOrThrow("PATCH", "/api/delete-message?messageId=" + before.get(1), null))
          .isInstanceOf(IOException.class);
      assertThat(ids(json(wire.get("/api/get-messages")).get("messages"), "_id")).doesNotContain(before.get(1));

      JsonNode log = peer.requests();
      assertThat(log.findValuesAsText("fault")).contains("before status", "after drop", "after cutoff");
      assertThat(log.findValues("handlerStatus")).extracting(JsonNode::asInt).containsOnly(201);
    }

    @Test
    void behindATlsTerminatingProxyTheCookiesKeepTheirPlainNames() {
      try (TlsProxy proxy = TlsProxy.start(peer)) {
        Wire secure = Wire.trusting(proxy.baseUrl(), proxy.sslContext());

        HttpResponse<String> callback = signIn(secure, Peers.ADA, Peers.ADA_PASSWORD);
        assertThat(callback.statusCode()).isEqualTo(200);
        assertThat(secure.cookies).containsKey("next-auth.session-token")
            .doesNotContainKeys("__Secure-next-auth.session-token", "__Host-next-auth.csrf-token");
        HttpResponse<String> list = secure.get("/api/get-messages");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.uri().getScheme()).isEqualTo("https");
        assertThat(json(list).get("messages")).hasSize(7);
        // an untrusting client refuses the throwaway certificate
        assertThatThrownBy(() -> new Wire(proxy.baseUrl()).sendOrThrow("GET", "/api/auth/csrf", null))
            .isInstanceOf(IOException.class);
      }
    }
  }

  /** Signs in to the notifications API and answers the Authorization header value. */
  static String bearer(Wire wire, String email, String password) {
    HttpResponse<String> login = wire.postJson("/auth/login",
        "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    return "Bearer " + json(login).at("/data/accessToken").asText();
  }

  @Nested
  class Notifications {
    final PeerServer peer = Peers.notifications();
    Wire wire;

    @BeforeEach
    void fresh() {
      peer.reset();
      wire = new Wire(peer.apiUrl());
    }

    @Test
    void signsInAndPagesNewestFirst() {
      HttpResponse<String> login = wire.postJson("/auth/login", "{\"email\":\"ada@example.com\",\"password\":\"ada-demo\"}");
      assertThat(login.statusCode()).isEqualTo(200);
      assertThat(json(login).at("/data/expiresIn").asInt()).isEqualTo(900);
      assertThat(json(login).at("/data/accessToken").asText()).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
      assertThat(wire.setCookies).anySatisfy(cookie -> assertThat(cookie).startsWith("biore_refresh=")
          .contains("HttpOnly", "Path=/api/v1/auth"));
      String auth = "Bearer " + json(login).at("/data/accessToken").asText();

      List<JsonNode> all = new ArrayList<>();
      for (int page = 1; page <= 4; page++) {
        HttpResponse<String> response = wire.get("/notifications?page=" + page + "&limit=12", "Authorization", auth);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-RateLimit-Limit")).hasValue("60");
        JsonNode data = json(response).get("data");
        assertThat(data.get("total").asInt()).isEqualTo(30);
        assertThat(data.get("page").asInt()).isEqualTo(page);
        assertThat(data.get("items")).hasSize(page < 3 ? 12 : page == 3 ? 6 : 0);
        data.get("items").forEach(all::add);
      }
      List<String> dates = all.stream().map(n -> n.get("createdAt").asText()).toList();
      assertThat(dates).isSortedAccordingTo((a, b) -> b.compareTo(a));
      assertThat(all.stream().map(n -> n.get("id").asText()).distinct()).hasSize(30);
      assertThat(all.get(0).get("eventKey").asText()).isEqualTo("new_message_creator");

      JsonNode read = json(wire.get("/notifications?read=true&limit=50", "Authorization", auth)).get("data");
      assertThat(read.get("items")).hasSize(10).allSatisfy(n -> assertThat(n.get("read").asBoolean()).isTrue());
      HttpResponse<String> tooMany = wire.get("/notifications?limit=51", "Authorization", auth);
      assertThat(tooMany.statusCode()).isEqualTo(400);
      assertThat(json(tooMany).at("/error/code").asText()).isEqualTo("VALIDATION_ERROR");
    }

    @Test
    void deletesAreOwnershipCheckedAndValidated() {
      String bob = bearer(wire, Peers.BOB, Peers.BOB_PASSWORD);
      String bobsId = json(wire.get("/notifications", "Authorization", bob)).at("/data/items/0/id").asText();
      String ada = bearer(wire, Peers.ADA, Peers.ADA_PASSWORD);
      String id = json(wire.get("/notifications", "Authorization", ada)).at("/data/items/0/id").asText();

      HttpResponse<String> deleted = wire.send("DELETE", "/notifications/" + id, null, "Authorization", ada);
      assertThat(deleted.statusCode()).isEqualTo(200);
      assertThat(deleted.body()).isEqualTo("{\"success\":true}");

      for (String gone : List.of(id, bobsId, UNKNOWN_UUID)) {
        HttpResponse<String> notFound = wire.send("DELETE", "/notifications/" + gone, null, "Authorization", ada);
        assertThat(notFound.statusCode()).isEqualTo(404);
        JsonNode error = json(notFound).get("error");
        assertThat(error.get("i18nKey").asText()).isEqualTo("error.notification.not_found");
        assertThat(error.get("correlationId").asText()).matches("[0-9a-f-]{36}");
      }
      assertThat(json(wire.get("/notifications", "Authorization", bob)).at("/data/total").asInt()).isEqualTo(4);

      HttpResponse<String> notUuid = wire.send("DELETE", "/notifications/not-a-uuid", null, "Authorization", ada);
      assertThat(notUuid.statusCode()).isEqualTo(400);
      assertThat(json(notUuid).at("/error/message").asText()).isEqualTo("Validation failed (uuid is expected)");

      HttpResponse<String> noToken = wire.send("DELETE", "/notifications/" + bobsId, null);
      assertThat(noToken.statusCode()).isEqualTo(401);
      assertThat(json(noToken).at("/error/code").asText()).isEqualTo("AUTH_UNAUTHORIZED");
      HttpResponse<String> badToken = wire.send("DELETE", "/notifications/" + bobsId, null, "Authorization", "Bearer x.y.z");
      assertThat(badToken.statusCode()).isEqualTo(401);
    }

    @Test
    void theThrottlerAnswers429WithOnlyRetryAfterOnceTheMinuteIsSpent() {
      String ada = bearer(wire, Peers.ADA, Peers.ADA_PASSWORD);
      for (int i = 1; i <= 60; i++) {
        HttpResponse<String> allowed = wire.get("/notifications?limit=1", "Authorization", ada);
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("X-RateLimit-Remaining")).hasValue(Integer.toString(60 - i));
      }
      HttpResponse<String> limited = wire.get("/notifications?limit=1", "Authorization", ada);

      assertThat(limited.statusCode()).isEqualTo(429);
      assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(
          seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 60));
      assertThat(limited.headers().map()).doesNotContainKeys("x-ratelimit-remaining", "x-ratelimit-limit");
      assertThat(json(limited).at("/error/message").asText()).isEqualTo("ThrottlerException: Too Many Requests");
      // each route has its own window
      assertThat(wire.get("/notifications/unread-count", "Authorization", ada).statusCode()).isEqualTo(200);
    }

    @Test
    void anUnknownRouteIsNestsOwn404InTheEnvelope() {
      String ada = bearer(wire, Peers.ADA, Peers.ADA_PASSWORD);
      HttpResponse<String> route = wire.send("DELETE", "/messages/" + UNKNOWN_UUID, null, "Authorization", ada);

      assertThat(route.statusCode()).isEqualTo(404);
      JsonNode error = json(route).get("error");
      assertThat(error.get("code").asText()).isEqualTo("NOT_FOUND");
      assertThat(error.get("i18nKey").asText()).isEqualTo("error.route.not_found");
      assertThat(error.get("message").asText()).isEqualTo("Cannot DELETE /api/v1/messages/" + UNKNOWN_UUID);

      // a base URL without /api/v1 meets the same answer
      HttpResponse<String> noPrefix = new Wire(peer.baseUrl()).send("DELETE", "/notifications/" + UNKNOWN_UUID, null,
          "Authorization", ada);
      assertThat(json(noPrefix).at("/error/i18nKey").asText()).isEqualTo("error.route.not_found");
    }

    @Test
    void theUndocumentedRoutesWorkWhenPresent() {
      String ada = bearer(wire, Peers.ADA, Peers.ADA_PASSWORD);
      assertThat(json(wire.get("/notifications/unread-count", "Authorization", ada)).at("/data/count").asInt())
          .isEqualTo(20);
      String id = json(wire.get("/notifications?read=false", "Authorization", ada)).at("/data/items/0/id").asText();
      assertThat(wire.send("PATCH", "/notifications/" + id + "/read", null, "Authorization", ada).statusCode())
          .isEqualTo(200);
      assertThat(json(wire.postJson("/notifications/read-all", "", "Authorization", ada)).at("/data/updated").asInt())
          .isEqualTo(19);
      assertThat(json(wire.send("DELETE", "/notifications/clear-read", null, "Authorization", ada))
          .at("/data/deleted").asInt()).isEqualTo(30);

      // refresh rotates the cookie; presenting the old one again revokes everything
      String first = wire.cookies.get("biore_refresh");
      HttpResponse<String> refreshed = wire.send("POST", "/auth/refresh", null);
      assertThat(refreshed.statusCode()).isEqualTo(200);
      assertThat(json(refreshed).at("/data/accessToken").asText()).isNotEmpty();
      String second = wire.cookies.get("biore_refresh");
      assertThat(second).isNotEqualTo(first);
      wire.cookies.put("biore_refresh", first);
      HttpResponse<String> reuse = wire.send("POST", "/auth/refresh", null);
      assertThat(reuse.statusCode()).isEqualTo(401);
      assertThat(json(reuse).at("/error/i18nKey").asText()).isEqualTo("auth.refresh.token_reuse_detected");
      wire.cookies.put("biore_refresh", second);
      assertThat(wire.send("POST", "/auth/refresh", null).statusCode()).isEqualTo(401);
      assertThat(wire.send("POST", "/auth/logout", null).statusCode()).isEqualTo(200);
      assertThat(wire.send("POST", "/auth/logout", null).statusCode()).isEqualTo(200);
    }
  }

  @Nested
  class NotificationsWithoutEnvelopeOrExtras {
    final PeerServer peer = Peers.shared(PeerOptions.notifications().envelope(false).optionalRoutes(false)
        .throttle(3, Duration.ofMinutes(1)));
    Wire wire;

    @BeforeEach
    void fresh() {
      peer.reset();
      wire = new Wire(peer.apiUrl());
    }

    @Test
    void errorsHaveNestsDefaultBodies() {
      String ada = bearer(wire, Peers.ADA, Peers.ADA_PASSWORD);

      HttpResponse<String> missing = wire.send("DELETE", "/notifications/" + UNKNOWN_UUID, null, "Authorization", ada);
      assertThat(missing.statusCode()).isEqualTo(404);
      assertThat(json(missing)).isEqualTo(json("{\"statusCode\":404,\"message\":\"Notification not found\",\"error\":\"Not Found\"}"));

      HttpResponse<String> notUuid = wire.send("DELETE", "/notifications/42", null, "Authorization", ada);
      assertThat(json(notUuid)).isEqualTo(
          json("{\"message\":\"Validation failed (uuid is expected)\",\"error\":\"Bad Request\",\"statusCode\":400}"));

      HttpResponse<String> route = wire.send("DELETE", "/nothing/here", null, "Authorization", ada);
      assertThat(json(route)).isEqualTo(
          json("{\"message\":\"Cannot DELETE /api/v1/nothing/here\",\"error\":\"Not Found\",\"statusCode\":404}"));
    }

    @Test
    void withoutTheOptionalRoutesNestAnswersItsOwnRoute404() {
      String ada = bearer(wire, Peers.ADA, Peers.ADA_PASSWORD);
      for (String[] call : List.of(new String[] {"GET", "/notifications/unread-count"},
          new String[] {"PATCH", "/notifications/" + UNKNOWN_UUID + "/read"}, new String[] {"POST", "/notifications/read-all"},
          new String[] {"POST", "/auth/refresh"}, new String[] {"POST", "/auth/logout"})) {
        HttpResponse<String> response = wire.send(call[0], call[1], null, "Authorization", ada);
        assertThat(response.statusCode()).as(call[0] + " " + call[1]).isEqualTo(404);
        assertThat(json(response).get("message").asText()).isEqualTo("Cannot " + call[0] + " /api/v1" + call[1]);
      }
      // clear-read missing: the path reaches DELETE :id, whose ParseUUIDPipe refuses it
      HttpResponse<String> clearRead = wire.send("DELETE", "/notifications/clear-read", null, "Authorization", ada);
      assertThat(clearRead.statusCode()).isEqualTo(400);
    }

    @Test
    void aSmallThrottleLimitIsReachedFast() {
      String ada = bearer(wire, Peers.ADA, Peers.ADA_PASSWORD);
      for (int i = 1; i <= 3; i++) {
        HttpResponse<String> allowed = wire.get("/notifications", "Authorization", ada);
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("X-RateLimit-Limit")).hasValue("3");
        assertThat(allowed.headers().firstValue("X-RateLimit-Remaining")).hasValue(Integer.toString(3 - i));
        assertThat(allowed.headers().firstValue("X-RateLimit-Reset")).hasValueSatisfying(
            seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 60));
      }
      HttpResponse<String> limited = wire.get("/notifications", "Authorization", ada);

      assertThat(limited.statusCode()).isEqualTo(429);
      assertThat(limited.headers().firstValue("Retry-After")).isPresent();
      assertThat(json(limited)).isEqualTo(json("{\"statusCode\":429,\"message\":\"ThrottlerException: Too Many Requests\"}"));

      peer.reset();
      assertThat(wire.get("/notifications", "Authorization", ada).statusCode()).isEqualTo(200);
    }
  }

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Stream<Arguments> faults() {
    Duration delay = Duration.ofMillis(400);
    Consumer<HttpResponse<String>> is503 = r -> assertThat(r.statusCode()).isEqualTo(503);
    Consumer<HttpResponse<String>> isHtml = r -> {
      assertThat(r.statusCode()).isEqualTo(502);
      assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
      assertThat(r.body()).contains("<html");
    };
    Consumer<HttpResponse<String>> isSuccess = r -> assertThat(r.body()).isEqualTo("{\"success\":true}");
    String route = "DELETE /api/v1/notifications/:id";
    List<Arguments> all = new ArrayList<>();
    for (boolean after : List.of(false, true)) {
      String when = after ? "after" : "before";
      Function<String, Fault> fault = after ? Fault::after : Fault::before;
      // the handler acts after the fault, or before a delay: the item is deleted
      all.add(Arguments.of(when + " drop", fault.apply(route).drop(), null, after));
      all.add(Arguments.of(when + " status", fault.apply(route).status(503), is503, after));
      all.add(Arguments.of(when + " html", fault.apply(route).html(502), isHtml, after));
      all.add(Arguments.of(when + " cutoff", fault.apply(route).cutoff(), null, after));
      all.add(Arguments.of(when + " delay", fault.apply(route).delay(delay), isSuccess, true));
    }
    return all.stream();
  }

  @Nested
  class Faults {
    final PeerServer peer = Peers.notifications();

    @BeforeEach
    void fresh() {
      peer.reset();
    }

    /** expect null: the client sees no answer at all (an IOException). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.inboxdesk.e2e.PeersSmokeTest#faults")
    void eachFaultActsBeforeOrAfterTheHandler(String name, Fault fault, Consumer<HttpResponse<String>> expect,
        boolean deleted) throws Exception {
      Wire wire = new Wire(peer.apiUrl());
      String ada = bearer(wire, Peers.ADA, Peers.ADA_PASSWORD);
      String id = json(wire.get("/notifications", "Authorization", ada)).at("/data/items/0/id").asText();
      peer.fault(fault);

      // a client of its own: a fresh connection, so nothing replays the request on a pooled one
      Wire once = new Wire(peer.apiUrl());
      long start = System.nanoTime();
      if (expect == null) {
        assertThatThrownBy(() -> once.sendOrThrow("DELETE", "/notifications/" + id, null, "Authorization", ada))
            .isInstanceOf(IOException.class);
      } else {
        expect.accept(once.send("DELETE", "/notifications/" + id, null, "Authorization", ada));
      }
      long tookMs = (System.nanoTime() - start) / 1_000_000;

      if (name.endsWith("delay")) {
        assertThat(tookMs).isGreaterThanOrEqualTo(400);
      }
      List<String> left = ids(json(wire.get("/notifications?limit=50", "Authorization", ada)).at("/data/items"), "id");
      if (deleted) {
        assertThat(left).doesNotContain(id);
      } else {
        assertThat(left).contains(id);
      }
      JsonNode deletes = peer.requests();
      List<JsonNode> seen = new ArrayList<>();
      deletes.forEach(r -> {
        if (r.get("method").asText().equals("DELETE")) {
          seen.add(r);
        }
      });
      assertThat(seen).as("one DELETE reached the peer: %s", deletes).hasSize(1);
      assertThat(seen.get(0).get("fault").asText()).isEqualTo(name);
      assertThat(peer.faults()).as("a fault for one request is spent").isEmpty();
    }

    @Test
    void faultsCountTheirTimesAndResetDisarmsThem() {
      Wire wire = new Wire(peer.apiUrl());
      String ada = bearer(wire, Peers.ADA, Peers.ADA_PASSWORD);
      peer.fault(Fault.before("GET /api/v1/notifications").status(503).header("Retry-After", "1").times(2));

      HttpResponse<String> first = wire.get("/notifications", "Authorization", ada);
      assertThat(first.statusCode()).isEqualTo(503);
      assertThat(first.headers().firstValue("Retry-After")).hasValue("1");
      assertThat(peer.faults().get(0).get("fired").asInt()).isEqualTo(1);
      assertThat(wire.get("/notifications", "Authorization", ada).statusCode()).isEqualTo(503);
      assertThat(wire.get("/notifications", "Authorization", ada).statusCode()).isEqualTo(200);

      peer.fault(Fault.before("* /api/v1/*").drop().times(0));
      assertThat(peer.faults()).hasSize(1);
      peer.clearFaults();
      assertThat(peer.faults()).isEmpty();
      peer.fault(Fault.before("* /api/v1/*").html(500).times(0));
      peer.reset();
      assertThat(peer.faults()).isEmpty();
      assertThat(peer.requests()).isEmpty();
      assertThat(wire.get("/notifications", "Authorization", ada).statusCode()).isEqualTo(200);
    }
  }
}
