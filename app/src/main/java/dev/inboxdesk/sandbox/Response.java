package dev.inboxdesk.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An answer a service decided on, not yet written: faults may still change it (truncate the
 * body, drop the connection instead of sending it).
 */
final class Response {
  final int status;
  final List<String[]> headers = new ArrayList<>();
  final byte[] body;
  final String contentType;

  private Response(int status, byte[] body, String contentType) {
    this.status = status;
    this.body = body;
    this.contentType = contentType;
  }

  static Response json(int status, JsonNode body) {
    return new Response(status, SandboxJson.bytes(body), "application/json; charset=utf-8");
  }

  /** An answer with no body at all (Next.js's 405, a crash outside a handler). */
  static Response empty(int status) {
    return new Response(status, new byte[0], null);
  }

  static Response html(int status, String html) {
    return new Response(status, html.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8");
  }

  Response header(String name, String value) {
    headers.add(new String[] {name, value});
    return this;
  }

  Response cookie(String setCookie) {
    return header("Set-Cookie", setCookie);
  }

  boolean isJsonSuccess() {
    return status >= 200 && status < 300 && contentType != null && contentType.startsWith("application/json");
  }

  /** The same status and headers with another body: an HTML page where JSON was due. */
  Response replacedBy(String html) {
    Response replaced = html(status, html);
    replaced.headers.addAll(headers);
    return replaced;
  }

  /** The same answer with its body cut in half: what a crashed proxy or a full disk produces. */
  Response truncated() {
    byte[] half = java.util.Arrays.copyOf(body, Math.max(1, body.length / 2));
    Response cut = new Response(status, half, contentType);
    cut.headers.addAll(headers);
    return cut;
  }
}
