package dev.inboxdesk.client;

/**
 * A change the server may or may not have made: it answered success, but the answer could not be
 * read, and checking (listing again) failed too. Never report such a delete as done or as failed:
 * look again later. {@link #getCause()} is why the check failed.
 */
public final class UnconfirmedException extends ApiException {

  public UnconfirmedException(String what, ServerDetails details, ApiException checkFailure) {
    super("Unconfirmed: " + what, details, checkFailure);
  }

  @Override
  public boolean mayHaveReachedServer() {
    return true;
  }
}
