package dev.inboxdesk.client;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The answer to a message delete: the outcome and the ids of the messages the inbox holds
 * afterwards (the server's truth; enough to reconcile a list).
 *
 * <p>The server answers every delete with the whole user document: every message's text, the
 * account's e-mail and its password hash. The client reads only the messages' ids from it, while
 * it arrives, and skips the rest undecoded: no secret from the answer is ever turned into a
 * string, and the answer is not kept. The delete is proved by that answer: whole, well-formed, and
 * without the id.
 */
public final class MessageDeletion {
  private final String messageId;
  private final DeleteOutcome outcome;
  private Supplier<List<String>> remaining;
  private List<String> remainingIds;

  /**
   * A deletion. For the client's own use and for tests: callers receive these, they do not make them.
   *
   * @param messageId the id that was deleted
   * @param outcome how it ended
   * @param remaining reads the ids left in the inbox, asked at most once
   */
  public MessageDeletion(String messageId, DeleteOutcome outcome, Supplier<List<String>> remaining) {
    this.messageId = Objects.requireNonNull(messageId, "messageId");
    this.outcome = Objects.requireNonNull(outcome, "outcome");
    this.remaining = Objects.requireNonNull(remaining, "remaining");
  }

  /** {@return the id that was deleted} */
  public String messageId() {
    return messageId;
  }

  /**
   * How the delete ended.
   *
   * @return the outcome
   */
  public DeleteOutcome outcome() {
    return outcome;
  }

  /**
   * {@return the ids still in the inbox after the delete: as the delete's answer listed them (in
   * storage order, oldest first), or, when that answer could not be read and a listing confirmed
   * the delete, as the listing did (newest first)}
   */
  public synchronized List<String> remainingIds() {
    if (remainingIds == null) {
      remainingIds = List.copyOf(remaining.get());
      remaining = null;
    }
    return remainingIds;
  }

  @Override
  public String toString() {
    return "MessageDeletion[" + messageId + ", " + outcome + "]";
  }
}
