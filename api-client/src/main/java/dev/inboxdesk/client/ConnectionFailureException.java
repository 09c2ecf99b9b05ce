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

  /** What went wrong on the wire. */
  private final Kind kind;
  /** Whether the server may have received the request. */
  private final boolean mayHaveReachedServer;

  /**
   * A connection failure. For the client's own use and for tests: callers receive these, they do not make them.
   *
   * @param kind what went wrong on the wire
   * @param mayHaveReachedServer whether the server may have received the request
   * @param what a short description
   * @param cause the I/O failure
   */
  public ConnectionFailureException(Kind kind, boolean mayHaveReachedServer, String what, Throwable cause) {
    super(what + (mayHaveReachedServer ? " (the server may have received the request)"
        : " (the request did not reach the server)"), ServerDetails.NONE, cause);
    this.kind = kind;
    this.mayHaveReachedServer = mayHaveReachedServer;
  }

  /**
   * What went wrong on the wire.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }

  /** {@return false only when the request certainly never left (refused, unresolved host, failed handshake)} */
  @Override
  public boolean mayHaveReachedServer() {
    return mayHaveReachedServer;
  }
}
