package dev.inboxdesk.client.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.inboxdesk.client.ApiException;
import dev.inboxdesk.client.ServerDetails;
import dev.inboxdesk.client.UnexpectedResponseException;
import dev.inboxdesk.client.UnexpectedResponseException.Kind;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Streaming JSON reading shared by both services' readers. Streaming lets a reader skip fields
 * (the password hash in a delete answer) without ever turning them into strings.
 */
public final class Json {
  /**
   * Limits for bodies from servers, set here rather than left to Jackson's defaults (which change
   * between versions): deep nesting, long numbers and long names are refused as unexpected
   * responses. Strings stay generous: one message's text, or a whole-inbox delete answer's field.
   */
  static final StreamReadConstraints SERVER_BODY_LIMITS = StreamReadConstraints.builder()
      .maxNestingDepth(64)
      .maxNumberLength(64)
      .maxNameLength(4_096)
      .maxStringLength(16 * 1024 * 1024)
      .build();

  /** Streaming reads and writes, with the limits above; thread-safe. */
  static final JsonFactory FACTORY = JsonFactory.builder().streamReadConstraints(SERVER_BODY_LIMITS).build();

  /**
   * Data binding, for what the streaming readers leave to it: error bodies, read as trees. Made on
   * first use: an {@code ObjectMapper} loads some 400 classes, which a start that meets no error
   * need not have resident.
   */
  static ObjectMapper mapper() {
    return Mapper.INSTANCE;
  }

  private static final class Mapper {
    static final ObjectMapper INSTANCE = new ObjectMapper(FACTORY);
  }

  /**
   * A JSON object of string fields, for request bodies: {@code object("email", e, "password", p)}.
   *
   * @param namesAndValues a field's name, then its value, for each field
   */
  public static String object(String... namesAndValues) {
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = FACTORY.createGenerator(out)) {
      generator.writeStartObject();
      for (int i = 0; i < namesAndValues.length; i += 2) {
        generator.writeStringField(namesAndValues[i], namesAndValues[i + 1]);
      }
      generator.writeEndObject();
    } catch (IOException impossible) {
      throw new UncheckedIOException(impossible);
    }
    return out.toString();
  }

  private Json() {
  }

  /** Reads one field's value; the parser is on the value's first token. Return false to skip it. */
  @FunctionalInterface
  interface FieldReader {
    boolean read(String name, JsonParser parser) throws IOException;
  }

  /** A body reader: parses a whole 2xx body into a value. */
  @FunctionalInterface
  public interface BodyReader<T> {
    T read(JsonParser parser) throws IOException;
  }

  /**
   * Parses a success body, turning every way it can be wrong into an
   * {@link UnexpectedResponseException}.
   */
  public static <T> T parse(HttpAnswer answer, String what, BodyReader<T> reader) {
    requireJson(answer, what);
    try (JsonParser parser = FACTORY.createParser(answer.body())) {
      return readWhole(parser, reader);
    } catch (IOException | RuntimeException e) {
      // Reading from a byte array fails only on what the bytes are.
      throw unreadable(e, what, answer.status(), answer.body().length);
    }
  }

  /**
   * Reads one JSON value with {@code reader}, then the rest of the body. A reader stops once it has
   * what it needs; the rest must still be there and well-formed, or the answer was cut off or
   * garbled after that point and proves nothing. A second value after the first is garbled too
   * (Jackson would read one after the other).
   */
  static <T> T readWhole(JsonParser parser, BodyReader<T> reader) throws IOException {
    if (parser.nextToken() == null) {
      throw new ShapeException("no JSON value");
    }
    T value = reader.read(parser);
    JsonToken token;
    while ((token = parser.nextToken()) != null) {
      if (startsAnotherValue(parser, token)) {
        throw new JsonParseException(parser, "a second JSON value after the first");
      }
      parser.skipChildren();
    }
    return value;
  }

  /** Whether {@code token} begins a value at the top level, where only the first belongs. */
  private static boolean startsAnotherValue(JsonParser parser, JsonToken token) {
    JsonStreamContext context = parser.getParsingContext();
    if (token.isStructStart()) {
      return context.getParent() != null && context.getParent().inRoot();
    }
    return token.isScalarValue() && context.inRoot();
  }

  /**
   * The typed error for a body that could not be read as {@code what}: the wrong shape, malformed
   * JSON, or beyond the parser's limits. An {@link ApiException} a reader threw stays as it is.
   *
   * @param length the whole body's length in bytes, for the message
   */
  static RuntimeException unreadable(Exception e, String what, int status, long length) {
    ServerDetails details = ServerDetails.ofStatus(status);
    if (e instanceof ApiException typed) {
      return typed;
    }
    if (e instanceof ShapeException) {
      return new UnexpectedResponseException(Kind.WRONG_SHAPE, what + " is not shaped as the contract says: "
          + e.getMessage(), details);
    }
    if (e instanceof StreamConstraintsException limits) {
      // Nested too deep, a number or string too long: Jackson's limits, which carry no location.
      return new UnexpectedResponseException(Kind.MALFORMED_JSON, what + " is beyond the parser's limits ("
          + limits.getOriginalMessage() + ")", details);
    }
    if (e instanceof JsonProcessingException malformed) {
      long at = malformed.getLocation() == null ? -1 : malformed.getLocation().getByteOffset();
      return new UnexpectedResponseException(Kind.MALFORMED_JSON, what + " is not valid JSON (truncated or garbled"
          + (at >= 0 ? " at byte " + at + " of " + length : "") + ")", details);
    }
    if (e instanceof RuntimeException) {
      // Whatever else a hostile body provokes in a reader (a number out of range, say): still typed.
      return new UnexpectedResponseException(Kind.WRONG_SHAPE, what + " could not be read: "
          + e.getClass().getSimpleName(), details);
    }
    return new UnexpectedResponseException(Kind.MALFORMED_JSON, what + " could not be read", details);
  }

  /** Throws when the answer is plainly not JSON (empty, HTML), without parsing it. */
  public static void requireJson(HttpAnswer answer, String what) {
    Kind notReadable = notJsonKind(answer.body(), answer.contentType());
    if (notReadable != null) {
      throw new UnexpectedResponseException(notReadable, describe(notReadable, what, answer.contentType()),
          ServerDetails.ofStatus(answer.status()));
    }
  }

  /** Why a body cannot be JSON at all, or null if it may be. */

  static Kind notJsonKind(byte[] body, String contentType) {
    int first = firstNonWhitespace(body);
    return notJsonKind(first < 0 ? -1 : body[first] & 0xFF, contentType);
  }

  /**
   * Why a body cannot be JSON at all, or null if it may be.
   *
   * @param firstByte the body's first byte that is not white space, or -1 when it has none
   */
  static Kind notJsonKind(int firstByte, String contentType) {
    if (firstByte < 0) {
      return Kind.EMPTY_BODY;
    }
    if (firstByte == '<') {
      return Kind.NOT_JSON;
    }
    if (contentType != null) {
      String type = contentType.toLowerCase(Locale.ROOT);
      if (type.startsWith("text/html") || type.startsWith("text/xml") || type.startsWith("image/")) {
        return Kind.NOT_JSON;
      }
    }
    return null;
  }

  static String describe(Kind kind, String what, String contentType) {
    return switch (kind) {
      case EMPTY_BODY -> what + " is empty";
      case NOT_JSON -> what + " is not JSON" + (contentType == null ? "" : " (" + contentType + ")");
      default -> what + " could not be read";
    };
  }

  private static int firstNonWhitespace(byte[] body) {
    for (int i = 0; i < body.length; i++) {
      byte b = body[i];
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t' && !(i == 0 && b == (byte) 0xEF)) {
        // 0xEF starts a UTF-8 byte-order mark, which Jackson skips.
        if (i <= 2 && (b == (byte) 0xBB || b == (byte) 0xBF) && body[0] == (byte) 0xEF) {
          continue;
        }
        return i;
      }
    }
    return -1;
  }

  /** Walks an object's fields; the parser must be on START_OBJECT and ends on its END_OBJECT. */
  static void readObject(JsonParser parser, String what, FieldReader reader) throws IOException {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      throw new ShapeException(what + " should be an object");
    }
    JsonToken token;
    while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      parser.nextToken();
      if (!reader.read(name, parser)) {
        parser.skipChildren();
      }
    }
    if (token != JsonToken.END_OBJECT) {
      throw new ShapeException(what + " ends early");
    }
  }

  /** Reads one value; the parser is on the value's first token. */
  @FunctionalInterface
  interface ValueReader<T> {
    T read(JsonParser parser, String field) throws IOException;
  }

  /**
   * The value of one field of the object the parser is on, skipping every other field; a missing
   * or null value is the wrong shape.
   */
  static <T> T requiredField(JsonParser parser, String what, String field, ValueReader<T> reader) throws IOException {
    List<T> found = new ArrayList<>(1);
    readObject(parser, what, (name, p) -> {
      if (!name.equals(field)) {
        return false;
      }
      found.add(reader.read(p, name));
      return true;
    });
    if (found.isEmpty() || found.get(0) == null) {
      throw new ShapeException("no '" + field + "' in " + what);
    }
    return found.get(0);
  }

  /** A string value, or null for JSON null; anything else is the wrong shape. */
  static String string(JsonParser parser, String field) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token != JsonToken.VALUE_STRING) {
      throw new ShapeException("'" + field + "' should be a string");
    }
    return parser.getText();
  }

  static boolean bool(JsonParser parser, String field) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
      return token == JsonToken.VALUE_TRUE;
    }
    throw new ShapeException("'" + field + "' should be true or false");
  }

  static Integer integer(JsonParser parser, String field) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token != JsonToken.VALUE_NUMBER_INT) {
      throw new ShapeException("'" + field + "' should be a whole number");
    }
    return parser.getIntValue();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(JsonParser parser) throws IOException {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      parser.skipChildren();
      return Map.of();
    }
    return (Map<String, Object>) untyped(parser);
  }

  /**
   * What {@code mapper().readValue(parser, Map.class)} gives (objects keep their order, whole numbers
   * are Integer, Long or BigInteger by size, other numbers Double), read straight off the parser:
   * data binding's deserializers, and the annotation reading they start, are not loaded for it.
   * The depth is bounded by {@link #SERVER_BODY_LIMITS}.
   */
  private static Object untyped(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    return switch (token) {
      case START_OBJECT -> {
        Map<String, Object> object = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          parser.nextToken();
          object.put(name, untyped(parser));
        }
        yield object;
      }
      case START_ARRAY -> {
        List<Object> array = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          array.add(untyped(parser));
        }
        yield array;
      }
      case VALUE_STRING -> parser.getText();
      case VALUE_NUMBER_INT -> parser.getNumberValue();
      case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> null;
      default -> throw new ShapeException("unexpected " + token);
    };
  }

  static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
