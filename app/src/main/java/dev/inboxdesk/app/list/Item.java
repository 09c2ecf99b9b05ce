package dev.inboxdesk.app.list;

import java.time.Instant;
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
   * False when the title is the text's first line, whole or shortened with an ellipsis (a
   * message's): a search then looks in the text alone.
   */
  boolean titleAddsToText() {
    int compared = title.endsWith("…") ? title.length() - 1 : title.length();
    return !text.regionMatches(0, title, 0, compared);
  }

  /** The same item, marked read. */
  public Item asRead() {
    return read ? this : new Item(id, title, text, createdAt, true, type);
  }
}
