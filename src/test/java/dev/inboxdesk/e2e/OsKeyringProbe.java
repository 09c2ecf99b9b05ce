package dev.inboxdesk.e2e;

import dev.inboxdesk.app.accounts.Accounts;
import dev.inboxdesk.app.accounts.Connection;
import dev.inboxdesk.app.accounts.KeyringSecretStore;
import dev.inboxdesk.app.accounts.Profile;
import dev.inboxdesk.app.accounts.SecretStore;
import dev.inboxdesk.app.accounts.SettingsStore;
import dev.inboxdesk.app.common.UiScheduler;
import dev.inboxdesk.app.shell.AppContext;
import dev.inboxdesk.sandbox.SandboxOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * One app run against the OS keyring, in its own JVM: {@code first} signs in with Remember me,
 * {@code second} only starts. Prints what it found for {@link OsKeyringTest} to check.
 */
public final class OsKeyringProbe {
  private OsKeyringProbe() {
  }

  /** Everything on the calling thread, no timers needed. */
  private static final class SameThread implements UiScheduler {
    @Override
    public void execute(Runnable task) {
      task.run();
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
      return () -> { };
    }

    @Override
    public Instant now() {
      return Instant.now();
    }
  }

  /** Arguments: first|second, the settings file, the messages URL. */
  public static void main(String[] args) {
    SecretStore keyring = KeyringSecretStore.open();
    System.out.println("persistent=" + keyring.persistent());
    Accounts accounts = new Accounts(new SettingsStore(Path.of(args[1]), Clock.systemUTC()), keyring);
    if (args[0].equals("first")) {
      Profile profile = Profile.create("Staging", Connection.Service.MESSAGES, args[2]);
      accounts.update(s -> s.withProfile(profile).using(Connection.Service.MESSAGES, profile.id()));
    }
    try (AppContext app = AppContext.open(accounts, SandboxOptions.defaults(), new SameThread(), Runnable::run,
        Locale.ENGLISH, new dev.inboxdesk.history.DeleteHistory(Path.of(args[1]).resolveSibling("history"),
        Clock.systemUTC()))) {
      if (args[0].equals("first")) {
        app.model().signIn(Connection.Service.MESSAGES, "ada@example.com", "ada-demo", true).join();
      } else {
        app.start();
      }
      System.out.println("signedIn=" + app.model().connection(Connection.Service.MESSAGES).signedIn());
      System.out.println("messages=" + app.model().inbox().allRows().size());
    }
    System.exit(0);
  }
}
