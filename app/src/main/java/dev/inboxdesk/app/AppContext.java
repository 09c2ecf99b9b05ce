package dev.inboxdesk.app;

import dev.inboxdesk.app.accounts.Connection;
import dev.inboxdesk.app.inbox.InboxViewModel;
import dev.inboxdesk.app.items.MessagesSource;
import dev.inboxdesk.app.items.NotificationsSource;
import dev.inboxdesk.app.items.UiScheduler;
import dev.inboxdesk.app.notifications.NotificationsViewModel;
import dev.inboxdesk.app.ui.ErrorPresenter;
import dev.inboxdesk.client.ClientConfig;
import dev.inboxdesk.client.Exchange;
import dev.inboxdesk.client.MessagesClient;
import dev.inboxdesk.client.NotificationsClient;
import dev.inboxdesk.sandbox.DemoAccount;
import dev.inboxdesk.sandbox.Sandbox;
import dev.inboxdesk.sandbox.SandboxOptions;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Everything the window runs on, built in one place: the backend (the embedded sandbox while no
 * account is configured), the two clients, their sources and view-models.
 */
public final class AppContext implements AutoCloseable {
  private static final Logger WIRE = Logger.getLogger("dev.inboxdesk.wire");

  private final Sandbox sandbox;
  private final MessagesClient messagesClient;
  private final NotificationsClient notificationsClient;
  private final ExecutorService background;
  private final MainViewModel model;

  private AppContext(Sandbox sandbox, UiScheduler ui, Locale locale) {
    this.sandbox = sandbox;
    AtomicInteger threads = new AtomicInteger();
    this.background = Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(task, "inboxdesk-work-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    this.messagesClient = MessagesClient.create(config(sandbox.messagesUrl()));
    this.notificationsClient = NotificationsClient.create(config(sandbox.notificationsUrl()));
    ErrorPresenter presenter = ErrorPresenter.forLocale(locale);
    MessagesSource messages = new MessagesSource(messagesClient);
    NotificationsSource notifications = new NotificationsSource(notificationsClient);
    this.model = new MainViewModel(
        Connection.messages(sandbox.messagesUrl(), true, messagesClient),
        Connection.notifications(sandbox.notificationsUrl(), true, notificationsClient),
        new InboxViewModel(messages, ui, background, presenter),
        new NotificationsViewModel(notifications, ui, background, presenter),
        ui, background, presenter);
  }

  /** The app on the embedded sandbox: no account needed, nothing leaves the machine. */
  public static AppContext onSandbox(SandboxOptions options, UiScheduler ui, Locale locale) {
    return new AppContext(Sandbox.start(options), ui, locale);
  }

  private static ClientConfig config(String url) {
    return ClientConfig.builder(url).userAgent("InboxDesk/" + AppInfo.version())
        .exchangeListener(AppContext::logExchange).build();
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

  public Sandbox sandbox() {
    return sandbox;
  }

  /** Signs in to the sandbox's first demo accounts, which loads both lists. */
  public void signInDemoAccounts() {
    for (DemoAccount account : Sandbox.accounts()) {
      if (account.twoFactorCode() == null && account.username().equals("ada")) {
        model.signIn(account.service().equals("messages") ? Connection.Service.MESSAGES
            : Connection.Service.NOTIFICATIONS, account.email(), account.password());
      }
    }
  }

  @Override
  public void close() {
    background.shutdownNow();
    messagesClient.close();
    notificationsClient.close();
    sandbox.close();
  }
}
