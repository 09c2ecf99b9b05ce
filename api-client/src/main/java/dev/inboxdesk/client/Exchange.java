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
 * @param duration from sending to the end of the answer (for an answer parsed as it arrives, its
 *     parsing included)
 * @param rateLimit what the rate-limit headers said, if anything
 * @param correlationId the server's id for this request, if it gave one
 * @param failure why no usable answer came, or null
 * @param unmasked the same with secrets, only when the client was asked to capture it
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
    String failure,
    Unmasked unmasked) {

  /**
   * Copies the header lists.
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
   * @param duration from sending to the end of the answer (for an answer parsed as it arrives, its
 *     parsing included)
   * @param rateLimit what the rate-limit headers said, if anything
   * @param correlationId the server's id for this request, if it gave one
   * @param failure why no usable answer came, or null
   * @param unmasked the same with secrets, only when the client was asked to capture it
   */
  public Exchange {
    requestHeaders = List.copyOf(requestHeaders);
    responseHeaders = List.copyOf(responseHeaders);
  }

  /**
   * The exchange as it really went, secrets included, when the client was configured with
   * {@link ClientConfig.Builder#captureUnmasked(boolean)}; empty otherwise. For a request inspector's
   * explicit "reveal": keep it in memory only, never log or export it without the user's say.
   *
   * @return the unmasked form, or empty
   */
  public java.util.Optional<Unmasked> unmaskedView() {
    return java.util.Optional.ofNullable(unmasked);
  }

  /**
   * Headers and bodies exactly as sent and received (bodies cut at the configured length).
   *
   * @param requestHeaders the request headers, credentials included
   * @param requestBody the request body
   * @param responseHeaders the response headers, cookies included
   * @param responseBody the response body
   */
  public record Unmasked(List<Header> requestHeaders, String requestBody, List<Header> responseHeaders,
      String responseBody) {
    /**
     * Copies the header lists.
     *
     * @param requestHeaders the request headers, credentials included
     * @param requestBody the request body
     * @param responseHeaders the response headers, cookies included
     * @param responseBody the response body
     */
    public Unmasked {
      requestHeaders = List.copyOf(requestHeaders);
      responseHeaders = List.copyOf(responseHeaders);
    }

    @Override
    public String toString() {
      return "Unmasked[«secrets not shown»]";
    }
  }

  @Override
  public String toString() {
    return "Exchange[" + service + " " + method + " " + url + " -> " + status + " in " + duration.toMillis()
        + " ms, attempt " + attempt + (correlationId == null ? "" : ", correlationId " + correlationId)
        + (failure == null ? "" : ", failed: " + failure) + ", requestHeaders=" + requestHeaders
        + ", requestBody=" + requestBody + ", responseHeaders=" + responseHeaders + ", responseBody="
        + responseBody + "]";
  }

  /** One header line. */
  public record Header(String name, String value) {
    @Override
    public String toString() {
      return name + ": " + value;
    }
  }
}
