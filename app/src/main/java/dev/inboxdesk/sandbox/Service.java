package dev.inboxdesk.sandbox;

/** One of the two services the sandbox serves. */
interface Service {

  /** {@code messages} or {@code notifications}, as fault scopes name them. */
  String name();

  /** True for the routes faults may touch: listing, deleting, marking; not signing in. */
  boolean isDataRoute(HttpCall call);

  /** Does what the request asks and says what to answer. */
  Response handle(HttpCall call);

  /**
   * The success {@code call}'s route would answer, without doing anything: what a body fault
   * before acting cuts or replaces. Status as the route's; the body need only look the part.
   */
  Response unactedSuccess(HttpCall call);

  /** A failure with {@code status} in this service's own style. */
  Response failure(int status);

  /** What this service answers a request without valid credentials. */
  Response unauthorized();

  /** What this service answers a request over its rate limit. */
  Response throttled(int retryAfterSeconds);

  /** Fresh demo data; accounts and sessions stay. */
  void resetData();
}
