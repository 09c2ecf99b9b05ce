package dev.inboxdesk.client.internal;

import com.fasterxml.jackson.core.JsonParser;
import dev.inboxdesk.client.ServerDetails;
import dev.inboxdesk.client.UnexpectedResponseException;
import dev.inboxdesk.client.UnexpectedResponseException.Kind;
import java.io.IOException;

/**
 * A success body parsed while it arrives, for answers that can be large: the whole inbox of a
 * 100,000-message account is 16.6 MB of JSON, which would otherwise be held whole while it is
 * parsed. Give one to {@link HttpTransport#send(RequestSpec, CallContext, StreamedRead)}; a 2xx
 * answer's body goes through {@code reader} as it is read from the wire, any other answer is read
 * whole as usual.
 *
 * <p>The outcome is the same as reading the whole body, then parsing it with
 * {@link Json#parse}: a body beyond the size limit is too large and a connection lost in it is a
 * connection failure, wherever the parser was then; an empty body, an HTML page, a body that is
 * not JSON or not of the contract's shape is an {@link UnexpectedResponseException} of the same
 * kind. After a parse error the rest is read unparsed, so that those two still win and the
 * connection can be reused.
 *
 * @param <T> what the body becomes
 */
public final class StreamedRead<T> {
  private final String what;
  private final Json.BodyReader<T> reader;
  private T value;
  private RuntimeException unreadable;
  private boolean read;

  /**
   * @param what what the body is, for errors ("the message list")
   * @param reader what it becomes
   */
  public StreamedRead(String what, Json.BodyReader<T> reader) {
    this.what = what;
    this.reader = reader;
  }

  /**
   * Parses a success body from {@code body}. A failure of the wire, or the size limit passed, is
   * thrown as the stream threw it; the body's own faults are kept for {@link #value()}.
   */
  void readFrom(BodyStream body, int status, String contentType) throws IOException {
    value = null;
    unreadable = null;
    read = false;
    try (JsonParser parser = Json.FACTORY.createParser(body)) {
      value = Json.readWhole(parser, new Sniffing<>(reader, body, contentType, what, status));
    } catch (IOException | RuntimeException e) {
      if (body.failure() != null) {
        throw body.failure();
      }
      long length = body.drain();
      Kind notJson = notJsonKind(body, contentType);
      unreadable = notJson != null ? new UnexpectedResponseException(notJson, Json.describe(notJson, what, contentType),
          ServerDetails.ofStatus(status)) : Json.unreadable(e, what, status, length);
    }
    read = true;
  }

  /** The body's value, or its error: the wrong shape, malformed, not JSON or empty. */
  public T value() {
    if (!read) {
      throw new IllegalStateException("no success answer was read");
    }
    if (unreadable != null) {
      throw unreadable;
    }
    return value;
  }

  /**
   * What {@link Json#requireJson} would have said of the whole body, now read to its end, which
   * wins over a parse error as it does there: empty, or an HTML page.
   */
  private static Kind notJsonKind(BodyStream body, String contentType) {
    return Json.notJsonKind(body.firstSignificant(), contentType);
  }

  /**
   * Checks, once the first token has been read, what {@link Json#requireJson} checks before a
   * whole body is parsed: that it is not an HTML page, nor served as one.
   */
  private record Sniffing<T>(Json.BodyReader<T> reader, BodyStream body, String contentType, String what, int status)
      implements Json.BodyReader<T> {
    @Override
    public T read(JsonParser parser) throws IOException {
      // The first token has been read, so the first byte that is not white space has been too.
      Kind notJson = Json.notJsonKind(body.firstSignificant(), contentType);
      if (notJson == Kind.NOT_JSON) {
        throw new UnexpectedResponseException(notJson, Json.describe(notJson, what, contentType),
            ServerDetails.ofStatus(status));
      }
      return reader.read(parser);
    }
  }
}
