package dev.inboxdesk.client.internal;

import dev.inboxdesk.client.RateLimitInfo;
import okhttp3.Headers;

/**
 * A complete HTTP answer, body read into memory (bounded by the configured limit).
 *
 * @param status HTTP status
 * @param headers response headers
 * @param body the whole body, possibly empty
 * @param contentType the {@code Content-Type} header, or null
 * @param rateLimit what the rate-limit headers said
 * @param replayedAfterConnectionFailure true when an earlier attempt of this call broke after the
 *     request may have reached the server, so a {@code 404} now likely means "already done"
 * @param route the request's method and path template, e.g. {@code DELETE /notifications/:id}, for errors
 */
public record HttpAnswer(int status, Headers headers, byte[] body, String contentType, RateLimitInfo rateLimit,
    boolean replayedAfterConnectionFailure, String route) {

  public boolean isSuccess() {
    return status >= 200 && status < 300;
  }

  HttpAnswer replayed(boolean replayed) {
    return replayed == replayedAfterConnectionFailure ? this
        : new HttpAnswer(status, headers, body, contentType, rateLimit, replayed, route);
  }
}
