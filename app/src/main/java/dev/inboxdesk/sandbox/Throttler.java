package dev.inboxdesk.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts requests the way {@code @nestjs/throttler} does: a fixed window per route and client that
 * starts with the first request and ends {@code ttl} later, whatever happens in between.
 */
final class Throttler {
  private final Clock clock;
  private final Map<String, Window> windows = new HashMap<>();

  Throttler(Clock clock) {
    this.clock = clock;
  }

  /** What the throttler decided for one request. */
  record Decision(boolean allowed, int limit, int remaining, long secondsToReset) {
  }

  synchronized Decision hit(String key, int limit, Duration ttl) {
    Instant now = clock.instant();
    Window window = windows.get(key);
    if (window == null || !now.isBefore(window.endsAt)) {
      window = new Window(now.plus(ttl));
      windows.put(key, window);
    }
    long secondsLeft = Math.max(1, (Duration.between(now, window.endsAt).toMillis() + 999) / 1000);
    if (window.hits >= limit) {
      return new Decision(false, limit, 0, secondsLeft);
    }
    window.hits++;
    return new Decision(true, limit, limit - window.hits, secondsLeft);
  }

  synchronized void reset() {
    windows.clear();
  }

  private static final class Window {
    final Instant endsAt;
    int hits;

    Window(Instant endsAt) {
      this.endsAt = endsAt;
    }
  }
}
