package dev.inboxdesk.client;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One notification. Immutable; times are parsed on first use.
 */
public final class Notification {
  private final String id;
  private final String eventKey;
  private final String title;
  private final String body;
  private final Map<String, Object> data;
  private final boolean read;
  private final String readAtText;
  private final Timestamps createdAt;

  /**
   * A notification as the server listed it.
   *
   * @param id the notification's UUID
   * @param eventKey its kind; null means empty
   * @param title its title; null means empty
   * @param body its text; null means empty
   * @param data event-specific fields; copied deeply, null means none
   * @param read whether it was read
   * @param readAtText when it was read, as the server sent it; may be null
   * @param createdAtText when it was created, as the server sent it; may be null
   */
  public Notification(String id, String eventKey, String title, String body, Map<String, Object> data,
      boolean read, String readAtText, String createdAtText) {
    this.id = Objects.requireNonNull(id, "id");
    this.eventKey = eventKey == null ? "" : eventKey;
    this.title = title == null ? "" : title;
    this.body = body == null ? "" : body;
    this.data = data == null ? Map.of() : deepCopy(data);
    this.read = read;
    this.readAtText = readAtText;
    this.createdAt = new Timestamps(createdAtText);
  }

  /** An unmodifiable copy of a JSON object, its nested objects and arrays copied too. */
  private static Map<String, Object> deepCopy(Map<?, ?> map) {
    Map<String, Object> copy = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      copy.put(String.valueOf(entry.getKey()), deepCopyValue(entry.getValue()));
    }
    return Collections.unmodifiableMap(copy);
  }

  private static Object deepCopyValue(Object value) {
    if (value instanceof Map<?, ?> map) {
      return deepCopy(map);
    }
    if (value instanceof Collection<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      for (Object item : list) {
        copy.add(deepCopyValue(item));
      }
      return Collections.unmodifiableList(copy);
    }
    return value;
  }

  /** {@return the notification's UUID} */
  public String id() {
    return id;
  }

  /** {@return what kind of event it reports, e.g. {@code new_message_creator}} */
  public String eventKey() {
    return eventKey;
  }

  /**
   * The title.
   *
   * @return the title; never null
   */
  public String title() {
    return title;
  }

  /**
   * The text.
   *
   * @return the text; never null
   */
  public String body() {
    return body;
  }

  /** {@return event-specific extra fields, as the server sent them} */
  public Map<String, Object> data() {
    return data;
  }

  /**
   * Whether it was read.
   *
   * @return true when read
   */
  public boolean read() {
    return read;
  }

  /** {@return when it was read, or null} */
  public Instant readAt() {
    return Timestamps.parseOrNull(readAtText);
  }

  /** {@return when it was created, or null if the server gave no readable time} */
  public Instant createdAt() {
    return createdAt.instant();
  }

  /**
   * When it was created, exactly as the server sent it.
   *
   * @return the text; may be null
   */
  public String createdAtText() {
    return createdAt.text();
  }

  /**
   * A copy marked as read now, for updating a list after {@code markRead}.
   *
   * @param when the time it was read
   * @return a copy with {@code read} set
   */
  public Notification asRead(Instant when) {
    return new Notification(id, eventKey, title, body, data, true, when.toString(), createdAtText());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Notification n && id.equals(n.id) && read == n.read && eventKey.equals(n.eventKey)
        && title.equals(n.title) && body.equals(n.body) && Objects.equals(createdAtText(), n.createdAtText());
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return "Notification[id=" + id + ", eventKey=" + eventKey + ", read=" + read + ", createdAt=" + createdAtText() + "]";
  }
}
