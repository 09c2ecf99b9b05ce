package dev.inboxdesk.app.shell;

import dev.inboxdesk.app.accounts.Accounts;
import dev.inboxdesk.app.accounts.Connection;
import dev.inboxdesk.app.accounts.Profile;
import dev.inboxdesk.app.accounts.SessionActions;
import dev.inboxdesk.app.accounts.SignInFailed;
import dev.inboxdesk.app.common.ErrorPresenter;
import dev.inboxdesk.app.common.Problem;
import dev.inboxdesk.app.common.UiScheduler;
import dev.inboxdesk.app.history.HistoryViewModel;
import dev.inboxdesk.app.inbox.InboxViewModel;
import dev.inboxdesk.app.inspector.RequestLog;
import dev.inboxdesk.app.list.ItemListViewModel;
import dev.inboxdesk.app.notifications.NotificationsViewModel;
import dev.inboxdesk.client.ApiException;
import dev.inboxdesk.history.DeleteHistory;
import dev.inboxdesk.history.DeleteRecord;
import java.util.EnumMap;
import java.util.Map;
import dev.inboxdesk.client.ResendRequest;
import dev.inboxdesk.client.Resent;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The main window's state: both lists, the connection each one uses, and signing in and out.
 * Signing out or switching to another profile first sends the deletes still pending, so nothing is
 * silently dropped.
 */
public final class MainViewModel implements SessionActions {
  private final Map<Connection.Service, Connection> connections = new EnumMap<>(Connection.Service.class);
  private final InboxViewModel inbox;
  private final NotificationsViewModel notificationsList;
  private final Accounts accounts;
  private final Function<Profile, Connection> connector;
  private final Function<Connection.Service, Connection> sandboxConnector;
  private final RequestLog requestLog;
  private final UiScheduler ui;
  private final Executor background;
  private final ErrorPresenter presenter;
  private DeleteHistory history;
  private HistoryViewModel historyModel;
  private final ReadOnlyStringWrapper messagesAccount = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper notificationsAccount = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper messagesServer = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper notificationsServer = new ReadOnlyStringWrapper("");

  /**
   * @param connector opens a connection for a profile
   * @param sandboxConnector opens a connection to the embedded sandbox
   */
  public MainViewModel(Connection messages, Connection notifications, InboxViewModel inbox,
      NotificationsViewModel notificationsList, Accounts accounts, Function<Profile, Connection> connector,
      Function<Connection.Service, Connection> sandboxConnector, RequestLog requestLog, UiScheduler ui,
      Executor background, ErrorPresenter presenter) {
    connections.put(Connection.Service.MESSAGES, messages);
    connections.put(Connection.Service.NOTIFICATIONS, notifications);
    this.inbox = inbox;
    this.notificationsList = notificationsList;
    this.accounts = accounts;
    this.connector = connector;
    this.sandboxConnector = sandboxConnector;
    this.requestLog = requestLog;
    this.ui = ui;
    this.background = background;
    this.presenter = presenter;
    accounts.onNotice((service, text) -> ui.execute(() -> list(service).announce(text)));
    publish();
  }

  public InboxViewModel inbox() {
    return inbox;
  }

  public NotificationsViewModel notifications() {
    return notificationsList;
  }

  @Override
  public Accounts accounts() {
    return accounts;
  }

  /** Every exchange both clients made, for the request inspector. */
  public RequestLog requestLog() {
    return requestLog;
  }

  @Override
  public Connection connection(Connection.Service service) {
    return connections.get(service);
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

  /** Which server the messages list uses, for the connection bar. */
  public ReadOnlyStringProperty messagesServerProperty() {
    return messagesServer.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty notificationsServerProperty() {
    return notificationsServer.getReadOnlyProperty();
  }

  public ErrorPresenter presenter() {
    return presenter;
  }

  /** True when both services are the embedded sandbox. */
  public boolean onSandbox() {
    return connection(Connection.Service.MESSAGES).sandbox() && connection(Connection.Service.NOTIFICATIONS).sandbox();
  }

  /**
   * Signs in; completes on the UI thread with the result, or with the error's {@link Problem}
   * wrapped in a {@link SignInFailed}.
   */
  @Override
  public CompletableFuture<Connection.SignInResult> signIn(Connection.Service service, String email,
      String password, boolean rememberMe) {
    return onBackground(() -> connection(service).signIn(email, password), service, rememberMe);
  }

  public CompletableFuture<Connection.SignInResult> signIn(Connection.Service service, String email,
      String password) {
    return signIn(service, email, password, false);
  }

  @Override
  public CompletableFuture<Connection.SignInResult> completeTwoFactor(String ticket, String code, String email,
      boolean rememberMe) {
    return onBackground(() -> connection(Connection.Service.NOTIFICATIONS).completeTwoFactor(ticket, code, email),
        Connection.Service.NOTIFICATIONS, rememberMe);
  }

  /** Signs in with a token copied from a browser. */
  @Override
  public CompletableFuture<Connection.SignInResult> usePastedToken(Connection.Service service, String token,
      boolean rememberMe) {
    return onBackground(() -> connection(service).usePastedToken(token), service, rememberMe);
  }

  /**
   * Signs in again with the sessions remembered in the keyring, for the profiles that have one;
   * a remembered session that no longer works asks for a sign-in.
   */
  public void restoreRememberedSessions() {
    for (Connection.Service service : Connection.Service.values()) {
      Connection connection = connection(service);
      connection.profile().flatMap(accounts::rememberedSecret).ifPresent(secret -> {
        list(service).signingIn();
        background.execute(() -> {
          try {
            connection.restore(secret, connection.profile().get().account());
            accounts.restored(connection);
            ui.execute(() -> {
              publish();
              list(service).signedIn();
            });
          } catch (RuntimeException expired) {
            ui.execute(() -> list(service).needsSignIn(expired));
          }
        });
      });
    }
  }

  /** Sends pending deletes, then signs out of the service and forgets its remembered session. */
  public CompletableFuture<Void> signOut(Connection.Service service) {
    ItemListViewModel list = list(service);
    Connection connection = connection(service);
    CompletableFuture<Void> done = new CompletableFuture<>();
    list.flush().whenComplete((ignored, error) -> background.execute(() -> {
      try {
        connection.signOut();
      } finally {
        accounts.signedOut(connection);
        ui.execute(() -> {
          list.signedOut();
          publish();
          done.complete(null);
        });
      }
    }));
    return done;
  }

  /**
   * Moves a service to another profile (null: back to the sandbox). Pending deletes go to the old
   * server first; a remembered session of the new profile signs in by itself.
   */
  @Override
  public CompletableFuture<Void> use(Connection.Service service, Profile profile) {
    ItemListViewModel list = list(service);
    Connection old = connection(service);
    Connection fresh = profile == null ? sandboxConnector.apply(service) : connector.apply(profile);
    accounts.update(settings -> settings.using(service, profile == null ? null : profile.id()));
    return list.switchSource(fresh.source()).thenRun(() -> {
      connections.put(service, fresh);
      publish();
      background.execute(old::close);
      if (fresh.sandbox()) {
        return;
      }
      restoreRememberedSessions();
    });
  }

  /**
   * Every delete either list sends goes into {@code record}, written on {@code writer}: the
   * service, the server it went to, who was signed in, the item's text and how it ended.
   */
  public void recordDeletesIn(DeleteHistory record, Executor writer) {
    this.history = record;
    for (Connection.Service service : Connection.Service.values()) {
      list(service).setRecorder((row, outcome, cause) -> {
        Connection connection = connection(service);
        DeleteRecord entry = new DeleteRecord(Instant.now(), service == Connection.Service.MESSAGES ? "messages"
            : "notifications", connection.baseUrl(), connection.account(), row.id(), row.item().text(),
            DeleteRecord.Outcome.valueOf(outcome.name()),
            cause instanceof ApiException api ? api.correlationId() : null,
            cause == null ? "" : presenter.describe(cause).oneLine(), "window");
        writer.execute(() -> record.append(entry));
      });
    }
  }

  /** "Recently deleted", over the local record of deletes; made on first use. */
  public HistoryViewModel historyModel() {
    if (historyModel == null) {
      historyModel = new HistoryViewModel(history, ui, background);
    }
    return historyModel;
  }

  /** The local record of deletes, or null when none was given. */
  public DeleteHistory history() {
    return history;
  }

  /** Deletes not yet settled in either list. */
  public int unsettledCount() {
    return inbox.unsettledCount() + notificationsList.unsettledCount();
  }

  /**
   * Sends a recorded request again, as a tester edited it, through the service's signed-in client;
   * completes on the UI thread with the masked answer.
   */
  public CompletableFuture<Resent> resend(String service, ResendRequest request) {
    Connection connection = connection(service.equals("messages") ? Connection.Service.MESSAGES
        : Connection.Service.NOTIFICATIONS);
    CompletableFuture<Resent> result = new CompletableFuture<>();
    background.execute(() -> {
      try {
        Resent answer = connection.resend(request);
        ui.execute(() -> result.complete(answer));
      } catch (RuntimeException failed) {
        ui.execute(() -> result.completeExceptionally(failed));
      }
    });
    return result;
  }

  /** Brings back the deletes of both lists not sent yet; returns how many. */
  public int cancelPendingAll() {
    return inbox.cancelPending() + notificationsList.cancelPending();
  }

  /** When the later of the two lists' current waits for the server ends; empty when neither waits. */
  public Optional<Instant> waitingUntil() {
    return Stream.of(inbox.waitingUntil(), notificationsList.waitingUntil()).flatMap(Optional::stream)
        .max(Comparator.naturalOrder());
  }

  /** Sends everything pending in both lists; completes when all are settled. */
  public CompletableFuture<Void> flushAll() {
    return CompletableFuture.allOf(inbox.flush(), notificationsList.flush());
  }

  /** Refreshes the lists that are signed in. */
  public void refreshAll() {
    for (Connection.Service service : Connection.Service.values()) {
      if (connection(service).signedIn()) {
        list(service).refresh();
      }
    }
  }

  private CompletableFuture<Connection.SignInResult> onBackground(Supplier<Connection.SignInResult> work,
      Connection.Service service, boolean rememberMe) {
    CompletableFuture<Connection.SignInResult> result = new CompletableFuture<>();
    Connection connection = connection(service);
    list(service).signingIn();
    background.execute(() -> {
      try {
        Connection.SignInResult outcome = work.get();
        if (outcome instanceof Connection.SignInResult.Done) {
          accounts.signedIn(connection, rememberMe);
        }
        ui.execute(() -> {
          publish();
          if (outcome instanceof Connection.SignInResult.Done) {
            list(service).signedIn();
          } else {
            list(service).signInEnded();
          }
          result.complete(outcome);
        });
      } catch (RuntimeException error) {
        ui.execute(() -> {
          list(service).signInEnded();
          result.completeExceptionally(new SignInFailed(presenter.describe(error), error));
        });
      }
    });
    return result;
  }

  private void publish() {
    Connection messages = connection(Connection.Service.MESSAGES);
    Connection notifications = connection(Connection.Service.NOTIFICATIONS);
    messagesAccount.set(messages.account() == null ? "" : messages.account());
    notificationsAccount.set(notifications.account() == null ? "" : notifications.account());
    messagesServer.set(messages.serverLabel());
    notificationsServer.set(notifications.serverLabel());
  }
}
