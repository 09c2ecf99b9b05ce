package dev.inboxdesk.e2e.peers;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Which peer to start and with which switches; immutable, compared by value (the shared instances
 * in {@link Peers} are keyed by it).
 *
 * <p>The switches are environment variables of the peer process:
 * <ul>
 *   <li>messages: {@code NEXTAUTH_SECRET} and {@code NEXTAUTH_URL} are set by the harness (the URL
 *       is the peer's own plain-http origin, so cookies keep their unprefixed names even behind
 *       {@link TlsProxy}); nothing else.
 *   <li>notifications: {@link #envelope(boolean) ENVELOPE}, {@link #optionalRoutes(boolean)
 *       OPTIONAL_ROUTES}, {@link #throttle(int, Duration) THROTTLE_LIMIT and THROTTLE_TTL_MS},
 *       {@code LOGIN_THROTTLE_LIMIT} (per hour, default 20), {@code REFRESH_THROTTLE_LIMIT} (per hour,
 *       default 60), {@code ACCESS_TOKEN_TTL} (seconds, default 900), {@code JWT_SECRET}.
 * </ul>
 * Anything else can be passed with {@link #env(String, String)}.
 */
public final class PeerOptions {
  private final PeerKind kind;
  private final Map<String, String> env;

  private PeerOptions(PeerKind kind, Map<String, String> env) {
    this.kind = kind;
    this.env = Collections.unmodifiableMap(new TreeMap<>(env));
  }

  /** The messages app with its defaults. */
  public static PeerOptions messages() {
    return new PeerOptions(PeerKind.MESSAGES, Map.of());
  }

  /**
   * The notifications API with the defaults of a deployment as documented: envelope on, every
   * route, 60 requests a minute per route, except that logins are allowed 1,000 an hour, so that
   * a suite signing in before each test does not trip the documented 20 an hour (set
   * {@code LOGIN_THROTTLE_LIMIT} to test that limit).
   */
  public static PeerOptions notifications() {
    return new PeerOptions(PeerKind.NOTIFICATIONS, Map.of("LOGIN_THROTTLE_LIMIT", "1000"));
  }

  public PeerKind kind() {
    return kind;
  }

  /** The environment given to the peer on top of the harness's own (PORT and, for messages, NextAuth's). */
  public Map<String, String> env() {
    return env;
  }

  /** One more environment variable for the peer. */
  public PeerOptions env(String name, String value) {
    Map<String, String> copy = new TreeMap<>(env);
    copy.put(name, value);
    return new PeerOptions(kind, copy);
  }

  /** Notifications: {@code false} drops the error envelope filter; errors then have Nest's default bodies. */
  public PeerOptions envelope(boolean on) {
    return env("ENVELOPE", on ? "on" : "off");
  }

  /**
   * Notifications: {@code false} leaves out the routes the seed does not document (unread-count,
   * mark read, read-all, clear-read, refresh, logout), so Nest answers them with its own route 404
   * (except {@code DELETE /notifications/clear-read}, which then reaches {@code DELETE :id} and its
   * ParseUUIDPipe: 400, as on a real deployment without that route).
   */
  public PeerOptions optionalRoutes(boolean on) {
    return env("OPTIONAL_ROUTES", on ? "on" : "off");
  }

  /** Notifications: each route's limit per window (default 60 a minute), so a test can reach 429 fast. */
  public PeerOptions throttle(int limit, Duration window) {
    return env("THROTTLE_LIMIT", Integer.toString(limit)).env("THROTTLE_TTL_MS", Long.toString(window.toMillis()));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PeerOptions o && o.kind == kind && o.env.equals(env);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, env);
  }

  @Override
  public String toString() {
    return kind.folder + env;
  }
}
