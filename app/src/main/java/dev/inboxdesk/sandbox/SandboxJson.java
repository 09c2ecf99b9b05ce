package dev.inboxdesk.sandbox;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Map;

/**
 * JSON building for the sandbox's answers: trees of Jackson's nodes, written and read with its
 * streaming API. Data binding (an {@code ObjectMapper}, some 400 classes resident at every start
 * with the AOT cache) is made only for the control endpoint's settings and accounts, which a start
 * does not touch.
 */
final class SandboxJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final JsonFactory FACTORY = new JsonFactory();
  /** The services write times as JavaScript's {@code Date.toISOString()} does: millis and a Z. */
  private static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private SandboxJson() {
  }

  /** Data binding, for records and their trees; made on first use. */
  static ObjectMapper mapper() {
    return Mapper.INSTANCE;
  }

  private static final class Mapper {
    static final ObjectMapper INSTANCE = new ObjectMapper(FACTORY);
  }

  static ObjectNode object() {
    return NODES.objectNode();
  }

  static ArrayNode array() {
    return NODES.arrayNode();
  }

  /** A map, list, string, number, boolean or null as a tree, as data binding would make it. */
  static JsonNode tree(Object value) {
    if (value == null) {
      return NODES.nullNode();
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode object = object();
      map.forEach((name, field) -> object.set(String.valueOf(name), tree(field)));
      return object;
    }
    if (value instanceof Collection<?> list) {
      ArrayNode array = array();
      list.forEach(element -> array.add(tree(element)));
      return array;
    }
    if (value instanceof Boolean bool) {
      return NODES.booleanNode(bool);
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return NODES.numberNode(((Number) value).intValue());
    }
    if (value instanceof Long number) {
      return NODES.numberNode(number);
    }
    if (value instanceof Double || value instanceof Float) {
      return NODES.numberNode(((Number) value).doubleValue());
    }
    if (value instanceof BigInteger number) {
      return NODES.numberNode(number);
    }
    if (value instanceof BigDecimal number) {
      return NODES.numberNode(number);
    }
    return NODES.textNode(value.toString());
  }

  static byte[] bytes(JsonNode node) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator generator = FACTORY.createGenerator(out)) {
      write(node, generator);
    } catch (IOException impossible) {
      throw new UncheckedIOException(impossible);
    }
    return out.toByteArray();
  }

  private static void write(JsonNode node, JsonGenerator generator) throws IOException {
    switch (node.getNodeType()) {
      case OBJECT -> {
        generator.writeStartObject();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
          generator.writeFieldName(field.getKey());
          write(field.getValue(), generator);
        }
        generator.writeEndObject();
      }
      case ARRAY -> {
        generator.writeStartArray();
        for (JsonNode element : node) {
          write(element, generator);
        }
        generator.writeEndArray();
      }
      case STRING -> generator.writeString(node.textValue());
      case BOOLEAN -> generator.writeBoolean(node.booleanValue());
      case NUMBER -> writeNumber(node, generator);
      case NULL, MISSING -> generator.writeNull();
      default -> generator.writeString(node.asText());
    }
  }

  private static void writeNumber(JsonNode node, JsonGenerator generator) throws IOException {
    if (node.isInt()) {
      generator.writeNumber(node.intValue());
    } else if (node.isLong()) {
      generator.writeNumber(node.longValue());
    } else if (node.isBigInteger()) {
      generator.writeNumber(node.bigIntegerValue());
    } else if (node.isBigDecimal()) {
      generator.writeNumber(node.decimalValue());
    } else {
      generator.writeNumber(node.doubleValue());
    }
  }

  /** Parses a request body; null when it is empty or not JSON. */
  static JsonNode parseOrNull(byte[] body) {
    if (body.length == 0) {
      return null;
    }
    try (JsonParser parser = FACTORY.createParser(body)) {
      if (parser.nextToken() == null) {
        return null;
      }
      JsonNode tree = read(parser);
      return parser.nextToken() == null ? tree : null;
    } catch (IOException notJson) {
      return null;
    }
  }

  /** The value the parser is on, as data binding's {@code readTree} makes it (the last of twin fields wins). */
  private static JsonNode read(JsonParser parser) throws IOException {
    return switch (parser.currentToken()) {
      case START_OBJECT -> {
        ObjectNode object = object();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          parser.nextToken();
          object.set(name, read(parser));
        }
        yield object;
      }
      case START_ARRAY -> {
        ArrayNode array = array();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          array.add(read(parser));
        }
        yield array;
      }
      case VALUE_STRING -> NODES.textNode(parser.getText());
      case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
        case INT -> NODES.numberNode(parser.getIntValue());
        case LONG -> NODES.numberNode(parser.getLongValue());
        default -> NODES.numberNode(parser.getBigIntegerValue());
      };
      case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDoubleValue());
      case VALUE_TRUE -> NODES.booleanNode(true);
      case VALUE_FALSE -> NODES.booleanNode(false);
      case VALUE_NULL -> NODES.nullNode();
      default -> throw new JsonParseException(parser, "unexpected " + parser.currentToken());
    };
  }

  /**
   * {@code current} with the fields present in {@code patch} changed, the rest kept; an unknown
   * field or a value {@code type} refuses is an {@link IllegalArgumentException}.
   */
  static <T> T patch(T current, JsonNode patch, Class<T> type, String what) {
    ObjectNode merged = mapper().valueToTree(current);
    patch.fields().forEachRemaining(field -> {
      if (merged.has(field.getKey())) {
        merged.set(field.getKey(), field.getValue());
      } else {
        throw new IllegalArgumentException("unknown " + what + " '" + field.getKey() + "'");
      }
    });
    try {
      return mapper().treeToValue(merged, type);
    } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new IllegalArgumentException(cause.getMessage(), e);
    }
  }

  static String iso(Instant instant) {
    return ISO_MILLIS.format(instant);
  }
}
