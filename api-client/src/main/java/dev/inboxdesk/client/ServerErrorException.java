package dev.inboxdesk.client;

/**
 * The server answered {@code 5xx}, whatever its body (an HTML page from a proxy included). The
 * request may or may not have taken effect; retrying later is reasonable.
 */
public final class ServerErrorException extends ApiException {
  public ServerErrorException(ServerDetails details) {
    super("Server error", details, null);
  }
}
