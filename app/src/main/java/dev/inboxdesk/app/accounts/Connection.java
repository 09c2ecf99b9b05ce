package dev.inboxdesk.app.accounts;

import dev.inboxdesk.client.LoginResult;
import dev.inboxdesk.client.MessagesClient;
import dev.inboxdesk.client.NotificationsClient;
import dev.inboxdesk.client.SessionUser;
import java.util.Objects;

/**
 * One service the app is connected to: which server, whether it is the embedded sandbox, and
 * signing in and out. Calls block; run them off the UI thread.
 */
public final class Connection {

  /** The two services. */
  public enum Service { MESSAGES, NOTIFICATIONS }

  /** How a sign-in ended when the credentials were accepted. */
  public sealed interface SignInResult {
    /** Signed in as {@code account}. */
    record Done(String account) implements SignInResult {
    }

    /** The account needs its two-factor code; pass the ticket to {@link #completeTwoFactor}. */
    record NeedsCode(String ticket) implements SignInResult {
      @Override
      public String toString() {
        return "NeedsCode[«redacted»]";
      }
    }
  }

  private final Service service;
  private final String baseUrl;
  private final boolean sandbox;
  private final MessagesClient messages;
  private final NotificationsClient notifications;
  private volatile String account;

  private Connection(Service service, String baseUrl, boolean sandbox, MessagesClient messages,
      NotificationsClient notifications) {
    this.service = service;
    this.baseUrl = baseUrl;
    this.sandbox = sandbox;
    this.messages = messages;
    this.notifications = notifications;
  }

  public static Connection messages(String baseUrl, boolean sandbox, MessagesClient client) {
    return new Connection(Service.MESSAGES, baseUrl, sandbox, Objects.requireNonNull(client), null);
  }

  public static Connection notifications(String baseUrl, boolean sandbox, NotificationsClient client) {
    return new Connection(Service.NOTIFICATIONS, baseUrl, sandbox, null, Objects.requireNonNull(client));
  }

  public Service service() {
    return service;
  }

  public String baseUrl() {
    return baseUrl;
  }

  /** True when this is the embedded sandbox rather than a real server. */
  public boolean sandbox() {
    return sandbox;
  }

  /** Who is signed in, or null. */
  public String account() {
    return account;
  }

  public boolean signedIn() {
    return account != null;
  }

  public SignInResult signIn(String email, String password) {
    if (service == Service.MESSAGES) {
      SessionUser user = messages.signIn(email, password);
      account = user.email() != null ? user.email() : email;
      return new SignInResult.Done(account);
    }
    LoginResult result = notifications.login(email, password);
    if (result instanceof LoginResult.TwoFactorRequired step) {
      return new SignInResult.NeedsCode(step.tempToken());
    }
    account = email;
    return new SignInResult.Done(account);
  }

  /** The second step for a two-factor account. */
  public SignInResult completeTwoFactor(String ticket, String code, String email) {
    notifications.completeTwoFactor(ticket, code);
    account = email;
    return new SignInResult.Done(account);
  }

  /** Signs out on the server (best effort) and forgets the session here. */
  public void signOut() {
    try {
      if (service == Service.MESSAGES) {
        messages.signOut();
      } else {
        notifications.logout();
      }
    } finally {
      account = null;
    }
  }

  /** The host and port, for the connection bar. */
  public String serverLabel() {
    return baseUrl.replaceFirst("^https?://", "");
  }
}
