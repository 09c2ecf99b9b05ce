package dev.inboxdesk.client;

/**
 * The server answered {@code 5xx}, whatever its body (an HTML page from a proxy included). The
 * request may or may not have taken effect; retrying later is reasonable.
 */
public final class ServerErrorException extends ApiException {
  /**
   * A server failure. For the client's own use and for tests: callers receive these, they do not make them.
   *
   * @param details what the server said
   */
  public ServerErrorException(ServerDetails details) {
    super("Server error", details, null);
  }
}
