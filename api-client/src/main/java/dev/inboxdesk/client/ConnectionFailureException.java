package dev.inboxdesk.client;

/**
 * No answer came back: the connection was refused, reset or dropped, or timed out.
 * {@link #mayHaveReachedServer()} tells whether the server might have acted on the request
 * anyway, which matters for deletes.
 */
public final class ConnectionFailureException extends ApiException {

  /** What went wrong on the wire. */
  public enum Kind {
    /** Nothing listens there (or the server process exited). */
    REFUSED,
    /** The host name did not resolve. */
    UNKNOWN_HOST,
    /** The connection broke before the whole answer arrived. */
    RESET,
    /** No answer in time. */
    TIMEOUT,
    /** The TLS handshake failed (certificate, protocol). */
    TLS
  }

  private final Kind kind;
  private final boolean mayHaveReachedServer;

  public ConnectionFailureException(Kind kind, boolean mayHaveReachedServer, String what, Throwable cause) {
    super(what + (mayHaveReachedServer ? " (the server may have received the request)"
        : " (the request did not reach the server)"), ServerDetails.NONE, cause);
    this.kind = kind;
    this.mayHaveReachedServer = mayHaveReachedServer;
  }

  public Kind kind() {
    return kind;
  }

  /** False only when the request certainly never left (refused, unresolved host, failed handshake). */
  @Override
  public boolean mayHaveReachedServer() {
    return mayHaveReachedServer;
  }
}
