package dev.inboxdesk.wire;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.inboxdesk.AppInfo;
import dev.inboxdesk.client.Exchange;
import java.time.format.DateTimeFormatter;
import java.util.List;
import okhttp3.HttpUrl;

/** Exchanges as a HAR 1.2 document, masked: a HAR file gets shared, so secrets never go in. */
public final class Har {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Har() {
  }

  public static String of(List<Exchange> exchanges) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode log = root.putObject("log");
    log.put("version", "1.2");
    log.putObject("creator").put("name", AppInfo.NAME).put("version", AppInfo.version());
    ArrayNode entries = log.putArray("entries");
    for (Exchange e : exchanges) {
      entries.add(entry(e));
    }
    try {
      return JSON.writeValueAsString(root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  private static ObjectNode entry(Exchange e) {
    ObjectNode entry = JSON.createObjectNode();
    entry.put("startedDateTime", DateTimeFormatter.ISO_INSTANT.format(e.startedAt()));
    long millis = e.duration().toMillis();
    entry.put("time", millis);
    entry.set("request", request(e));
    entry.set("response", response(e));
    entry.putObject("cache");
    entry.putObject("timings").put("send", 0).put("wait", millis).put("receive", 0);
    String comment = (e.attempt() > 1 ? "retry " + (e.attempt() - 1) + (e.correlationId() != null ? "; " : "") : "")
        + (e.correlationId() != null ? "correlationId " + e.correlationId() : "");
    if (!comment.isEmpty()) {
      entry.put("comment", comment);
    }
    return entry;
  }

  private static ObjectNode request(Exchange e) {
    ObjectNode request = JSON.createObjectNode().put("method", e.method()).put("url", e.url())
        .put("httpVersion", "HTTP/1.1");
    request.putArray("cookies");
    request.set("headers", headers(e.requestHeaders()));
    ArrayNode query = request.putArray("queryString");
    HttpUrl url = HttpUrl.parse(e.url());
    if (url != null) {
      for (int i = 0; i < url.querySize(); i++) {
        query.addObject().put("name", url.queryParameterName(i)).put("value",
            url.queryParameterValue(i) == null ? "" : url.queryParameterValue(i));
      }
    }
    request.put("headersSize", -1);
    request.put("bodySize", e.requestBody().length());
    if (!e.requestBody().isEmpty()) {
      request.putObject("postData").put("mimeType", header(e.requestHeaders(), "Content-Type", "application/json"))
          .put("text", e.requestBody());
    }
    return request;
  }

  private static ObjectNode response(Exchange e) {
    ObjectNode response = JSON.createObjectNode().put("status", e.status())
        .put("statusText", e.failure() == null ? "" : e.failure()).put("httpVersion", "HTTP/1.1");
    response.putArray("cookies");
    response.set("headers", headers(e.responseHeaders()));
    response.putObject("content").put("size", e.responseBytes())
        .put("mimeType", header(e.responseHeaders(), "Content-Type", "x-unknown"))
        .put("text", e.responseBody());
    response.put("redirectURL", header(e.responseHeaders(), "Location", ""));
    response.put("headersSize", -1);
    response.put("bodySize", e.responseBytes());
    return response;
  }

  private static ArrayNode headers(List<Exchange.Header> headers) {
    ArrayNode array = JSON.createArrayNode();
    headers.forEach(h -> array.addObject().put("name", h.name()).put("value", h.value()));
    return array;
  }

  private static String header(List<Exchange.Header> headers, String name, String fallback) {
    return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Exchange.Header::value).findFirst()
        .orElse(fallback);
  }
}
