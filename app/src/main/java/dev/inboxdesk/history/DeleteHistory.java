package dev.inboxdesk.history;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The local record of every delete InboxDesk sends, from the window and the command line alike:
 * deletes are permanent on the servers, so this is the one place a removed message's text can
 * still be found. One JSON object a line in {@code deleted.jsonl}, in the user's data folder,
 * readable by the user alone (0600 in a 0700 folder); entries older than the retention are
 * dropped when it is opened. Preferences (retention, keeping the text) sit beside it, so that
 * both ways of deleting follow them.
 */
public final class DeleteHistory {
  private static final Logger LOG = Logger.getLogger(DeleteHistory.class.getName());

  /** Made on first use: a start makes the history but reads or writes it only on the first delete. */
  private static final class Mapper {
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  /**
   * How long entries are kept and whether items' texts are.
   *
   * @param retentionDays entries older than this are dropped (1 to 3650)
   * @param keepText whether an item's text or title is recorded
   */
  public record Preferences(int retentionDays, boolean keepText) {
    public static final Preferences DEFAULTS = new Preferences(30, true);

    public Preferences {
      retentionDays = Math.max(1, Math.min(3650, retentionDays <= 0 ? 30 : retentionDays));
    }
  }

  private final Path folder;
  private final Clock clock;

  public DeleteHistory(Path folder, Clock clock) {
    this.folder = folder;
    this.clock = clock;
  }

  /** The platform's place: XDG data on Linux, Application Support on macOS, LOCALAPPDATA on Windows. */
  public static Path defaultFolder() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    Path home = Path.of(System.getProperty("user.home"));
    if (os.contains("win")) {
      String local = System.getenv("LOCALAPPDATA");
      return (local != null ? Path.of(local) : home).resolve("InboxDesk").resolve("history");
    }
    if (os.contains("mac")) {
      return home.resolve("Library").resolve("Application Support").resolve("InboxDesk").resolve("history");
    }
    String xdg = System.getenv("XDG_DATA_HOME");
    return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local").resolve("share"))
        .resolve("inboxdesk").resolve("history");
  }

  /** The history in the platform's place, on the system clock. */
  public static DeleteHistory standard() {
    return new DeleteHistory(defaultFolder(), Clock.systemUTC());
  }

  public Path file() {
    return folder.resolve("deleted.jsonl");
  }

  public synchronized Preferences preferences() {
    Path file = folder.resolve("preferences.json");
    if (!Files.isRegularFile(file)) {
      return Preferences.DEFAULTS;
    }
    try {
      return Mapper.JSON.readValue(file.toFile(), Preferences.class);
    } catch (IOException unreadable) {
      LOG.log(Level.WARNING, "Unreadable history preferences; using the defaults: " + unreadable.getMessage());
      return Preferences.DEFAULTS;
    }
  }

  public synchronized void setPreferences(Preferences preferences) {
    try {
      writePrivately(folder.resolve("preferences.json"), Mapper.JSON.writeValueAsBytes(preferences), false);
      if (!preferences.keepText()) {
        rewrite(read().stream().map(DeleteRecord::withoutText).toList());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Adds one record (its text dropped when "keep the text" is off); a failure to write is logged, never thrown. */
  public synchronized void append(DeleteRecord record) {
    DeleteRecord kept = preferences().keepText() ? record : record.withoutText();
    try {
      byte[] line = (Mapper.JSON.writeValueAsString(kept) + "\n").getBytes(StandardCharsets.UTF_8);
      writePrivately(file(), line, true);
    } catch (IOException unwritable) {
      LOG.log(Level.WARNING, "Could not record a delete: " + unwritable.getMessage());
    }
  }

  /** Every record kept, oldest first; entries past the retention are dropped on the way. */
  public synchronized List<DeleteRecord> read() {
    if (!Files.isRegularFile(file())) {
      return List.of();
    }
    List<DeleteRecord> records = new ArrayList<>();
    java.time.Instant oldest = clock.instant().minus(Duration.ofDays(preferences().retentionDays()));
    boolean dropped = false;
    try {
      for (String line : Files.readAllLines(file(), StandardCharsets.UTF_8)) {
        if (line.isBlank()) {
          continue;
        }
        try {
          DeleteRecord record = Mapper.JSON.readValue(line, DeleteRecord.class);
          if (record.at().isBefore(oldest)) {
            dropped = true;
          } else {
            records.add(record);
          }
        } catch (IOException | RuntimeException damaged) {
          // One damaged line (a crash mid-write) must not hide the others.
          LOG.log(Level.WARNING, "Skipping an unreadable history line");
        }
      }
      if (dropped) {
        rewrite(records);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return records;
  }

  /** Forgets the records {@code which} selects; returns how many. */
  public synchronized int forget(Predicate<DeleteRecord> which) {
    List<DeleteRecord> all = read();
    List<DeleteRecord> kept = all.stream().filter(which.negate()).toList();
    try {
      rewrite(kept);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return all.size() - kept.size();
  }

  private void rewrite(List<DeleteRecord> records) throws IOException {
    StringBuilder text = new StringBuilder();
    for (DeleteRecord record : records) {
      text.append(Mapper.JSON.writeValueAsString(record)).append('\n');
    }
    writePrivately(file(), text.toString().getBytes(StandardCharsets.UTF_8), false);
  }

  /** Writes or appends, creating the folder (0700) and the file (0600) for the user alone. */
  private void writePrivately(Path file, byte[] bytes, boolean append) throws IOException {
    if (!Files.isDirectory(folder)) {
      Files.createDirectories(folder);
      restrict(folder, "rwx------");
    }
    boolean fresh = !Files.exists(file);
    if (append) {
      Files.write(file, bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    } else {
      Path temporary = Files.createTempFile(folder, file.getFileName().toString(), ".tmp");
      restrict(temporary, "rw-------");
      Files.write(temporary, bytes);
      Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
    if (fresh) {
      restrict(file, "rw-------");
    }
  }

  private static void restrict(Path path, String permissions) throws IOException {
    if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
    }
  }
}
