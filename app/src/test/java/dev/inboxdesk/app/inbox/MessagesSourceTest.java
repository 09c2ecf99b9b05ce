package dev.inboxdesk.app.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inboxdesk.app.list.Item;
import dev.inboxdesk.client.Message;
import org.junit.jupiter.api.Test;

class MessagesSourceTest {
  private static Item item(String content) {
    return MessagesSource.toItem(new Message("665f1c2e9b1e8a3d4c5b6a79", content, "2026-05-12T10:00:00.000Z"));
  }

  @Test
  void aOneLineMessageIsItsOwnTitleWithoutACopy() {
    Item item = item("  thanks for the pizza  ");

    assertThat(item.title()).isEqualTo("thanks for the pizza").isSameAs(item.text());
  }

  @Test
  void theTitleIsTheFirstLine() {
    assertThat(item("\nfirst line\r\nsecond line").title()).isEqualTo("first line");
    assertThat(item("first\nsecond").text()).isEqualTo("first\nsecond");
  }

  @Test
  void aLongOneLineMessageIsItsOwnTitleToo() {
    // the row's label shortens it to the width it has
    Item item = item("x".repeat(2000));

    assertThat(item.title()).isSameAs(item.text());
  }

  @Test
  void controlCharactersAndBidiOverridesShowAsVisibleMarks() {
    Item item = item("pay \u001b[31mnow\u0007 \u202egnp.exe");

    assertThat(item.text()).isEqualTo("pay \u241b[31mnow\u2407 \u27e6U+202E\u27e7gnp.exe");
    assertThat(item.text()).doesNotContain("\u001b", "\u202e");
  }
}
