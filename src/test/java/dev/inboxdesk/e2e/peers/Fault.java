package dev.inboxdesk.e2e.peers;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A fault for {@link PeerServer#fault(Fault)}: what a peer does to the next request(s) of one
 * route, before its handler runs or after it has acted.
 *
 * <pre>{@code
 * peer.fault(Fault.after("DELETE /api/v1/notifications/:id").cutoff());   // deleted, answer cut off
 * peer.fault(Fault.before("PATCH /api/delete-message").status(503).times(2));
 * peer.fault(Fault.after("GET /api/get-messages").html(502));
 * peer.fault(Fault.before("* /api/*").drop());                             // any method, any route
 * }</pre>
 *
 * <p>The route is {@code "METHOD /path"}: {@code *} for any method, {@code :name} for one path
 * segment and a final {@code *} for the rest; the query string is not matched. The kinds:
 * <ul>
 *   <li>{@link #drop()}: the connection is closed without an answer;
 *   <li>{@link #status(int)}: that status with an empty body (or {@link #body});
 *   <li>{@link #html(int)}: an HTML error page, as a proxy in front would send;
 *   <li>{@link #cutoff()}: status and headers with the full {@code Content-Length}, then half of
 *       the body, then the connection closes (before the handler: status 200 and half of a JSON body);
 *   <li>{@link #delay(Duration)}: the answer comes that much later (before: the handler runs late).
 * </ul>
 * "Before" faults other than delay mean the handler never ran: nothing changed on the server.
 * "After" faults mean it ran: a delete has happened, whatever the client sees.
 */
public final class Fault {
  private final String route;
  private final String when;
  private String kind;
  private Integer status;
  private Long delayMs;
  private int times = 1;
  private String body;
  private String contentType;
  private final Map<String, String> headers = new LinkedHashMap<>();

  private Fault(String route, String when) {
    this.route = route;
    this.when = when;
  }

  /** A fault that acts instead of the handler (or, for a delay, before it). */
  public static Fault before(String route) {
    return new Fault(route, "before");
  }

  /** A fault that lets the handler act and then spoils or delays its answer. */
  public static Fault after(String route) {
    return new Fault(route, "after");
  }

  public Fault drop() {
    kind = "drop";
    return this;
  }

  public Fault status(int code) {
    kind = "status";
    status = code;
    return this;
  }

  public Fault html(int code) {
    kind = "html";
    status = code;
    return this;
  }

  public Fault cutoff() {
    kind = "cutoff";
    return this;
  }

  public Fault delay(Duration delay) {
    kind = "delay";
    delayMs = delay.toMillis();
    return this;
  }

  /** How many matching requests it applies to (default 1); 0 for every one until cleared or reset. */
  public Fault times(int count) {
    times = count;
    return this;
  }

  /** The body for {@link #status}, {@link #html} or a "before" {@link #cutoff} (whose half is sent). */
  public Fault body(String text, String type) {
    body = text;
    contentType = type;
    return this;
  }

  /** A header on a {@link #status} answer, e.g. {@code Retry-After}. */
  public Fault header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  /** {@code "METHOD /path"}, as given. */
  public String route() {
    return route;
  }

  /** Whether the handler acts first ({@link #after}). */
  public boolean afterActing() {
    return when.equals("after");
  }

  /** {@code drop}, {@code status}, {@code html}, {@code cutoff} or {@code delay}; null until chosen. */
  public String kind() {
    return kind;
  }

  /** The status of a {@link #status} or {@link #html} fault; null otherwise. */
  public Integer statusCode() {
    return status;
  }

  /** How many matching requests it applies to; 0 for every one. */
  public int count() {
    return times;
  }

  /** The headers of a {@link #status} answer. */
  public Map<String, String> headers() {
    return Map.copyOf(headers);
  }

  String toJson() {
    if (kind == null) {
      throw new IllegalStateException("choose a kind: drop, status, html, cutoff or delay");
    }
    StringBuilder json = new StringBuilder("{\"route\":").append(quote(route)).append(",\"when\":\"").append(when)
        .append("\",\"kind\":\"").append(kind).append("\",\"times\":").append(times);
    if (status != null) {
      json.append(",\"status\":").append(status);
    }
    if (delayMs != null) {
      json.append(",\"delayMs\":").append(delayMs);
    }
    if (body != null) {
      json.append(",\"body\":").append(quote(body)).append(",\"contentType\":").append(quote(contentType));
    }
    if (!headers.isEmpty()) {
      json.append(",\"headers\":{");
      headers.forEach((name, value) -> json.append(quote(name)).append(':').append(quote(value)).append(','));
      json.setLength(json.length() - 1);
      json.append('}');
    }
    return json.append('}').toString();
  }

  static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  @Override
  public String toString() {
    return toJson();
  }
}
