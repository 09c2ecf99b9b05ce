package dev.inboxdesk.app.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inboxdesk.client.AuthenticationException.Reason;
import dev.inboxdesk.client.AuthenticationException;
import dev.inboxdesk.client.ConnectionFailureException;
import dev.inboxdesk.client.InvalidRequestException;
import dev.inboxdesk.client.NotFoundException;
import dev.inboxdesk.client.RateLimitedException;
import dev.inboxdesk.client.ServerDetails;
import dev.inboxdesk.client.ServerErrorException;
import dev.inboxdesk.client.UnexpectedResponseException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

class ErrorPresenterTest {
  final ErrorPresenter english = ErrorPresenter.forLocale(Locale.ENGLISH);
  final ErrorPresenter german = new ErrorPresenter(ResourceBundle.getBundle(ErrorPresenter.BUNDLE, Locale.GERMAN));

  private static ServerDetails server(int status, String key, String message) {
    return new ServerDetails(status, key, message, key, Map.of(), List.of(), "corr-1");
  }

  @Test
  void aKnownI18nKeyIsTranslated() {
    NotFoundException gone = new NotFoundException(server(404, "error.notification.not_found", "Not found"));

    assertThat(english.describe(gone).detail()).isEqualTo("This notification no longer exists.");
    assertThat(german.describe(gone).detail()).isEqualTo("Diese Benachrichtigung existiert nicht mehr.");
    assertThat(english.describe(gone).correlationId()).isEqualTo("corr-1");
  }

  @Test
  void anUnknownI18nKeyFallsBackToTheServersMessage() {
    ServerErrorException error = new ServerErrorException(server(500, "error.brand_new", "Disk on fire"));

    assertThat(english.describe(new InvalidRequestException(server(400, "error.brand_new", "Disk on fire")))
        .detail()).isEqualTo("Disk on fire");
    assertThat(english.describe(error).title()).isEqualTo("The server had a problem");
    assertThat(english.describe(error).action()).isEqualTo(Problem.Action.RETRY);
  }

  @Test
  void aSignInRefusalUsesOurSentenceRatherThanTheServersRawWords() {
    AuthenticationException wrong = new AuthenticationException(Reason.WRONG_PASSWORD,
        new ServerDetails(401, null, "Invalid password", null, Map.of(), List.of(), null));

    assertThat(english.describe(wrong).oneLine()).isEqualTo("Sign-in refused: The password is wrong.");
    assertThat(german.describe(wrong).detail()).isEqualTo("Das Passwort ist falsch.");
  }

  @Test
  void everyKindHasItsOwnWordsAndAction() {
    assertThat(english.describe(new RateLimitedException(ServerDetails.ofStatus(429), Duration.ofSeconds(12), 60, 0))
        .detail()).contains("12 s");
    assertThat(english.describe(new AuthenticationException(Reason.NOT_AUTHENTICATED, ServerDetails.ofStatus(401)))
        .action()).isEqualTo(Problem.Action.SIGN_IN);
    assertThat(english.describe(new AuthenticationException(Reason.WRONG_PASSWORD, ServerDetails.ofStatus(401)))
        .detail()).isEqualTo("The password is wrong.");
    assertThat(english.describe(new ConnectionFailureException(ConnectionFailureException.Kind.TIMEOUT, true,
        "timeout", null)).detail()).contains("too long", "may have received");
    assertThat(english.describe(new UnexpectedResponseException(UnexpectedResponseException.Kind.NOT_JSON, "html",
        ServerDetails.ofStatus(404))).detail()).isEqualTo("It was a web page instead of data.");
    assertThat(english.describe(InvalidRequestException.refusedBeforeSending(
        InvalidRequestException.INSECURE_TRANSPORT, "x")).detail()).contains("plain http");
    assertThat(english.describe(new IllegalStateException("bug")).title()).contains("inside InboxDesk");
  }

  @Test
  void everyEnglishTextHasAGermanOne() {
    ResourceBundle en = ResourceBundle.getBundle(ErrorPresenter.BUNDLE, Locale.ROOT);
    ResourceBundle de = ResourceBundle.getBundle(ErrorPresenter.BUNDLE, Locale.GERMAN);

    assertThat(de.keySet()).containsAll(en.keySet());
    for (String key : en.keySet()) {
      if (!key.startsWith("app.") && !key.equals("bar.sandbox") && !key.equals("shortcut.search")) {
        assertThat(de.getString(key)).as(key).isNotBlank();
      }
    }
  }
}
