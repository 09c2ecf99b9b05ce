package dev.inboxdesk.e2e;

import dev.inboxdesk.client.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One fake time for a sandbox and a client together: when the client "sleeps" for a rate-limit
 * window, the sandbox's window passes too, without anyone waiting.
 */
final class SharedClock extends Clock implements Sleeper {
  private volatile Instant now = Instant.parse("2026-05-12T10:00:00Z");
  final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public synchronized void sleep(Duration duration) {
    sleeps.add(duration);
    now = now.plus(duration);
  }

  synchronized void advance(Duration duration) {
    now = now.plus(duration);
  }

  Duration slept() {
    return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
  }
}
