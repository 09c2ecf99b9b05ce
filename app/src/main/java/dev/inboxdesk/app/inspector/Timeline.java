package dev.inboxdesk.app.inspector;

import dev.inboxdesk.client.Exchange;
import dev.inboxdesk.client.Wait;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the inspector's timeline draws, worked out without a scene graph: requests over the last
 * span of time, the remaining quota each answer reported against its limit, where each rate-limit
 * window resets, {@code 429}s and the waits the clients made. Positions are fractions of the
 * span (0 = its start, 1 = now), so the view only scales them.
 */
public final class Timeline {

  /** What a request's answer was, for its colour. */
  public enum Outcome { SUCCESS, CLIENT_ERROR, TOO_MANY_REQUESTS, SERVER_ERROR, NO_ANSWER }

  /** One request: when, how it ended, and the quota left after it (null when the server said nothing). */
  public record Request(double at, Outcome outcome, Double quotaLeft, String label) {
  }

  /** A wait a client made, from {@code from} to {@code to}. */
  public record WaitSpan(double from, double to, Wait.Reason reason) {
  }

  /** Everything to draw, with the span it covers. */
  public record Picture(Instant start, Instant end, List<Request> requests, List<Double> windowResets,
      List<WaitSpan> waits) {
  }

  private Timeline() {
  }

  /** The picture of the last {@code span} up to {@code now}, of the service given (null: both). */
  public static Picture of(List<Exchange> exchanges, List<Wait> waits, Instant now, Duration span, String service) {
    Instant start = now.minus(span);
    double length = span.toMillis();
    List<Request> requests = new ArrayList<>();
    List<Double> resets = new ArrayList<>();
    for (Exchange e : exchanges) {
      if (service != null && !service.equals(e.service()) || e.startedAt().isBefore(start)) {
        continue;
      }
      double at = fraction(start, e.startedAt(), length);
      Double quota = e.rateLimit().remaining() == null || e.rateLimit().limit() == null
          || e.rateLimit().limit() <= 0 ? null
          : Math.max(0, Math.min(1, e.rateLimit().remaining() / (double) e.rateLimit().limit()));
      requests.add(new Request(at, outcome(e), quota, e.method() + " " + e.url() + " → "
          + (e.status() == 0 ? "no answer" : e.status())));
      if (e.rateLimit().resetAfter() != null) {
        double reset = fraction(start, e.startedAt().plus(e.rateLimit().resetAfter()), length);
        if (reset <= 1 && (resets.isEmpty() || Math.abs(resets.get(resets.size() - 1) - reset) > 0.005)) {
          resets.add(reset);
        }
      }
    }
    List<WaitSpan> spans = new ArrayList<>();
    for (Wait wait : waits) {
      if (service != null && !service.equals(wait.service())) {
        continue;
      }
      Instant began = wait.until().minus(wait.duration());
      if (wait.until().isBefore(start)) {
        continue;
      }
      spans.add(new WaitSpan(Math.max(0, fraction(start, began, length)), Math.min(1, fraction(start, wait.until(),
          length)), wait.reason()));
    }
    return new Picture(start, now, requests, resets, spans);
  }

  static Outcome outcome(Exchange e) {
    if (e.status() == 0) {
      return Outcome.NO_ANSWER;
    }
    if (e.status() == 429) {
      return Outcome.TOO_MANY_REQUESTS;
    }
    if (e.status() >= 500) {
      return Outcome.SERVER_ERROR;
    }
    return e.status() >= 400 ? Outcome.CLIENT_ERROR : Outcome.SUCCESS;
  }

  private static double fraction(Instant start, Instant at, double length) {
    return Duration.between(start, at).toMillis() / length;
  }
}
