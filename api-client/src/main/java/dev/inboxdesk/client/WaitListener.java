package dev.inboxdesk.client;

/**
 * Told of every wait the client makes on its own, before it starts, so that a caller can show
 * it: a row pending with a countdown, a notice on a terminal. Called on the thread that waits;
 * keep it quick. A wait longer than {@link ClientConfig#maxWait()} is never made: the call fails
 * at once with {@link RateLimitedException} (or the {@code 503}'s {@link ServerErrorException}).
 */
@FunctionalInterface
public interface WaitListener {
  /** Ignores every wait. */
  WaitListener NONE = wait -> { };

  /**
   * Called just before the wait starts, on the thread that will wait.
   *
   * @param wait what the client waits for, how long and why
   */
  void onWait(Wait wait);
}
