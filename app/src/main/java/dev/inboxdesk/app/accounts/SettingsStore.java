package dev.inboxdesk.app.accounts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;

/**
 * Reads and writes {@code settings.json} in the platform's config folder. A file it cannot read,
 * or one from a newer InboxDesk, is reported and copied aside, never overwritten blindly: a newer
 * file is left untouched and this run keeps its changes in memory.
 *
 * <p>The file is the user's alone: written {@code 0600} in a {@code 0700} folder where the file
 * system has POSIX permissions (on Windows the user's profile folder is already private). A save
 * writes a fresh temporary file in the same folder (made private from the start, with a name no
 * one can plant beforehand), forces it to disk, then moves it over the old one, so a crash leaves
 * either the old settings or the new. A file over {@link #MAX_BYTES} is not read: it is kept aside
 * and the defaults are used. A symbolic link at the settings' place (dotfile managers make them) is
 * followed on purpose: the link stays and the file it points to is replaced, in its own folder.
 */
public final class SettingsStore {
  /**
   * The settings' JSON mapper, made when a file is first read or written: a first start, with no
   * file yet, need not load data binding's classes.
   */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  /** Larger settings files are refused: real ones are a few kilobytes. */
  public static final long MAX_BYTES = 1024 * 1024;
  private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> OWNER_FOLDER = PosixFilePermissions.fromString("rwx------");

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
    long size;
    try {
      size = Files.size(file);
    } catch (IOException unreadable) {
      size = 0;
    }
    if (size > MAX_BYTES) {
      Path backup = backUp("too-large");
      return new Loaded(Settings.defaults(), "The settings file is too large to be InboxDesk's (" + (size / 1024)
          + " KB). It was kept as " + backup.getFileName() + "; InboxDesk starts with default settings.", backup);
    }
    JsonNode tree;
    try {
      tree = Json.MAPPER.readTree(file.toFile());
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
      Settings settings = Json.MAPPER.treeToValue(tree, Settings.class);
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

  /**
   * Writes atomically (a private temporary file, forced to disk, moved into place); does nothing
   * in read-only mode. Through a symbolic link, the file it points to is replaced.
   */
  public void save(Settings settings) {
    if (readOnly || file == null) {
      return;
    }
    Path temp = null;
    try {
      Path own = file.toAbsolutePath();
      createPrivateFolder(own.getParent());
      Path target = target(own);
      Path folder = target.getParent();
      Files.createDirectories(folder);
      byte[] bytes = Json.MAPPER.writeValueAsBytes(settings);
      temp = POSIX ? Files.createTempFile(folder, ".settings-", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_FILE))
          : Files.createTempFile(folder, ".settings-", ".tmp");
      try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          out.write(buffer);
        }
        out.force(true);
      }
      try {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException notAtomic) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      temp = null;
      forceFolder(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("The settings could not be saved to " + file, e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // Nothing more to do: the old settings are intact.
        }
      }
    }
  }

  /** Where the settings really are: the file itself, or the end of its chain of symbolic links. */
  private static Path target(Path own) throws IOException {
    Path target = own;
    for (int hops = 0; Files.isSymbolicLink(target); hops++) {
      if (hops == 20) {
        throw new IOException("too many symbolic links at " + own);
      }
      target = target.getParent().resolve(Files.readSymbolicLink(target)).normalize();
    }
    return target;
  }

  /** The settings' own folder: made, or kept, {@code 0700}. */
  private static void createPrivateFolder(Path folder) throws IOException {
    if (!POSIX) {
      Files.createDirectories(folder);
      return;
    }
    if (!Files.isDirectory(folder)) {
      Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(OWNER_FOLDER));
    }
    if (!Files.isSymbolicLink(folder) && !Files.getPosixFilePermissions(folder).equals(OWNER_FOLDER)) {
      Files.setPosixFilePermissions(folder, OWNER_FOLDER);
    }
  }

  /** Forces the folder's entry for the moved file to disk too, where the platform allows it. */
  private static void forceFolder(Path folder) {
    if (!POSIX) {
      return;
    }
    try (FileChannel directory = FileChannel.open(folder, StandardOpenOption.READ)) {
      directory.force(true);
    } catch (IOException | UnsupportedOperationException notSupported) {
      // Some file systems cannot sync a folder; the file itself is on disk.
    }
  }

  private Path backUp(String why) {
    String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(clock.getZone()).format(clock.instant());
    Path backup = file.resolveSibling(file.getFileName() + "." + why + "-" + stamp);
    try {
      Files.copy(file, backup, StandardCopyOption.REPLACE_EXISTING);
      if (POSIX) {
        Files.setPosixFilePermissions(backup, OWNER_FILE);
      }
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
