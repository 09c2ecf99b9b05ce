package dev.inboxdesk.client;

import java.time.Duration;

/**
 * How the client waits (for a rate-limit window, a {@code Retry-After}, a backoff). A seam so that
 * tests can move a fake clock instead of sleeping.
 */
@FunctionalInterface
public interface Sleeper {

  /** Sleeps on the calling thread. */
  Sleeper SYSTEM = duration -> {
    if (!duration.isNegative() && !duration.isZero()) {
      Thread.sleep(duration.toMillis(), (int) (duration.toNanosPart() % 1_000_000));
    }
  };

  /**
   * Waits for the given time; an interrupt ends the wait early.
   *
   * @param duration how long; zero or negative returns at once
   * @throws InterruptedException when the thread is interrupted, for instance because the call was cancelled
   */
  void sleep(Duration duration) throws InterruptedException;
}
