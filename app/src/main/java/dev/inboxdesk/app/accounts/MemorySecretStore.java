package dev.inboxdesk.app.accounts;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Secrets for this run only. Never written anywhere: there is no silent fallback to a file. */
public final class MemorySecretStore implements SecretStore {
  private final Map<String, String> secrets = new ConcurrentHashMap<>();
  private final String limitation;

  public MemorySecretStore(String limitation) {
    this.limitation = limitation;
  }

  @Override
  public boolean persistent() {
    return false;
  }

  @Override
  public String limitation() {
    return limitation;
  }

  @Override
  public Optional<String> read(String key) {
    return Optional.ofNullable(secrets.get(key));
  }

  @Override
  public void write(String key, String secret) {
    secrets.put(key, secret);
  }

  @Override
  public void delete(String key) {
    secrets.remove(key);
  }
}
