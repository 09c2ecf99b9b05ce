package dev.inboxdesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inboxdesk.client.ClientConfig;
import dev.inboxdesk.client.Exchange;
import dev.inboxdesk.client.MessagesClient;
import dev.inboxdesk.sandbox.Sandbox;
import dev.inboxdesk.sandbox.SandboxOptions;
import dev.inboxdesk.wire.Curl;
import dev.inboxdesk.wire.Har;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the client says it sent is what went over the wire: a recording proxy between the client
 * and the sandbox sees every attempt, and the exchanges (the source of --verbose, the inspector,
 * HAR and cURL) hold the same request lines, headers and bodies, cookies included.
 */
class WireRecordTest {
  /** Hop-by-hop and framing headers the forwarding client sets itself. */
  private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length", "upgrade",
      "accept-encoding", "expect");

  private final Sandbox sandbox = Sandbox.start(SandboxOptions.defaults().withSize(5));
  private final MockWebServer proxy = new MockWebServer();
  private final HttpClient upstream = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .followRedirects(HttpClient.Redirect.NEVER).build();
  private final List<RecordedRequest> onTheWire = new CopyOnWriteArrayList<>();

  @BeforeEach
  void startProxy() throws Exception {
    proxy.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        onTheWire.add(request);
        return forward(request);
      }
    });
    proxy.start();
  }

  @AfterEach
  void stop() throws Exception {
    proxy.close();
    sandbox.close();
  }

  private MockResponse forward(RecordedRequest request) {
    try {
      String target = sandbox.messagesUrl() + request.getTarget();
      byte[] body = request.getBody() == null ? new byte[0] : request.getBody().toByteArray();
      HttpRequest.Builder out = HttpRequest.newBuilder(URI.create(target)).method(request.getMethod(),
          body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
      Headers headers = request.getHeaders();
      for (int i = 0; i < headers.size(); i++) {
        if (!NOT_FORWARDED.contains(headers.name(i).toLowerCase(Locale.ROOT))) {
          out.header(headers.name(i), headers.value(i));
        }
      }
      HttpResponse<byte[]> answer = upstream.send(out.build(), HttpResponse.BodyHandlers.ofByteArray());
      MockResponse.Builder back = new MockResponse.Builder().code(answer.statusCode());
      answer.headers().map().forEach((name, values) -> {
        if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.equals(":status")) {
          values.forEach(value -> back.addHeader(name, value));
        }
      });
      return back.body(new okio.Buffer().write(answer.body())).build();
    } catch (Exception broken) {
      return new MockResponse.Builder().code(599).build();
    }
  }

  @Test
  void everyAttemptIsRecordedAsItWentOverTheWire() throws Exception {
    List<Exchange> recorded = new CopyOnWriteArrayList<>();
    try (MessagesClient client = MessagesClient.create(ClientConfig.builder(proxy.url("/").toString())
        .captureUnmasked(true).exchangeListener(recorded::add).build())) {
      client.signIn("ada@example.com", "ada-demo");
      String id = client.listMessages().get(0).id();
      client.deleteListedMessage(id);
    }

    assertThat(recorded).hasSameSizeAs(onTheWire);
    for (int i = 0; i < recorded.size(); i++) {
      Exchange exchange = recorded.get(i);
      RecordedRequest wire = onTheWire.get(i);
      assertThat(exchange.method()).isEqualTo(wire.getMethod());
      assertThat(exchange.url()).endsWith(wire.getTarget());
      List<String> shown = lines(exchange.unmaskedView().orElseThrow().requestHeaders());
      List<String> seen = lines(wire.getHeaders());
      // Every header that went over the wire is shown with its value, Cookie and Content-Type included.
      assertThat(shown).as(exchange.method() + " " + exchange.url()).containsExactlyInAnyOrderElementsOf(seen);
    }
    // The first request of a sign-in carries no cookie; the sign-in carries the CSRF cookie only.
    assertThat(header(recorded.get(0), "Cookie")).isNull();
    Exchange signIn = recorded.stream().filter(e -> e.url().endsWith("/callback/credentials")).findFirst()
        .orElseThrow();
    assertThat(header(signIn, "Cookie")).contains("next-auth.csrf-token=").doesNotContain("session-token");
    assertThat(header(signIn, "Content-Type")).startsWith("application/x-www-form-urlencoded");
    // HAR labels the form as a form, and cURL replays the method, the type and the body as sent.
    assertThat(Har.of(List.of(signIn))).contains("\"mimeType\" : \"application/x-www-form-urlencoded");
    String curl = Curl.of(signIn, false);
    assertThat(curl).contains("-X POST", "Content-Type: application/x-www-form-urlencoded", "--data-binary");
    String wireBody = onTheWire.stream().filter(r -> r.getTarget().endsWith("/callback/credentials")).findFirst()
        .orElseThrow().getBody().string(StandardCharsets.UTF_8);
    assertThat(wireBody).contains("csrfToken=");
  }

  private static String header(Exchange exchange, String name) {
    return exchange.unmaskedView().orElseThrow().requestHeaders().stream()
        .filter(h -> h.name().equalsIgnoreCase(name)).map(Exchange.Header::value).findFirst().orElse(null);
  }

  private static List<String> lines(List<Exchange.Header> headers) {
    List<String> lines = new ArrayList<>();
    headers.forEach(h -> lines.add(h.name().toLowerCase(Locale.ROOT) + ": " + h.value()));
    return lines;
  }

  private static List<String> lines(Headers headers) {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < headers.size(); i++) {
      lines.add(headers.name(i).toLowerCase(Locale.ROOT) + ": " + headers.value(i));
    }
    return lines;
  }
}
