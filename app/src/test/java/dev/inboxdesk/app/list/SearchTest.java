package dev.inboxdesk.app.list;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SearchTest {
  private static boolean finds(String text, String query) {
    return Search.contains(text, Search.fold(query));
  }

  @Test
  void findsAWordInAnyCase() {
    assertThat(finds("Thanks for the PIZZA", "pizza")).isTrue();
    assertThat(finds("Thanks for the PIZZA", "Thanks")).isTrue();
    assertThat(finds("Thanks for the PIZZA", "r the p")).isTrue();
    assertThat(finds("Grüße aus Köln", "KÖLN")).isTrue();
    assertThat(finds("GRÜSSE", "grüsse")).isTrue();
    assertThat(finds("order #42 shipped", "#42")).isTrue();
  }

  @Test
  void aQueryCopiedFromTheTextFindsIt() {
    assertThat(finds("Merhaba İstanbul", "İstanbul")).isTrue();
    assertThat(finds("Merhaba İstanbul", "istanbul")).isTrue();
    assertThat(finds("xİ", "i")).isTrue();
    assertThat(finds("300 \u212Aelvin", "kelvin")).isTrue();
    assertThat(finds("10 \u2126", "ω")).isTrue();
    assertThat(finds("\u01C5emal", "\u01C6emal")).isTrue();
    assertThat(finds("\u01C5emal", "\u01C5emal")).isTrue();
    assertThat(finds("Deseret \uD801\uDC00", "\uD801\uDC28")).isTrue();
    assertThat(finds("long \u017F", "s")).isTrue();
    assertThat(finds("long \u017F", "\u017F")).isTrue();
  }

  @Test
  void looksPastFalseStartsInBothCases() {
    assertThat(finds("aAaAab", "aab")).isTrue();
    assertThat(finds("PpPpizza", "pizza")).isTrue();
    assertThat(finds("pizz Pizz pizzA", "pizza")).isTrue();
    assertThat(finds("pizz Pizz pizz", "pizza")).isFalse();
  }

  @Test
  void edges() {
    assertThat(finds("anything", "")).isTrue();
    assertThat(finds("", "")).isTrue();
    assertThat(finds("", "a")).isFalse();
    assertThat(finds("ab", "abc")).isFalse();
    assertThat(finds("xyzAbc", "abc")).isTrue();
    assertThat(finds("abcxyz", "abc")).isTrue();
    assertThat(finds("xyzAb", "abc")).isFalse();
  }

  @Test
  void everyPartOfATextFindsIt() {
    Random random = new Random(11);
    String alphabet = "aAiIsSkK İı\u212A\u017F\u2126ωΩ\u01C4\u01C5\u01C6äÄß\uD801\uDC00\uD801\uDC28";
    for (int i = 0; i < 20_000; i++) {
      String text = randomText(random, alphabet, 1 + random.nextInt(12));
      int from = random.nextInt(text.length());
      int to = from + 1 + random.nextInt(text.length() - from);
      if (Character.isLowSurrogate(text.charAt(from)) || Character.isHighSurrogate(text.charAt(to - 1))) {
        continue; // half a character is not something anyone types
      }
      String part = text.substring(from, to);
      assertThat(finds(text, part)).as("'%s' in '%s'", part, text).isTrue();
    }
  }

  @Test
  void agreesWithSearchingALowerCasedCopyOnPlainText() {
    Random random = new Random(7);
    String alphabet = "aAbBcCiIsSkK äÄ-1";
    for (int i = 0; i < 20_000; i++) {
      String text = randomText(random, alphabet, random.nextInt(12));
      String query = randomText(random, alphabet, 1 + random.nextInt(3));
      assertThat(finds(text, query)).as("'%s' in '%s'", query, text)
          .isEqualTo(text.toLowerCase(Locale.ROOT).contains(query.toLowerCase(Locale.ROOT)));
    }
  }

  private static String randomText(Random random, String alphabet, int length) {
    StringBuilder text = new StringBuilder();
    int[] characters = alphabet.codePoints().toArray();
    for (int i = 0; i < length; i++) {
      text.appendCodePoint(characters[random.nextInt(characters.length)]);
    }
    return text.toString();
  }
}
