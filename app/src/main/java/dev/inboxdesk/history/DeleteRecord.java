package dev.inboxdesk.history;

import java.time.Instant;
import java.util.Objects;

/**
 * One delete InboxDesk sent, as the local record keeps it. Never a secret: no token, cookie,
 * password or hash; the item's text only while "keep the text" is on.
 *
 * @param at when the outcome was known
 * @param service {@code messages} or {@code notifications}
 * @param server the server's address (scheme, host, port and path as configured)
 * @param account who was signed in, as shown in the window; may be empty
 * @param itemId the message's or notification's id
 * @param text the item's text or title, or null when not kept (or not known)
 * @param outcome how the delete ended
 * @param correlationId the server's correlation id for the failure, or null
 * @param detail the reason in a line, for a failure; empty otherwise
 * @param source {@code window} or {@code command line}
 */
public record DeleteRecord(Instant at, String service, String server, String account, String itemId, String text,
    Outcome outcome, String correlationId, String detail, String source) {

  /** How a delete ended, in the record's words. */
  public enum Outcome { DELETED, ALREADY_GONE, NOT_FOUND, FAILED, UNCONFIRMED }

  public DeleteRecord {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(itemId, "itemId");
    Objects.requireNonNull(outcome, "outcome");
    server = server == null ? "" : server;
    account = account == null ? "" : account;
    detail = detail == null ? "" : detail;
    source = source == null ? "" : source;
  }

  /** The same record without its text (for "keep the text" off, or forgetting it). */
  public DeleteRecord withoutText() {
    return new DeleteRecord(at, service, server, account, itemId, null, outcome, correlationId, detail, source);
  }

  /** Whether every word of {@code query} appears in the record's text, id, account, server or outcome. */
  public boolean matches(String query) {
    if (query == null || query.isBlank()) {
      return true;
    }
    String haystack = String.join(" ", text == null ? "" : text, itemId, account, server, service,
        outcome.name(), detail).toLowerCase(java.util.Locale.ROOT);
    for (String word : query.toLowerCase(java.util.Locale.ROOT).strip().split("\\s+")) {
      if (!haystack.contains(word)) {
        return false;
      }
    }
    return true;
  }
}
