package dev.inboxdesk.app.accounts;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Where remembered sessions live: the operating system's keyring, or memory when there is none. */
public interface SecretStore {

  /** True when secrets outlive this run (a real keyring). */
  boolean persistent();

  /** Why secrets do not outlive this run, for the user; null when they do. */
  String limitation();

  Optional<String> read(String key);

  void write(String key, String secret);

  void delete(String key);

  /** Gets ready for use without blocking the caller (a store opened on demand opens now); by default nothing. */
  default void prepare() {
  }

  /** Completes with the store once it can be used without waiting; at once by default. */
  default CompletableFuture<SecretStore> ready() {
    return CompletableFuture.completedFuture(this);
  }
}
