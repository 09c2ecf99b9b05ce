package dev.inboxdesk.client.internal;

import dev.inboxdesk.client.Sleeper;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import okhttp3.Call;

/**
 * Ties one logical call (with its retries and waits) to whoever may cancel it: cancelling stops
 * the request in flight and any wait for a rate-limit window.
 */
public final class CallContext {
  private boolean cancelled;
  private Call call;
  private Thread thread;

  synchronized void attach(Call newCall) {
    if (cancelled) {
      newCall.cancel();
    }
    call = newCall;
  }

  /** Marks the thread doing the work so that cancelling can wake it from a wait. */
  public synchronized void bind(Thread worker) {
    thread = worker;
  }

  /** Ends the binding; clears an interrupt meant for this call so a pooled thread starts clean. */
  public void unbind() {
    synchronized (this) {
      thread = null;
    }
    if (cancelled) {
      Thread.interrupted();
    }
  }

  public synchronized void cancel() {
    cancelled = true;
    if (call != null) {
      call.cancel();
    }
    if (thread != null) {
      thread.interrupt();
    }
  }

  public synchronized boolean isCancelled() {
    return cancelled;
  }

  void throwIfCancelled() {
    if (isCancelled()) {
      throw new CancellationException("Cancelled");
    }
  }

  /** Waits with the given sleeper; cancellation or an interrupt ends the call. */
  void sleep(Sleeper sleeper, Duration duration) {
    throwIfCancelled();
    try {
      sleeper.sleep(duration);
    } catch (InterruptedException e) {
      if (!isCancelled()) {
        Thread.currentThread().interrupt();
      }
      throw new CancellationException("Interrupted while waiting");
    }
    throwIfCancelled();
  }
}
