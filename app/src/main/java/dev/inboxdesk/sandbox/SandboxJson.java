package dev.inboxdesk.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** JSON building for the sandbox's answers. */
final class SandboxJson {
  static final ObjectMapper MAPPER = new ObjectMapper();
  /** The services write times as JavaScript's {@code Date.toISOString()} does: millis and a Z. */
  private static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private SandboxJson() {
  }

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static ArrayNode array() {
    return MAPPER.createArrayNode();
  }

  static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (IOException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  /** Parses a request body; null when it is empty or not JSON. */
  static JsonNode parseOrNull(byte[] body) {
    if (body.length == 0) {
      return null;
    }
    try {
      return MAPPER.readTree(body);
    } catch (IOException notJson) {
      return null;
    }
  }

  /**
   * {@code current} with the fields present in {@code patch} changed, the rest kept; an unknown
   * field or a value {@code type} refuses is an {@link IllegalArgumentException}.
   */
  static <T> T patch(T current, JsonNode patch, Class<T> type, String what) {
    ObjectNode merged = MAPPER.valueToTree(current);
    patch.fields().forEachRemaining(field -> {
      if (merged.has(field.getKey())) {
        merged.set(field.getKey(), field.getValue());
      } else {
        throw new IllegalArgumentException("unknown " + what + " '" + field.getKey() + "'");
      }
    });
    try {
      return MAPPER.treeToValue(merged, type);
    } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new IllegalArgumentException(cause.getMessage(), e);
    }
  }

  static String iso(Instant instant) {
    return ISO_MILLIS.format(instant);
  }
}
