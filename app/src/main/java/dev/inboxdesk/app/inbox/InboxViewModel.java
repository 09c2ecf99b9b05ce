package dev.inboxdesk.app.inbox;

import dev.inboxdesk.app.items.ItemListViewModel;
import dev.inboxdesk.app.items.MessagesSource;
import dev.inboxdesk.app.items.UiScheduler;
import dev.inboxdesk.app.ui.ErrorPresenter;
import java.util.concurrent.Executor;

/** The inbox of anonymous messages: the shared list behaviour over the messages service. */
public final class InboxViewModel extends ItemListViewModel {
  public InboxViewModel(MessagesSource source, UiScheduler ui, Executor background, ErrorPresenter presenter) {
    super(source, ui, background, presenter);
  }
}
