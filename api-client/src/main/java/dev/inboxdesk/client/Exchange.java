package dev.inboxdesk.client;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One request and its answer (or its failure), as the request log and {@code --verbose} show it.
 * Secrets are masked: {@code Authorization}, {@code Cookie} and {@code Set-Cookie} values, and
 * password, token and e-mail fields in bodies. Bodies are cut at the configured length.
 *
 * @param service which client sent it ({@code messages} or {@code notifications})
 * @param startedAt when the request was sent
 * @param attempt 1 for the first try, higher for retries of the same call
 * @param method HTTP method
 * @param url the full URL
 * @param requestHeaders masked request headers
 * @param requestBody masked request body, empty if none
 * @param status HTTP status, {@code 0} if no answer came
 * @param responseHeaders masked response headers
 * @param responseBody masked response body, possibly cut
 * @param responseBytes size of the whole response body in bytes
 * @param duration from sending to the end of the answer
 * @param rateLimit what the rate-limit headers said, if anything
 * @param correlationId the server's id for this request, if it gave one
 * @param failure why no usable answer came, or null
 */
public record Exchange(
    String service,
    Instant startedAt,
    int attempt,
    String method,
    String url,
    List<Header> requestHeaders,
    String requestBody,
    int status,
    List<Header> responseHeaders,
    String responseBody,
    long responseBytes,
    Duration duration,
    RateLimitInfo rateLimit,
    String correlationId,
    String failure) {

  public Exchange {
    requestHeaders = List.copyOf(requestHeaders);
    responseHeaders = List.copyOf(responseHeaders);
  }

  /** One header line. */
  public record Header(String name, String value) {
    @Override
    public String toString() {
      return name + ": " + value;
    }
  }
}
