package dev.inboxdesk.app.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {
  @TempDir
  Path folder;
  final Clock clock = Clock.fixed(Instant.parse("2026-05-12T10:00:00Z"), ZoneOffset.UTC);

  private SettingsStore store() {
    return new SettingsStore(folder.resolve("settings.json"), clock);
  }

  @Test
  void profilesAndPreferencesSurviveARoundTrip() {
    Profile staging = Profile.create("Staging", Connection.Service.NOTIFICATIONS, "https://api.example.com/api/v1")
        .withAccount("ada@example.com").withRememberMe(true);
    Settings saved = Settings.defaults().withProfile(staging).using(Connection.Service.NOTIFICATIONS, staging.id())
        .withPreferences(10, true, "DARK");

    store().save(saved);
    SettingsStore.Loaded loaded = store().load();

    assertThat(loaded.problem()).isNull();
    assertThat(loaded.settings()).isEqualTo(saved);
    assertThat(loaded.settings().lastUsed(Connection.Service.NOTIFICATIONS)).contains(staging);
  }

  @Test
  void theFileIsReadableJsonWithAVersion() throws Exception {
    store().save(Settings.defaults().withProfile(Profile.create("Prod", Connection.Service.MESSAGES,
        "https://example.app")));

    String text = Files.readString(folder.resolve("settings.json"));

    assertThat(text).contains("\"version\" : 1", "\"baseUrl\" : \"https://example.app\"").contains("\n");
  }

  @Test
  void noFileMeansDefaults() {
    SettingsStore.Loaded loaded = store().load();

    assertThat(loaded.settings()).isEqualTo(Settings.defaults());
    assertThat(loaded.problem()).isNull();
  }

  @Test
  void aCorruptFileIsReportedAndBackedUpBeforeAnythingIsWritten() throws Exception {
    Path file = folder.resolve("settings.json");
    Files.writeString(file, "{\"version\": 1, \"profiles\": [ oops", StandardCharsets.UTF_8);

    SettingsStore store = store();
    SettingsStore.Loaded loaded = store.load();

    assertThat(loaded.problem()).contains("could not be read", loaded.backup().getFileName().toString());
    assertThat(loaded.settings()).isEqualTo(Settings.defaults());
    assertThat(Files.readString(loaded.backup())).isEqualTo("{\"version\": 1, \"profiles\": [ oops");
    store.save(Settings.defaults());
    assertThat(store().load().problem()).isNull();
    assertThat(Files.readString(loaded.backup())).startsWith("{\"version\": 1, \"profiles\": [ oops");
  }

  @Test
  void validJsonOfTheWrongShapeIsReportedToo() throws Exception {
    Files.writeString(folder.resolve("settings.json"), "[1, 2, 3]");

    SettingsStore.Loaded loaded = store().load();

    assertThat(loaded.problem()).isNotNull();
    assertThat(loaded.backup()).exists();
  }

  @Test
  void aFileFromANewerVersionIsLeftUntouched() throws Exception {
    Path file = folder.resolve("settings.json");
    String newer = "{\"version\": 7, \"profiles\": [], \"somethingNew\": true}";
    Files.writeString(file, newer);

    SettingsStore store = store();
    SettingsStore.Loaded loaded = store.load();
    store.save(Settings.defaults().withPreferences(30, true, "DARK"));

    assertThat(loaded.problem()).contains("newer InboxDesk");
    assertThat(store.readOnly()).isTrue();
    assertThat(Files.readString(file)).isEqualTo(newer);
    assertThat(loaded.backup()).exists();
  }

  private static void assumePosix() {
    Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
        "POSIX permissions (Windows keeps the profile folder private)");
  }

  private static String permissions(Path path) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
  }

  @Test
  void theSettingsAreOnlyTheUsersOwn() throws Exception {
    assumePosix();
    Path file = folder.resolve("inboxdesk").resolve("settings.json");
    SettingsStore store = new SettingsStore(file, clock);

    store.save(Settings.defaults());

    assertThat(permissions(file)).isEqualTo("rw-------");
    assertThat(permissions(file.getParent())).isEqualTo("rwx------");
  }

  @Test
  void aSettingsFileOthersCouldReadIsMadePrivateWhenSaved() throws Exception {
    assumePosix();
    Path file = folder.resolve("settings.json");
    Files.writeString(file, "{\"version\": 1}");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    store().save(Settings.defaults().withPreferences(10, true, "DARK"));

    assertThat(permissions(file)).isEqualTo("rw-------");
  }

  @Test
  void anOversizedSettingsFileIsRefusedAndKeptAside() throws Exception {
    Path file = folder.resolve("settings.json");
    String huge = "{\"version\": 1, \"theme\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}";
    Files.writeString(file, huge);

    SettingsStore.Loaded loaded = store().load();

    assertThat(loaded.problem()).contains("too large", loaded.backup().getFileName().toString());
    assertThat(loaded.settings()).isEqualTo(Settings.defaults());
    assertThat(Files.size(loaded.backup())).isEqualTo(huge.length());
  }

  @Test
  void aSymlinkedSettingsFileIsWrittenThroughToItsTarget() throws Exception {
    Path dotfiles = Files.createDirectories(folder.resolve("dotfiles"));
    Path target = dotfiles.resolve("inboxdesk-settings.json");
    Files.writeString(target, "{\"version\": 1}");
    Path link = Files.createSymbolicLink(folder.resolve("settings.json"), target);

    store().save(Settings.defaults().withPreferences(30, true, "DARK"));

    assertThat(Files.isSymbolicLink(link)).as("the link stays a link").isTrue();
    assertThat(Files.readString(target)).contains("\"theme\" : \"DARK\"");
    assertThat(store().load().settings().undoWindowSeconds()).isEqualTo(30);
  }

  @Test
  void aPlantedTemporaryFileIsNeverWrittenThrough() throws Exception {
    Path victim = folder.resolve("victim.txt");
    Files.writeString(victim, "precious");
    Files.createSymbolicLink(folder.resolve("settings.json.tmp"), victim);

    store().save(Settings.defaults());

    assertThat(Files.readString(victim)).isEqualTo("precious");
    assertThat(store().load().problem()).isNull();
  }
}
