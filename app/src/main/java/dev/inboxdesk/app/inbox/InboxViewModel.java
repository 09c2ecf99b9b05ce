package dev.inboxdesk.app.inbox;

import dev.inboxdesk.app.common.ErrorPresenter;
import dev.inboxdesk.app.common.UiScheduler;
import dev.inboxdesk.app.list.ItemListViewModel;
import java.util.concurrent.Executor;

/** The inbox of anonymous messages: the shared list behaviour over the messages service. */
public final class InboxViewModel extends ItemListViewModel {
  public InboxViewModel(MessagesSource source, UiScheduler ui, Executor background, ErrorPresenter presenter) {
    super(source, ui, background, presenter);
  }
}
