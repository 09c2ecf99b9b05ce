package dev.inboxdesk.e2e.peers;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Stops a process and everything it started: politely first, then by force. */
final class ProcessTree {
  private ProcessTree() {
  }

  static void stop(Process process) {
    List<ProcessHandle> all = new java.util.ArrayList<>(process.descendants().toList());
    all.add(process.toHandle());
    all.forEach(ProcessHandle::destroy);
    try {
      CompletableFuture.allOf(all.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new))
          .get(5, TimeUnit.SECONDS);
    } catch (Exception timedOutOrInterrupted) {
      if (timedOutOrInterrupted instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
    }
    // children started meanwhile, and whatever ignored the polite request
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    all.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }
}
