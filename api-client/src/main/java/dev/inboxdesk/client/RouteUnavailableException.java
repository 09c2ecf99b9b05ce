package dev.inboxdesk.client;

/**
 * The server has no such route: it answered {@code 404} for the address itself (Next.js's page,
 * Nest's {@code Cannot DELETE /…}, {@code error.route.not_found}) or {@code 405} for the method.
 * Either the base URL does not point at this API, or this deployment lacks an optional feature
 * (unread count, mark read, …). It says nothing about any item: an item is not "gone" because its
 * route is missing.
 */
public final class RouteUnavailableException extends ApiException {
  /** The missing route, as method and path template. */
  private final String route;

  /**
   * A missing route. For the client's own use and for tests: callers receive these, they do not make them.
   *
   * @param route the missing route, as method and path template
   * @param details what the server said
   */
  public RouteUnavailableException(String route, ServerDetails details) {
    super("This address does not serve " + route, details, null);
    this.route = route;
  }

  /** {@return the route that is missing, as method and path template, e.g. {@code GET /notifications/unread-count}} */
  public String route() {
    return route;
  }
}
