package dev.inboxdesk.app.inbox;

import dev.inboxdesk.app.common.ErrorPresenter;
import dev.inboxdesk.app.common.UiScheduler;
import dev.inboxdesk.app.list.ItemListViewModel;
import dev.inboxdesk.client.RouteUnavailableException;
import java.util.concurrent.Executor;

/**
 * The inbox of anonymous messages: the shared list behaviour over the messages service, and the
 * switch for whether the account accepts new messages.
 */
public final class InboxViewModel extends ItemListViewModel {
  public InboxViewModel(MessagesSource source, UiScheduler ui, Executor background, ErrorPresenter presenter) {
    super(source, ui, background, presenter);
  }

  @Override
  public boolean hasAcceptingSwitch() {
    return true;
  }

  /** Loads the list and whether the account accepts new messages. */
  @Override
  public void refresh() {
    super.refresh();
    MessagesSource from = (MessagesSource) source();
    background().execute(() -> {
      try {
        boolean on = from.client().isAcceptingMessages();
        ui().execute(() -> {
          if (from == source()) {
            acceptingUnavailable(null);
            acceptingIs(on);
          }
        });
      } catch (RouteUnavailableException missing) {
        ui().execute(() -> {
          if (from == source()) {
            acceptingIs(null);
            acceptingUnavailable(text("inbox.accepting.unavailable"));
          }
        });
      } catch (RuntimeException other) {
        // The list's own load says what is wrong with the server; the switch just stays unknown.
        ui().execute(() -> acceptingIs(null));
      }
    });
  }

  /** Turns accepting new messages on or off; on failure the switch goes back and the reason is told. */
  @Override
  public void setAccepting(boolean on) {
    Boolean before = acceptingProperty().get();
    if (before != null && before == on) {
      return;
    }
    MessagesSource from = (MessagesSource) source();
    acceptingIs(on);
    background().execute(() -> {
      try {
        from.client().setAcceptingMessages(on);
      } catch (RouteUnavailableException missing) {
        ui().execute(() -> {
          acceptingIs(null);
          acceptingUnavailable(text("inbox.accepting.unavailable"));
        });
      } catch (RuntimeException failed) {
        ui().execute(() -> {
          acceptingIs(before);
          reportFailure(failed);
        });
      }
    });
  }
}
