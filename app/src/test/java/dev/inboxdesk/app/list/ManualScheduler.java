package dev.inboxdesk.app.list;

import dev.inboxdesk.app.common.UiScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Runs UI work on the calling thread and timers when the test moves time. */
public final class ManualScheduler implements UiScheduler {
  private Instant now = Instant.parse("2026-05-12T10:00:00Z");
  private final List<Timer> timers = new ArrayList<>();

  private static final class Timer {
    final Instant due;
    final Runnable task;
    boolean cancelled;

    Timer(Instant due, Runnable task) {
      this.due = due;
      this.task = task;
    }
  }

  @Override
  public void execute(Runnable task) {
    task.run();
  }

  @Override
  public Cancellable schedule(Duration delay, Runnable task) {
    Timer timer = new Timer(now.plus(delay), task);
    timers.add(timer);
    return () -> timer.cancelled = true;
  }

  @Override
  public Instant now() {
    return now;
  }

  /** Moves time forward, running every timer that falls due, in order. */
  public void advance(Duration duration) {
    Instant target = now.plus(duration);
    while (true) {
      Timer next = timers.stream().filter(t -> !t.cancelled && !t.due.isAfter(target))
          .min(Comparator.comparing(t -> t.due)).orElse(null);
      if (next == null) {
        break;
      }
      timers.remove(next);
      now = next.due;
      next.task.run();
    }
    now = target;
  }

  /** Timers not yet run or cancelled. */
  public long pendingTimers() {
    return timers.stream().filter(t -> !t.cancelled).count();
  }
}
