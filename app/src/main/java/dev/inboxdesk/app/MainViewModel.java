package dev.inboxdesk.app;

import dev.inboxdesk.app.accounts.Connection;
import dev.inboxdesk.app.inbox.InboxViewModel;
import dev.inboxdesk.app.items.ItemListViewModel;
import dev.inboxdesk.app.items.UiScheduler;
import dev.inboxdesk.app.notifications.NotificationsViewModel;
import dev.inboxdesk.app.ui.ErrorPresenter;
import dev.inboxdesk.app.ui.Problem;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The main window's state: both lists, both connections, and signing in and out. Signing out
 * first sends the deletes still pending, so nothing is silently dropped.
 */
public final class MainViewModel {
  private final Connection messages;
  private final Connection notifications;
  private final InboxViewModel inbox;
  private final NotificationsViewModel notificationsList;
  private final UiScheduler ui;
  private final Executor background;
  private final ErrorPresenter presenter;
  private final ReadOnlyStringWrapper messagesAccount = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper notificationsAccount = new ReadOnlyStringWrapper("");

  public MainViewModel(Connection messages, Connection notifications, InboxViewModel inbox,
      NotificationsViewModel notificationsList, UiScheduler ui, Executor background, ErrorPresenter presenter) {
    this.messages = messages;
    this.notifications = notifications;
    this.inbox = inbox;
    this.notificationsList = notificationsList;
    this.ui = ui;
    this.background = background;
    this.presenter = presenter;
  }

  public InboxViewModel inbox() {
    return inbox;
  }

  public NotificationsViewModel notifications() {
    return notificationsList;
  }

  public Connection connection(Connection.Service service) {
    return service == Connection.Service.MESSAGES ? messages : notifications;
  }

  public ItemListViewModel list(Connection.Service service) {
    return service == Connection.Service.MESSAGES ? inbox : notificationsList;
  }

  /** Who is signed in to the messages service ("" when nobody). */
  public ReadOnlyStringProperty messagesAccountProperty() {
    return messagesAccount.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty notificationsAccountProperty() {
    return notificationsAccount.getReadOnlyProperty();
  }

  public ErrorPresenter presenter() {
    return presenter;
  }

  /** True when both services are the embedded sandbox. */
  public boolean onSandbox() {
    return messages.sandbox() && notifications.sandbox();
  }

  /**
   * Signs in; completes on the UI thread with the result, or with the error's {@link Problem}
   * wrapped in a {@link SignInFailed}.
   */
  public CompletableFuture<Connection.SignInResult> signIn(Connection.Service service, String email,
      String password) {
    return onBackground(() -> connection(service).signIn(email, password), service);
  }

  public CompletableFuture<Connection.SignInResult> completeTwoFactor(String ticket, String code, String email) {
    return onBackground(() -> notifications.completeTwoFactor(ticket, code, email), Connection.Service.NOTIFICATIONS);
  }

  /** Sends pending deletes, then signs out of the service. */
  public CompletableFuture<Void> signOut(Connection.Service service) {
    ItemListViewModel list = list(service);
    CompletableFuture<Void> done = new CompletableFuture<>();
    list.flush().whenComplete((ignored, error) -> background.execute(() -> {
      try {
        connection(service).signOut();
      } finally {
        ui.execute(() -> {
          list.signedOut();
          publishAccounts();
          done.complete(null);
        });
      }
    }));
    return done;
  }

  /** Deletes not yet settled in either list. */
  public int unsettledCount() {
    return inbox.unsettledCount() + notificationsList.unsettledCount();
  }

  /** Sends everything pending in both lists; completes when all are settled. */
  public CompletableFuture<Void> flushAll() {
    return CompletableFuture.allOf(inbox.flush(), notificationsList.flush());
  }

  /** Refreshes both lists. */
  public void refreshAll() {
    if (messages.signedIn()) {
      inbox.refresh();
    }
    if (notifications.signedIn()) {
      notificationsList.refresh();
    }
  }

  private CompletableFuture<Connection.SignInResult> onBackground(
      java.util.function.Supplier<Connection.SignInResult> work, Connection.Service service) {
    CompletableFuture<Connection.SignInResult> result = new CompletableFuture<>();
    background.execute(() -> {
      try {
        Connection.SignInResult outcome = work.get();
        ui.execute(() -> {
          publishAccounts();
          if (outcome instanceof Connection.SignInResult.Done) {
            list(service).signedIn();
          }
          result.complete(outcome);
        });
      } catch (RuntimeException error) {
        ui.execute(() -> result.completeExceptionally(new SignInFailed(presenter.describe(error), error)));
      }
    });
    return result;
  }

  private void publishAccounts() {
    messagesAccount.set(messages.account() == null ? "" : messages.account());
    notificationsAccount.set(notifications.account() == null ? "" : notifications.account());
  }

  /** A sign-in the server refused, with its words for the dialog. */
  public static final class SignInFailed extends RuntimeException {
    private final transient Problem problem;

    public SignInFailed(Problem problem, Throwable cause) {
      super(problem.oneLine(), cause);
      this.problem = problem;
    }

    public Problem problem() {
      return problem;
    }
  }
}
