package dev.inboxdesk.app.accounts;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * A secret store opened when first needed. Opening the OS keyring loads a D-Bus client and a
 * native library and asks the session bus; a start with no saved profile (the sandbox) never needs
 * it. {@link #prepare()} opens it ahead of use, off the JavaFX thread, once a profile is about to
 * need it.
 */
public final class OnDemandSecretStore implements SecretStore {
  private final Supplier<SecretStore> opener;
  private final AtomicBoolean preparing = new AtomicBoolean();
  // Read without the lock, so that asking (or preparing) never waits for an opening in progress.
  private volatile SecretStore store;

  public OnDemandSecretStore(Supplier<SecretStore> opener) {
    this.opener = opener;
  }

  /** Opens the store now, on this thread, unless it is open. */
  public synchronized SecretStore open() {
    if (store == null) {
      store = opener.get();
    }
    return store;
  }

  /** True once the store has been opened. */
  public boolean isOpen() {
    return store != null;
  }

  /** Opens the store on a thread of its own unless it is open or opening, so the next use need not wait. */
  @Override
  public void prepare() {
    if (isOpen() || !preparing.compareAndSet(false, true)) {
      return;
    }
    Thread thread = new Thread(this::open, "inboxdesk-keyring");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public boolean persistent() {
    return open().persistent();
  }

  @Override
  public String limitation() {
    return open().limitation();
  }

  @Override
  public Optional<String> read(String key) {
    return open().read(key);
  }

  @Override
  public void write(String key, String secret) {
    open().write(key, secret);
  }

  @Override
  public void delete(String key) {
    open().delete(key);
  }
}
