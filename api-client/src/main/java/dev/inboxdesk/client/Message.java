package dev.inboxdesk.client;

import java.time.Instant;
import java.util.Objects;

/**
 * One anonymous message in the inbox. Immutable.
 *
 * <p>The time is kept as the server's text and parsed on first use: parsing thousands of dates
 * eagerly costs several times the rest of the parse.
 */
public final class Message {
  private final String id;
  private final String content;
  private final Timestamps createdAt;

  /**
   * A message as the server listed it.
   *
   * @param id the message's id
   * @param content its text; null means empty
   * @param createdAtText the time as the server sent it; may be null
   */
  public Message(String id, String content, String createdAtText) {
    this.id = Objects.requireNonNull(id, "id");
    this.content = content == null ? "" : content;
    this.createdAt = new Timestamps(createdAtText);
  }

  /** {@return the message's id: 24 hex digits} */
  public String id() {
    return id;
  }

  /**
   * What the sender wrote.
   *
   * @return the text; never null
   */
  public String content() {
    return content;
  }

  /** {@return when it was sent, or null if the server gave no readable time} */
  public Instant createdAt() {
    return createdAt.instant();
  }

  /** {@return the time exactly as the server sent it; may be null} */
  public String createdAtText() {
    return createdAt.text();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Message m && id.equals(m.id) && content.equals(m.content)
        && Objects.equals(createdAtText(), m.createdAtText());
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return "Message[id=" + id + ", createdAt=" + createdAtText() + ", " + content.length() + " chars]";
  }
}
