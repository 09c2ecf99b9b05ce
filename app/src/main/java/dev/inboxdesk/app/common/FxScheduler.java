package dev.inboxdesk.app.common;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;

/** The FX application thread and real time. */
public final class FxScheduler implements UiScheduler, AutoCloseable {
  private final Clock clock;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
    Thread thread = new Thread(task, "inboxdesk-timer");
    thread.setDaemon(true);
    return thread;
  });

  public FxScheduler(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void execute(Runnable task) {
    if (Platform.isFxApplicationThread()) {
      task.run();
    } else {
      Platform.runLater(task);
    }
  }

  @Override
  public Cancellable schedule(Duration delay, Runnable task) {
    AtomicBoolean cancelled = new AtomicBoolean();
    ScheduledFuture<?> future = timer.schedule(() -> Platform.runLater(() -> {
      if (!cancelled.get()) {
        task.run();
      }
    }), Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
    return () -> {
      cancelled.set(true);
      future.cancel(false);
    };
  }

  @Override
  public Instant now() {
    return clock.instant();
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
