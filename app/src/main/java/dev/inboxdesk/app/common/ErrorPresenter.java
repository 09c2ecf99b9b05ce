package dev.inboxdesk.app.common;

import dev.inboxdesk.UnsafeText;
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
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The one place that turns an error into what a person reads. Texts come from resource bundles:
 * the server's {@code i18nKey} when the bundle knows it, the server's own message otherwise, and a
 * sentence per error kind around them.
 */
public final class ErrorPresenter {
  /** The bundle every text of the app comes from. */
  public static final String BUNDLE = "dev.inboxdesk.app.common.messages";

  private final ResourceBundle bundle;

  public ErrorPresenter(ResourceBundle bundle) {
    this.bundle = bundle;
  }

  public static ErrorPresenter forLocale(Locale locale) {
    return new ErrorPresenter(ResourceBundle.getBundle(BUNDLE, locale));
  }

  public ResourceBundle bundle() {
    return bundle;
  }

  public Problem describe(Throwable error) {
    if (!(error instanceof ApiException api)) {
      return new Problem(text("problem.bug.title"), text("problem.bug.detail"), null, String.valueOf(error),
          Problem.Action.RETRY);
    }
    String technical = UnsafeText.visible(api.getMessage());
    String correlationId = api.correlationId();
    if (api instanceof NotFoundException) {
      return new Problem(text("problem.notFound.title"), serverText(api, "problem.notFound.detail"), correlationId,
          technical, Problem.Action.NONE);
    }
    if (api instanceof RateLimitedException limited) {
      return new Problem(text("problem.rateLimited.title"),
          format("problem.rateLimited.detail", Math.max(1, limited.retryAfter().toSeconds())), correlationId,
          technical, Problem.Action.WAIT);
    }
    if (api instanceof AuthenticationException auth) {
      // A translated i18nKey first, then our sentence for the reason, then the server's own words.
      String reasonKey = "problem.auth." + auth.reason().name();
      String key = api.i18nKey() != null ? api.i18nKey() : api.code();
      boolean translated = key != null && bundle.containsKey("server." + key);
      String detail = translated || !bundle.containsKey(reasonKey) ? serverText(api, reasonKey) : text(reasonKey);
      return new Problem(text(auth.requiresSignIn() ? "problem.auth.title" : "problem.auth.refused.title"), detail,
          correlationId, technical, auth.requiresSignIn() ? Problem.Action.SIGN_IN : Problem.Action.FIX_INPUT);
    }
    if (api instanceof InvalidRequestException invalid) {
      String detail = invalid.refusedByClient() ? orDefault("problem.invalid." + invalid.code(),
          UnsafeText.visible(invalid.serverMessage())) : serverText(api, "problem.invalid.detail");
      if (!invalid.details().isEmpty()) {
        detail = detail + " (" + UnsafeText.visible(String.join("; ", invalid.details())) + ")";
      }
      return new Problem(text("problem.invalid.title"), detail, correlationId, technical, Problem.Action.FIX_INPUT);
    }
    if (api instanceof ServerErrorException) {
      return new Problem(text("problem.server.title"), format("problem.server.detail", api.status()), correlationId,
          technical, Problem.Action.RETRY);
    }
    if (api instanceof ConnectionFailureException connection) {
      String key = "problem.connection." + connection.kind().name();
      String detail = text(key) + " " + text(connection.mayHaveReachedServer()
          ? "problem.connection.mayHaveReached" : "problem.connection.notReached");
      return new Problem(text("problem.connection.title"), detail, null, technical, Problem.Action.RETRY);
    }
    if (api instanceof RouteUnavailableException route) {
      // Shown as a connection problem: the address is wrong or lacks the feature; no item is "gone".
      return new Problem(text("problem.route.title"), format("problem.route.detail", route.route()), correlationId,
          technical, Problem.Action.RETRY);
    }
    if (api instanceof UnconfirmedException) {
      return new Problem(text("problem.unconfirmed.title"), text("problem.unconfirmed.detail"), correlationId,
          technical, Problem.Action.RETRY);
    }
    UnexpectedResponseException unexpected = (UnexpectedResponseException) api;
    return new Problem(text("problem.unexpected.title"), text("problem.unexpected." + unexpected.kind().name()),
        correlationId, technical, Problem.Action.RETRY);
  }

  /** The bundle's text for the server's i18nKey, else the server's message, else {@code fallbackKey}'s text. */
  private String serverText(ApiException api, String fallbackKey) {
    String key = api.i18nKey() != null ? api.i18nKey() : api.code();
    if (key != null && bundle.containsKey("server." + key)) {
      return substitute(bundle.getString("server." + key), api.i18nVars());
    }
    if (api.serverMessage() != null && !api.serverMessage().isBlank()) {
      // A server's own words may carry control characters or bidi overrides: shown, not obeyed.
      return UnsafeText.visible(api.serverMessage());
    }
    return text(fallbackKey);
  }

  /** Fills {@code {name}} placeholders from the server's i18nVars. */
  private static String substitute(String text, Map<String, String> vars) {
    String result = text;
    for (Map.Entry<String, String> var : vars.entrySet()) {
      result = result.replace("{" + var.getKey() + "}", var.getValue());
    }
    return result;
  }

  private String orDefault(String key, String fallback) {
    return bundle.containsKey(key) ? bundle.getString(key) : fallback;
  }

  String text(String key) {
    try {
      return bundle.getString(key);
    } catch (MissingResourceException missing) {
      return key;
    }
  }

  String format(String key, Object... args) {
    return new MessageFormat(text(key), bundle.getLocale()).format(args);
  }
}
