package dev.inboxdesk.app.accounts;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Secrets in the operating system's keyring (Secret Service on Linux, Keychain on macOS,
 * Credential Manager on Windows) through java-keyring. Where none is reachable (a headless Linux
 * without a Secret Service), {@link #open()} says so and the app keeps secrets in memory.
 */
public final class KeyringSecretStore implements SecretStore {
  private static final Logger LOG = Logger.getLogger(KeyringSecretStore.class.getName());
  private static final String SERVICE = "InboxDesk";

  private final Keyring keyring;

  private KeyringSecretStore(Keyring keyring) {
    this.keyring = keyring;
  }

  /** The OS keyring if one answers, otherwise a memory-only store that says why. */
  public static SecretStore open() {
    return open(Keyring::create);
  }

  /** The keyring {@code backend} makes, if it answers; a memory-only store otherwise. */
  static SecretStore open(KeyringFactory backend) {
    try {
      Keyring keyring = backend.create();
      // Creating succeeds on some systems without a running Secret Service; a read proves it works.
      try {
        keyring.getPassword(SERVICE, "probe");
      } catch (PasswordAccessException missing) {
        // Not found is fine: the keyring answered.
      }
      return new KeyringSecretStore(keyring);
    } catch (BackendNotSupportedException | RuntimeException | LinkageError unavailable) {
      LOG.log(Level.INFO, "No OS keyring: " + unavailable);
      return new MemorySecretStore("No keyring is available on this system, so InboxDesk keeps sessions in"
          + " memory only: you will sign in again next time. Nothing is written to a file.");
    }
  }

  /** Makes the keyring (a seam for tests). */
  @FunctionalInterface
  interface KeyringFactory {
    Keyring create() throws BackendNotSupportedException;
  }

  @Override
  public boolean persistent() {
    return true;
  }

  @Override
  public String limitation() {
    return null;
  }

  @Override
  public Optional<String> read(String key) {
    try {
      return Optional.ofNullable(keyring.getPassword(SERVICE, key));
    } catch (PasswordAccessException missing) {
      return Optional.empty();
    }
  }

  @Override
  public void write(String key, String secret) {
    try {
      keyring.setPassword(SERVICE, key, secret);
    } catch (PasswordAccessException | RuntimeException e) {
      // A locked keyring (a Secret Service collection not unlocked) fails inside the library, often
      // as a NullPointerException: the same for the user, who must be told.
      throw new IllegalStateException("The keyring is locked or refused to store the session", e);
    }
  }

  @Override
  public void delete(String key) {
    try {
      keyring.deletePassword(SERVICE, key);
    } catch (PasswordAccessException missing) {
      // Already gone.
    }
  }
}
