package dev.inboxdesk.app.notifications;

import dev.inboxdesk.app.common.ErrorPresenter;
import dev.inboxdesk.app.common.UiScheduler;
import dev.inboxdesk.app.list.ItemListViewModel;
import dev.inboxdesk.app.list.ItemRow;
import dev.inboxdesk.client.RouteUnavailableException;
import java.util.List;
import java.util.concurrent.Executor;

/** Notifications: the shared list behaviour plus marking read and clearing the read ones. */
public final class NotificationsViewModel extends ItemListViewModel {
  public NotificationsViewModel(NotificationsSource source, UiScheduler ui, Executor background,
      ErrorPresenter presenter) {
    super(source, ui, background, presenter);
  }

  @Override
  public int deletesPerMinute() {
    // The notifications API throttles every route at 60 requests a minute.
    return 60;
  }

  @Override
  public boolean tracksReadState() {
    return true;
  }

  /** Deletes every read notification shown, through the same undoable, paced queue. */
  @Override
  public void clearRead() {
    delete(visibleRows().stream().filter(row -> row.item().read()).toList());
  }

  /**
   * Marks rows read: at once in the list, then on the server; a failure puts the mark back and says
   * why. A server without the route (an optional one) turns the feature off for this list.
   */
  @Override
  public void markRead(List<ItemRow> selected) {
    for (ItemRow row : selected) {
      if (row.item().read()) {
        continue;
      }
      var unread = row.item();
      NotificationsSource notifications = (NotificationsSource) source();
      update(row, unread.asRead());
      background().execute(() -> {
        try {
          notifications.markRead(unread);
        } catch (RuntimeException failed) {
          ui().execute(() -> {
            update(row, unread);
            if (failed instanceof RouteUnavailableException) {
              markReadUnavailable();
            }
            reportFailure(failed);
          });
        }
      });
    }
  }
}
