package dev.inboxdesk.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A clock that only moves when the client "sleeps", so waits are instant and measurable. Shared
 * with the end-to-end tests, where a sandbox and a client run on the same fake time.
 */
public final class FakeTime extends Clock implements Sleeper {
  private volatile Instant now = Instant.parse("2026-05-12T10:00:00Z");
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  /** A clock at 2026-05-12T10:00:00Z that has not slept yet. */
  public FakeTime() {
  }

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

  public synchronized void advance(Duration duration) {
    now = now.plus(duration);
  }

  public List<Duration> sleeps() {
    return sleeps;
  }

  public Duration totalSlept() {
    return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
  }

  /** A config for {@code url} that waits on this clock. */
  ClientConfig.Builder config(String url) {
    return ClientConfig.builder(url).clock(this).sleeper(this)
        .readTimeout(Duration.ofSeconds(5)).callTimeout(Duration.ofSeconds(10));
  }
}
