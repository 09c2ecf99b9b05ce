package dev.inboxdesk.e2e.peers;

import java.util.Locale;

/** Prints how long installing, building and starting each peer took, for docs/BENCHMARKS.md. */
final class Timings {
  private Timings() {
  }

  static void record(PeerKind kind, String step, long nanos) {
    System.out.printf(Locale.ROOT, "[peers] %s: %s took %.1f s%n", kind.folder, step, nanos / 1e9);
  }
}
