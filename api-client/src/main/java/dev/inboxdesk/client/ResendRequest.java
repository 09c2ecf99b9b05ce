package dev.inboxdesk.client;

import java.util.List;
import java.util.Objects;

/**
 * A recorded request as a tester edited it, to be sent again through the signed-in client that
 * made it (the request inspector's "Edit and resend"). Secrets shown masked ({@code «redacted»})
 * are filled in from the session: the access token for {@code Authorization}, the cookie jar for
 * {@code Cookie}; a masked value anywhere else (a password in a body) must be typed in again.
 *
 * @param method the HTTP method
 * @param url an address on the client's own server (anything else is refused)
 * @param headers the headers to send; {@code Host}, {@code Content-Length}, {@code Connection},
 *     {@code Accept-Encoding} and {@code Cookie} are left to the client
 * @param body the body as text, empty for none
 */
public record ResendRequest(String method, String url, List<Exchange.Header> headers, String body) {

  /**
   * Checks and copies the parts.
   *
   * @param method the HTTP method
   * @param url an address on the client's own server
   * @param headers the headers to send
   * @param body the body as text, empty (or null) for none
   * @throws NullPointerException when the method or the URL is missing
   */
  public ResendRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(url, "url");
    headers = List.copyOf(headers);
    body = body == null ? "" : body;
  }

  /**
   * The request an exchange recorded, masked as it was recorded, to edit.
   *
   * @param exchange a recorded exchange
   * @return its method, URL, headers and body
   */
  public static ResendRequest of(Exchange exchange) {
    return new ResendRequest(exchange.method(), exchange.url(), exchange.requestHeaders(), exchange.requestBody());
  }
}
