package dev.inboxdesk.client;

import java.time.Duration;
import java.util.OptionalInt;

/**
 * The server kept answering {@code 429} after the client's own bounded waiting and retrying.
 * {@link #retryAfter()} is how long the server asked to wait.
 */
public final class RateLimitedException extends ApiException {
  private final Duration retryAfter;
  private final Integer limit;
  private final Integer remaining;

  public RateLimitedException(ServerDetails details, Duration retryAfter, Integer limit, Integer remaining) {
    super("Rate limited, retry after " + retryAfter.toSeconds() + " s", details, null);
    this.retryAfter = retryAfter;
    this.limit = limit;
    this.remaining = remaining;
  }

  /** The wait the server asked for ({@code Retry-After}), or the client's own estimate when it gave none. */
  public Duration retryAfter() {
    return retryAfter;
  }

  /** Requests allowed per window, when the server said so. */
  public OptionalInt limit() {
    return limit == null ? OptionalInt.empty() : OptionalInt.of(limit);
  }

  /** Requests left in the window, when the server said so. */
  public OptionalInt remaining() {
    return remaining == null ? OptionalInt.empty() : OptionalInt.of(remaining);
  }
}
