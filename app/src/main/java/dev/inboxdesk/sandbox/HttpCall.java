package dev.inboxdesk.sandbox;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One incoming request, read once, with the small parsing every service needs. */
final class HttpCall {
  /** Request bodies larger than this are not read (a sandbox never needs them). */
  private static final int MAX_BODY = 1024 * 1024;

  final HttpExchange exchange;
  final String method;
  final String path;
  final Map<String, String> query;
  final Map<String, String> cookies;
  final byte[] body;

  HttpCall(HttpExchange exchange) throws IOException {
    this.exchange = exchange;
    this.method = exchange.getRequestMethod();
    this.path = exchange.getRequestURI().getRawPath();
    this.query = pairs(exchange.getRequestURI().getRawQuery(), '&');
    this.cookies = cookies(exchange.getRequestHeaders().get("Cookie"));
    try (InputStream in = exchange.getRequestBody()) {
      this.body = in.readNBytes(MAX_BODY);
    }
  }

  String header(String name) {
    return exchange.getRequestHeaders().getFirst(name);
  }

  /** The body as an {@code application/x-www-form-urlencoded} form. */
  Map<String, String> form() {
    return pairs(new String(body, StandardCharsets.UTF_8), '&');
  }

  /** Who is calling, as a throttler keys it (the address; behind one NAT, testers share it). */
  String clientKey() {
    return exchange.getRemoteAddress().getAddress().getHostAddress();
  }

  /** Writes the answer and ends the exchange. */
  void send(Response response) throws IOException {
    for (String[] header : response.headers) {
      exchange.getResponseHeaders().add(header[0], header[1]);
    }
    if (response.contentType != null) {
      exchange.getResponseHeaders().set("Content-Type", response.contentType);
    }
    exchange.sendResponseHeaders(response.status, response.body.length == 0 ? -1 : response.body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(response.body);
    }
    exchange.close();
  }

  /** Ends the exchange without an answer: the client sees the connection close. */
  void drop() {
    exchange.close();
  }

  private static Map<String, String> pairs(String text, char separator) {
    Map<String, String> map = new LinkedHashMap<>();
    if (text == null || text.isEmpty()) {
      return map;
    }
    for (String pair : text.split(String.valueOf(separator))) {
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      map.putIfAbsent(decode(name.trim()), decode(value));
    }
    return map;
  }

  private static Map<String, String> cookies(List<String> headers) {
    Map<String, String> map = new LinkedHashMap<>();
    if (headers == null) {
      return map;
    }
    for (String header : headers) {
      for (String pair : header.split(";")) {
        int equals = pair.indexOf('=');
        if (equals > 0) {
          map.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
        }
      }
    }
    return map;
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return text;
    }
  }
}
