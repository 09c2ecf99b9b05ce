package dev.inboxdesk.client;

import java.time.Duration;
import java.util.OptionalInt;

/**
 * The server kept answering {@code 429} after the client's own bounded waiting and retrying.
 * {@link #retryAfter()} is how long the server asked to wait.
 */
public final class RateLimitedException extends ApiException {
  /** How long the server asked to wait; may be null. */
  private final Duration retryAfter;
  /** The window's size, if the server said. */
  private final Integer limit;
  /** Requests left in the window, if the server said. */
  private final Integer remaining;

  /**
   * A refusal to go faster. For the client's own use and for tests: callers receive these, they do not make them.
   *
   * @param details what the server said
   * @param retryAfter how long to wait; may be null
   * @param limit the window's size; may be null
   * @param remaining requests left in the window; may be null
   */
  public RateLimitedException(ServerDetails details, Duration retryAfter, Integer limit, Integer remaining) {
    super("Rate limited, retry after " + retryAfter.toSeconds() + " s", details, null);
    this.retryAfter = retryAfter;
    this.limit = limit;
    this.remaining = remaining;
  }

  /** {@return the wait the server asked for ({@code Retry-After}), or the client's own estimate when it gave none} */
  public Duration retryAfter() {
    return retryAfter;
  }

  /** {@return requests allowed per window, when the server said so} */
  public OptionalInt limit() {
    return limit == null ? OptionalInt.empty() : OptionalInt.of(limit);
  }

  /** {@return requests left in the window, when the server said so} */
  public OptionalInt remaining() {
    return remaining == null ? OptionalInt.empty() : OptionalInt.of(remaining);
  }
}
