package dev.inboxdesk.app.shell;

import dev.inboxdesk.app.accounts.Accounts;
import dev.inboxdesk.app.accounts.KeyringSecretStore;
import dev.inboxdesk.app.accounts.OnDemandSecretStore;
import dev.inboxdesk.app.accounts.SecretStore;
import dev.inboxdesk.app.accounts.SettingsStore;
import dev.inboxdesk.app.common.UiScheduler;
import dev.inboxdesk.sandbox.SandboxOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The work of a start that the first frame does not need, off the JavaFX thread. The log file is
 * opened and the settings file read while the toolkit starts (the window needs its theme; the
 * settings' JSON reader is not cheap to make, so not even that waits on the main thread); the keyring, the sandbox,
 * the clients and the view-models ({@link AppContext}) are built once the window is on screen, and
 * the lists fill in when they are ready.
 */
final class Startup {
  private final CompletableFuture<SettingsStore> store = new CompletableFuture<>();
  private final CompletableFuture<SettingsStore.Loaded> settings = new CompletableFuture<>();
  private final CompletableFuture<AppContext> context = new CompletableFuture<>();

  private Startup() {
  }

  /**
   * Starts at once, on a thread of its own, writing the log into {@code logFolder} and reading the
   * settings from {@code settingsFile} (the platform's places unless a configuration folder was given).
   */
  static Startup begin(Path settingsFile, Path logFolder) {
    Startup startup = new Startup();
    run("settings", () -> {
      try {
        AppLog.install(logFolder);
        SettingsStore store = new SettingsStore(settingsFile, Clock.systemUTC());
        startup.store.complete(store);
        startup.settings.complete(store.load());
      } catch (RuntimeException | Error e) {
        startup.store.completeExceptionally(e);
        startup.settings.completeExceptionally(e);
      }
    });
    return startup;
  }

  /** The settings as read from the file (a problem reading it is in {@link SettingsStore.Loaded#problem()}). */
  CompletableFuture<SettingsStore.Loaded> settings() {
    return settings;
  }

  /**
   * Opens the keyring (when there are profiles) and builds everything the window runs on, on a
   * thread of its own; completes with it. Called once the first frame is shown.
   */
  CompletableFuture<AppContext> buildContext(SandboxOptions sandboxOptions, UiScheduler ui, Locale locale,
      dev.inboxdesk.history.DeleteHistory history) {
    run("context", () -> {
      try {
        SettingsStore.Loaded loaded = settings.join();
        Accounts accounts = new Accounts(store.join(), loaded, secrets(loaded, KeyringSecretStore::open));
        context.complete(AppContext.open(accounts, sandboxOptions, ui, locale, history));
      } catch (RuntimeException | Error e) {
        context.completeExceptionally(e);
      }
    });
    return context;
  }

  /**
   * Where sessions are remembered: the keyring, opened now for a start that has profiles (their
   * remembered sessions are read next), otherwise when a profile first needs it.
   */
  static OnDemandSecretStore secrets(SettingsStore.Loaded loaded, Supplier<SecretStore> keyring) {
    OnDemandSecretStore secrets = new OnDemandSecretStore(keyring);
    if (loaded.settings() != null && !loaded.settings().profiles().isEmpty()) {
      secrets.open();
    }
    return secrets;
  }

  CompletableFuture<AppContext> context() {
    return context;
  }

  private static void run(String what, Runnable work) {
    Thread thread = new Thread(work, "inboxdesk-start-" + what);
    thread.setDaemon(true);
    thread.start();
  }
}
