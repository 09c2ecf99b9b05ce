package dev.inboxdesk.app.common;

import java.time.Duration;
import java.time.Instant;

/**
 * Where view-model work runs and how it waits: the FX thread and real time in the app, the calling
 * thread and a manual clock in tests.
 */
public interface UiScheduler {

  /** Runs {@code task} on the UI thread. */
  void execute(Runnable task);

  /** Runs {@code task} on the UI thread after {@code delay}; the returned handle cancels it. */
  Cancellable schedule(Duration delay, Runnable task);

  /** The current time. */
  Instant now();

  /** A scheduled task that can be called off. */
  @FunctionalInterface
  interface Cancellable {
    void cancel();
  }
}
