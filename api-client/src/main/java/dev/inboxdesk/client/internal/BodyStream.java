package dev.inboxdesk.client.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import okio.BufferedSource;

/**
 * An answer's body as a stream for a JSON reader, read from the wire as the reader asks: it counts
 * the bytes, refuses more than the size limit, keeps only the first few kilobytes (for the
 * exchange log) and notes the first byte that is not white space (an HTML page starts with '<').
 * It remembers the one failure it threw, so that its reader can tell the wire's failure from the
 * body's.
 */
final class BodyStream extends InputStream {
  /** The body went past the size limit. */
  static final class TooLargeException extends IOException {
    TooLargeException() {
      super("the body is larger than the limit");
    }
  }

  private final BufferedSource source;
  private final long limit;
  private final int keep;
  private final ByteArrayOutputStream head = new ByteArrayOutputStream();
  private long count;
  private IOException failure;
  private int firstSignificant = -1;
  private boolean startsWithByteOrderMark;

  /**
   * @param limit the most bytes the body may have
   * @param keep how many of its first bytes {@link #head()} returns
   */
  BodyStream(BufferedSource source, long limit, int keep) {
    this.source = source;
    this.limit = limit;
    this.keep = keep;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) == -1 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] into, int offset, int length) throws IOException {
    if (failure != null) {
      throw failure;
    }
    int read;
    try {
      read = source.read(into, offset, length);
    } catch (IOException wire) {
      failure = wire;
      throw wire;
    }
    if (read > 0) {
      count += read;
      if (count > limit) {
        failure = new TooLargeException();
        throw failure;
      }
      int kept = (int) Math.min(read, keep - head.size());
      if (kept > 0) {
        head.write(into, offset, kept);
      }
      if (firstSignificant < 0) {
        findFirstSignificant(into, offset, read, count - read);
      }
    }
    return read;
  }

  /**
   * Looks for the body's first byte that is neither white space nor part of a UTF-8 byte-order
   * mark (which Jackson skips), in bytes that start at {@code position} of the body.
   */
  private void findFirstSignificant(byte[] bytes, int offset, int length, long position) {
    for (int i = 0; i < length && firstSignificant < 0; i++) {
      byte b = bytes[offset + i];
      long at = position + i;
      boolean whiteSpace = b == ' ' || b == '\n' || b == '\r' || b == '\t';
      boolean byteOrderMark = at == 0 && b == (byte) 0xEF
          || at <= 2 && startsWithByteOrderMark && (b == (byte) 0xBB || b == (byte) 0xBF);
      if (at == 0) {
        startsWithByteOrderMark = b == (byte) 0xEF;
      }
      if (!whiteSpace && !byteOrderMark) {
        firstSignificant = b & 0xFF;
      }
    }
  }

  /** The body's first byte that is not white space, or -1 if none has been read (yet). */
  int firstSignificant() {
    return firstSignificant;
  }

  /** Reads what is left of the body, unparsed, and returns the length of the whole. */
  long drain() throws IOException {
    byte[] skipped = new byte[8192];
    while (read(skipped, 0, skipped.length) != -1) {
      // Counted and checked against the limit as it goes.
    }
    return count;
  }

  /** The failure this stream threw (from the wire, or {@link TooLargeException}), or null. */
  IOException failure() {
    return failure;
  }

  /** How many bytes have been read so far. */
  long count() {
    return count;
  }

  /** The body's first bytes, as many as were asked for and have been read. */
  byte[] head() {
    return head.toByteArray();
  }
}
