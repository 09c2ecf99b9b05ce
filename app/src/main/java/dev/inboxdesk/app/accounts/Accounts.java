package dev.inboxdesk.app.accounts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import okhttp3.HttpUrl;

/**
 * Profiles and remembered sessions together: reads and saves the settings, and keeps a signed-in
 * session in the keyring only when the profile says "Remember me". Signing out forgets it.
 *
 * <p>A remembered session is bound to where it came from: the keyring entry holds the secret with
 * the service and the origin (scheme, host, port) of the server that issued it. A session is only
 * ever sent back to that origin and service; when a profile's address moves to another origin or
 * it changes service, its remembered session is forgotten, and the user is told.
 */
public final class Accounts {
  private static final Logger LOG = Logger.getLogger(Accounts.class.getName());
  /** Made when a keyring entry is first written or read: a start without profiles has none. */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }
  /** The keyring entry's format: {@code {"format":1,"service":…,"origin":…,"secret":…}}. */
  private static final int ENTRY_FORMAT = 1;

  private final SettingsStore store;
  private final SecretStore secrets;
  private Settings settings;
  private final String loadProblem;
  private volatile BiConsumer<Connection.Service, String> notices = (service, text) -> { };

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

  /**
   * Where to tell the user about a remembered session (which service, and the words): one the
   * keyring would not keep, or one forgotten because it was for another server. Called on any
   * thread.
   */
  public void onNotice(BiConsumer<Connection.Service, String> listener) {
    this.notices = Objects.requireNonNull(listener, "listener");
  }

  /** Changes the settings and saves them. */
  public synchronized Settings update(java.util.function.UnaryOperator<Settings> change) {
    settings = change.apply(settings);
    store.save(settings);
    return settings;
  }

  /**
   * Saves a profile as edited in the connections dialog. When it now points at another origin or
   * service than before, its remembered session is forgotten (it must never be sent elsewhere);
   * answers whether that happened, so the dialog can say so.
   */
  public boolean saveProfile(Profile edited) {
    Optional<Profile> before;
    synchronized (this) {
      before = settings.profile(edited.id());
      update(s -> s.withProfile(edited));
    }
    boolean moved = before.isPresent() && !sameBinding(before.get(), edited);
    if (moved && secrets.read(edited.id()).isPresent()) {
      secrets.delete(edited.id());
      return true;
    }
    return false;
  }

  /** Removes a profile and its remembered session. */
  public void removeProfile(String id) {
    update(s -> s.withoutProfile(id));
    secrets.delete(id);
  }

  /**
   * The remembered session of a profile, if it has one for the profile's present origin and
   * service. One kept for another server, or in no known form, is forgotten and the user told.
   */
  public Optional<String> rememberedSecret(Profile profile) {
    if (!profile.rememberMe()) {
      return Optional.empty();
    }
    Optional<String> stored = secrets.read(profile.id());
    if (stored.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> secret = unwrap(stored.get(), profile.service(), origin(profile.baseUrl()));
    if (secret.isEmpty()) {
      secrets.delete(profile.id());
      LOG.info("Forgot the remembered session of profile " + profile.name() + ": it was not kept for "
          + origin(profile.baseUrl()));
      notices.accept(profile.service(), "The remembered session of " + profile.name() + " was forgotten: it was"
          + " not kept for this server address. Please sign in again.");
    }
    return secret;
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
      connection.rememberableSecret().ifPresent(secret -> write(connection, profile, secret));
      connection.onSecretChanged(keepCurrent(connection, profile));
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
    connection.profile().ifPresent(profile -> connection.onSecretChanged(keepCurrent(connection, profile)));
  }

  private Consumer<Optional<String>> keepCurrent(Connection connection, Profile profile) {
    return secret -> {
      // The profile may have been edited or removed since: a session for the old address is not kept.
      Optional<Profile> now = settings().profile(profile.id());
      boolean stillHere = now.isPresent() && now.get().rememberMe() && now.get().service() == connection.service()
          && Objects.equals(origin(now.get().baseUrl()), origin(connection.baseUrl()));
      if (stillHere) {
        if (secret.isPresent()) {
          write(connection, profile, secret.get());
        } else {
          secrets.delete(profile.id());
        }
      } else if (now.isEmpty() || secrets.read(profile.id())
          .flatMap(stored -> unwrap(stored, connection.service(), origin(connection.baseUrl()))).isPresent()) {
        // Forget what this connection left; a session since remembered for the new address stays.
        secrets.delete(profile.id());
      }
    };
  }

  private void write(Connection connection, Profile profile, String secret) {
    try {
      secrets.write(profile.id(), wrap(connection.service(), origin(connection.baseUrl()), secret));
    } catch (RuntimeException refused) {
      LOG.log(Level.WARNING, "The keyring did not store the session of profile " + profile.name(), refused);
      // A stale entry would present a used refresh token next time, which ends every session.
      try {
        secrets.delete(profile.id());
      } catch (RuntimeException alsoRefused) {
        LOG.log(Level.FINE, "The keyring did not delete the stale session either", alsoRefused);
      }
      notices.accept(connection.service(), "Could not remember the session: the keyring is locked or refused"
          + " it. You are signed in for now; next time you will be asked to sign in again.");
    }
  }

  private static boolean sameBinding(Profile a, Profile b) {
    return a.service() == b.service() && Objects.equals(origin(a.baseUrl()), origin(b.baseUrl()));
  }

  /** The origin of a base URL ({@code https://host:443}), or null when it is no URL. */
  static String origin(String baseUrl) {
    HttpUrl url = baseUrl == null ? null : HttpUrl.parse(baseUrl);
    return url == null ? null : url.scheme() + "://" + url.host().toLowerCase(Locale.ROOT) + ":" + url.port();
  }

  static String wrap(Connection.Service service, String origin, String secret) {
    ObjectNode entry = Json.MAPPER.createObjectNode().put("format", ENTRY_FORMAT).put("service", service.name())
        .put("origin", origin).put("secret", secret);
    return entry.toString();
  }

  /** The secret of a keyring entry if it was kept for this service and origin; empty otherwise. */
  static Optional<String> unwrap(String stored, Connection.Service service, String origin) {
    if (origin == null || !stored.startsWith("{")) {
      return Optional.empty();
    }
    try {
      JsonNode entry = Json.MAPPER.readTree(stored);
      if (entry.path("format").asInt() == ENTRY_FORMAT && service.name().equals(entry.path("service").asText())
          && origin.equals(entry.path("origin").asText()) && entry.path("secret").isTextual()) {
        return Optional.of(entry.path("secret").asText());
      }
      return Optional.empty();
    } catch (java.io.IOException unreadable) {
      return Optional.empty();
    }
  }
}
