package dev.inboxdesk.app.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inboxdesk.app.list.Item;
import dev.inboxdesk.client.Notification;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class NotificationsSourceTest {
  private static Notification notification(String id, String kind, String title) {
    // a new string each time, as a parser makes them
    return new Notification(id, new String(kind.toCharArray()), title, "body of " + id, Map.of(), false, null,
        "2026-05-12T10:00:00.000Z");
  }

  @Test
  void rowsOfOneKindShareOneString() {
    Function<Notification, Item> convert = NotificationsSource.converter();

    Item first = convert.apply(notification("3f0b6f0e-1c2d-4e5f-8a9b-0c1d2e3f4a5b", "order.shipped", "Shipped"));
    Item second = convert.apply(notification("7a1c2e3f-4b5d-4e6f-9a0b-1c2d3e4f5a6b", "order.shipped", "Also shipped"));
    Item other = convert.apply(notification("9b2d3f4a-5c6e-4f7a-8b9c-2d3e4f5a6b7c", "login.new", "New sign-in"));

    assertThat(second.type()).isEqualTo("order.shipped").isSameAs(first.type());
    assertThat(other.type()).isEqualTo("login.new");
    assertThat(second.title()).isEqualTo("Also shipped");
    assertThat(second.read()).isFalse();
  }

  @Test
  void strangerWrittenTextShowsItsControlCharacters() {
    Item item = NotificationsSource.converter().apply(notification("3f0b6f0e-1c2d-4e5f-8a9b-0c1d2e3f4a5b",
        "order\u001b[2J", "pay \u202egnp.exe"));

    assertThat(item.type()).doesNotContain("\u001b");
    assertThat(item.title()).doesNotContain("\u202e");
  }
}
