package dev.inboxdesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.inboxdesk.sandbox.Deployment;
import dev.inboxdesk.sandbox.FaultSettings;
import dev.inboxdesk.sandbox.Sandbox;
import dev.inboxdesk.sandbox.SandboxOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The deployment variants and the body faults, on the wire: what a deployment that differs from
 * the seeds answers, checked with raw HTTP and the server's state read back afterwards.
 */
class SandboxVariantsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ADA = "ada@example.com";
  private static final String ADA_PASSWORD = "ada-demo";

  Sandbox sandbox;

  @AfterEach
  void stop() {
    if (sandbox != null) {
      sandbox.close();
    }
  }

  private void start(Deployment deployment) {
    sandbox = Sandbox.start(SandboxOptions.defaults().withSize(30).withDeployment(deployment));
  }

  // --- helpers ---

  private static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + response.body(), e);
    }
  }

  private static boolean isJson(String body) {
    try {
      JSON.readTree(body);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static String group(String pattern, String text) {
    Matcher m = Pattern.compile(pattern).matcher(text);
    assertThat(m.find()).as(text).isTrue();
    return m.group(1);
  }

  private HttpResponse<String> login(String email, String password) {
    return Raw.send("POST", sandbox.notificationsUrl() + "/auth/login",
        "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}", "Content-Type", "application/json");
  }

  private String bearer() {
    HttpResponse<String> login = login(ADA, ADA_PASSWORD);
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    return "Bearer " + json(login).path("data").path("accessToken").asText();
  }

  private HttpResponse<String> notifications(String method, String path, String bearer) {
    return Raw.send(method, sandbox.notificationsUrl() + path, null, "Authorization", bearer);
  }

  private List<String> notificationIds(String bearer) {
    List<String> ids = new ArrayList<>();
    for (int page = 1; ; page++) {
      JsonNode items = json(notifications("GET", "/notifications?page=" + page + "&limit=50", bearer))
          .path("data").path("items");
      items.forEach(item -> ids.add(item.path("id").asText()));
      if (items.size() < 50) {
        return ids;
      }
    }
  }

  private List<String> messageIds(String cookie) {
    HttpResponse<String> list = Raw.get(sandbox.messagesUrl() + "/api/get-messages", "Cookie", cookie);
    assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    json(list).path("messages").forEach(m -> ids.add(m.path("_id").asText()));
    return ids;
  }

  private HttpResponse<String> deleteMessage(String cookie, String id) {
    return Raw.send("PATCH", sandbox.messagesUrl() + "/api/delete-message?messageId=" + id, null, "Cookie", cookie);
  }

  private HttpResponse<String> control(String what, String json) {
    return Raw.send("PUT", sandbox.messagesUrl() + Sandbox.CONTROL + what, json, "Content-Type", "application/json",
        Sandbox.TOKEN_HEADER, sandbox.controlToken());
  }

  private static void assertNextJs404(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("text/html"));
    assertThat(response.body()).contains("404: This page could not be found.");
  }

  private static void assertEnvelopeRoute404(HttpResponse<String> response, String method, String path) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
    JsonNode body = json(response);
    assertThat(body.path("success").asBoolean(true)).isFalse();
    assertThat(body.path("error").path("code").asText()).isEqualTo("NOT_FOUND");
    assertThat(body.path("error").path("i18nKey").asText()).isEqualTo("error.route.not_found");
    assertThat(body.path("error").path("message").asText()).isEqualTo("Cannot " + method + " " + path);
    assertThat(body.path("error").path("correlationId").asText()).isNotBlank();
  }

  private static void assertNestDefault404(HttpResponse<String> response, String message) throws IOException {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
    assertThat(json(response)).isEqualTo(JSON.readTree(
        "{\"message\":\"" + message + "\",\"error\":\"Not Found\",\"statusCode\":404}"));
  }

  // --- defaults ---

  @Test
  void theDefaultsAreTheFullDeploymentWithoutFaults() {
    SandboxOptions defaults = SandboxOptions.defaults();

    assertThat(defaults.deployment()).isEqualTo(Deployment.STANDARD);
    assertThat(Deployment.STANDARD).isEqualTo(new Deployment(false, "eventKey", false, "envelope", "http"));
    assertThat(defaults.faults().garbageRate()).isZero();
    assertThat(defaults.faults().bodyFaultAfterActing()).isTrue();
    assertThatThrownBy(() -> Deployment.STANDARD.withKindField("kind")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Deployment.STANDARD.withRoute404("html")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Deployment.STANDARD.withCookieScheme("ftp"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // --- 1. minimal ---

  @Test
  void minimalMessagesAnswerNextJs404ForTheUndocumentedRoutesAndKeepTheDocumentedOnes() {
    start(Deployment.STANDARD.withMinimal(true));
    String cookie = RawSession.signIn(sandbox.messagesUrl(), ADA, ADA_PASSWORD);

    assertNextJs404(Raw.get(sandbox.messagesUrl() + "/api/accept-messages", "Cookie", cookie));
    assertNextJs404(Raw.send("POST", sandbox.messagesUrl() + "/api/accept-messages", "{\"acceptMessage\":false}",
        "Cookie", cookie, "Content-Type", "application/json"));
    assertNextJs404(Raw.send("POST", sandbox.messagesUrl() + "/api/send-message",
        "{\"username\":\"ada\",\"content\":\"hi\"}", "Content-Type", "application/json"));

    HttpResponse<String> session = Raw.get(sandbox.messagesUrl() + "/api/auth/session", "Cookie", cookie);
    assertThat(json(session).path("user").path("email").asText()).isEqualTo(ADA);
    List<String> ids = messageIds(cookie);
    assertThat(ids).hasSize(30);
    assertThat(deleteMessage(cookie, ids.get(0)).statusCode()).isEqualTo(201);
    assertThat(messageIds(cookie)).hasSize(29).doesNotContain(ids.get(0));
    assertThat(Raw.send("DELETE", sandbox.messagesUrl() + "/api/delete-message?messageId=" + ids.get(1), null,
        "Cookie", cookie).statusCode()).as("the route exists: a DELETE is still Next.js's 405").isEqualTo(405);
  }

  @Test
  void minimalNotificationsAnswerTheRoute404ForTheUndocumentedRoutesAndKeepTheDocumentedOnes() {
    start(Deployment.STANDARD.withMinimal(true));

    HttpResponse<String> login = login(ADA, ADA_PASSWORD);
    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(json(login).path("data").path("accessToken").asText()).isNotBlank();
    assertThat(login.headers().allValues("Set-Cookie")).as("no refresh route, no refresh token")
        .noneMatch(c -> c.startsWith("biore_refresh="));
    HttpResponse<String> bob = login("bob@example.com", "bob-demo");
    assertThat(json(bob).path("data").has("accessToken")).as("no two-factor route, no second step").isTrue();

    String bearer = "Bearer " + json(login).path("data").path("accessToken").asText();
    List<String> ids = notificationIds(bearer);
    assertThat(ids).hasSize(30);
    String id = ids.get(0);
    assertEnvelopeRoute404(notifications("GET", "/notifications/unread-count", bearer), "GET",
        "/api/v1/notifications/unread-count");
    assertEnvelopeRoute404(notifications("GET", "/notifications/preferences", bearer), "GET",
        "/api/v1/notifications/preferences");
    assertEnvelopeRoute404(notifications("POST", "/notifications/read-all", bearer), "POST",
        "/api/v1/notifications/read-all");
    assertEnvelopeRoute404(notifications("PATCH", "/notifications/" + id + "/read", bearer), "PATCH",
        "/api/v1/notifications/" + id + "/read");
    assertEnvelopeRoute404(notifications("POST", "/auth/refresh", bearer), "POST", "/api/v1/auth/refresh");
    assertEnvelopeRoute404(notifications("POST", "/auth/login/2fa", bearer), "POST", "/api/v1/auth/login/2fa");
    assertEnvelopeRoute404(notifications("POST", "/auth/logout", bearer), "POST", "/api/v1/auth/logout");
    // Nest routes DELETE /notifications/clear-read to DELETE /notifications/:id when clear-read has no
    // route of its own, and ParseUUIDPipe refuses "clear-read".
    HttpResponse<String> clearRead = notifications("DELETE", "/notifications/clear-read", bearer);
    assertThat(clearRead.statusCode()).isEqualTo(400);
    assertThat(clearRead.body()).contains("uuid is expected");

    assertThat(notifications("DELETE", "/notifications/" + id, bearer).statusCode()).isEqualTo(200);
    assertThat(notificationIds(bearer)).hasSize(29).doesNotContain(id);
  }

  @Test
  void theFullDeploymentHasTheRoutesMinimalLacks() {
    start(Deployment.STANDARD);
    String bearer = bearer();
    String cookie = RawSession.signIn(sandbox.messagesUrl(), ADA, ADA_PASSWORD);

    assertThat(notifications("GET", "/notifications/unread-count", bearer).statusCode()).isEqualTo(200);
    assertThat(Raw.get(sandbox.messagesUrl() + "/api/accept-messages", "Cookie", cookie).statusCode())
        .isEqualTo(200);
    assertThat(login(ADA, ADA_PASSWORD).headers().allValues("Set-Cookie"))
        .anyMatch(c -> c.startsWith("biore_refresh="));
  }

  // --- 2. kind field ---

  @Test
  void theTypeVariantNamesTheKindTypeAndLeavesOutEmptyFields() {
    start(Deployment.STANDARD.withKindField("type"));

    JsonNode items = json(notifications("GET", "/notifications?limit=50", bearer())).path("data").path("items");

    assertThat(items).hasSize(30);
    assertThat(items.get(0).path("type").asText()).isNotBlank();
    for (JsonNode item : items) {
      assertThat(item.has("eventKey")).as(item.toString()).isFalse();
      assertThat(item.has("type")).as(item.toString()).isTrue();
      assertThat(item.has("readAt")).as(item.toString()).isEqualTo(item.path("read").asBoolean());
      assertThat(item.path("readAt").isNull()).as(item.toString()).isFalse();
    }
    assertThat(items).anyMatch(item -> !item.path("read").asBoolean());
  }

  @Test
  void theDefaultNamesTheKindEventKeyWithANullReadAt() {
    start(Deployment.STANDARD);

    JsonNode first = json(notifications("GET", "/notifications?read=false", bearer())).path("data").path("items")
        .get(0);

    assertThat(first.has("type")).isFalse();
    assertThat(first.path("eventKey").asText()).isNotBlank();
    assertThat(first.get("readAt").isNull()).isTrue();
    assertThat(first.has("data")).isTrue();
  }

  // --- 3. filters ignored ---

  @Test
  void ignoredFiltersReturnReadAndUnreadInPagesOfTwentyWhateverTheLimit() {
    start(Deployment.STANDARD.withIgnoreFilters(true));
    String bearer = bearer();

    JsonNode first = json(notifications("GET", "/notifications?read=true&page=1&limit=5", bearer)).path("data");
    JsonNode second = json(notifications("GET", "/notifications?read=true&page=2&limit=5", bearer)).path("data");

    assertThat(first.path("items")).hasSize(20);
    assertThat(first.path("items")).anyMatch(n -> !n.path("read").asBoolean())
        .anyMatch(n -> n.path("read").asBoolean());
    assertThat(second.path("items")).hasSize(10);
    assertThat(second.path("items").get(0).path("id")).isNotEqualTo(first.path("items").get(0).path("id"));
    assertThat(notifications("GET", "/notifications?limit=500", bearer).statusCode()).isEqualTo(200);
  }

  @Test
  void theDefaultHonoursTheFilters() {
    start(Deployment.STANDARD);

    JsonNode items = json(notifications("GET", "/notifications?read=true&page=1&limit=5", bearer())).path("data")
        .path("items");

    assertThat(items).hasSize(5).allMatch(n -> n.path("read").asBoolean());
  }

  // --- 4. route-404 bodies ---

  @Test
  void anUnknownRouteAnswersTheEnvelopeByDefault() {
    start(Deployment.STANDARD);
    String bearer = bearer();
    String id = notificationIds(bearer).get(0);

    assertEnvelopeRoute404(notifications("GET", "/nope", bearer), "GET", "/api/v1/nope");
    // A client given the origin instead of the API's base URL.
    assertEnvelopeRoute404(Raw.send("DELETE", sandbox.messagesUrl() + "/notifications/" + id, null,
        "Authorization", bearer), "DELETE", "/notifications/" + id);
    assertEnvelopeRoute404(Raw.send("POST", sandbox.messagesUrl() + "/auth/login", "{}"), "POST", "/auth/login");
    assertThat(notificationIds(bearer)).contains(id);

    HttpResponse<String> missing = notifications("DELETE", "/notifications/00000000-0000-4000-8000-000000000000",
        bearer);
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(json(missing).path("error").path("i18nKey").asText()).isEqualTo("error.notification.not_found");
  }

  @Test
  void nestDefaultBodiesForAnUnknownRouteAndAMissingItem() throws IOException {
    start(Deployment.STANDARD.withRoute404("nest"));
    String bearer = bearer();
    String id = notificationIds(bearer).get(0);

    assertNestDefault404(notifications("GET", "/nope", bearer), "Cannot GET /api/v1/nope");
    assertNestDefault404(Raw.send("DELETE", sandbox.messagesUrl() + "/notifications/" + id, null,
        "Authorization", bearer), "Cannot DELETE /notifications/" + id);
    assertThat(notifications("DELETE", "/notifications/" + id, bearer).statusCode()).isEqualTo(200);
    assertNestDefault404(notifications("DELETE", "/notifications/" + id, bearer), "Notification not found");
  }

  @Test
  void anUpperCaseIdDeletesTheItem() {
    start(Deployment.STANDARD);
    String bearer = bearer();
    String id = notificationIds(bearer).get(3);
    assertThat(id).isEqualTo(id.toLowerCase(Locale.ROOT)).matches(".*[a-f].*");

    HttpResponse<String> deleted = notifications("DELETE", "/notifications/" + id.toUpperCase(Locale.ROOT), bearer);

    assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
    assertThat(notificationIds(bearer)).doesNotContain(id).hasSize(29);
    assertThat(notifications("DELETE", "/notifications/" + id, bearer).statusCode()).isEqualTo(404);
  }

  // --- 5. cookie scheme ---

  @Test
  void theHttpsCookieSchemeSetsAndReadsThePrefixedNamesOverPlainHttp() {
    start(Deployment.STANDARD.withCookieScheme("https"));

    HttpResponse<String> csrf = Raw.get(sandbox.messagesUrl() + "/api/auth/csrf");
    assertThat(csrf.headers().allValues("Set-Cookie")).singleElement().satisfies(c -> {
      assertThat(c).startsWith("__Host-next-auth.csrf-token=").contains("Path=/");
      assertThat(c.toLowerCase(Locale.ROOT)).doesNotContain("secure;").doesNotEndWith("secure");
    });
    String cookie = RawSession.signIn(sandbox.messagesUrl(), ADA, ADA_PASSWORD);
    assertThat(cookie).startsWith("__Secure-next-auth.session-token=");

    assertThat(messageIds(cookie)).hasSize(30);
    String plainName = cookie.replace("__Secure-", "");
    assertThat(Raw.get(sandbox.messagesUrl() + "/api/get-messages", "Cookie", plainName).statusCode())
        .as("the plain name is not read").isEqualTo(401);
  }

  @Test
  void theDefaultCookieSchemeUsesThePlainNames() {
    start(Deployment.STANDARD);

    String cookie = RawSession.signIn(sandbox.messagesUrl(), ADA, ADA_PASSWORD);

    assertThat(cookie).startsWith("next-auth.session-token=");
    assertThat(Raw.get(sandbox.messagesUrl() + "/api/get-messages", "Cookie", "__Secure-" + cookie).statusCode())
        .isEqualTo(401);
  }

  // --- the control endpoint ---

  @Test
  void theControlEndpointChangesTheDeploymentWhileRunning() {
    start(Deployment.STANDARD);
    String bearer = bearer();

    HttpResponse<String> changed = control("/deployment", "{\"kindField\":\"type\",\"route404\":\"nest\"}");

    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
    assertThat(sandbox.deployment()).isEqualTo(Deployment.STANDARD.withKindField("type").withRoute404("nest"));
    assertThat(Raw.get(sandbox.messagesUrl() + Sandbox.CONTROL + "/deployment", Sandbox.TOKEN_HEADER,
        sandbox.controlToken()).body())
        .contains("\"kindField\":\"type\"", "\"minimal\":false");
    assertThat(json(notifications("GET", "/notifications", bearer)).path("data").path("items").get(0).has("type"))
        .isTrue();
    assertThat(notifications("GET", "/nope", bearer).body()).contains("\"statusCode\":404");
    assertThat(control("/deployment", "{\"cookieScheme\":\"ftp\"}").statusCode()).isEqualTo(400);
    assertThat(control("/deployment", "{\"nonsense\":true}").statusCode()).isEqualTo(400);
    assertThat(control("/deployment", "[]").statusCode()).isEqualTo(400);
    assertThat(control("/deployment", "{\"minimal\":true}").statusCode()).isEqualTo(200);
    assertThat(notifications("GET", "/notifications/unread-count", bearer).statusCode()).isEqualTo(404);
  }

  // --- 6. body faults, before and after acting ---

  @ParameterizedTest(name = "{0} before acting: {1}")
  @CsvSource({"malformedRate, false", "malformedRate, true", "garbageRate, false", "garbageRate, true"})
  void aMessagesDeleteWithABodyFault(String rate, boolean afterActing) {
    start(Deployment.STANDARD);
    String cookie = RawSession.signIn(sandbox.messagesUrl(), ADA, ADA_PASSWORD);
    String id = messageIds(cookie).get(0);
    assertThat(control("/faults", "{\"" + rate + "\":1.0,\"bodyFaultAfterActing\":" + afterActing
        + ",\"scope\":\"messages\"}").statusCode()).isEqualTo(200);

    HttpResponse<String> answer = deleteMessage(cookie, id);

    assertThat(answer.statusCode()).isEqualTo(201);
    assertBodyFault(rate, answer);
    control("/faults", "{\"" + rate + "\":0}");
    if (afterActing) {
      assertThat(messageIds(cookie)).as("the delete happened").hasSize(29).doesNotContain(id);
    } else {
      assertThat(messageIds(cookie)).as("the handler did not run").hasSize(30).contains(id);
    }
  }

  @ParameterizedTest(name = "{0} before acting: {1}")
  @CsvSource({"malformedRate, false", "malformedRate, true", "garbageRate, false", "garbageRate, true"})
  void aNotificationsDeleteWithABodyFault(String rate, boolean afterActing) {
    start(Deployment.STANDARD);
    String bearer = bearer();
    String id = notificationIds(bearer).get(0);
    assertThat(control("/faults", "{\"" + rate + "\":1.0,\"bodyFaultAfterActing\":" + afterActing
        + ",\"scope\":\"notifications\"}").statusCode()).isEqualTo(200);

    HttpResponse<String> answer = notifications("DELETE", "/notifications/" + id, bearer);

    assertThat(answer.statusCode()).isEqualTo(200);
    assertBodyFault(rate, answer);
    control("/faults", "{\"" + rate + "\":0}");
    if (afterActing) {
      assertThat(notificationIds(bearer)).as("the delete happened").hasSize(29).doesNotContain(id);
      assertThat(notifications("DELETE", "/notifications/" + id, bearer).statusCode()).isEqualTo(404);
    } else {
      assertThat(notificationIds(bearer)).as("the handler did not run").hasSize(30).contains(id);
    }
  }

  private static void assertBodyFault(String rate, HttpResponse<String> answer) {
    String type = answer.headers().firstValue("Content-Type").orElse("");
    if (rate.equals("malformedRate")) {
      assertThat(type).startsWith("application/json");
      assertThat(answer.body()).startsWith("{\"succes");
      assertThat(isJson(answer.body())).as("cut off: " + answer.body()).isFalse();
    } else {
      assertThat(type).startsWith("text/html");
      assertThat(answer.body()).startsWith("<!DOCTYPE html>");
    }
  }

  @Test
  void bodyFaultsTouchListingToo() {
    start(Deployment.STANDARD);
    String bearer = bearer();
    sandbox.faults().set(new FaultSettings(0, 0, 500, 0, false, 0, 0, 1.0, false, 0, 0, 3, "notifications"));

    HttpResponse<String> list = notifications("GET", "/notifications", bearer);

    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body()).startsWith("<!DOCTYPE html>");
    assertThat(sandbox.faults().injected()).isEqualTo(1);
  }
}
