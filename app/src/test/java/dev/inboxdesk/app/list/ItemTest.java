package dev.inboxdesk.app.list;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ItemTest {
  private static boolean matches(Item item, String... words) {
    return new ItemRow(item, 0).matches(words);
  }

  @Test
  void searchFindsTitleTextAndKindInAnyCase() {
    Item notification = new Item("id", "New Follower", "Mira started following you.", null, false, "follower_new");

    assertThat(matches(notification, "new", "follower")).isTrue();
    assertThat(matches(notification, "mira", "started")).isTrue();
    assertThat(matches(notification, "follower_new")).isTrue();
    assertThat(matches(notification, "you.", "new")).isTrue();
    assertThat(matches(notification, "mira", "pizza")).isFalse();
  }

  @Test
  void aTitleThatStartsTheTextIsNotSearchedTwice() {
    Item message = new Item("id", "first line", "first line\nsecond", null, true, "");
    Item shortened = new Item("id", "a long fir…", "a long first line", null, true, "");
    Item notification = new Item("id", "Shipped", "Your order left the warehouse", null, false, "order.shipped");

    assertThat(message.titleAddsToText()).isFalse();
    assertThat(shortened.titleAddsToText()).isFalse();
    assertThat(notification.titleAddsToText()).isTrue();
    // the ellipsis is the title's, not the sender's
    assertThat(matches(shortened, "fir…")).isFalse();
    assertThat(matches(shortened, "first")).isTrue();
  }
}
