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

  public DeleteResult {
    Objects.requireNonNull(id, "id");
    if ((outcome == null) == (error == null)) {
      throw new IllegalArgumentException("a result has an outcome or an error, not both or neither");
    }
  }

  public static DeleteResult of(String id, DeleteOutcome outcome) {
    return new DeleteResult(id, outcome, null);
  }

  public static DeleteResult failed(String id, ApiException error) {
    return new DeleteResult(id, null, error);
  }

  public boolean succeeded() {
    return outcome != null;
  }

  public Optional<ApiException> failure() {
    return Optional.ofNullable(error);
  }
}
