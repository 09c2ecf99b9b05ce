package dev.inboxdesk.sandbox;

/**
 * What the sandbox does wrong on purpose. Rates are chances from 0 to 1 per request; counts are
 * "the next N requests". Faults touch the data routes (listing, deleting, marking), never the
 * sign-in routes, so a tester can still sign in while deletes misbehave; latency touches all.
 *
 * @param latencyMs added to every request
 * @param failRate chance of answering {@code failStatus} instead of acting
 * @param failStatus the status of those failures (500, 502, 503…)
 * @param dropRate chance of closing the connection without an answer
 * @param dropAfterActing whether a drop happens after the server acted (the delete took effect) or before
 * @param malformedRate chance of cutting a success body in half
 * @param htmlRate chance of answering a proxy's HTML 502 page
 * @param garbageRate chance of replacing a success body with an HTML page (a sign-in portal's), status and all
 *     kept: a {@code 2xx} that is not the answer
 * @param bodyFaultAfterActing whether a cut or replaced success body comes after the server acted (the
 *     delete took effect; the default) or before (the handler did not run, the item is still there)
 * @param force429 the next N data requests answer 429
 * @param force401 the next N data requests answer 401
 * @param retryAfterSeconds the {@code Retry-After} of forced 429s
 * @param scope which service the faults touch: {@code all}, {@code messages} or {@code notifications}
 */
public record FaultSettings(
    int latencyMs,
    double failRate,
    int failStatus,
    double dropRate,
    boolean dropAfterActing,
    double malformedRate,
    double htmlRate,
    double garbageRate,
    boolean bodyFaultAfterActing,
    int force429,
    int force401,
    int retryAfterSeconds,
    String scope) {

  /** Everything works. */
  public static final FaultSettings NONE = new FaultSettings(0, 0, 500, 0, false, 0, 0, 0, true, 0, 0, 3, "all");

  public FaultSettings {
    requireRate(failRate, "failRate");
    requireRate(dropRate, "dropRate");
    requireRate(malformedRate, "malformedRate");
    requireRate(htmlRate, "htmlRate");
    requireRate(garbageRate, "garbageRate");
    if (latencyMs < 0 || force429 < 0 || force401 < 0 || retryAfterSeconds < 0) {
      throw new IllegalArgumentException("latency, counts and Retry-After must not be negative");
    }
    if (failStatus < 400 || failStatus > 599) {
      throw new IllegalArgumentException("failStatus must be an error status (400-599), got " + failStatus);
    }
    scope = scope == null ? "all" : scope;
    if (!scope.equals("all") && !scope.equals("messages") && !scope.equals("notifications")) {
      throw new IllegalArgumentException("scope must be all, messages or notifications, got " + scope);
    }
  }

  /** The settings from before body faults had a rate of their own: no garbage, bodies cut after acting. */
  public FaultSettings(int latencyMs, double failRate, int failStatus, double dropRate, boolean dropAfterActing,
      double malformedRate, double htmlRate, int force429, int force401, int retryAfterSeconds, String scope) {
    this(latencyMs, failRate, failStatus, dropRate, dropAfterActing, malformedRate, htmlRate, 0, true, force429,
        force401, retryAfterSeconds, scope);
  }

  boolean touches(String service) {
    return scope.equals("all") || scope.equals(service);
  }

  private static void requireRate(double rate, String name) {
    if (rate < 0 || rate > 1 || Double.isNaN(rate)) {
      throw new IllegalArgumentException(name + " must be between 0 and 1, got " + rate);
    }
  }
}
