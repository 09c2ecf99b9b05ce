package dev.inboxdesk.client;

/**
 * A change the server may or may not have made: it answered success, but the answer could not be
 * read, and checking (listing again) failed too. Never report such a delete as done or as failed:
 * look again later. {@link #getCause()} is why the check failed.
 */
public final class UnconfirmedException extends ApiException {

  /**
   * An unconfirmed change. For the client's own use and for tests: callers receive these, they do not make them.
   *
   * @param what what is unconfirmed
   * @param details what the server said
   * @param checkFailure why the check failed
   */
  public UnconfirmedException(String what, ServerDetails details, ApiException checkFailure) {
    super("Unconfirmed: " + what, details, checkFailure);
  }

  @Override
  public boolean mayHaveReachedServer() {
    return true;
  }
}
