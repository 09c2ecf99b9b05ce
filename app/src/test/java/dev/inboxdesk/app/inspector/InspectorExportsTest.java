package dev.inboxdesk.app.inspector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.inboxdesk.app.list.ManualScheduler;
import dev.inboxdesk.client.ClientConfig;
import dev.inboxdesk.client.Exchange;
import dev.inboxdesk.wire.Curl;
import dev.inboxdesk.wire.Har;
import dev.inboxdesk.client.NotificationsClient;
import dev.inboxdesk.client.ReadFilter;
import dev.inboxdesk.sandbox.Sandbox;
import dev.inboxdesk.sandbox.SandboxOptions;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the request inspector hands out: cURL commands and HAR files, masked unless the user says otherwise. */
class InspectorExportsTest {
  Sandbox sandbox;
  final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
  NotificationsClient client;
  String accessToken;

  @BeforeEach
  void setUp() {
    sandbox = Sandbox.start(SandboxOptions.defaults().withSize(8));
    client = NotificationsClient.create(ClientConfig.builder(sandbox.notificationsUrl()).captureUnmasked(true)
        .exchangeListener(exchanges::add).build());
    client.login("ada@example.com", "ada-demo");
    client.listPage(ReadFilter.ALL, 1, 5);
    accessToken = exchanges.get(1).unmaskedView().orElseThrow().requestHeaders().stream()
        .filter(h -> h.name().equals("Authorization")).findFirst().orElseThrow().value().substring(7);
  }

  @AfterEach
  void tearDown() {
    client.close();
    sandbox.close();
  }

  private Exchange list() {
    return exchanges.get(1);
  }

  @Test
  void aMaskedCurlShowsWhereTheSecretsWereWithoutThem() {
    String curl = Curl.of(list(), false);

    assertThat(curl).startsWith("curl '" + sandbox.notificationsUrl() + "/notifications?page=1&limit=5'")
        .contains("-H 'Authorization: Bearer «redacted»'").doesNotContain(accessToken);
    assertThat(Curl.of(exchanges.get(0), false)).contains("-X POST", "--data-binary",
        "\"password\":\"«redacted»\"").doesNotContain("ada-demo");
  }

  @Test
  void anUnmaskedCurlCarriesTheToken() {
    assertThat(Curl.of(list(), true)).contains("Authorization: Bearer " + accessToken);
  }

  @Test
  void singleQuotesAreQuotedForTheShell() {
    assertThat(Curl.quote("it's")).isEqualTo("'it'\\''s'");
  }

  @Test
  void theUnmaskedCurlRunAgainstTheSandboxDoesWhatTheOriginalDid() throws Exception {
    Assumptions.assumeTrue(new File("/usr/bin/curl").canExecute(), "curl is installed by .ci/run");

    Process process = new ProcessBuilder("bash", "-c", Curl.of(list(), true) + " -s -w '\\n%{http_code}'")
        .redirectErrorStream(true).start();
    assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();

    assertThat(output).endsWith("200");
    JsonNode replayed = new ObjectMapper().readTree(output.substring(0, output.lastIndexOf('\n')));
    assertThat(replayed.path("data").path("items").size()).isEqualTo(5);
    assertThat(replayed.path("data").path("items").get(0).path("id").asText())
        .isEqualTo(client.listPage(ReadFilter.ALL, 1, 1).items().get(0).id());
  }

  @Test
  void theHarHasTheFieldsTheSpecRequiresAndNoSecret() throws Exception {
    JsonNode har = new ObjectMapper().readTree(Har.of(exchanges));

    JsonNode log = har.path("log");
    assertThat(log.path("version").asText()).isEqualTo("1.2");
    assertThat(log.path("creator").path("name").asText()).isEqualTo("InboxDesk");
    assertThat(log.path("creator").has("version")).isTrue();
    assertThat(log.path("entries")).hasSize(exchanges.size());
    for (JsonNode entry : log.path("entries")) {
      assertThat(entry.path("startedDateTime").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
      assertThat(entry.path("time").isNumber()).isTrue();
      assertThat(entry.has("cache")).isTrue();
      for (String timing : List.of("send", "wait", "receive")) {
        assertThat(entry.path("timings").path(timing).isNumber()).isTrue();
      }
      JsonNode request = entry.path("request");
      for (String field : List.of("method", "url", "httpVersion", "cookies", "headers", "queryString", "headersSize",
          "bodySize")) {
        assertThat(request.has(field)).as("request." + field).isTrue();
      }
      JsonNode response = entry.path("response");
      for (String field : List.of("status", "statusText", "httpVersion", "cookies", "headers", "content",
          "redirectURL", "headersSize", "bodySize")) {
        assertThat(response.has(field)).as("response." + field).isTrue();
      }
      assertThat(response.path("content").has("size") && response.path("content").has("mimeType")).isTrue();
    }
    String text = Har.of(exchanges);
    assertThat(text).doesNotContain(accessToken).doesNotContain("ada-demo");
    assertThat(log.path("entries").get(1).path("request").path("queryString")).hasSize(2);
  }

  @Test
  void theLogKeepsOnlyTheNewestAndFilters() {
    try {
      client.deleteNotification("12345678-1234-4234-8234-123456789012");
    } catch (dev.inboxdesk.client.NotFoundException expected) {
      // a 404 to filter on
    }
    RequestLog log = new RequestLog(new ManualScheduler(), 2);

    exchanges.forEach(log::record);

    assertThat(log.all()).hasSize(2).last().extracting(Exchange::status).isEqualTo(404);
    log.filterStatus(RequestLog.StatusFilter.CLIENT_ERROR);
    assertThat(log.shown()).extracting(Exchange::status).containsExactly(404);
    log.filterStatus(RequestLog.StatusFilter.ALL);
    log.filterService("messages");
    assertThat(log.shown()).isEmpty();
  }
}
