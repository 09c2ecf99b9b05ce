package dev.inboxdesk.app.notifications;

import dev.inboxdesk.UnsafeText;
import dev.inboxdesk.app.list.Item;
import dev.inboxdesk.app.list.ItemSource;
import dev.inboxdesk.client.DeleteOutcome;
import dev.inboxdesk.client.Notification;
import dev.inboxdesk.client.NotificationsClient;
import dev.inboxdesk.client.ReadFilter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The notifications list as an {@link ItemSource}, plus the calls only notifications have. */
public final class NotificationsSource implements ItemSource {
  private final NotificationsClient client;

  public NotificationsSource(NotificationsClient client) {
    this.client = client;
  }

  public NotificationsClient client() {
    return client;
  }

  @Override
  public List<Item> list() {
    // Converted page by page: a big list never holds every notification and every item at once.
    return client.listAll(ReadFilter.ALL, converter());
  }

  /**
   * Turns one listing's notifications into items. Stranger-written text shows its control
   * characters and bidi overrides as visible marks. A list has a handful of kinds: its rows share one
   * string per kind (5 MB over 100,000 rows).
   */
  static Function<Notification, Item> converter() {
    Map<String, String> kinds = new HashMap<>();
    return n -> new Item(n.id(), UnsafeText.visible(n.title()), UnsafeText.visible(n.body()), n.createdAt(),
        n.read(), kinds.computeIfAbsent(UnsafeText.visible(n.eventKey()), kind -> kind));
  }

  @Override
  public boolean delete(Item item) {
    return client.deleteNotification(item.id()) == DeleteOutcome.DELETED;
  }


  /** Marks one read on the server. */
  public void markRead(Item item) {
    client.markRead(item.id());
  }
}
