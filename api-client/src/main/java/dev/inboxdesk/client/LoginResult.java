package dev.inboxdesk.client;

import java.time.Instant;

/** How a notifications login ended when the credentials were accepted. */
public sealed interface LoginResult {

  /**
   * Signed in; the client holds the access token and the refresh cookie.
   *
   * @param accessTokenExpiresAt when the access token expires, or null if unknown
   */
  record SignedIn(Instant accessTokenExpiresAt) implements LoginResult {
  }

  /**
   * The account has two-factor authentication: finish with
   * {@link NotificationsClient#completeTwoFactor(String, String)}.
   *
   * @param tempToken the ticket for the second step (a secret; short-lived)
   */
  record TwoFactorRequired(String tempToken) implements LoginResult {
    @Override
    public String toString() {
      return "TwoFactorRequired[tempToken=«redacted»]";
    }
  }
}
