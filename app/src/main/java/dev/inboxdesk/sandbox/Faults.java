package dev.inboxdesk.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The current fault settings and the dice they are rolled with (seeded, so a drill repeats), plus
 * counts of what was injected.
 */
public final class Faults {
  /** What to do with one data request. */
  enum Plan {
    ACT, FAIL, HTML, DROP_BEFORE, DROP_AFTER, MALFORMED_BEFORE, MALFORMED_AFTER, GARBAGE_BEFORE, GARBAGE_AFTER,
    FORCED_429, FORCED_401
  }

  private FaultSettings settings;
  private final Random random;
  private final AtomicLong injected = new AtomicLong();

  Faults(FaultSettings initial, long seed) {
    this.settings = initial;
    this.random = new Random(seed);
  }

  public synchronized FaultSettings settings() {
    return settings;
  }

  public synchronized void set(FaultSettings newSettings) {
    settings = newSettings;
  }

  /** How many requests got a fault so far. */
  public long injected() {
    return injected.get();
  }

  /** Rolls the dice for one request to {@code service}'s data routes. */
  synchronized Plan plan(String service) {
    FaultSettings s = settings;
    if (!s.touches(service)) {
      return Plan.ACT;
    }
    Plan plan = roll(s);
    if (plan != Plan.ACT) {
      injected.incrementAndGet();
    }
    return plan;
  }

  private Plan roll(FaultSettings s) {
    if (s.force401() > 0) {
      settings = copy(s, s.force429(), s.force401() - 1);
      return Plan.FORCED_401;
    }
    if (s.force429() > 0) {
      settings = copy(s, s.force429() - 1, s.force401());
      return Plan.FORCED_429;
    }
    if (chance(s.dropRate())) {
      return s.dropAfterActing() ? Plan.DROP_AFTER : Plan.DROP_BEFORE;
    }
    if (chance(s.htmlRate())) {
      return Plan.HTML;
    }
    if (chance(s.failRate())) {
      return Plan.FAIL;
    }
    if (chance(s.malformedRate())) {
      return s.bodyFaultAfterActing() ? Plan.MALFORMED_AFTER : Plan.MALFORMED_BEFORE;
    }
    if (chance(s.garbageRate())) {
      return s.bodyFaultAfterActing() ? Plan.GARBAGE_AFTER : Plan.GARBAGE_BEFORE;
    }
    return Plan.ACT;
  }

  private boolean chance(double rate) {
    return rate > 0 && random.nextDouble() < rate;
  }

  private static FaultSettings copy(FaultSettings s, int force429, int force401) {
    return new FaultSettings(s.latencyMs(), s.failRate(), s.failStatus(), s.dropRate(), s.dropAfterActing(),
        s.malformedRate(), s.htmlRate(), s.garbageRate(), s.bodyFaultAfterActing(), force429, force401,
        s.retryAfterSeconds(), s.scope());
  }

  /** The settings as JSON, for the control endpoint. */
  synchronized ObjectNode toJson() {
    ObjectNode json = SandboxJson.mapper().valueToTree(settings);
    json.put("injected", injected.get());
    return json;
  }

  /** Applies the fields present in {@code patch}, keeping the rest. */
  synchronized FaultSettings patch(JsonNode patch) {
    settings = SandboxJson.patch(settings, patch, FaultSettings.class, "fault setting");
    return settings;
  }
}
