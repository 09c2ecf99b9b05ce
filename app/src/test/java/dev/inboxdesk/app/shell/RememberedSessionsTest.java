package dev.inboxdesk.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.inboxdesk.app.accounts.Accounts;
import dev.inboxdesk.app.accounts.Connection;
import dev.inboxdesk.app.accounts.Profile;
import dev.inboxdesk.app.accounts.SecretStore;
import dev.inboxdesk.app.accounts.SettingsStore;
import dev.inboxdesk.app.common.Problem;
import dev.inboxdesk.app.list.ItemRow;
import dev.inboxdesk.app.list.LoadState;
import dev.inboxdesk.app.list.ManualScheduler;
import dev.inboxdesk.sandbox.FaultSettings;
import dev.inboxdesk.sandbox.Sandbox;
import dev.inboxdesk.sandbox.SandboxOptions;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.logging.StreamHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Remember me" from sign-in to restart, against a standalone sandbox standing in for real servers:
 * the session lives in the keyring, never in the settings file or the log.
 */
class RememberedSessionsTest {
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir
  Path folder;
  final ManualScheduler ui = new ManualScheduler();
  final Keyring keyring = new Keyring();
  final ByteArrayOutputStream log = new ByteArrayOutputStream();
  StreamHandler logHandler;
  Sandbox server;
  Profile messages;
  Profile notifications;

  /** A keyring that outlives an app run, as the OS one does. */
  static final class Keyring implements SecretStore {
    final Map<String, String> entries = new ConcurrentHashMap<>();

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
      return Optional.ofNullable(entries.get(key));
    }

    @Override
    public void write(String key, String secret) {
      entries.put(key, secret);
    }

    @Override
    public void delete(String key) {
      entries.remove(key);
    }
  }

  @BeforeEach
  void setUp() {
    server = Sandbox.start(SandboxOptions.defaults().withSize(20));
    messages = Profile.create("Staging", Connection.Service.MESSAGES, server.messagesUrl());
    notifications = Profile.create("Staging API", Connection.Service.NOTIFICATIONS, server.notificationsUrl());
    accounts().update(s -> s.withProfile(messages).withProfile(notifications)
        .using(Connection.Service.MESSAGES, messages.id()).using(Connection.Service.NOTIFICATIONS, notifications.id()));
    Logger root = Logger.getLogger("");
    logHandler = new StreamHandler(log, new SimpleFormatter());
    logHandler.setLevel(Level.ALL);
    root.addHandler(logHandler);
    Logger.getLogger("dev.inboxdesk").setLevel(Level.ALL);
  }

  @AfterEach
  void tearDown() {
    Logger.getLogger("").removeHandler(logHandler);
    Logger.getLogger("dev.inboxdesk").setLevel(Level.INFO);
    server.close();
  }

  /** The secret in a profile's keyring entry, which also names the origin and service it is for. */
  private String secretOf(Profile profile) {
    try {
      JsonNode entry = JSON.readTree(keyring.entries.get(profile.id()));
      assertThat(entry.path("service").asText()).isEqualTo(profile.service().name());
      assertThat(entry.path("origin").asText()).isEqualTo("http://127.0.0.1:" + server.port());
      return entry.path("secret").asText();
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  private Accounts accounts() {
    return new Accounts(new SettingsStore(folder.resolve("settings.json"), Clock.systemUTC()), keyring);
  }

  private AppContext run() {
    AppContext app = AppContext.open(accounts(), SandboxOptions.defaults(), ui, Runnable::run, Locale.ENGLISH,
        new dev.inboxdesk.history.DeleteHistory(folder.resolve("history"), Clock.systemUTC()));
    app.start();
    return app;
  }

  private static void signIn(AppContext app, Connection.Service service, boolean remember) {
    app.model().signIn(service, "ada@example.com", "ada-demo", remember).join();
  }

  @Test
  void signedInWithRememberMeTheAppIsStillSignedInAfterARestart() throws Exception {
    try (AppContext first = run()) {
      assertThat(first.model().connection(Connection.Service.MESSAGES).signedIn()).isFalse();
      assertThat(first.model().inbox().loadStateProperty().get()).isEqualTo(LoadState.IDLE);
      signIn(first, Connection.Service.MESSAGES, true);
      signIn(first, Connection.Service.NOTIFICATIONS, true);
      assertThat(first.model().inbox().allRows()).hasSize(20);
    }
    assertThat(keyring.entries).containsOnlyKeys(messages.id(), notifications.id());

    try (AppContext second = run()) {
      assertThat(second.model().connection(Connection.Service.MESSAGES).signedIn()).isTrue();
      assertThat(second.model().connection(Connection.Service.NOTIFICATIONS).signedIn()).isTrue();
      assertThat(second.model().inbox().allRows()).hasSize(20);
      assertThat(second.model().notifications().allRows()).hasSize(20);
      assertThat(second.model().messagesAccountProperty().get()).isEqualTo("ada@example.com");
    }

    String settings = Files.readString(folder.resolve("settings.json"));
    logHandler.flush();
    String logged = log.toString(StandardCharsets.UTF_8);
    for (String secret : keyring.entries.values()) {
      assertThat(settings).doesNotContain(secret);
      assertThat(logged).doesNotContain(secret);
    }
    assertThat(settings).doesNotContain("ada-demo").contains("\"rememberMe\" : true", "ada@example.com");
    assertThat(logged).doesNotContain("ada-demo");
  }

  @Test
  void withoutRememberMeNothingIsKeptAndARestartAsksAgain() {
    try (AppContext first = run()) {
      signIn(first, Connection.Service.MESSAGES, false);
    }
    assertThat(keyring.entries).isEmpty();

    try (AppContext second = run()) {
      assertThat(second.model().connection(Connection.Service.MESSAGES).signedIn()).isFalse();
    }
  }

  @Test
  void theKeyringFollowsTheRotatingRefreshToken() {
    try (AppContext app = run()) {
      signIn(app, Connection.Service.NOTIFICATIONS, true);
      String first = secretOf(notifications);

      app.model().connection(Connection.Service.NOTIFICATIONS).restore(first, "ada@example.com");

      assertThat(secretOf(notifications)).isNotEqualTo(first).isNotBlank();
    }
  }

  @Test
  void aReusedRefreshTokenAsksForASignInAndKeepsThePendingDelete() throws Exception {
    try (AppContext app = run()) {
      signIn(app, Connection.Service.NOTIFICATIONS, true);
      var list = app.model().notifications();
      ItemRow victim = list.visibleRows().get(0);
      // Someone else uses the same refresh token first: the app's copy is now a reused one.
      String stolen = secretOf(notifications);
      HttpResponse<String> theft = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create(server.notificationsUrl() + "/auth/refresh")).header("Cookie", "biore_refresh=" + stolen)
          .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(theft.statusCode()).isEqualTo(200);
      server.faults().set(new FaultSettings(0, 0, 500, 0, false, 0, 0, 0, 1, 3, "notifications"));
      list.undoWindowSecondsProperty().set(0);

      list.delete(List.of(victim));

      Problem problem = list.signInProblemProperty().get();
      assertThat(problem).isNotNull();
      assertThat(problem.action()).isEqualTo(Problem.Action.SIGN_IN);
      assertThat(list.visibleRows()).contains(victim);

      signIn(app, Connection.Service.NOTIFICATIONS, true);

      assertThat(list.allRows()).extracting(ItemRow::id).doesNotContain(victim.id());
      assertThat(list.signInProblemProperty().get()).isNull();
    }
  }

  @Test
  void signingOutForgetsTheRememberedSession() {
    try (AppContext app = run()) {
      signIn(app, Connection.Service.MESSAGES, true);
      assertThat(keyring.entries).containsKey(messages.id());

      app.model().signOut(Connection.Service.MESSAGES).join();

      assertThat(keyring.entries).doesNotContainKey(messages.id());
      assertThat(app.model().connection(Connection.Service.MESSAGES).signedIn()).isFalse();
    }
  }

  @Test
  void aRememberedSessionThatEndedAsksForASignIn() {
    try (AppContext first = run()) {
      signIn(first, Connection.Service.MESSAGES, true);
    }
    keyring.entries.put(messages.id(), JSON.createObjectNode().put("format", 1).put("service", "MESSAGES")
        .put("origin", server.messagesUrl()).put("secret", "expired-session-token").toString());

    try (AppContext second = run()) {
      assertThat(second.model().connection(Connection.Service.MESSAGES).signedIn()).isFalse();
      assertThat(second.model().inbox().signInProblemProperty().get()).isNotNull();
    }
  }

  @Test
  void switchingToTheSandboxAndBackIsOneStepEach() {
    try (AppContext app = run()) {
      signIn(app, Connection.Service.MESSAGES, true);

      app.model().use(Connection.Service.MESSAGES, null).join();
      assertThat(app.model().connection(Connection.Service.MESSAGES).sandbox()).isTrue();
      app.signInDemoAccount(Connection.Service.MESSAGES);
      assertThat(app.model().inbox().allRows()).hasSize(SandboxOptions.defaults().size());

      app.model().use(Connection.Service.MESSAGES, app.model().accounts().settings().profile(messages.id())
          .orElseThrow()).join();
      assertThat(app.model().connection(Connection.Service.MESSAGES).signedIn()).isTrue();
      assertThat(app.model().inbox().allRows()).hasSize(20);
    }
  }

  @Test
  void aRememberedSessionDoesNotFollowItsConnectionToAnotherServer() {
    try (AppContext first = run()) {
      signIn(first, Connection.Service.MESSAGES, true);
      signIn(first, Connection.Service.NOTIFICATIONS, true);
    }
    assertThat(keyring.entries).containsOnlyKeys(messages.id(), notifications.id());
    try (Sandbox other = Sandbox.start(SandboxOptions.defaults().withSize(5))) {
      // The user edits both connections' addresses to another server, as the connections dialog saves them.
      Profile movedMessages = new Profile(messages.id(), messages.name(), messages.service(), other.messagesUrl(),
          "ada@example.com", false, true);
      Profile movedNotifications = new Profile(notifications.id(), notifications.name(), notifications.service(),
          other.notificationsUrl(), "ada@example.com", false, true);
      accounts().update(s -> s.withProfile(movedMessages).withProfile(movedNotifications));

      try (AppContext second = run()) {
        assertThat(second.model().connection(Connection.Service.MESSAGES).baseUrl()).isEqualTo(other.messagesUrl());
        assertThat(second.model().connection(Connection.Service.MESSAGES).signedIn()).isFalse();
        assertThat(second.model().connection(Connection.Service.NOTIFICATIONS).signedIn()).isFalse();
      }

      assertThat(other.requestCount()).as("requests the other server saw").isZero();
      assertThat(keyring.entries).isEmpty();
    }
  }

  @Test
  void aKeyringThatRefusesToStoreIsSaidInTheWindow() {
    SecretStore locked = new SecretStore() {
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
        return Optional.empty();
      }

      @Override
      public void write(String key, String secret) {
        // What java-keyring does on a locked Secret Service collection.
        throw new NullPointerException();
      }

      @Override
      public void delete(String key) {
      }
    };
    Accounts withLockedKeyring = new Accounts(new SettingsStore(folder.resolve("settings.json"), Clock.systemUTC()),
        locked);
    try (AppContext app = AppContext.open(withLockedKeyring, SandboxOptions.defaults(), ui, Runnable::run,
        Locale.ENGLISH, new dev.inboxdesk.history.DeleteHistory(folder.resolve("history"), Clock.systemUTC()))) {
      app.start();

      signIn(app, Connection.Service.MESSAGES, true);

      assertThat(app.model().connection(Connection.Service.MESSAGES).signedIn()).isTrue();
      assertThat(app.model().inbox().noticeProperty().get())
          .contains("Could not remember the session", "keyring is locked");
    }
  }

  @Test
  void plainHttpToAnotherMachineIsRefusedBeforeAnythingIsSent() {
    Profile remote = Profile.create("Remote", Connection.Service.NOTIFICATIONS, "http://staging.invalid/api/v1");
    try (AppContext app = run()) {
      app.model().use(Connection.Service.NOTIFICATIONS, remote).join();

      var failed = app.model().signIn(Connection.Service.NOTIFICATIONS, "ada@example.com", "ada-demo", false);

      assertThat(failed).isCompletedExceptionally();
      assertThat(failed.handle((ok, error) -> error.getCause().getMessage()).join()).contains("plain http");
    }
  }
}
