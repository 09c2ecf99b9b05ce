package dev.inboxdesk.sandbox;

/**
 * A demo account the sandbox knows.
 *
 * @param service {@code messages} or {@code notifications}
 * @param username the public name
 * @param email what to sign in with
 * @param password what to sign in with (demo only)
 * @param twoFactorCode the second-step code, or null when the account has no two-factor
 */
public record DemoAccount(String service, String username, String email, String password, String twoFactorCode) {

  /** One line for a terminal or a label. */
  public String describe() {
    return service + ": " + email + " / " + password + (twoFactorCode == null ? "" : " (two-factor code "
        + twoFactorCode + ")");
  }
}
