package dev.inboxdesk.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How to start a sandbox. Immutable; start from {@link #defaults()} and change with the
 * {@code with…} methods.
 *
 * @param port the port to bind on 127.0.0.1, 0 for any free one
 * @param size how many items the first demo user of each service has (the second has a seventh)
 * @param seed the seed of the demo data and of the fault dice
 * @param faults the faults at start
 * @param acceptDeleteMethod whether the messages delete route also accepts DELETE (the deployed one does not)
 * @param rateLimitPerMinute the notifications routes' limit per window
 * @param accessTokenTtl how long a notifications access token lives
 * @param clock the time the sandbox believes (tests share a fake one with the client)
 * @param deployment how the served deployment differs from the full one, at start
 */
public record SandboxOptions(int port, int size, long seed, FaultSettings faults, boolean acceptDeleteMethod,
    int rateLimitPerMinute, Duration accessTokenTtl, Clock clock, Deployment deployment) {

  /** Items of the first demo user by default: a few hundred. */
  public static final int DEFAULT_SIZE = 240;

  public SandboxOptions {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0 to 65535, got " + port);
    }
    if (size < 0 || size > 1_000_000) {
      throw new IllegalArgumentException("size must be 0 to 1,000,000, got " + size);
    }
    if (rateLimitPerMinute < 1) {
      throw new IllegalArgumentException("rateLimitPerMinute must be at least 1, got " + rateLimitPerMinute);
    }
    Objects.requireNonNull(faults, "faults");
    Objects.requireNonNull(accessTokenTtl, "accessTokenTtl");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(deployment, "deployment");
  }

  public static SandboxOptions defaults() {
    return new SandboxOptions(0, DEFAULT_SIZE, 42, FaultSettings.NONE, false, 60, Duration.ofMinutes(15),
        Clock.systemUTC(), Deployment.STANDARD);
  }

  public SandboxOptions withPort(int value) {
    return new SandboxOptions(value, size, seed, faults, acceptDeleteMethod, rateLimitPerMinute, accessTokenTtl, clock,
        deployment);
  }

  public SandboxOptions withSize(int value) {
    return new SandboxOptions(port, value, seed, faults, acceptDeleteMethod, rateLimitPerMinute, accessTokenTtl, clock,
        deployment);
  }

  public SandboxOptions withSeed(long value) {
    return new SandboxOptions(port, size, value, faults, acceptDeleteMethod, rateLimitPerMinute, accessTokenTtl, clock,
        deployment);
  }

  public SandboxOptions withFaults(FaultSettings value) {
    return new SandboxOptions(port, size, seed, value, acceptDeleteMethod, rateLimitPerMinute, accessTokenTtl, clock,
        deployment);
  }

  public SandboxOptions withAcceptDeleteMethod(boolean value) {
    return new SandboxOptions(port, size, seed, faults, value, rateLimitPerMinute, accessTokenTtl, clock,
        deployment);
  }

  public SandboxOptions withRateLimitPerMinute(int value) {
    return new SandboxOptions(port, size, seed, faults, acceptDeleteMethod, value, accessTokenTtl, clock,
        deployment);
  }

  public SandboxOptions withAccessTokenTtl(Duration value) {
    return new SandboxOptions(port, size, seed, faults, acceptDeleteMethod, rateLimitPerMinute, value, clock,
        deployment);
  }

  public SandboxOptions withClock(Clock value) {
    return new SandboxOptions(port, size, seed, faults, acceptDeleteMethod, rateLimitPerMinute, accessTokenTtl, value,
        deployment);
  }

  public SandboxOptions withDeployment(Deployment value) {
    return new SandboxOptions(port, size, seed, faults, acceptDeleteMethod, rateLimitPerMinute, accessTokenTtl, clock,
        value);
  }
}
