package dev.inboxdesk.client.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.inboxdesk.client.Exchange.Header;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import okhttp3.Headers;

/**
 * Masks secrets before anything is shown or written: credential headers, cookie values, and
 * password and token fields in JSON and form bodies. The mask keeps names and structure so a
 * tester still sees what was sent.
 */
public final class Redactor {
  /** What a masked value reads as. */
  public static final String MASK = "«redacted»";

  private static final Set<String> SECRET_FIELDS = Set.of("password", "accesstoken", "refreshtoken", "temptoken",
      "token", "csrftoken", "captchatoken", "sessiontoken");
  private static final Set<String> CREDENTIAL_HEADERS = Set.of("authorization", "proxy-authorization");
  private static final Pattern JSON_SECRET = Pattern.compile(
      "(\"(?i:password|accessToken|refreshToken|tempToken|token|csrfToken|captchaToken|sessionToken)\"\\s*:\\s*)"
          + "(\"(?:[^\"\\\\]|\\\\.)*\"?|[^,}\\]\\s]+)");

  private Redactor() {
  }

  /** Masked copies of the headers, in order. */
  public static List<Header> headers(Headers headers) {
    List<Header> masked = new ArrayList<>(headers.size());
    for (int i = 0; i < headers.size(); i++) {
      masked.add(new Header(headers.name(i), header(headers.name(i), headers.value(i))));
    }
    return masked;
  }

  /** One header's value with any secret in it masked. */
  public static String header(String name, String value) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (CREDENTIAL_HEADERS.contains(lower)) {
      int space = value.indexOf(' ');
      return space > 0 ? value.substring(0, space) + " " + MASK : MASK;
    }
    if (lower.equals("cookie")) {
      List<String> pairs = new ArrayList<>();
      for (String pair : value.split(";")) {
        pairs.add(maskPair(pair.trim()));
      }
      return String.join("; ", pairs);
    }
    if (lower.equals("set-cookie")) {
      int semicolon = value.indexOf(';');
      String first = semicolon < 0 ? value : value.substring(0, semicolon);
      return maskPair(first.trim()) + (semicolon < 0 ? "" : value.substring(semicolon));
    }
    return value;
  }

  private static String maskPair(String pair) {
    int equals = pair.indexOf('=');
    if (equals < 0) {
      return pair;
    }
    return pair.substring(0, equals + 1) + (equals == pair.length() - 1 ? "" : MASK);
  }

  /**
   * A body as text with secrets masked, cut to {@code maxChars}.
   *
   * @param contentType the body's media type, or null
   */
  public static String body(byte[] body, String contentType, int maxChars) {
    if (body.length == 0 || maxChars == 0) {
      return "";
    }
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    boolean cut = body.length > maxChars;
    String text = new String(body, 0, Math.min(body.length, maxChars), StandardCharsets.UTF_8);
    String masked;
    if (type.startsWith("application/x-www-form-urlencoded")) {
      masked = form(text);
    } else if (!cut) {
      masked = json(text);
    } else {
      // A cut body is not valid JSON: mask by pattern, which also catches a cut-off secret.
      masked = maskByPattern(text);
    }
    return cut ? masked + "… (" + body.length + " bytes in all)" : masked;
  }

  private static String form(String text) {
    List<String> fields = new ArrayList<>();
    for (String field : text.split("&")) {
      int equals = field.indexOf('=');
      String name = equals < 0 ? field : URLDecoder.decode(field.substring(0, equals), StandardCharsets.UTF_8);
      fields.add(isSecret(name) && equals >= 0 ? field.substring(0, equals + 1) + MASK : field);
    }
    return String.join("&", fields);
  }

  private static String json(String text) {
    StringWriter out = new StringWriter(text.length());
    try (JsonParser parser = Json.FACTORY.createParser(text);
        JsonGenerator generator = Json.FACTORY.createGenerator(out)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        if (token == JsonToken.FIELD_NAME && isSecret(parser.currentName())) {
          generator.writeFieldName(parser.currentName());
          parser.nextToken();
          parser.skipChildren();
          generator.writeString(MASK);
        } else {
          generator.copyCurrentEvent(parser);
        }
      }
      generator.flush();
      return out.toString();
    } catch (IOException notJson) {
      return maskByPattern(text);
    }
  }

  private static String maskByPattern(String text) {
    return JSON_SECRET.matcher(text).replaceAll("$1\"" + MASK + "\"");
  }

  private static boolean isSecret(String fieldName) {
    return SECRET_FIELDS.contains(fieldName.toLowerCase(Locale.ROOT));
  }
}
