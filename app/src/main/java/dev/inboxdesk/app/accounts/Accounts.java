package dev.inboxdesk.app.accounts;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Profiles and remembered sessions together: reads and saves the settings, and keeps a signed-in
 * session in the keyring only when the profile says "Remember me". Signing out forgets it.
 */
public final class Accounts {
  private static final Logger LOG = Logger.getLogger(Accounts.class.getName());

  private final SettingsStore store;
  private final SecretStore secrets;
  private Settings settings;
  private final String loadProblem;

  public Accounts(SettingsStore store, SecretStore secrets) {
    this(store, store.load(), secrets);
  }

  /** With the settings already read from {@code store} (the window reads them first, for its theme). */
  public Accounts(SettingsStore store, SettingsStore.Loaded loaded, SecretStore secrets) {
    this.store = store;
    this.secrets = secrets;
    this.settings = loaded.settings();
    this.loadProblem = loaded.problem();
  }

  public synchronized Settings settings() {
    return settings;
  }

  /** What went wrong reading the settings file, for the user; null when nothing did. */
  public String loadProblem() {
    return loadProblem;
  }

  public SecretStore secrets() {
    return secrets;
  }

  /** Changes the settings and saves them. */
  public synchronized Settings update(java.util.function.UnaryOperator<Settings> change) {
    settings = change.apply(settings);
    store.save(settings);
    return settings;
  }

  /** The remembered session of a profile, if it has one. */
  public Optional<String> rememberedSecret(Profile profile) {
    if (!profile.rememberMe()) {
      return Optional.empty();
    }
    return secrets.read(profile.id());
  }

  /**
   * After a sign-in on a profile: stores the account, and the session when the profile remembers
   * it; keeps the keyring current when the session rotates.
   */
  public void signedIn(Connection connection, boolean rememberMe) {
    Optional<Profile> maybe = connection.profile();
    if (maybe.isEmpty()) {
      return;
    }
    Profile profile = maybe.get().withAccount(connection.account()).withRememberMe(rememberMe);
    update(s -> s.withProfile(profile));
    if (rememberMe) {
      connection.rememberableSecret().ifPresent(secret -> write(profile, secret));
      connection.onSecretChanged(keepCurrent(profile));
    } else {
      secrets.delete(profile.id());
    }
  }

  /** After signing out: the remembered session is forgotten. */
  public void signedOut(Connection connection) {
    connection.profile().ifPresent(profile -> secrets.delete(profile.id()));
  }

  /** When a remembered session is restored, the keyring follows its rotations. */
  public void restored(Connection connection) {
    connection.profile().ifPresent(profile -> connection.onSecretChanged(keepCurrent(profile)));
  }

  private Consumer<Optional<String>> keepCurrent(Profile profile) {
    return secret -> {
      if (secret.isPresent()) {
        write(profile, secret.get());
      } else {
        secrets.delete(profile.id());
      }
    };
  }

  private void write(Profile profile, String secret) {
    try {
      secrets.write(profile.id(), secret);
    } catch (RuntimeException refused) {
      LOG.log(Level.WARNING, "The keyring did not store the session of profile " + profile.name(), refused);
    }
  }
}
