package dev.inboxdesk.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Root of every failure the clients report. One sealed family, so a {@code switch} over it is
 * exhaustive and the app has exactly one place that turns an error into words.
 *
 * <p>Two branches matter to callers: the server <em>answered</em> with an error
 * ({@link NotFoundException}, {@link RateLimitedException}, {@link AuthenticationException},
 * {@link InvalidRequestException}, {@link ServerErrorException}, {@link UnexpectedResponseException}),
 * or we <em>never got an answer</em> ({@link ConnectionFailureException}). Two say what the
 * client could not find out: {@link RouteUnavailableException} (the address has no such route, so
 * nothing is known about the item) and {@link UnconfirmedException} (the server may have acted).
 *
 * <p>Every field the server gave is kept: HTTP status ({@code 0} when there was no answer or the
 * client refused before sending), {@code code}, {@code i18nKey}, {@code i18nVars} and
 * {@code correlationId}. {@link #getMessage()} names them so one log line identifies the request.
 * Messages never contain response bodies, tokens, cookies or passwords.
 */
public abstract sealed class ApiException extends RuntimeException
    permits NotFoundException, RateLimitedException, AuthenticationException,
        InvalidRequestException, ServerErrorException, ConnectionFailureException,
        UnexpectedResponseException, RouteUnavailableException, UnconfirmedException {

  private final transient ServerDetails details;
  /** The client's one-line description, without the server's fields. */
  private final String summary;

  ApiException(String summary, ServerDetails details, Throwable cause) {
    super(compose(summary, details), cause);
    this.summary = summary;
    this.details = details == null ? ServerDetails.NONE : details;
  }

  /** {@return HTTP status of the answer, or {@code 0} when there was none} */
  public int status() {
    return details.status();
  }

  /** {@return the server's machine-readable error code, e.g. {@code error.notification.not_found}; may be null} */
  public String code() {
    return details.code();
  }

  /** {@return the server's translation key; may be null} */
  public String i18nKey() {
    return details.i18nKey();
  }

  /** {@return values for the translation key's placeholders; never null} */
  public Map<String, String> i18nVars() {
    return details.i18nVars();
  }

  /** {@return the id the server logged this request under; may be null. Quote it in bug reports} */
  public String correlationId() {
    return details.correlationId();
  }

  /** {@return the server's own human-readable message, if it sent one; may be null} */
  public String serverMessage() {
    return details.message();
  }

  /**
   * Whether the server may have acted on the request although no success came back: true for a
   * connection that broke after sending and for an {@link UnconfirmedException}. A caller must
   * not report such a change as undone.
   *
   * @return true when the request may have had its effect
   */
  public boolean mayHaveReachedServer() {
    return false;
  }

  /** {@return the client's one-line description of what happened, without the server's fields} */
  public String summary() {
    return summary;
  }

  /** {@return everything the server said about the error, as one value} */
  public ServerDetails serverDetails() {
    return details;
  }

  private static String compose(String summary, ServerDetails d) {
    if (d == null) {
      return summary;
    }
    List<String> facts = new ArrayList<>();
    if (d.status() > 0) {
      facts.add("HTTP " + d.status());
    }
    if (d.code() != null) {
      facts.add("code " + d.code());
    }
    if (d.i18nKey() != null && !d.i18nKey().equals(d.code())) {
      facts.add("i18nKey " + d.i18nKey());
    }
    if (d.correlationId() != null) {
      facts.add("correlationId " + d.correlationId());
    }
    StringBuilder text = new StringBuilder(summary);
    if (!facts.isEmpty()) {
      text.append(" (").append(String.join(", ", facts)).append(')');
    }
    if (d.message() != null && !d.message().isBlank()) {
      text.append(": ").append(d.message());
    }
    return text.toString();
  }
}
