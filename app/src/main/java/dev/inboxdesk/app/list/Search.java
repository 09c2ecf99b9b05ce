package dev.inboxdesk.app.list;

/**
 * Finding a lower-cased word in a text without a lower-cased copy of the text: a big inbox would
 * hold that copy for every row (over 10 MB at 100,000 rows).
 */
final class Search {
  private Search() {
  }

  /**
   * True when {@code word} (lower-cased) occurs in {@code text} in any case. The word's first
   * letter is looked for in both cases with {@link String#indexOf(int, int)}, the rest compared
   * with {@link String#regionMatches(boolean, int, String, int, int)} where it starts.
   */
  static boolean contains(String text, String word) {
    int length = word.length();
    int last = text.length() - length;
    if (length == 0 || last < 0) {
      return length == 0;
    }
    char lower = word.charAt(0);
    char upper = Character.toUpperCase(lower);
    int atLower = text.indexOf(lower);
    int atUpper = upper == lower ? -1 : text.indexOf(upper);
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
        atLower = text.indexOf(lower, at + 1);
      } else {
        atUpper = text.indexOf(upper, at + 1);
      }
    }
    return false;
  }
}
