package dev.inboxdesk.client.internal;

import dev.inboxdesk.client.ApiException;
import dev.inboxdesk.client.AuthenticationException;
import dev.inboxdesk.client.AuthenticationException.Reason;
import dev.inboxdesk.client.ConnectionFailureException;
import dev.inboxdesk.client.InvalidRequestException;
import dev.inboxdesk.client.NotFoundException;
import dev.inboxdesk.client.RateLimitInfo;
import dev.inboxdesk.client.RateLimitedException;
import dev.inboxdesk.client.ServerDetails;
import dev.inboxdesk.client.RouteUnavailableException;
import dev.inboxdesk.client.ServerErrorException;
import dev.inboxdesk.client.UnexpectedResponseException;
import dev.inboxdesk.client.UnexpectedResponseException.Kind;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The one place that turns an HTTP answer that is not a success into an {@link ApiException}.
 * The status decides first: a {@code 5xx} is a server error whatever its body; a {@code 4xx}
 * whose body is none of the known error shapes is an unexpected response.
 */
public final class ErrorMapper {
  /** How Express (under NestJS) words an unknown route: {@code Cannot DELETE /api/v1/…}. */
  private static final Pattern ROUTE_MESSAGE = Pattern.compile("Cannot [A-Z]+ /");
  private ErrorMapper() {
  }

  /** Throws the error for a non-2xx answer; returns the answer unchanged when it is a success. */
  public static HttpAnswer requireSuccess(HttpAnswer answer) {
    if (answer.isSuccess()) {
      return answer;
    }
    throw toException(answer);
  }

  public static ApiException toException(HttpAnswer answer) {
    int status = answer.status();
    ServerDetails parsed = ErrorBodies.parse(answer);
    ServerDetails details = parsed != null ? parsed.withStatus(status) : statusOnly(answer);
    if (status >= 500) {
      ServerErrorException error = new ServerErrorException(details);
      if (answer.replayedAfterConnectionFailure()) {
        // An earlier attempt was lost on the way back: it may have been applied, whatever the
        // retry's server error says. Saying "server error" alone would claim nothing happened.
        return new ConnectionFailureException(ConnectionFailureException.Kind.RESET, true,
            "The connection broke before the answer and the retry got a server error (HTTP " + status + ")", error);
      }
      return error;
    }
    if (status == 429) {
      RateLimitInfo info = answer.rateLimit();
      Duration wait = info.retryAfter() != null ? info.retryAfter() : Duration.ofSeconds(60);
      return new RateLimitedException(details, wait, info.limit(), info.remaining());
    }
    if (status == 405 || status == 404 && !isMissingItem(parsed)) {
      // The address has no such route (or not for this method): nothing is known about any item.
      return new RouteUnavailableException(answer.route(), details);
    }
    if (status >= 400 && status < 500) {
      if (parsed == null) {
        Kind kind = Json.notJsonKind(answer.body(), answer.contentType());
        Kind shown = kind != null ? kind : Kind.WRONG_SHAPE;
        return new UnexpectedResponseException(shown, Json.describe(shown, "HTTP " + status + " error body",
            answer.contentType()) + (kind == null ? " is none of the known error shapes" : ""), details);
      }
      return switch (status) {
        case 401, 403 -> new AuthenticationException(reason(details, status), details);
        case 404 -> new NotFoundException(details);
        default -> new InvalidRequestException(details);
      };
    }
    return new UnexpectedResponseException(Kind.UNEXPECTED_STATUS, "HTTP " + status + " is not part of the contract",
        details);
  }

  /**
   * Whether a {@code 404}'s body says the <em>item</em> is missing ({@code error.notification.not_found},
   * Nest's default naming it, the messages service's "… not found"), as opposed to the server not
   * knowing the route ({@code error.route.not_found}, {@code Cannot DELETE /…}, an HTML page).
   */
  public static boolean isMissingItem(HttpAnswer answer) {
    return answer.status() == 404 && isMissingItem(ErrorBodies.parse(answer));
  }

  private static boolean isMissingItem(ServerDetails parsed) {
    if (parsed == null) {
      return false;
    }
    String key = parsed.i18nKey() != null ? parsed.i18nKey() : parsed.code();
    String message = parsed.message() == null ? "" : parsed.message().strip();
    if (key != null && key.toLowerCase(Locale.ROOT).contains("route")
        || ROUTE_MESSAGE.matcher(message).lookingAt()) {
      return false;
    }
    if (key != null && key.toLowerCase(Locale.ROOT).endsWith("not_found") && !key.equals("NOT_FOUND")) {
      return true;
    }
    // "Notification not found", "messageId not found", but not a bare "Not Found" that names nothing.
    String lower = message.toLowerCase(Locale.ROOT);
    return lower.contains("not found") && !lower.equals("not found");
  }

  private static ServerDetails statusOnly(HttpAnswer answer) {
    String correlationId = ErrorBodies.correlationIdHeader(answer.headers());
    return new ServerDetails(answer.status(), null, null, null, Map.of(), List.of(), correlationId);
  }

  /** Reads the specific reason from the server's i18nKey or code. */
  static Reason reason(ServerDetails details, int status) {
    String key = details.i18nKey() != null ? details.i18nKey() : details.code();
    if (key != null) {
      if (key.endsWith("invalid_credentials")) {
        return Reason.INVALID_CREDENTIALS;
      }
      if (key.endsWith("account_locked")) {
        return Reason.ACCOUNT_LOCKED;
      }
      if (key.endsWith("account_suspended")) {
        return Reason.ACCOUNT_SUSPENDED;
      }
      if (key.endsWith("account_deactivated")) {
        return Reason.ACCOUNT_DEACTIVATED;
      }
      if (key.endsWith("email_not_verified")) {
        return Reason.EMAIL_NOT_VERIFIED;
      }
      if (key.endsWith("token_reuse_detected")) {
        return Reason.REFRESH_TOKEN_REUSED;
      }
    }
    return status == 403 ? Reason.FORBIDDEN : Reason.NOT_AUTHENTICATED;
  }
}
