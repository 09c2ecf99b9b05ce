package dev.inboxdesk.app.list;

/**
 * Finding a word in a text in any case without a lower-cased copy of the text: a big inbox would
 * hold that copy for every row (over 10 MB at 100,000 rows). Case is compared character by
 * character, as {@link String#regionMatches(boolean, int, String, int, int)} does, so a query
 * copied from a text always finds it (İstanbul, the Kelvin sign, Deseret letters).
 */
final class Search {
  private Search() {
  }

  /**
   * The query's form for {@link #contains}: each character folded to lower case through upper
   * case, one for one. {@code String.toLowerCase} would change the length of some words (İ becomes
   * i and a combining dot), and the text is never changed that way.
   */
  static String fold(String query) {
    StringBuilder folded = new StringBuilder(query.length());
    query.codePoints().forEach(c -> folded.appendCodePoint(Character.toLowerCase(Character.toUpperCase(c))));
    return folded.toString();
  }

  /** True when {@code word} (as {@link #fold} made it) occurs in {@code text} in any case. */
  static boolean contains(String text, String word) {
    int length = word.length();
    int last = text.length() - length;
    if (length == 0 || last < 0) {
      return length == 0;
    }
    char first = word.charAt(0);
    if (!hasTwoCasesIn(text, first)) {
      for (int at = 0; at <= last; at++) {
        if (text.regionMatches(true, at, word, 0, length)) {
          return true;
        }
      }
      return false;
    }
    // The usual case, a word starting with a plain ASCII letter or sign: its first character is
    // looked for in both cases with indexOf, the rest compared where it starts.
    char upper = Character.toUpperCase(first);
    int atLower = text.indexOf(first);
    int atUpper = upper == first ? -1 : text.indexOf(upper);
    while (atLower >= 0 || atUpper >= 0) {
      boolean lowerFirst = atUpper < 0 || (atLower >= 0 && atLower < atUpper);
      int at = lowerFirst ? atLower : atUpper;
      if (at > last) {
        return false;
      }
      if (text.regionMatches(true, at + 1, word, 1, length - 1)) {
        return true;
      }
      if (lowerFirst) {
        atLower = text.indexOf(first, at + 1);
      } else {
        atUpper = text.indexOf(upper, at + 1);
      }
    }
    return false;
  }

  /**
   * True when no character of {@code text} but {@code c} and its upper case equals {@code c}
   * ignoring case. So for ASCII but i, k and s everywhere; for those three where the text has none
   * of İ, ı, the Kelvin sign and the long s (an {@code indexOf} that answers at once for a text
   * without characters beyond Latin-1, most texts).
   */
  private static boolean hasTwoCasesIn(String text, char c) {
    return switch (c) {
      case 'i' -> text.indexOf('\u0130') < 0 && text.indexOf('\u0131') < 0;
      case 'k' -> text.indexOf('\u212A') < 0;
      case 's' -> text.indexOf('\u017F') < 0;
      default -> c < 128;
    };
  }
}
