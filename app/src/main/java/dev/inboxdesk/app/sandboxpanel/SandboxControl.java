package dev.inboxdesk.app.sandboxpanel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Talks to a sandbox's control endpoint ({@code /__sandbox}), as scripts and tests do. */
public final class SandboxControl {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The header the sandbox wants its control token in (the sandbox's {@code TOKEN_HEADER}). */
  static final String TOKEN_HEADER = "X-Sandbox-Token";
  private final String origin;
  private final String base;
  private final String token;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /**
   * @param sandboxOrigin the sandbox's origin, e.g. {@code http://127.0.0.1:8080}
   * @param token the sandbox's control token for this run (printed as {@code SANDBOX_TOKEN=…})
   */
  public SandboxControl(String sandboxOrigin, String token) {
    this.origin = sandboxOrigin;
    this.base = sandboxOrigin + "/__sandbox";
    this.token = java.util.Objects.requireNonNull(token, "token");
  }

  /** The sandbox's origin, where its messages service answers. */
  public String origin() {
    return origin;
  }

  public JsonNode faults() {
    return send(HttpRequest.newBuilder(URI.create(base + "/faults")).GET());
  }

  /** Changes the fields given; answers the settings now in force. */
  public JsonNode setFaults(JsonNode changes) {
    return send(HttpRequest.newBuilder(URI.create(base + "/faults")).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(changes.toString())));
  }

  public void resetData() {
    send(HttpRequest.newBuilder(URI.create(base + "/reset")).POST(HttpRequest.BodyPublishers.noBody()));
  }

  private JsonNode send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> answer = http.send(request.header(TOKEN_HEADER, token).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString());
      JsonNode body = JSON.readTree(answer.body());
      if (answer.statusCode() != 200) {
        throw new IllegalArgumentException(body.path("error").asText("the sandbox refused"));
      }
      return body;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
