package dev.inboxdesk.app.list;

import java.time.Instant;

/**
 * What is happening to a row. Most rows are {@link Kind#NORMAL}; a row whose delete could not be
 * sent yet comes back as {@link Kind#RATE_LIMITED} (retried at {@code retryAt}) or
 * {@link Kind#FAILED} (with the error, and a retry on request), or {@link Kind#UNCONFIRMED} (the
 * server may have deleted it: its answer was unreadable and checking failed; refresh to know).
 *
 * @param kind the state
 * @param retryAt when a rate-limited delete is tried again; null otherwise
 * @param error why the delete failed; null unless failed
 */
public record RowState(Kind kind, Instant retryAt, Throwable error) {

  /** The states a row can be in. */
  public enum Kind { NORMAL, RATE_LIMITED, FAILED, UNCONFIRMED }

  public static final RowState NORMAL = new RowState(Kind.NORMAL, null, null);

  public static RowState rateLimited(Instant retryAt) {
    return new RowState(Kind.RATE_LIMITED, retryAt, null);
  }

  public static RowState failed(Throwable error) {
    return new RowState(Kind.FAILED, null, error);
  }

  public static RowState unconfirmed(Throwable error) {
    return new RowState(Kind.UNCONFIRMED, null, error);
  }
}
