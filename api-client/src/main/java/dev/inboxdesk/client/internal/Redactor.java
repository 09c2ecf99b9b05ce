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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Headers;

/**
 * Masks secrets before anything is shown or written: credential headers, cookie values, and
 * secret fields in JSON and form bodies. A name is secret by what it contains (password, passwd,
 * secret, token, hash, authorization, cookie, session, api key), read after unescaping, so that
 * {@code access_token}, {@code passwordHash}, {@code X-Auth-Token} or {@code pass\u0077ord} are
 * caught too; in a body that carries a secret (a sign-in, a two-factor step) {@code code} is one.
 * The mask keeps names and structure so a tester still sees what was sent.
 *
 * <p>{@link Mode#REVEAL} is for the inspector's explicit "reveal": it shows the user's own token
 * and cookie, but never a password, a hash or a two-factor code.
 */
public final class Redactor {
  /** What a masked value reads as. */
  public static final String MASK = "«redacted»";

  /** What a name contains that makes its value secret, compared without case, "_", "-" or ".". */
  private static final List<String> SECRET_PARTS = List.of("password", "passwd", "secret", "token", "hash",
      "authorization", "cookie", "session", "apikey");
  /** What is never shown, not even on an explicit reveal: another's secret, or one that is not a key to anything the user owns. */
  private static final List<String> NEVER_REVEALED = List.of("password", "passwd", "hash", "secret");
  /** A JSON key and what follows it, for bodies that are not whole JSON (cut off, garbled). */
  private static final Pattern JSON_KEY = Pattern.compile(
      "\"((?:[^\"\\\\]|\\\\.)*)\"(\\s*:\\s*)(\"(?:[^\"\\\\]|\\\\.)*\"?|[^,}\\]\\s]+)");

  /** How much a copy shows. */
  public enum Mode {
    /** Every secret masked: for logs, --verbose, HAR, the inspector's normal view. */
    MASKED,
    /** The user's own tokens and cookies shown; passwords, hashes and two-factor codes still masked. */
    REVEAL
  }

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
    if (isSecretName(name, false)) {
      // "Bearer «redacted»": the scheme says what kind of credential went, not the credential.
      int space = value.indexOf(' ');
      return space > 0 && space < 16 && value.substring(0, space).chars().allMatch(Character::isLetter)
          ? value.substring(0, space) + " " + MASK : MASK;
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
    return body(body, contentType, maxChars, false, Mode.MASKED);
  }

  /**
   * A body as text with secrets masked as {@code mode} says, cut to {@code maxChars}.
   *
   * @param carriesSecret the request is a sign-in or two-factor step: its {@code code} is secret too
   */
  public static String body(byte[] body, String contentType, int maxChars, boolean carriesSecret, Mode mode) {
    return body(body, body.length, contentType, maxChars, carriesSecret, mode);
  }

  /**
   * As {@link #body(byte[], String, int, boolean, Mode)}, for a body of which only the start was
   * kept.
   *
   * @param start the body's first bytes: all of it, or at least {@code maxChars}
   * @param length the whole body's length
   */
  public static String body(byte[] start, long length, String contentType, int maxChars, boolean carriesSecret,
      Mode mode) {
    if (length == 0 || maxChars == 0) {
      return "";
    }
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    boolean cut = length > maxChars;
    String text = new String(start, 0, Math.min(start.length, maxChars), StandardCharsets.UTF_8);
    String masked;
    Rule rule = new Rule(carriesSecret, mode);
    if (type.startsWith("application/x-www-form-urlencoded")) {
      masked = form(text, rule);
    } else if (!cut) {
      masked = json(text, rule);
    } else {
      // A cut body is not valid JSON: mask by pattern, which also catches a cut-off secret.
      masked = maskByPattern(text, rule);
    }
    return cut ? masked + "… (" + length + " bytes in all)" : masked;
  }

  /** Which names are masked in one body. */
  private record Rule(boolean carriesSecret, Mode mode) {
    boolean masks(String name) {
      if (mode == Mode.REVEAL) {
        String plain = plain(name);
        return NEVER_REVEALED.stream().anyMatch(plain::contains) || carriesSecret && plain.equals("code");
      }
      return isSecretName(name, carriesSecret);
    }
  }

  private static String form(String text, Rule rule) {
    List<String> fields = new ArrayList<>();
    for (String field : text.split("&")) {
      int equals = field.indexOf('=');
      String name = equals < 0 ? field : URLDecoder.decode(field.substring(0, equals), StandardCharsets.UTF_8);
      fields.add(rule.masks(name) && equals >= 0 ? field.substring(0, equals + 1) + MASK : field);
    }
    return String.join("&", fields);
  }

  private static String json(String text, Rule rule) {
    StringWriter out = new StringWriter(text.length());
    try (JsonParser parser = Json.FACTORY.createParser(text);
        JsonGenerator generator = Json.FACTORY.createGenerator(out)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        if (token == JsonToken.FIELD_NAME && rule.masks(parser.currentName())) {
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
      return maskByPattern(text, rule);
    }
  }

  /** Masks every value whose key, unescaped, is secret. */
  private static String maskByPattern(String text, Rule rule) {
    Matcher key = JSON_KEY.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (key.find()) {
      String replacement = rule.masks(unescape(key.group(1)))
          ? "\"" + key.group(1) + "\"" + key.group(2) + "\"" + MASK + "\"" : key.group();
      key.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    key.appendTail(out);
    return out.toString();
  }

  /** Whether a header, field or parameter name holds a secret. */
  static boolean isSecretName(String name, boolean carriesSecret) {
    String plain = plain(name);
    return SECRET_PARTS.stream().anyMatch(plain::contains) || carriesSecret && plain.equals("code");
  }

  /** The name in lower case without separators: {@code X-Auth-Token} → {@code xauthtoken}. */
  private static String plain(String name) {
    StringBuilder plain = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        plain.append(Character.toLowerCase(c));
      }
    }
    return plain.toString();
  }

  /** A JSON string's content with its escapes resolved ({@code pass\u0077ord} → {@code password}). */
  private static String unescape(String raw) {
    if (raw.indexOf('\\') < 0) {
      return raw;
    }
    try (JsonParser parser = Json.FACTORY.createParser("\"" + raw + "\"")) {
      parser.nextToken();
      return parser.getText();
    } catch (IOException malformed) {
      return raw;
    }
  }
}
