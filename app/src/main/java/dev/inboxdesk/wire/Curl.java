package dev.inboxdesk.wire;

import dev.inboxdesk.client.Exchange;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An exchange as a {@code curl} command a tester can paste into a shell. Masked unless asked:
 * a masked command shows where the secrets were, an unmasked one replays the request.
 */
public final class Curl {
  /** Headers curl sets itself or that only describe the connection. */
  private static final Set<String> SKIPPED = Set.of("host", "content-length", "connection", "accept-encoding");

  private Curl() {
  }

  /**
   * @param unmasked true only on the user's explicit choice; needs {@link Exchange#unmaskedView()}
   */
  public static String of(Exchange exchange, boolean unmasked) {
    List<Exchange.Header> headers = exchange.requestHeaders();
    String body = exchange.requestBody();
    if (unmasked) {
      Exchange.Unmasked plain = exchange.unmaskedView().orElseThrow(() -> new IllegalStateException(
          "This exchange was recorded without its secrets"));
      headers = plain.requestHeaders();
      body = plain.requestBody();
    }
    StringBuilder command = new StringBuilder("curl");
    if (!exchange.method().equals("GET")) {
      command.append(" -X ").append(exchange.method());
    }
    command.append(' ').append(quote(exchange.url()));
    for (Exchange.Header header : headers) {
      if (!SKIPPED.contains(header.name().toLowerCase(Locale.ROOT))) {
        command.append(" \\\n  -H ").append(quote(header.name() + ": " + header.value()));
      }
    }
    if (!body.isEmpty()) {
      command.append(" \\\n  --data-binary ").append(quote(body));
    }
    return command.toString();
  }

  /** Single-quoted for a POSIX shell: nothing inside is expanded. */
  public static String quote(String text) {
    return "'" + text.replace("'", "'\\''") + "'";
  }
}
