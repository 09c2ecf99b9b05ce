package dev.inboxdesk.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.inboxdesk.client.ServerDetails;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.Headers;

/**
 * Reads the error shapes the two services send: the envelope
 * {@code {"success":false,"error":{...}}}, Nest's default {@code {"statusCode","message","error"}},
 * and the messages service's {@code {"success":false,"message"}}.
 */
final class ErrorBodies {
  /** Error bodies are small; a huge one is not worth parsing for a message. */
  private static final int MAX_PARSED_BYTES = 256 * 1024;

  private ErrorBodies() {
  }

  /** The details the body gives, or null when it is none of the known shapes. */
  static ServerDetails parse(HttpAnswer answer) {
    byte[] body = answer.body();
    if (body.length > MAX_PARSED_BYTES || Json.notJsonKind(body, answer.contentType()) != null) {
      return null;
    }
    JsonNode root;
    try {
      root = Json.mapper().readTree(body);
    } catch (IOException e) {
      return null;
    }
    if (root == null || !root.isObject()) {
      return null;
    }
    String headerCorrelation = correlationIdHeader(answer.headers());
    JsonNode error = root.get("error");
    if (error != null && error.isObject()) {
      return envelope(answer.status(), error, headerCorrelation);
    }
    if (root.has("statusCode")) {
      return nestDefault(answer.status(), root, headerCorrelation);
    }
    if (root.has("success") && root.has("message")) {
      return new ServerDetails(answer.status(), null, text(root.get("message")), null, Map.of(), List.of(),
          headerCorrelation);
    }
    return null;
  }

  /** The correlation id a server may put in a header when its body has none. */
  static String correlationIdHeader(Headers headers) {
    String value = headers.get("X-Correlation-Id");
    return value != null ? value : headers.get("X-Request-Id");
  }

  private static ServerDetails envelope(int status, JsonNode error, String headerCorrelation) {
    Map<String, String> vars = new LinkedHashMap<>();
    JsonNode varsNode = error.get("i18nVars");
    if (varsNode != null && varsNode.isObject()) {
      varsNode.fields().forEachRemaining(e -> vars.put(e.getKey(), e.getValue().isValueNode()
          ? e.getValue().asText() : e.getValue().toString()));
    }
    List<String> details = new ArrayList<>();
    JsonNode detailsNode = error.get("details");
    if (detailsNode != null && detailsNode.isArray()) {
      for (JsonNode d : detailsNode) {
        String line = d.isObject() ? text(d.get("message")) : text(d);
        if (line != null) {
          details.add(line);
        }
      }
    }
    String correlationId = text(error.get("correlationId"));
    return new ServerDetails(status, text(error.get("code")), text(error.get("message")),
        text(error.get("i18nKey")), vars, details, correlationId != null ? correlationId : headerCorrelation);
  }

  private static ServerDetails nestDefault(int status, JsonNode root, String headerCorrelation) {
    JsonNode message = root.get("message");
    List<String> details = new ArrayList<>();
    String text;
    if (message != null && message.isArray()) {
      message.forEach(m -> details.add(m.asText()));
      text = String.join("; ", details);
    } else {
      text = text(message);
    }
    return new ServerDetails(status, null, text, null, Map.of(), details, headerCorrelation);
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() ? null : node.asText();
  }
}
