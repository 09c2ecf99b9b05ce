package dev.inboxdesk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Medians, percentiles and the process's memory, as the harnesses report them. */
final class Stats {
  private Stats() {
  }

  /** The value at {@code percent} (0–100) of {@code values}, nearest rank. */
  static double percentile(List<Double> values, double percent) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(percent / 100 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  static String summary(String what, List<Double> millis) {
    return String.format("%s: n=%d median=%.2f ms p95=%.2f ms min=%.2f ms max=%.2f ms", what, millis.size(),
        percentile(millis, 50), percentile(millis, 95), percentile(millis, 0), percentile(millis, 100));
  }

  /** Resident memory now and at its peak, in MiB, from /proc (Linux only; -1 elsewhere). */
  static long[] residentMiB() {
    try {
      List<String> lines = Files.readAllLines(Path.of("/proc/self/status"));
      return new long[] {kib(lines, "VmRSS:") / 1024, kib(lines, "VmHWM:") / 1024};
    } catch (IOException | RuntimeException notLinux) {
      return new long[] {-1, -1};
    }
  }

  private static long kib(List<String> lines, String key) {
    return lines.stream().filter(l -> l.startsWith(key)).findFirst()
        .map(l -> Long.parseLong(Arrays.stream(l.substring(key.length()).trim().split("\\s+")).findFirst().orElse("0")))
        .orElse(-1L);
  }
}
