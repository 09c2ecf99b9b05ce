package dev.inboxdesk.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BytesTest {
  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void findsTheNeedleIgnoringTheCaseOfAsciiLetters() {
    assertThat(Bytes.containsIgnoringAsciiCase(bytes("{\"_id\":\"665F1C2E\"}"), "\"665f1c2e\"")).isTrue();
    assertThat(Bytes.containsIgnoringAsciiCase(bytes("ünïcode \"abc\""), "\"ABC\"")).isTrue();
  }

  @Test
  void findsTheNeedleAnywhereInALargeBody() {
    String filler = "{\"_id\":\"665f1c2e9b1e8a3d4c5b6a7a\",\"content\":\"x\"},".repeat(5_000);

    assertThat(Bytes.containsIgnoringAsciiCase(bytes("\"665f1c2e9b1e8a3d4c5b6a79\"" + filler), "\"665f1c2e9b1e8a3d4c5b6a79\""))
        .isTrue();
    assertThat(Bytes.containsIgnoringAsciiCase(bytes(filler + "\"665F1C2E9B1E8A3D4C5B6A79\""), "\"665f1c2e9b1e8a3d4c5b6a79\""))
        .isTrue();
    assertThat(Bytes.containsIgnoringAsciiCase(bytes(filler), "\"665f1c2e9b1e8a3d4c5b6a79\"")).isFalse();
  }

  @Test
  void aPartialMatchAtTheEndIsNoMatch() {
    assertThat(Bytes.containsIgnoringAsciiCase(bytes("{\"_id\":\"665f1c"), "\"665f1c2e\"")).isFalse();
    assertThat(Bytes.containsIgnoringAsciiCase(bytes(""), "x")).isFalse();
  }
}
