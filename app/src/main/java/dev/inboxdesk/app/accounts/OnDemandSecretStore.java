package dev.inboxdesk.app.accounts;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
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
  private final CompletableFuture<SecretStore> ready = new CompletableFuture<>();
  // Read without the lock: once open, no use waits; isOpen and prepare never do.
  private volatile SecretStore store;

  public OnDemandSecretStore(Supplier<SecretStore> opener) {
    this.opener = opener;
  }

  /** Opens the store now, on this thread, unless it is open (then it returns at once). */
  public SecretStore open() {
    SecretStore open = store;
    if (open != null) {
      return open;
    }
    synchronized (this) {
      if (store == null) {
        store = opener.get();
      }
      ready.complete(store);
      return store;
    }
  }

  @Override
  public CompletableFuture<SecretStore> ready() {
    return ready;
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
