package dev.inboxdesk.client;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A wait the client is about to make on its own before sending (again).
 *
 * @param service {@code messages} or {@code notifications}
 * @param route the request that waits, as method and path template, e.g. {@code DELETE /notifications/:id}
 * @param duration how long
 * @param until when the wait ends, on the client's clock
 * @param reason why
 */
public record Wait(String service, String route, Duration duration, Instant until, Reason reason) {

  /** Why the client waits. */
  public enum Reason {
    /** The route's rate-limit window is spent; it waits for the window to reset. */
    QUOTA_SPENT,
    /** The server answered {@code 429} with {@code Retry-After} (or none, and the client backs off). */
    TOO_MANY_REQUESTS,
    /** The server answered {@code 503} with {@code Retry-After}. */
    SERVICE_UNAVAILABLE,
    /** A connection failed and the request is safe to repeat: a short back-off. */
    CONNECTION_RETRY
  }

  /**
   * A wait as the client announces it.
   *
   * @param service {@code messages} or {@code notifications}
   * @param route the request that waits, as method and path template, e.g. {@code DELETE /notifications/:id}
   * @param duration how long
   * @param until when the wait ends, on the client's clock
   * @param reason why
   */
  public Wait {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(route, "route");
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(until, "until");
    Objects.requireNonNull(reason, "reason");
  }
}
