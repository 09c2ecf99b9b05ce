package dev.inboxdesk.client;

/**
 * The server answered, but not in a form we can read where its status promised one: a {@code 2xx}
 * with garbage, a {@code 4xx} with an HTML page, an empty or truncated body, JSON of the wrong
 * shape, a redirect, or a body larger than the client accepts.
 */
public final class UnexpectedResponseException extends ApiException {

  /** How the answer was wrong. */
  public enum Kind {
    /** No body where one was due. */
    EMPTY_BODY,
    /** HTML or another non-JSON body where JSON was due. */
    NOT_JSON,
    /** JSON that does not parse (truncated, garbage). */
    MALFORMED_JSON,
    /** Valid JSON without the fields the contract promises. */
    WRONG_SHAPE,
    /** Larger than the configured limit; not read to the end. */
    TOO_LARGE,
    /** A status the contract does not use here (a redirect, say). */
    UNEXPECTED_STATUS,
    /** The answer contradicts itself, e.g. "deleted" while the item is still listed. */
    CONTRADICTORY
  }

  /** How the answer was wrong. */
  private final Kind kind;

  /**
   * An unreadable answer. For the client's own use and for tests: callers receive these, they do not make them.
   *
   * @param kind how the answer was wrong
   * @param what a short description
   * @param details what the server said
   */
  public UnexpectedResponseException(Kind kind, String what, ServerDetails details) {
    super("Unexpected response: " + what, details, null);
    this.kind = kind;
  }

  /**
   * How the answer was wrong.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }
}
