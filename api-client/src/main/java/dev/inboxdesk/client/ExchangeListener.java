package dev.inboxdesk.client;

/**
 * Told about every request the client sends and what came back, with secrets already masked.
 * Called on the thread that made the call; keep it quick and never let it throw.
 */
@FunctionalInterface
public interface ExchangeListener {

  /** Listens to nothing. */
  ExchangeListener NONE = exchange -> { };

  /**
   * Called once per attempt, after the answer was read or the attempt failed.
   *
   * @param exchange the request and its answer or failure, secrets masked
   */
  void onExchange(Exchange exchange);
}
