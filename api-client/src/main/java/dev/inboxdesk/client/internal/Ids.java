package dev.inboxdesk.client.internal;

import dev.inboxdesk.client.InvalidRequestException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Checks ids before they are sent, so malformed input never reaches a server. */
public final class Ids {
  private static final Pattern OBJECT_ID = Pattern.compile("[0-9a-fA-F]{24}");
  private static final Pattern UUID = Pattern.compile(
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private Ids() {
  }

  /** A message id: a MongoDB ObjectId, 24 hex digits (anything else crashes the server into 500). */
  public static String requireMessageId(String id) {
    if (id == null || !OBJECT_ID.matcher(id).matches()) {
      throw InvalidRequestException.refusedBeforeSending(InvalidRequestException.INVALID_MESSAGE_ID,
          "A message id is 24 hexadecimal digits, got " + shown(id));
    }
    return id;
  }

  /**
   * A notification id: a UUID (the server's ParseUUIDPipe answers 400 to anything else), in lower
   * case as the server stores it, so that it is sent and compared in one form.
   */
  public static String requireUuid(String id) {
    if (id == null || !UUID.matcher(id).matches()) {
      throw InvalidRequestException.refusedBeforeSending(InvalidRequestException.INVALID_NOTIFICATION_ID,
          "A notification id is a UUID such as 3f2b8c1e-0d4a-4e7b-9c61-5a8f2e9d0b17, got " + shown(id));
    }
    return id.toLowerCase(Locale.ROOT);
  }

  private static String shown(String id) {
    if (id == null) {
      return "nothing";
    }
    String printable = id.replaceAll("\\p{Cntrl}", "?");
    return "'" + (printable.length() > 60 ? printable.substring(0, 60) + "…" : printable) + "'";
  }
}
