package dev.inboxdesk.client.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.inboxdesk.client.Message;
import dev.inboxdesk.client.SessionUser;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Readers for the messages service's bodies. Fields not named here are skipped unread; in a
 * delete answer that includes the account's {@code email} and {@code password} hash, which are
 * never turned into strings, let alone kept.
 */
public final class MessagesJson {
  private MessagesJson() {
  }

  /** {@code {"csrfToken":"…"}}. */
  public static String csrfToken(JsonParser parser) throws IOException {
    String token = Json.requiredField(parser, "the CSRF answer", "csrfToken", Json::string);
    if (token.isEmpty()) {
      throw new ShapeException("an empty 'csrfToken'");
    }
    return token;
  }


  /** {@code {"url":"…"}}: where NextAuth would send a browser next. */
  public static String callbackUrl(JsonParser parser) throws IOException {
    return Json.requiredField(parser, "the sign-in answer", "url", Json::string);
  }


  /** {@code {"success":true,"messages":[…]}}, each message converted as soon as it is read. */
  public static <T> List<T> messageList(JsonParser parser, Function<Message, T> convert) throws IOException {
    return Json.requiredField(parser, "the message list", "messages",
        (p, name) -> eachMessage(p, q -> convert.apply(message(q))));
  }


  /**
   * {@code {"success":true,"message":"…","data":{…,"messages":[…]}}}: the ids left in the inbox
   * after a delete. Message texts, e-mail and password hash are skipped without being decoded.
   */
  public static List<String> idsAfterDelete(JsonParser parser) throws IOException {
    return Json.requiredField(parser, "the delete answer", "data",
        (p, name) -> Json.requiredField(p, "'data'", "messages", (q, field) -> ids(q)));
  }


  /** {@code {"user":{…},"expires":"…"}}, or null for {@code {}} (signed out). */
  public static SessionUser session(JsonParser parser) throws IOException {
    Object[] user = new Object[6];
    String[] expires = new String[1];
    boolean[] hasUser = new boolean[1];
    Json.readObject(parser, "the session", (name, p) -> {
      if (name.equals("expires")) {
        expires[0] = Json.string(p, name);
        return true;
      }
      if (!name.equals("user") || p.currentToken() != JsonToken.START_OBJECT) {
        return false;
      }
      hasUser[0] = true;
      Json.readObject(p, "'user'", (field, q) -> {
        switch (field) {
          case "_id", "id" -> user[0] = Json.string(q, field);
          case "username", "name" -> user[1] = user[1] == null ? Json.string(q, field) : user[1];
          case "email" -> user[2] = Json.string(q, field);
          case "isVerified" -> user[3] = Json.bool(q, field);
          case "isAcceptingMessages" -> user[4] = Json.bool(q, field);
          default -> {
            return false;
          }
        }
        return true;
      });
      return true;
    });
    if (!hasUser[0]) {
      return null;
    }
    Instant expiry = null;
    if (expires[0] != null) {
      try {
        expiry = Instant.parse(expires[0]);
      } catch (DateTimeParseException unreadable) {
        expiry = null;
      }
    }
    return new SessionUser((String) user[0], (String) user[1], (String) user[2], Boolean.TRUE.equals(user[3]),
        Boolean.TRUE.equals(user[4]), expiry);
  }

  /** {@code {"success":true,"isAcceptingMessages":true}}. */
  public static boolean acceptingMessages(JsonParser parser) throws IOException {
    return Json.requiredField(parser, "the accept-messages answer", "isAcceptingMessages", Json::bool);
  }


  private static Message message(JsonParser parser) throws IOException {
    String[] fields = new String[3];
    Json.readObject(parser, "a message", (name, q) -> {
      switch (name) {
        case "_id" -> fields[0] = objectId(q);
        case "content" -> fields[1] = Json.string(q, name);
        case "createdAt" -> fields[2] = Json.string(q, name);
        default -> {
          return false;
        }
      }
      return true;
    });
    return new Message(requireId(fields[0]), fields[1], fields[2]);
  }

  private static List<String> ids(JsonParser parser) throws IOException {
    return eachMessage(parser, p -> {
      String[] id = new String[1];
      Json.readObject(p, "a message", (name, q) -> {
        if (!name.equals("_id")) {
          return false;
        }
        id[0] = objectId(q);
        return true;
      });
      return requireId(id[0]);
    });
  }

  /** What one element of a {@code messages} array becomes. */
  @FunctionalInterface
  private interface ElementReader<T> {
    T read(JsonParser parser) throws IOException;
  }

  /** Reads a {@code messages} array of objects, each with {@code element}. */
  private static <T> List<T> eachMessage(JsonParser parser, ElementReader<T> element) throws IOException {
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      throw new ShapeException("'messages' should be an array");
    }
    List<T> read = new ArrayList<>();
    JsonToken token;
    while ((token = parser.nextToken()) == JsonToken.START_OBJECT) {
      read.add(element.read(parser));
    }
    if (token != JsonToken.END_ARRAY) {
      throw new ShapeException("'messages' should hold objects");
    }
    return read;
  }

  private static String requireId(String id) throws ShapeException {
    if (id == null) {
      throw new ShapeException("a message without '_id'");
    }
    return id;
  }

  /** An ObjectId as a plain string, or in extended JSON as {@code {"$oid":"…"}}. */
  private static String objectId(JsonParser parser) throws IOException {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      return Json.string(parser, "_id");
    }
    return Json.requiredField(parser, "'_id'", "$oid", Json::string);
  }

}
