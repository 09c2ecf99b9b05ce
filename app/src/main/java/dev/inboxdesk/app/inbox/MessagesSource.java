package dev.inboxdesk.app.inbox;

import dev.inboxdesk.UnsafeText;
import dev.inboxdesk.app.list.Item;
import dev.inboxdesk.app.list.ItemSource;
import dev.inboxdesk.client.DeleteOutcome;
import dev.inboxdesk.client.Message;
import dev.inboxdesk.client.MessagesClient;
import java.util.List;

/** The anonymous-messages inbox as an {@link ItemSource}. */
public final class MessagesSource implements ItemSource {
  private final MessagesClient client;

  public MessagesSource(MessagesClient client) {
    this.client = client;
  }

  public MessagesClient client() {
    return client;
  }

  @Override
  public List<Item> list() {
    // Converted as read: a big inbox never holds every message and every item at once.
    return client.listMessages(MessagesSource::toItem);
  }

  /** The row came from a listing, so the message was in the inbox: the answer alone proves the outcome. */
  @Override
  public boolean delete(Item item) {
    return client.deleteListedMessage(item.id()).outcome() == DeleteOutcome.DELETED;
  }

  static Item toItem(Message message) {
    // Anonymous text: control characters and bidi overrides show as visible marks, never act.
    String content = UnsafeText.visible(message.content().strip());
    // The title is the first line, which the row shortens to its width. A message of one line,
    // however long, is its own title, not a copy of it (a big inbox holds 100,000 of them; a copy
    // ending in "…" took two bytes a character).
    int lineEnd = lineEnd(content);
    String title = lineEnd == content.length() ? content : content.substring(0, lineEnd);
    return new Item(message.id(), title, content, message.createdAt(), true, "");
  }

  private static int lineEnd(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        return i;
      }
    }
    return text.length();
  }
}
