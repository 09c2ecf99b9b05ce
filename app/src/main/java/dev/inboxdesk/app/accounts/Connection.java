package dev.inboxdesk.app.accounts;

import dev.inboxdesk.app.inbox.MessagesSource;
import dev.inboxdesk.app.list.ItemSource;
import dev.inboxdesk.app.notifications.NotificationsSource;
import dev.inboxdesk.client.AuthenticationException;
import dev.inboxdesk.client.ClientConfig;
import dev.inboxdesk.client.LoginResult;
import dev.inboxdesk.client.MessagesClient;
import dev.inboxdesk.client.NotificationsClient;
import dev.inboxdesk.client.ResendRequest;
import dev.inboxdesk.client.Resent;
import dev.inboxdesk.client.ReadFilter;
import dev.inboxdesk.client.ServerDetails;
import dev.inboxdesk.client.SessionUser;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One service the app is connected to: a profile's server, or the embedded sandbox. Signs in (with
 * a password, a pasted token, or a session remembered from an earlier run) and out. Calls block;
 * run them off the UI thread.
 */
public final class Connection implements AutoCloseable {

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
  private final Profile profile;
  private final String sandboxControlToken;
  private final MessagesClient messages;
  private final NotificationsClient notifications;
  private final ItemSource source;
  private volatile String account;

  private Connection(Service service, String baseUrl, Profile profile, String sandboxControlToken,
      MessagesClient messages, NotificationsClient notifications) {
    this.service = service;
    this.baseUrl = baseUrl;
    this.profile = profile;
    this.sandboxControlToken = sandboxControlToken;
    this.messages = messages;
    this.notifications = notifications;
    this.source = messages != null ? new MessagesSource(messages) : new NotificationsSource(notifications);
  }

  /**
   * A connection to the embedded sandbox.
   *
   * @param controlToken the sandbox's control token, for its panel
   */
  public static Connection sandbox(Service service, String baseUrl, String controlToken, ClientConfig.Builder config) {
    return create(service, baseUrl, null, java.util.Objects.requireNonNull(controlToken, "controlToken"), config);
  }

  /** A connection to a profile's server. */
  public static Connection forProfile(Profile profile, ClientConfig.Builder config) {
    return create(profile.service(), profile.baseUrl(), profile, null,
        config.allowInsecureHttp(profile.allowInsecureHttp()));
  }

  private static Connection create(Service service, String baseUrl, Profile profile, String token,
      ClientConfig.Builder config) {
    ClientConfig built = config.build();
    return service == Service.MESSAGES
        ? new Connection(service, baseUrl, profile, token, MessagesClient.create(built), null)
        : new Connection(service, baseUrl, profile, token, null, NotificationsClient.create(built));
  }

  public Service service() {
    return service;
  }

  public String baseUrl() {
    return baseUrl;
  }

  /** True when this is the embedded sandbox rather than a real server. */
  public boolean sandbox() {
    return profile == null;
  }

  /** The sandbox's control token (for its panel); null for a profile's server. */
  public String sandboxControlToken() {
    return sandboxControlToken;
  }

  /** The saved profile, or empty for the sandbox. */
  public Optional<Profile> profile() {
    return Optional.ofNullable(profile);
  }

  /** The list behind this connection. */
  /** Sends a recorded request again, as a tester edited it, through this connection's signed-in client. */
  public Resent resend(ResendRequest request) {
    return messages != null ? messages.resend(request) : notifications.resend(request);
  }

  public ItemSource source() {
    return source;
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

  /**
   * Signs in with a token copied from a browser: the messages app's session token, or the
   * notifications API's access token. The server is asked once to prove the token works.
   */
  public SignInResult usePastedToken(String token) {
    if (service == Service.MESSAGES) {
      messages.useSessionToken(token);
      SessionUser user = messages.session().orElseThrow(() -> new AuthenticationException(
          AuthenticationException.Reason.NOT_AUTHENTICATED,
          ServerDetails.clientSide(null, "The server does not know this session token")));
      account = user.email() != null ? user.email() : user.username();
    } else {
      notifications.useAccessToken(token);
      // Checked with the one read every deployment has: the list, one item.
      notifications.listPage(ReadFilter.ALL, 1, 1);
      account = profile != null && !profile.account().isEmpty() ? profile.account() : "pasted token";
    }
    return new SignInResult.Done(account);
  }

  /** Signs in again with a session remembered from an earlier run (from the keyring). */
  public void restore(String secret, String rememberedAccount) {
    if (service == Service.MESSAGES) {
      messages.useSessionToken(secret);
      SessionUser user = messages.session().orElseThrow(() -> new AuthenticationException(
          AuthenticationException.Reason.NOT_AUTHENTICATED,
          ServerDetails.clientSide(null, "The remembered session has ended")));
      account = user.email() != null ? user.email() : rememberedAccount;
    } else {
      notifications.useRefreshToken(secret);
      notifications.refresh();
      account = rememberedAccount;
    }
  }

  /** The secret that would restore this session next time, if any. */
  public Optional<String> rememberableSecret() {
    return service == Service.MESSAGES ? messages.sessionToken() : notifications.refreshToken();
  }

  /** Called whenever the rememberable secret changes (the notifications refresh token rotates). */
  public void onSecretChanged(Consumer<Optional<String>> listener) {
    if (notifications != null) {
      notifications.onSessionChanged(() -> listener.accept(notifications.refreshToken()));
    }
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
    String host = baseUrl.replaceFirst("^https?://", "");
    return profile == null ? host : profile.name() + " (" + host + ")";
  }

  @Override
  public void close() {
    if (messages != null) {
      messages.close();
    } else {
      notifications.close();
    }
  }

  @Override
  public String toString() {
    return "Connection[" + service + ", " + baseUrl + ", " + (account == null ? "signed out" : "signed in") + "]";
  }

}
