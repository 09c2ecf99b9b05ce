package dev.inboxdesk.client.internal;

import dev.inboxdesk.client.RateLimitInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Spends a server's fixed-window quota without provoking a {@code 429}: requests go out while the
 * window has quota left, then wait for the window to reset. One window per route, as
 * {@code @nestjs/throttler} keeps them.
 *
 * <p>What the server says wins: every answer's {@code X-RateLimit-*} headers reset the local
 * picture. Until a route has answered, it assumes the default quota (60 per minute for the
 * notifications service); a service without limits passes no default and is only held back after
 * a {@code 429}.
 */
public final class RateLimiter {
  private static final Duration WINDOW = Duration.ofSeconds(60);

  private final Clock clock;
  private final Integer defaultLimit;
  private final Map<String, Window> windows = new HashMap<>();

  private RateLimiter(Clock clock, Integer defaultLimit) {
    this.clock = clock;
    this.defaultLimit = defaultLimit;
  }

  /** A limiter that assumes {@code perMinute} requests per route until the server says otherwise. */
  public static RateLimiter withDefaultQuota(Clock clock, int perMinute) {
    return new RateLimiter(clock, perMinute);
  }

  /** A limiter for a service without limits: it only holds back after a {@code 429}. */
  public static RateLimiter withoutDefaultQuota(Clock clock) {
    return new RateLimiter(clock, null);
  }

  /**
   * Takes one request's worth of quota for {@code route}.
   *
   * @return zero if the request may go now, otherwise how long to wait before asking again
   */
  public synchronized Duration reserve(String route) {
    Instant now = clock.instant();
    Window window = windows.computeIfAbsent(route, r -> new Window(defaultLimit));
    if (window.resetAt != null && !now.isBefore(window.resetAt)) {
      window.remaining = window.limit;
      window.resetAt = null;
    }
    if (window.remaining != null && window.remaining <= 0 && window.resetAt == null) {
      // Told the quota is spent but not when it comes back: assume a whole window.
      window.resetAt = now.plus(WINDOW);
    }
    if (window.remaining == null || window.remaining > 0) {
      if (window.remaining != null) {
        window.remaining--;
        if (window.resetAt == null) {
          window.resetAt = now.plus(WINDOW);
        }
      }
      return Duration.ZERO;
    }
    return Duration.between(now, window.resetAt);
  }

  /** Takes in what an allowed answer's headers said about the route's window. */
  public synchronized void onAnswer(String route, RateLimitInfo info) {
    if (info.remaining() == null) {
      return;
    }
    Window window = windows.computeIfAbsent(route, r -> new Window(defaultLimit));
    // A limit below one would never refill: whatever a server claims, a window allows a request.
    if (info.limit() != null) {
      window.limit = Math.max(1, info.limit());
    } else if (window.limit == null) {
      window.limit = Math.max(1, info.remaining() + 1);
    }
    // Other requests may be in flight: never believe in more quota than we had already counted.
    int told = Math.max(0, info.remaining());
    window.remaining = window.remaining == null ? told : Math.min(window.remaining, told);
    if (info.resetAfter() != null) {
      window.resetAt = clock.instant().plus(info.resetAfter());
    }
  }

  /** A {@code 429} arrived: nothing more goes to the route until {@code wait} has passed. */
  public synchronized void onThrottled(String route, Duration wait) {
    Window window = windows.computeIfAbsent(route, r -> new Window(defaultLimit));
    // With no known limit, the window refills to "unlimited" once the wait is over.
    window.remaining = 0;
    // The server's Retry-After is the truth about its window, sooner or later than our guess.
    window.resetAt = clock.instant().plus(wait);
  }

  /** Requests the route may still send in its current window, or null when unlimited. */
  public synchronized Integer remaining(String route) {
    Window window = windows.get(route);
    return window == null ? defaultLimit : window.remaining;
  }

  private static final class Window {
    Integer limit;
    Integer remaining;
    Instant resetAt;

    Window(Integer limit) {
      this.limit = limit;
      this.remaining = limit;
    }
  }
}
