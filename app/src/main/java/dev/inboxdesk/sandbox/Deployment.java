package dev.inboxdesk.sandbox;

/**
 * How the served deployment differs from the full one the sandbox models by default: the ways real
 * deployments of the two services were seen to differ (CONTRACTS.md, "Where deployments differ").
 * Immutable; start from {@link #STANDARD} and change with the {@code with…} methods.
 *
 * @param minimal only the routes the seeds document: NextAuth's routes, listing and deleting for
 *     messages; login, listing and deleting for notifications. Every other route answers as an
 *     unknown route does on that framework, and the notifications login issues an access token
 *     only (no refresh cookie, no second factor)
 * @param kindField the name of a notification's kind, {@code eventKey} or {@code type}; with
 *     {@code type}, {@code readAt} and {@code data} are left out when null or empty
 * @param ignoreFilters whether listing notifications ignores {@code read=} and {@code limit}
 *     (always pages by {@value #SERVER_PAGE_SIZE}, still honours {@code page})
 * @param route404 the body of the notifications API's errors, 404s included: {@code envelope} (the
 *     API's error envelope) or {@code nest} (Nest's default bodies, as without the exception filter)
 * @param cookieScheme the scheme the messages app believes it is served over, which names its
 *     cookies: {@code http} (plain names) or {@code https} ({@code __Secure-}/{@code __Host-}
 *     names, as behind a TLS-terminating proxy)
 */
public record Deployment(boolean minimal, String kindField, boolean ignoreFilters, String route404,
    String cookieScheme) {

  /** The full deployment, as the sandbox has always served it. */
  public static final Deployment STANDARD = new Deployment(false, "eventKey", false, "envelope", "http");

  /** The page size of a server that ignores {@code limit}. */
  public static final int SERVER_PAGE_SIZE = 20;

  public Deployment {
    kindField = require(kindField, "eventKey", "kindField", "eventKey", "type");
    route404 = require(route404, "envelope", "route404", "envelope", "nest");
    cookieScheme = require(cookieScheme, "http", "cookieScheme", "http", "https");
  }

  public Deployment withMinimal(boolean value) {
    return new Deployment(value, kindField, ignoreFilters, route404, cookieScheme);
  }

  public Deployment withKindField(String value) {
    return new Deployment(minimal, value, ignoreFilters, route404, cookieScheme);
  }

  public Deployment withIgnoreFilters(boolean value) {
    return new Deployment(minimal, kindField, value, route404, cookieScheme);
  }

  public Deployment withRoute404(String value) {
    return new Deployment(minimal, kindField, ignoreFilters, value, cookieScheme);
  }

  public Deployment withCookieScheme(String value) {
    return new Deployment(minimal, kindField, ignoreFilters, route404, value);
  }

  boolean nestDefault404() {
    return route404.equals("nest");
  }

  boolean secureCookieNames() {
    return cookieScheme.equals("https");
  }

  private static String require(String value, String fallback, String name, String... allowed) {
    String chosen = value == null ? fallback : value;
    for (String candidate : allowed) {
      if (candidate.equals(chosen)) {
        return chosen;
      }
    }
    throw new IllegalArgumentException(name + " must be " + String.join(" or ", allowed) + ", got " + chosen);
  }
}
