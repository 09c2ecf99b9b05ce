package dev.inboxdesk.app.shell;

import dev.inboxdesk.AppInfo;
import dev.inboxdesk.app.accounts.Accounts;
import dev.inboxdesk.app.accounts.Connection;
import dev.inboxdesk.app.accounts.MemorySecretStore;
import dev.inboxdesk.app.accounts.Profile;
import dev.inboxdesk.app.accounts.SettingsStore;
import dev.inboxdesk.app.common.ErrorPresenter;
import dev.inboxdesk.app.common.UiScheduler;
import dev.inboxdesk.app.inbox.InboxViewModel;
import dev.inboxdesk.app.inbox.MessagesSource;
import dev.inboxdesk.app.inspector.RequestLog;
import dev.inboxdesk.app.list.ItemListViewModel;
import dev.inboxdesk.app.notifications.NotificationsSource;
import dev.inboxdesk.app.notifications.NotificationsViewModel;
import dev.inboxdesk.client.ClientConfig;
import dev.inboxdesk.client.Exchange;
import dev.inboxdesk.client.Wait;
import dev.inboxdesk.history.DeleteHistory;
import dev.inboxdesk.sandbox.DemoAccount;
import dev.inboxdesk.sandbox.Sandbox;
import dev.inboxdesk.sandbox.SandboxOptions;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Everything the window runs on, built in one place: the saved profiles (or the embedded sandbox
 * for a service without one), a connection per service, and the view-models.
 */
public final class AppContext implements AutoCloseable {
  private static final Logger WIRE = Logger.getLogger("dev.inboxdesk.wire");
  /** How many exchanges the request inspector keeps. */
  private static final int REQUEST_LOG_SIZE = 500;

  private final SandboxOptions sandboxOptions;
  private Sandbox sandbox;
  private final ExecutorService ownThreads;
  private final RequestLog requestLog;
  private volatile MainViewModel model;
  private final UiScheduler ui;
  private final Accounts accounts;
  private final DeleteHistory history;

  private AppContext(Accounts accounts, SandboxOptions sandboxOptions, UiScheduler ui, Executor given,
      Locale locale, DeleteHistory history) {
    this.history = history;
    this.sandboxOptions = sandboxOptions;
    this.ui = ui;
    this.accounts = accounts;
    AtomicInteger threads = new AtomicInteger();
    this.ownThreads = given != null ? null : Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(task, "inboxdesk-work-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    Executor background = given != null ? given : ownThreads;
    this.requestLog = new RequestLog(ui, REQUEST_LOG_SIZE);
    ErrorPresenter presenter = ErrorPresenter.forLocale(locale);
    Connection messages = open(accounts, Connection.Service.MESSAGES);
    Connection notifications = open(accounts, Connection.Service.NOTIFICATIONS);
    this.model = new MainViewModel(messages, notifications,
        new InboxViewModel((MessagesSource) messages.source(), ui, background, presenter),
        new NotificationsViewModel((NotificationsSource) notifications.source(), ui, background, presenter),
        accounts, this::connect, this::sandboxConnection, requestLog, ui, background, presenter);
    model.inbox().undoWindowSecondsProperty().set(accounts.settings().undoWindowSeconds());
    model.notifications().undoWindowSecondsProperty().set(accounts.settings().undoWindowSeconds());
    model.recordDeletesIn(history, background);
  }

  /**
   * The app as the user left it: their profiles, their remembered sessions, the sandbox for the
   * rest; every delete the window sends goes into {@code history}.
   */
  public static AppContext open(Accounts accounts, SandboxOptions sandboxOptions, UiScheduler ui, Locale locale,
      DeleteHistory history) {
    return new AppContext(accounts, sandboxOptions, ui, null, locale, history);
  }

  /** The same, with the background work on {@code background} (tests pass a same-thread executor). */
  public static AppContext open(Accounts accounts, SandboxOptions sandboxOptions, UiScheduler ui,
      Executor background, Locale locale, DeleteHistory history) {
    return new AppContext(accounts, sandboxOptions, ui, background, locale, history);
  }

  /**
   * The app on the embedded sandbox only, remembering nothing of the user's: for the smoke test and
   * tests; its record of deletes is {@code history} (a test's own folder, never the user's).
   */
  public static AppContext onSandbox(SandboxOptions options, UiScheduler ui, Locale locale, DeleteHistory history) {
    return new AppContext(new Accounts(SettingsStore.inMemory(), new MemorySecretStore("tests")), options, ui, null,
        locale, history);
  }

  /** The local record of deletes this window writes to. */
  public DeleteHistory history() {
    return history;
  }

  private Connection open(Accounts accounts, Connection.Service service) {
    return accounts.settings().lastUsed(service).map(this::connect)
        .orElseGet(() -> sandboxConnection(service));
  }

  private Connection connect(Profile profile) {
    return Connection.forProfile(profile, config(profile.baseUrl()));
  }

  private Connection sandboxConnection(Connection.Service service) {
    Sandbox running = sandbox();
    String url = service == Connection.Service.MESSAGES ? running.messagesUrl() : running.notificationsUrl();
    return Connection.sandbox(service, url, running.controlToken(), config(url));
  }

  /** Every exchange goes to the log file (masked) and to the request inspector (unmasked kept in memory). */
  private ClientConfig.Builder config(String url) {
    return ClientConfig.builder(url).userAgent("InboxDesk/" + AppInfo.version()).captureUnmasked(true)
        .waitListener(this::showWait)
        // Read at every wait: the setting applies to the clients already running.
        .maxWait(() -> java.time.Duration.ofSeconds(accounts.settings().maxWaitSeconds()))
        .exchangeListener(exchange -> {
          logExchange(exchange);
          requestLog.record(exchange);
        });
  }

  /** A client's wait, shown in its list: the pending row's countdown, or a notice. */
  private void showWait(Wait wait) {
    MainViewModel shown = model;
    if (shown == null) {
      return;
    }
    ItemListViewModel list = wait.service().equals("messages") ? shown.inbox() : shown.notifications();
    ui.execute(() -> list.clientWaits(wait));
    requestLog.recordWait(wait);
  }

  /** Every exchange, masked, at FINE: the log shows what went over the wire without secrets. */
  private static void logExchange(Exchange exchange) {
    if (WIRE.isLoggable(Level.FINE)) {
      WIRE.fine(() -> exchange.method() + " " + exchange.url() + " -> " + exchange.status() + " in "
          + exchange.duration().toMillis() + " ms" + (exchange.failure() == null ? "" : " (" + exchange.failure()
          + ")"));
    }
  }

  public MainViewModel model() {
    return model;
  }

  /** The embedded sandbox, started the first time a service needs it. */
  public synchronized Sandbox sandbox() {
    if (sandbox == null) {
      sandbox = Sandbox.start(sandboxOptions);
    }
    return sandbox;
  }

  /** Signs in where it can without asking: the sandbox's demo accounts, and remembered sessions. */
  public void start() {
    for (Connection.Service service : Connection.Service.values()) {
      if (model.connection(service).sandbox()) {
        signInDemoAccount(service);
      }
    }
    model.restoreRememberedSessions();
  }

  /** Signs in to the sandbox's first demo account of a service, which loads its list. */
  public void signInDemoAccount(Connection.Service service) {
    String name = service == Connection.Service.MESSAGES ? "messages" : "notifications";
    for (DemoAccount account : Sandbox.accounts()) {
      if (account.service().equals(name) && account.twoFactorCode() == null && account.username().equals("ada")) {
        model.signIn(service, account.email(), account.password());
      }
    }
  }

  @Override
  public void close() {
    if (ownThreads != null) {
      ownThreads.shutdownNow();
    }
    for (Connection.Service service : Connection.Service.values()) {
      model.connection(service).close();
    }
    synchronized (this) {
      if (sandbox != null) {
        sandbox.close();
      }
    }
  }
}
