package dev.inboxdesk.sandbox;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sandbox's worker threads: started as requests need them, up to a fixed number, then a
 * bounded queue; and a deadline for reading a request.
 *
 * <p>The JDK server reads a request's line and headers on the worker it hands the connection to,
 * so a client that sends its request a byte at a time holds a worker for as long as it likes. A
 * watchdog interrupts a worker still reading its request {@link #readDeadline} after the connection
 * was handed over; the read is on an interruptible channel, so the JDK server closes that
 * connection. The JDK's own {@code sun.net.httpserver.maxReqTime} would do the same, but it is
 * read once per JVM by whichever server starts first, so it cannot be relied on from here.
 *
 * <p>The queue is last in, first out: when slow connections are cut, the freed workers take the
 * newest requests first, which are the ones still worth answering. A full queue rejects, and the
 * JDK server closes the rejected connection.
 */
final class Workers implements Executor, AutoCloseable {
  private final ThreadPoolExecutor pool;
  private final ScheduledExecutorService watchdog;
  private final Set<Task> running = ConcurrentHashMap.newKeySet();
  private final ThreadLocal<Task> current = new ThreadLocal<>();
  private final long readDeadlineNanos;
  /** Requests handed over and not yet finished: running or queued. */
  private final AtomicInteger outstanding = new AtomicInteger();

  Workers(String name, int threads, int queue, Duration readDeadline) {
    this.readDeadlineNanos = readDeadline.toNanos();
    AtomicInteger count = new AtomicInteger();
    LinkedBlockingDeque<Runnable> waiting = new LinkedBlockingDeque<>(queue) {
      @Override
      public boolean offer(Runnable task) {
        // Refused while there is more work than workers and there may be more workers: the pool
        // then starts one. So a few requests at a time keep a few threads (a pool whose core is its
        // maximum starts a thread per request until it has them all, idle or not: 11 at the app's
        // first start). The work counted includes requests queued but not yet taken.
        ThreadPoolExecutor workers = pool;
        if (workers != null && workers.getPoolSize() < workers.getMaximumPoolSize()
            && outstanding.get() > workers.getPoolSize()) {
          return false;
        }
        return offerFirst(task);
      }
    };
    this.pool = new ThreadPoolExecutor(0, threads, 30, TimeUnit.SECONDS, waiting, task -> {
      Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }, (task, workers) -> {
      // Another request took the last free place for a thread first: this one waits its turn, if
      // a worker is there to take it (none when the pool is closing or could not start one).
      if (workers.isShutdown() || !waiting.offerFirst(task)) {
        throw new RejectedExecutionException("the sandbox's workers and queue are full");
      }
      if ((workers.isShutdown() || workers.getPoolSize() == 0) && waiting.remove(task)) {
        throw new RejectedExecutionException("the sandbox's workers have stopped");
      }
    });
    this.watchdog = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, name + "-watchdog");
      thread.setDaemon(true);
      return thread;
    });
    watchdog.scheduleWithFixedDelay(this::cutSlowReaders, 100, 100, TimeUnit.MILLISECONDS);
  }

  @Override
  public void execute(Runnable exchange) {
    outstanding.incrementAndGet();
    try {
      pool.execute(new Task(exchange, System.nanoTime()));
    } catch (RejectedExecutionException refused) {
      outstanding.decrementAndGet();
      throw refused;
    }
  }

  /** Called on the worker once the request is read in full: from here on, no read deadline. */
  void requestRead() {
    Task task = current.get();
    if (task != null) {
      task.handling();
    }
  }

  private void cutSlowReaders() {
    long now = System.nanoTime();
    for (Task task : running) {
      task.expireIfLate(now);
    }
  }

  @Override
  public void close() {
    watchdog.shutdownNow();
    pool.shutdownNow();
  }

  private final class Task implements Runnable {
    private final Runnable exchange;
    private final long handedOverAt;
    private Thread thread;
    private boolean reading = true;

    Task(Runnable exchange, long handedOverAt) {
      this.exchange = exchange;
      this.handedOverAt = handedOverAt;
    }

    @Override
    public void run() {
      synchronized (this) {
        thread = Thread.currentThread();
      }
      current.set(this);
      running.add(this);
      try {
        exchange.run();
      } finally {
        synchronized (this) {
          reading = false;
          thread = null;
        }
        running.remove(this);
        current.remove();
        outstanding.decrementAndGet();
        // A deadline that struck as this request ended must not reach the next one.
        Thread.interrupted();
      }
    }

    synchronized void handling() {
      reading = false;
    }

    synchronized void expireIfLate(long now) {
      if (reading && thread != null && now - handedOverAt > readDeadlineNanos) {
        reading = false;
        thread.interrupt();
      }
    }
  }
}
