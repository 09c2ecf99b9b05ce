package dev.inboxdesk.client;

/**
 * Told about every request the client sends and what came back, with secrets already masked.
 * Called on the thread that made the call; keep it quick and never let it throw.
 */
@FunctionalInterface
public interface ExchangeListener {

  /** Listens to nothing. */
  ExchangeListener NONE = exchange -> { };

  void onExchange(Exchange exchange);
}
