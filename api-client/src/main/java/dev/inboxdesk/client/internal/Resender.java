package dev.inboxdesk.client.internal;

import dev.inboxdesk.client.Exchange;
import dev.inboxdesk.client.InvalidRequestException;
import dev.inboxdesk.client.ResendRequest;
import dev.inboxdesk.client.Resent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import okhttp3.HttpUrl;

/** Sends a tester's edited request once through a signed-in client, its masked secrets filled in from the session. */
public final class Resender {
  /** Headers the client sets itself: framing, the connection, and cookies from its jar. */
  private static final Set<String> CLIENT_SET = Set.of("host", "content-length", "connection", "accept-encoding",
      "cookie", "transfer-encoding");

  private Resender() {
  }

  /**
   * @param accessToken the session's access token, filled in for a masked {@code Authorization}; null when none
   */
  public static Resent send(HttpTransport transport, HttpUrl base, ResendRequest request, String accessToken,
      CallContext context) {
    HttpUrl url = HttpUrl.parse(request.url());
    if (url == null || !url.scheme().equals(base.scheme()) || !url.host().equals(base.host())
        || url.port() != base.port()) {
      // The session's secrets belong to this server: never send them elsewhere.
      throw InvalidRequestException.refusedBeforeSending(InvalidRequestException.INVALID_ARGUMENT,
          "A request is sent again only to the server it was made for (" + base.scheme() + "://" + base.host()
              + ":" + base.port() + ")");
    }
    List<String[]> headers = new ArrayList<>();
    String contentType = null;
    String bearer = null;
    for (Exchange.Header header : request.headers()) {
      String name = header.name().toLowerCase(Locale.ROOT);
      if (CLIENT_SET.contains(name)) {
        continue;
      }
      if (name.equals("content-type")) {
        contentType = header.value();
      } else if (name.equals("authorization") && header.value().contains(Redactor.MASK)) {
        bearer = accessToken;
      } else if (!header.value().contains(Redactor.MASK)) {
        headers.add(new String[] {header.name(), header.value()});
      }
    }
    byte[] body = request.body().isEmpty() ? null : request.body().getBytes(StandardCharsets.UTF_8);
    HttpAnswer answer = transport.exchange(RequestSpec.edited(request.method(), url, body,
        body == null ? null : contentType == null ? "application/json" : contentType, bearer, headers), context);
    return new Resent(answer.status(), Redactor.headers(answer.headers()),
        Redactor.body(answer.body(), answer.contentType(), transport.config().maxLoggedBodyChars()));
  }
}
