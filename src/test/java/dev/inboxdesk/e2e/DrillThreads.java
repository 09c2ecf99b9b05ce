package dev.inboxdesk.e2e;

import dev.inboxdesk.app.common.UiScheduler;
import dev.inboxdesk.client.FakeTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executor;

/**
 * The app's threads, played by the drill's one thread so that a seed repeats a run exactly.
 * Background work and answers posted to the UI wait in queues, and the dice choose what runs
 * next: background tasks finish in any order (a pool), and their answers reach the UI in any
 * order (a slow thread posts late). Timers fire on the fake time the clients and the sandbox share.
 */
final class DrillThreads implements UiScheduler {
  private final FakeTime time;
  private final Random dice;
  private final List<Runnable> uiTasks = new ArrayList<>();
  private final List<Runnable> backgroundTasks = new ArrayList<>();
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

  DrillThreads(FakeTime time, Random dice) {
    this.time = time;
    this.dice = dice;
  }

  @Override
  public void execute(Runnable task) {
    uiTasks.add(task);
  }

  @Override
  public Cancellable schedule(Duration delay, Runnable task) {
    Timer timer = new Timer(time.instant().plus(delay), task);
    timers.add(timer);
    return () -> timer.cancelled = true;
  }

  @Override
  public Instant now() {
    return time.instant();
  }

  /** The executor view-models hand their server calls to. */
  Executor background() {
    return backgroundTasks::add;
  }

  /** Runs one waiting task, chosen by the dice. Returns false when nothing waits. */
  boolean step() {
    runDueTimers();
    if (uiTasks.isEmpty() && backgroundTasks.isEmpty()) {
      return false;
    }
    boolean onUi = !uiTasks.isEmpty() && (backgroundTasks.isEmpty() || dice.nextBoolean());
    List<Runnable> queue = onUi ? uiTasks : backgroundTasks;
    queue.remove(dice.nextInt(queue.size())).run();
    runDueTimers();
    return true;
  }

  /** Runs tasks until nothing waits (timers not yet due stay). */
  void drain() {
    while (step()) {
      // each step may queue more work
    }
  }

  /** Lets time pass: timers that fall due run, in order. */
  void advance(Duration duration) {
    time.advance(duration);
    runDueTimers();
  }

  boolean idle() {
    return uiTasks.isEmpty() && backgroundTasks.isEmpty();
  }

  /** Timers still to fire. */
  long pendingTimers() {
    return timers.stream().filter(t -> !t.cancelled).count();
  }

  private void runDueTimers() {
    while (true) {
      Instant now = time.instant();
      Timer next = timers.stream().filter(t -> !t.cancelled && !t.due.isAfter(now))
          .min(Comparator.comparing(t -> t.due)).orElse(null);
      if (next == null) {
        timers.removeIf(t -> t.cancelled);
        return;
      }
      timers.remove(next);
      next.task.run();
    }
  }
}
