package dev.inboxdesk.client;

import java.util.Objects;
import java.util.Optional;

/**
 * How one delete of a batch ended: an outcome the server's answer proved, or the typed error.
 *
 * @param id the id as the caller gave it
 * @param outcome {@link DeleteOutcome#DELETED} or {@link DeleteOutcome#ALREADY_GONE}; null when it failed
 * @param error why it failed ({@link NotFoundException}: not in the inbox; {@link UnconfirmedException}:
 *     the server may have acted); null when it succeeded
 */
public record DeleteResult(String id, DeleteOutcome outcome, ApiException error) {

  /**
   * Checks that a result has an outcome or an error.
   *
   * @param id the id as the caller gave it
   * @param outcome {@link DeleteOutcome#DELETED} or {@link DeleteOutcome#ALREADY_GONE}; null when it failed
   * @param error why it failed ({@link NotFoundException}: not in the inbox; {@link UnconfirmedException}:
   *     the server may have acted); null when it succeeded
   * @throws IllegalArgumentException unless exactly one of outcome and error is given
   */
  public DeleteResult {
    Objects.requireNonNull(id, "id");
    if ((outcome == null) == (error == null)) {
      throw new IllegalArgumentException("a result has an outcome or an error, not both or neither");
    }
  }

  /**
   * A delete that went through.
   *
   * @param id the id as the caller gave it
   * @param outcome how it ended
   * @return a successful result
   */
  public static DeleteResult of(String id, DeleteOutcome outcome) {
    return new DeleteResult(id, outcome, null);
  }

  /**
   * A delete that failed.
   *
   * @param id the id as the caller gave it
   * @param error why it failed
   * @return a failed result
   */
  public static DeleteResult failed(String id, ApiException error) {
    return new DeleteResult(id, null, error);
  }

  /**
   * Whether the delete went through (deleted or already gone).
   *
   * @return true when there is an outcome
   */
  public boolean succeeded() {
    return outcome != null;
  }

  /**
   * Why it failed.
   *
   * @return the error, or empty when it succeeded
   */
  public Optional<ApiException> failure() {
    return Optional.ofNullable(error);
  }
}
