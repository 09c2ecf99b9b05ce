package dev.inboxdesk.cli;

import dev.inboxdesk.client.ApiException;
import dev.inboxdesk.client.AuthenticationException;
import dev.inboxdesk.client.ConnectionFailureException;
import dev.inboxdesk.client.InvalidRequestException;
import dev.inboxdesk.client.NotFoundException;
import dev.inboxdesk.client.RateLimitedException;
import dev.inboxdesk.client.RouteUnavailableException;
import dev.inboxdesk.client.ServerErrorException;
import dev.inboxdesk.client.UnconfirmedException;
import dev.inboxdesk.client.UnexpectedResponseException;

/** The command line's exit codes, one per error kind: scripts can test them. */
public final class ExitCodes {
  public static final int OK = 0;
  public static final int USAGE = 2;
  public static final int NOT_FOUND = 3;
  public static final int AUTHENTICATION = 4;
  public static final int RATE_LIMITED = 5;
  public static final int INVALID_REQUEST = 6;
  public static final int SERVER_ERROR = 7;
  public static final int CONNECTION = 8;
  public static final int UNEXPECTED = 9;

  /** For {@code --help}. */
  static final String[] LIST = {
      "0:all succeeded", "2:usage error", "3:not found", "4:authentication failed",
      "5:rate limited (after the client's own waiting)", "6:invalid request, including ids refused before sending",
      "7:server error", "8:connection failure",
      "9:unexpected response, unconfirmed outcome, or an address that does not serve this API"};

  private ExitCodes() {
  }

  public static int of(ApiException error) {
    if (error instanceof NotFoundException) {
      return NOT_FOUND;
    }
    if (error instanceof AuthenticationException) {
      return AUTHENTICATION;
    }
    if (error instanceof RateLimitedException) {
      return RATE_LIMITED;
    }
    if (error instanceof InvalidRequestException) {
      return INVALID_REQUEST;
    }
    if (error instanceof ServerErrorException) {
      return SERVER_ERROR;
    }
    if (error instanceof ConnectionFailureException) {
      return CONNECTION;
    }
    if (error instanceof UnexpectedResponseException || error instanceof UnconfirmedException
        || error instanceof RouteUnavailableException) {
      return UNEXPECTED;
    }
    throw new IllegalArgumentException("unknown error kind " + error.getClass());
  }

  /** The error kind's name in JSON output. */
  public static String typeOf(ApiException error) {
    String simple = error.getClass().getSimpleName();
    String base = simple.endsWith("Exception") ? simple.substring(0, simple.length() - "Exception".length()) : simple;
    return base.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
  }
}
