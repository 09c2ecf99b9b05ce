package dev.inboxdesk.app.list;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One thing a user can see and delete, whichever service holds it: an anonymous message or a
 * notification. Immutable.
 *
 * @param id the service's id (24 hex digits for a message, a UUID for a notification)
 * @param title a one-line summary
 * @param text the whole text
 * @param createdAt when it arrived, or null if the server gave no readable time
 * @param read whether it was read (messages are always read)
 * @param type what kind of event it is (empty for messages)
 */
public record Item(String id, String title, String text, Instant createdAt, boolean read, String type) {

  public Item {
    Objects.requireNonNull(id, "id");
    title = title == null ? "" : title;
    text = text == null ? "" : text;
    type = type == null ? "" : type;
  }

  /**
   * The text a search looks in, lower-cased once so a keystroke over 100,000 rows stays cheap. A
   * title that merely starts the text (a message's first line) is not repeated, and lower-case
   * text is not copied: a big inbox holds this for every row.
   */
  String searchText() {
    String shortTitle = title.endsWith("…") ? title.substring(0, title.length() - 1) : title;
    String searched = text.startsWith(shortTitle) ? text : title + "\n" + text;
    return (type.isEmpty() ? searched : searched + "\n" + type).toLowerCase(Locale.ROOT);
  }

  /** The same item, marked read. */
  public Item asRead() {
    return read ? this : new Item(id, title, text, createdAt, true, type);
  }
}
