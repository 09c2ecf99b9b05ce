package dev.inboxdesk;

import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/**
 * Characters in text written by strangers (anonymous messages, server error texts) that must not
 * reach a terminal or a label as they are: control characters, which drive a terminal (ESC, OSC,
 * BEL, the C1 range), and bidirectional overrides, which reorder what is shown (U+202E). The
 * command line escapes them; the window shows them as visible marks.
 */
public final class UnsafeText {
  private UnsafeText() {
  }

  /** Whether a character must not be shown as it is. Tab and line feed are allowed. */
  public static boolean isUnsafe(int c) {
    if (c == '\t' || c == '\n') {
      return false;
    }
    return c < 0x20 || c >= 0x7F && c <= 0x9F || c == 0x061C || c == 0x200E || c == 0x200F
        || c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069;
  }

  /** {@code text} with each unsafe character replaced by what {@code shown} makes of it. */
  public static String replace(String text, IntFunction<String> shown) {
    return replace(text, UnsafeText::isUnsafe, shown);
  }

  private static String replace(String text, IntPredicate unsafe, IntFunction<String> shown) {
    if (text == null || text.codePoints().noneMatch(unsafe)) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    text.codePoints().forEach(c -> {
      if (unsafe.test(c)) {
        out.append(shown.apply(c));
      } else {
        out.appendCodePoint(c);
      }
    });
    return out.toString();
  }

  /** For a terminal: {@code \u001b}-style escapes, which are also valid inside a JSON string. */
  public static String escaped(String text) {
    return replace(text, c -> String.format("\\u%04x", c));
  }

  /** For the window: a visible mark, e.g. {@code ␛} for ESC and {@code ⟦U+202E⟧} for a bidi override. */
  public static String visible(String text) {
    // A carriage return cannot overwrite a label's text as it can a terminal line: Windows line ends stay.
    return replace(text, c -> c != '\r' && isUnsafe(c), c -> c < 0x20 ? String.valueOf((char) (0x2400 + c)) : c == 0x7F ? "\u2421"
        : String.format("\u27E6U+%04X\u27E7", c));
  }
}
