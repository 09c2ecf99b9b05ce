package dev.inboxdesk.client;

/**
 * Signing in failed, or the session or token is missing, expired or revoked. {@link #reason()}
 * says which, so the app can word it and decide whether a new sign-in is needed.
 */
public final class AuthenticationException extends ApiException {

  /** Why authentication failed. */
  public enum Reason {
    /** Messages sign-in: no account with this e-mail. */
    UNKNOWN_ACCOUNT,
    /** Messages sign-in: the password is wrong. */
    WRONG_PASSWORD,
    /** Messages sign-in: e-mail or password was empty. */
    CREDENTIALS_REQUIRED,
    /** Messages sign-in: the CSRF check failed; no session was created. */
    CSRF_REJECTED,
    /** Notifications login: e-mail or password wrong (the service does not say which). */
    INVALID_CREDENTIALS,
    /** Notifications login: too many failed attempts; the account is locked for a while. */
    ACCOUNT_LOCKED,
    /** Notifications login: the account is suspended. */
    ACCOUNT_SUSPENDED,
    /** Notifications login: the account was deactivated. */
    ACCOUNT_DEACTIVATED,
    /** Notifications login: the e-mail address is not verified yet. */
    EMAIL_NOT_VERIFIED,
    /** A refresh token was used twice; the server revoked every session of the user. */
    REFRESH_TOKEN_REUSED,
    /** No refresh token is held, so the expired access token cannot be renewed. */
    REFRESH_UNAVAILABLE,
    /** No valid session or token: never signed in, expired, or revoked. */
    NOT_AUTHENTICATED,
    /** Authenticated but not allowed ({@code 403}). */
    FORBIDDEN
  }

  /** Why authentication failed. */
  private final Reason reason;

  /**
   * An authentication failure. For the client's own use and for tests: callers receive these, they do not make them.
   *
   * @param reason why authentication failed
   * @param details what the server said
   */
  public AuthenticationException(Reason reason, ServerDetails details) {
    super("Authentication failed: " + reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
        details, null);
    this.reason = reason;
  }

  /**
   * Why authentication failed.
   *
   * @return the reason
   */
  public Reason reason() {
    return reason;
  }

  /** {@return true when only a fresh sign-in can help (as opposed to, say, an unverified e-mail)} */
  public boolean requiresSignIn() {
    return switch (reason) {
      case NOT_AUTHENTICATED, REFRESH_TOKEN_REUSED, REFRESH_UNAVAILABLE, CSRF_REJECTED -> true;
      default -> false;
    };
  }
}
