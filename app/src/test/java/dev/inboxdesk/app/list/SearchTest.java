package dev.inboxdesk.app.list;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SearchTest {
  @Test
  void findsAWordInAnyCase() {
    assertThat(Search.contains("Thanks for the PIZZA", "pizza")).isTrue();
    assertThat(Search.contains("Thanks for the PIZZA", "thanks")).isTrue();
    assertThat(Search.contains("Thanks for the PIZZA", "r the p")).isTrue();
    assertThat(Search.contains("Grüße aus Köln", "köln")).isTrue();
    assertThat(Search.contains("GRÜSSE", "grüsse")).isTrue();
    assertThat(Search.contains("order #42 shipped", "#42")).isTrue();
  }

  @Test
  void looksPastFalseStartsInBothCases() {
    assertThat(Search.contains("aAaAab", "aab")).isTrue();
    assertThat(Search.contains("PpPpizza", "pizza")).isTrue();
    assertThat(Search.contains("pizz Pizz pizzA", "pizza")).isTrue();
    assertThat(Search.contains("pizz Pizz pizz", "pizza")).isFalse();
  }

  @Test
  void edges() {
    assertThat(Search.contains("anything", "")).isTrue();
    assertThat(Search.contains("", "")).isTrue();
    assertThat(Search.contains("", "a")).isFalse();
    assertThat(Search.contains("ab", "abc")).isFalse();
    assertThat(Search.contains("xyzAbc", "abc")).isTrue();
    assertThat(Search.contains("abcxyz", "abc")).isTrue();
    assertThat(Search.contains("xyzAb", "abc")).isFalse();
  }

  @Test
  void agreesWithSearchingALowerCasedCopy() {
    Random random = new Random(7);
    String alphabet = "aAbBcC äÄ";
    for (int i = 0; i < 20_000; i++) {
      String text = randomText(random, alphabet, random.nextInt(12));
      String word = randomText(random, alphabet, 1 + random.nextInt(3)).toLowerCase(Locale.ROOT);
      assertThat(Search.contains(text, word)).as("'%s' in '%s'", word, text)
          .isEqualTo(text.toLowerCase(Locale.ROOT).contains(word));
    }
  }

  private static String randomText(Random random, String alphabet, int length) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      text.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return text.toString();
  }
}
