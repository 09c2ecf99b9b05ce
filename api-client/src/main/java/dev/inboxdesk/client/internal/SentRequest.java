package dev.inboxdesk.client.internal;

import okhttp3.Headers;

/**
 * One attempt as it left: the headers OkHttp wrote on the wire (Cookie, Content-Type, Host and all,
 * after everything OkHttp adds), and whether it went over a connection kept alive from an earlier
 * request. Filled in by the network interceptor; empty when the attempt never reached the network.
 */
final class SentRequest {
  private volatile Headers headers;
  private volatile boolean reusedConnection;

  void sent(Headers wireHeaders, boolean reused) {
    this.headers = wireHeaders;
    this.reusedConnection = reused;
  }

  /** The headers as written, or null when nothing was written. */
  Headers headers() {
    return headers;
  }

  boolean reachedNetwork() {
    return headers != null;
  }

  boolean reusedConnection() {
    return reusedConnection;
  }
}
