package dev.inboxdesk.client.internal;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * One request as a value: what to send, under which rate-limit route, and whether it is safe to
 * send again after a connection failure.
 *
 * @param method HTTP method
 * @param url full URL
 * @param route the rate-limit window it counts against, e.g. {@code DELETE /notifications/:id}
 * @param body the body bytes, or null for none
 * @param contentType the body's media type, or null
 * @param bearerToken an access token for {@code Authorization}, or null
 * @param replayable true when sending it twice does no harm (reads, deletes)
 * @param carriesSecret true when the body holds a password or token
 * @param extraHeaders headers a tester set on a request sent again (name, value pairs); empty otherwise
 */
public record RequestSpec(String method, HttpUrl url, String route, byte[] body, String contentType,
    String bearerToken, boolean replayable, boolean carriesSecret, java.util.List<String[]> extraHeaders) {

  public RequestSpec {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(route, "route");
    extraHeaders = extraHeaders == null ? java.util.List.of() : java.util.List.copyOf(extraHeaders);
  }

  /** A request without a body. */
  public static RequestSpec of(String method, HttpUrl url, String route, boolean replayable) {
    return new RequestSpec(method, url, route, null, null, null, replayable, false, null);
  }

  /** The same request with a JSON body. */
  public RequestSpec withJson(String json, boolean secret) {
    return new RequestSpec(method, url, route, json.getBytes(StandardCharsets.UTF_8), "application/json", bearerToken,
        replayable, secret, extraHeaders);
  }

  /** The same request with a form body. */
  public RequestSpec withForm(okhttp3.FormBody form, boolean secret) {
    okio.Buffer buffer = new okio.Buffer();
    try {
      form.writeTo(buffer);
    } catch (java.io.IOException impossible) {
      throw new IllegalStateException(impossible);
    }
    return new RequestSpec(method, url, route, buffer.readByteArray(), "application/x-www-form-urlencoded",
        bearerToken, replayable, secret, extraHeaders);
  }

  /** The same request with an access token. */
  public RequestSpec withBearer(String token) {
    return new RequestSpec(method, url, route, body, contentType, token, replayable, carriesSecret, extraHeaders);
  }

  /** The same request with another method (the messages service's PATCH→DELETE fallback). */
  public RequestSpec withMethod(String newMethod) {
    return new RequestSpec(newMethod, url, route, body, contentType, bearerToken, replayable, carriesSecret,
        extraHeaders);
  }

  /**
   * A request a tester edited, sent once as written (never retried on its own): its headers go out
   * as given, its body with the type it names.
   */
  public static RequestSpec edited(String method, HttpUrl url, byte[] body, String contentType, String bearerToken,
      java.util.List<String[]> headers) {
    return new RequestSpec(method, url, "RESEND " + method + " " + url.encodedPath(), body, contentType,
        bearerToken, false, true, headers);
  }

  @Override
  public String toString() {
    return method + " " + url;
  }
}
