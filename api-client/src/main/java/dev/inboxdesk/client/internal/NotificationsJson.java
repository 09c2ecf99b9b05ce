package dev.inboxdesk.client.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.inboxdesk.client.Notification;
import dev.inboxdesk.client.NotificationPage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Readers for the notifications service's success bodies, all {@code {"success":true,"data":…}}. */
public final class NotificationsJson {
  private NotificationsJson() {
  }

  /**
   * What a login or refresh answered.
   *
   * @param accessToken the new access token, or null when a second factor is required
   * @param expiresInSeconds its lifetime, or null
   * @param requiresTwoFactor whether a second step is needed
   * @param tempToken the second step's ticket
   */
  public record TokenAnswer(String accessToken, Integer expiresInSeconds, boolean requiresTwoFactor, String tempToken) {
    @Override
    public String toString() {
      return "TokenAnswer[«redacted»]";
    }
  }

  public static TokenAnswer tokens(JsonParser parser) throws IOException {
    Object[] fields = new Object[4];
    data(parser, p -> Json.readObject(p, "'data'", (name, q) -> {
      switch (name) {
        case "accessToken" -> fields[0] = Json.string(q, name);
        case "expiresIn" -> fields[1] = Json.integer(q, name);
        case "requiresTwoFactor" -> fields[2] = Json.bool(q, name);
        case "tempToken" -> fields[3] = Json.string(q, name);
        default -> {
          return false;
        }
      }
      return true;
    }));
    boolean twoFactor = Boolean.TRUE.equals(fields[2]);
    if (twoFactor ? fields[3] == null : fields[0] == null) {
      throw new ShapeException(twoFactor ? "no 'data.tempToken'" : "no 'data.accessToken'");
    }
    return new TokenAnswer((String) fields[0], (Integer) fields[1], twoFactor, (String) fields[3]);
  }

  public static NotificationPage page(JsonParser parser) throws IOException {
    List<Notification> items = new ArrayList<>();
    Integer[] paging = new Integer[3];
    boolean[] sawItems = new boolean[1];
    data(parser, p -> Json.readObject(p, "'data'", (name, q) -> {
      switch (name) {
        case "items" -> {
          sawItems[0] = true;
          readItems(q, items);
        }
        case "page" -> paging[0] = lenientInt(q);
        case "limit" -> paging[1] = lenientInt(q);
        case "total" -> paging[2] = lenientInt(q);
        default -> {
          return false;
        }
      }
      return true;
    }));
    if (!sawItems[0]) {
      throw new ShapeException("no 'data.items' array");
    }
    return new NotificationPage(items, paging[0], paging[1], paging[2]);
  }

  /** A number inside {@code data}, e.g. {@code count}, {@code updated}, {@code deleted}. */
  public static int dataCount(JsonParser parser, String field) throws IOException {
    return Json.requiredField(parser, "the answer", "data", (p, name) -> Json.requiredField(p, "'data'", field,
        Json::integer));
  }


  /** {@code {"success":true}}, with or without data. */
  public static boolean success(JsonParser parser) throws IOException {
    if (!Json.requiredField(parser, "the answer", "success", Json::bool)) {
      throw new ShapeException("'success' is not true");
    }
    return true;
  }


  @FunctionalInterface
  private interface DataReader {
    void read(JsonParser parser) throws IOException;
  }

  private static void data(JsonParser parser, DataReader reader) throws IOException {
    boolean[] sawData = new boolean[1];
    Json.readObject(parser, "the answer", (name, p) -> {
      if (!name.equals("data") || p.currentToken() != JsonToken.START_OBJECT) {
        return false;
      }
      sawData[0] = true;
      reader.read(p);
      return true;
    });
    if (!sawData[0]) {
      throw new ShapeException("no 'data' object");
    }
  }

  private static void readItems(JsonParser parser, List<Notification> items) throws IOException {
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      throw new ShapeException("'items' should be an array");
    }
    JsonToken token;
    while ((token = parser.nextToken()) == JsonToken.START_OBJECT) {
      Object[] f = new Object[8];
      Json.readObject(parser, "a notification", (name, p) -> {
        switch (name) {
          case "id" -> f[0] = Json.string(p, name);
          case "eventKey" -> f[1] = Json.string(p, name);
          case "type" -> {
            // Some deployments name the kind "type"; "eventKey" wins where both come.
            String type = Json.string(p, name);
            f[1] = f[1] == null ? type : f[1];
          }
          case "title" -> f[2] = Json.string(p, name);
          case "body" -> f[3] = Json.string(p, name);
          case "data" -> f[4] = Json.map(p);
          case "read" -> f[5] = Json.bool(p, name);
          case "readAt" -> f[6] = Json.string(p, name);
          case "createdAt" -> f[7] = Json.string(p, name);
          default -> {
            return false;
          }
        }
        return true;
      });
      if (f[0] == null) {
        throw new ShapeException("a notification without 'id'");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> data = (Map<String, Object>) f[4];
      items.add(new Notification(((String) f[0]).toLowerCase(Locale.ROOT), (String) f[1], (String) f[2], (String) f[3], data,
          Boolean.TRUE.equals(f[5]), (String) f[6], (String) f[7]));
    }
    if (token != JsonToken.END_ARRAY) {
      throw new ShapeException("'items' should hold objects");
    }
  }

  private static Integer lenientInt(JsonParser parser) throws IOException {
    return parser.currentToken() == JsonToken.VALUE_NUMBER_INT ? Integer.valueOf(parser.getIntValue()) : null;
  }
}
