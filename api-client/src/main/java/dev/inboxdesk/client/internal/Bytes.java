package dev.inboxdesk.client.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Searching raw answer bytes without decoding them. */
public final class Bytes {
  private Bytes() {
  }

  /**
   * Whether {@code haystack} contains {@code needle} (ASCII), ignoring the case of ASCII letters.
   * Boyer–Moore–Horspool: a delete answer of a few megabytes is searched in a fraction of a
   * millisecond, as most bytes are skipped rather than compared.
   */
  public static boolean containsIgnoringAsciiCase(byte[] haystack, String needle) {
    byte[] wanted = needle.getBytes(StandardCharsets.US_ASCII);
    int m = wanted.length;
    if (m == 0) {
      return true;
    }
    for (int i = 0; i < m; i++) {
      wanted[i] = lower(wanted[i]);
    }
    int[] skip = new int[256];
    Arrays.fill(skip, m);
    for (int i = 0; i < m - 1; i++) {
      skip[wanted[i] & 0xff] = m - 1 - i;
      skip[upper(wanted[i]) & 0xff] = m - 1 - i;
    }
    int at = 0;
    while (at <= haystack.length - m) {
      int j = m - 1;
      while (j >= 0 && lower(haystack[at + j]) == wanted[j]) {
        j--;
      }
      if (j < 0) {
        return true;
      }
      at += skip[haystack[at + m - 1] & 0xff];
    }
    return false;
  }

  private static byte lower(byte b) {
    return b >= 'A' && b <= 'Z' ? (byte) (b + ('a' - 'A')) : b;
  }

  private static byte upper(byte b) {
    return b >= 'a' && b <= 'z' ? (byte) (b - ('a' - 'A')) : b;
  }
}
