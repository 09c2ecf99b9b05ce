package dev.inboxdesk.client;

/**
 * The server has no such item <em>for this user</em>: it never existed, was already deleted, or
 * belongs to someone else (the notifications service answers all three the same on purpose).
 * For a delete this means the item is gone, not that the delete failed.
 */
public final class NotFoundException extends ApiException {
  /**
   * A missing item. For the client's own use and for tests: callers receive these, they do not make them.
   *
   * @param details what the server said
   */
  public NotFoundException(ServerDetails details) {
    super("Not found", details, null);
  }
}
