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

  static String iso(Instant instant) {
    return ISO_MILLIS.format(instant);
  }
}
