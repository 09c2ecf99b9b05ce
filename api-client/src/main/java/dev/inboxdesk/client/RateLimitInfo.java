package dev.inboxdesk.client;

import java.time.Duration;

/**
 * What a server's rate-limit headers said: {@code X-RateLimit-Limit}, {@code -Remaining} and
 * {@code -Reset} on allowed answers (reset in seconds from now), {@code Retry-After} on a
 * {@code 429}. Fields the server did not send are null.
 *
 * @param limit requests allowed per window
 * @param remaining requests left in the current window
 * @param resetAfter time until the window resets
 * @param retryAfter the wait a {@code 429} asked for
 */
public record RateLimitInfo(Integer limit, Integer remaining, Duration resetAfter, Duration retryAfter) {

  /** No rate-limit headers at all. */
  public static final RateLimitInfo NONE = new RateLimitInfo(null, null, null, null);

  /** {@return true when the answer carried none of the headers} */
  public boolean isEmpty() {
    return limit == null && remaining == null && resetAfter == null && retryAfter == null;
  }
}
