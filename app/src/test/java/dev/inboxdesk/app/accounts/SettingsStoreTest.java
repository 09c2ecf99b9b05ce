package dev.inboxdesk.app.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
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
}
