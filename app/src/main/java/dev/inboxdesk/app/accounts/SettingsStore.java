package dev.inboxdesk.app.accounts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Reads and writes {@code settings.json} in the platform's config folder. A file it cannot read,
 * or one from a newer InboxDesk, is reported and copied aside, never overwritten blindly: a newer
 * file is left untouched and this run keeps its changes in memory.
 */
public final class SettingsStore {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final Path file;
  private final Clock clock;
  private boolean readOnly;

  /** What loading found. */
  public record Loaded(Settings settings, String problem, Path backup) {
  }

  public SettingsStore(Path file, Clock clock) {
    this.file = file;
    this.clock = clock;
  }

  /** A store that keeps nothing between runs: for the smoke test and for tests. */
  public static SettingsStore inMemory() {
    return new SettingsStore(null, Clock.systemUTC());
  }

  /** The platform's place: XDG config on Linux, Application Support on macOS, APPDATA on Windows. */
  public static Path defaultFile() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    Path home = Path.of(System.getProperty("user.home"));
    Path folder;
    if (os.contains("win")) {
      String appData = System.getenv("APPDATA");
      folder = (appData != null ? Path.of(appData) : home).resolve("InboxDesk");
    } else if (os.contains("mac")) {
      folder = home.resolve("Library").resolve("Application Support").resolve("InboxDesk");
    } else {
      String xdg = System.getenv("XDG_CONFIG_HOME");
      folder = (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".config")).resolve("inboxdesk");
    }
    return folder.resolve("settings.json");
  }

  public Path file() {
    return file;
  }

  /** True when this run must not write (the file is from a newer InboxDesk). */
  public boolean readOnly() {
    return readOnly;
  }

  public Loaded load() {
    if (file == null || !Files.exists(file)) {
      return new Loaded(Settings.defaults(), null, null);
    }
    JsonNode tree;
    try {
      tree = JSON.readTree(file.toFile());
    } catch (IOException unreadable) {
      Path backup = backUp("corrupt");
      return new Loaded(Settings.defaults(), "The settings file could not be read (" + shortReason(unreadable)
          + "). It was kept as " + backup.getFileName() + "; InboxDesk starts with default settings.", backup);
    }
    int version = tree == null ? 0 : tree.path("version").asInt(0);
    if (version > Settings.CURRENT_VERSION) {
      readOnly = true;
      Path backup = backUp("newer");
      return new Loaded(Settings.defaults(), "The settings file was written by a newer InboxDesk (format " + version
          + "). It is left untouched (a copy is " + backup.getFileName() + "); changes made now are not saved.",
          backup);
    }
    try {
      Settings settings = JSON.treeToValue(tree, Settings.class);
      if (settings == null || version < 1) {
        throw new IllegalArgumentException("no version field");
      }
      return new Loaded(settings, null, null);
    } catch (JsonProcessingException | IllegalArgumentException | NullPointerException wrongShape) {
      Path backup = backUp("corrupt");
      return new Loaded(Settings.defaults(), "The settings file has fields InboxDesk does not understand. It was"
          + " kept as " + backup.getFileName() + "; InboxDesk starts with default settings.", backup);
    }
  }

  /** Writes atomically (a temporary file moved into place); does nothing in read-only mode. */
  public void save(Settings settings) {
    if (readOnly || file == null) {
      return;
    }
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path temp = file.resolveSibling(file.getFileName() + ".tmp");
      JSON.writeValue(temp.toFile(), settings);
      try {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException notAtomic) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("The settings could not be saved to " + file, e);
    }
  }

  private Path backUp(String why) {
    String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(clock.getZone()).format(clock.instant());
    Path backup = file.resolveSibling(file.getFileName() + "." + why + "-" + stamp);
    try {
      Files.copy(file, backup, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("The settings file could not be backed up", e);
    }
    return backup;
  }

  private static String shortReason(IOException e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int newline = message.indexOf('\n');
    return newline > 0 ? message.substring(0, newline) : message;
  }
}
