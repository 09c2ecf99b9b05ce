package dev.inboxdesk.cli;

import dev.inboxdesk.UnsafeText;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * Everything the command line prints passes here: a control character or bidi override in a
 * message, a server's error text or a header goes out escaped ({@code \u001b}), so text written by
 * strangers never drives the terminal. JSON stays valid and means the same: the escape is JSON's.
 */
final class SafeWriter extends PrintWriter {

  SafeWriter(Writer out) {
    super(out, true);
  }

  /**
   * Goes back to the start of the line, for a counter updated in place. A carriage return in a
   * text is escaped like any control character, so the writer's own is written past the escaping.
   */
  void returnToLineStart() {
    super.write("\r", 0, 1);
  }

  @Override
  public void write(String text, int offset, int length) {
    String part = text.substring(offset, offset + length);
    // A line ending's CR (Windows) is the writer's own, not a stranger's.
    boolean windowsLines = part.contains("\r\n");
    String safe = UnsafeText.escaped(windowsLines ? part.replace("\r\n", "\n") : part);
    if (windowsLines) {
      safe = safe.replace("\n", "\r\n");
    }
    super.write(safe, 0, safe.length());
  }

  @Override
  public void write(char[] chars, int offset, int length) {
    write(new String(chars, offset, length), 0, length);
  }

  @Override
  public void write(int c) {
    write(String.valueOf((char) c), 0, 1);
  }
}
