package dev.inboxdesk.client;

import java.util.List;

/**
 * The answer to a request sent again, masked like every recorded answer.
 *
 * @param status the HTTP status
 * @param headers the answer's headers, secrets masked
 * @param body the answer's body as text, secrets masked, cut to the client's logging limit
 */
public record Resent(int status, List<Exchange.Header> headers, String body) {

  /**
   * Copies the headers.
   *
   * @param status the HTTP status
   * @param headers the answer's headers, secrets masked
   * @param body the answer's body as text, secrets masked
   * @throws NullPointerException when the headers are missing
   */
  public Resent {
    headers = List.copyOf(headers);
  }
}
