package dev.inboxdesk.app.accounts;

import java.util.concurrent.CompletableFuture;

/**
 * What the sign-in and connections dialogs may ask of the window: sign in, switch profiles, read
 * the accounts. The main view-model implements it; the dialogs know nothing else of the shell.
 */
public interface SessionActions {

  Connection connection(Connection.Service service);

  Accounts accounts();

  /**
   * Signs in with a password; completes on the UI thread with the result, or with a
   * {@link SignInFailed} carrying the words for the dialog.
   */
  CompletableFuture<Connection.SignInResult> signIn(Connection.Service service, String email, String password,
      boolean rememberMe);

  /** Answers a two-factor challenge of the notifications service. */
  CompletableFuture<Connection.SignInResult> completeTwoFactor(String ticket, String code, String email,
      boolean rememberMe);

  /** Signs in with a token copied from a browser. */
  CompletableFuture<Connection.SignInResult> usePastedToken(Connection.Service service, String token,
      boolean rememberMe);

  /** Moves a service to another profile (null: back to the sandbox). */
  CompletableFuture<Void> use(Connection.Service service, Profile profile);
}
