package dev.inboxdesk.app.accounts;

import dev.inboxdesk.client.Loopback;
import java.util.Objects;
import java.util.UUID;
import okhttp3.HttpUrl;

/**
 * A saved connection: a name, which service, the base URL and the account. Holds no secret; a
 * remembered session lives in the keyring under the profile's id.
 *
 * @param id stable id, the keyring entry's name
 * @param name what the user calls it ("Production", "Staging")
 * @param service which of the two services
 * @param baseUrl the server's base URL (the app's origin, or the API's {@code …/api/v1})
 * @param account the e-mail last signed in with, or empty
 * @param allowInsecureHttp the user's consent to send credentials over plain http to another machine
 * @param rememberMe whether the session is kept in the keyring between runs
 */
public record Profile(String id, String name, Connection.Service service, String baseUrl, String account,
    boolean allowInsecureHttp, boolean rememberMe) {

  public Profile {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(service, "service");
    name = name == null || name.isBlank() ? "Unnamed" : name.strip();
    account = account == null ? "" : account.strip();
    baseUrl = Objects.requireNonNull(baseUrl, "baseUrl").strip();
  }

  public static Profile create(String name, Connection.Service service, String baseUrl) {
    return new Profile(UUID.randomUUID().toString(), name, service, baseUrl, "", false, false);
  }

  public Profile withAccount(String value) {
    return new Profile(id, name, service, baseUrl, value, allowInsecureHttp, rememberMe);
  }

  public Profile withRememberMe(boolean value) {
    return new Profile(id, name, service, baseUrl, account, allowInsecureHttp, value);
  }

  public Profile withInsecureHttp(boolean value) {
    return new Profile(id, name, service, baseUrl, account, value, rememberMe);
  }

  /**
   * Why the URL cannot be used, or null when it can: it must be http(s), and plain http to
   * another machine needs the user's consent.
   */
  public String problem() {
    HttpUrl url = HttpUrl.parse(baseUrl);
    if (url == null) {
      return "The server address must start with https:// (or http://)";
    }
    if (needsInsecureConsent() && !allowInsecureHttp) {
      return "Plain http to " + url.host() + " would send your password and session unencrypted; use https,"
          + " or allow it explicitly";
    }
    return null;
  }

  /** True for plain http to a host that is not this machine. */
  public boolean needsInsecureConsent() {
    HttpUrl url = HttpUrl.parse(baseUrl);
    if (url == null || url.isHttps()) {
      return false;
    }
    return !Loopback.isLoopback(url.host());
  }
}
