package dev.inboxdesk.app.list;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ItemTest {
  @Test
  void searchFindsTitleTextAndTypeInLowerCase() {
    Item notification = new Item("id", "New follower", "mira started following you.", null, false, "follower_new");

    assertThat(notification.searchText()).contains("new follower", "mira started", "follower_new");
  }

  @Test
  void aTitleThatStartsTheTextIsNotSearchedTwice() {
    Item message = new Item("id", "first line", "first line\nsecond", null, true, "");
    Item shortened = new Item("id", "a long fir…", "a long first line", null, true, "");

    assertThat(message.searchText()).isSameAs(message.text());
    assertThat(shortened.searchText()).isEqualTo("a long first line");
  }
}
