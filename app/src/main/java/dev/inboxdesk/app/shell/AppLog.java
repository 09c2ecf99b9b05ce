package dev.inboxdesk.app.shell;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.logging.StreamHandler;

/**
 * The log file in the user's data folder. Never holds secrets: the client masks them first. Only
 * the user can read it: the files are {@code 0600} in a {@code 0700} folder where the file system
 * has POSIX permissions (on Windows the user's profile folder is already private), from the first
 * line to the last rotation.
 */
public final class AppLog {
  private static final Logger LOG = Logger.getLogger("dev.inboxdesk");
  private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> OWNER_FOLDER = PosixFilePermissions.fromString("rwx------");

  private AppLog() {
  }

  /** Where logs go: XDG data on Linux, Application Support on macOS, LOCALAPPDATA on Windows. */
  public static Path directory() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    Path home = Path.of(System.getProperty("user.home"));
    if (os.contains("win")) {
      String local = System.getenv("LOCALAPPDATA");
      return (local != null ? Path.of(local) : home).resolve("InboxDesk").resolve("logs");
    }
    if (os.contains("mac")) {
      return home.resolve("Library").resolve("Logs").resolve("InboxDesk");
    }
    String xdg = System.getenv("XDG_DATA_HOME");
    return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local").resolve("share"))
        .resolve("inboxdesk").resolve("logs");
  }

  /** Starts writing {@code inboxdesk0.log} (rotating, 1 MB x 3); returns its folder, or null if it cannot. */
  public static Path install() {
    return install(directory());
  }

  /** The same, into {@code directory} (a smoke run's temporary configuration, say). */
  public static Path install(Path directory) {
    return install(directory, 1_000_000, 3);
  }

  static Path install(Path directory, long limit, int count) {
    System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tF %1$tT %4$-7s %3$s: %5$s%6$s%n");
    try {
      PrivateLogFile file = new PrivateLogFile(directory, limit, count);
      file.setFormatter(new SimpleFormatter());
      file.setLevel(Level.ALL);
      LOG.addHandler(file);
      LOG.setLevel(Level.INFO);
      return directory;
    } catch (IOException | SecurityException unwritable) {
      LOG.log(Level.WARNING, "No log file: " + unwritable.getMessage());
      return null;
    }
  }

  /**
   * {@code inboxdesk0.log} and its rotations {@code inboxdesk1.log} … made private when created.
   * (The JDK's FileHandler creates its files with the process's umask, readable by everyone.)
   */
  static final class PrivateLogFile extends StreamHandler {
    private final Path directory;
    private final long limit;
    private final int count;
    private long written;

    PrivateLogFile(Path directory, long limit, int count) throws IOException {
      this.directory = directory;
      this.limit = limit;
      this.count = Math.max(1, count);
      if (POSIX) {
        if (!Files.isDirectory(directory)) {
          Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_FOLDER));
        }
        Files.setPosixFilePermissions(directory, OWNER_FOLDER);
        // Files of earlier versions were readable by everyone.
        try (DirectoryStream<Path> old = Files.newDirectoryStream(directory, "inboxdesk*.log*")) {
          for (Path file : old) {
            if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
              Files.setPosixFilePermissions(file, OWNER_FILE);
            }
          }
        }
      } else {
        Files.createDirectories(directory);
      }
      open();
    }

    private Path file(int generation) {
      return directory.resolve("inboxdesk" + generation + ".log");
    }

    private void open() throws IOException {
      Path current = file(0);
      if (POSIX && !Files.exists(current, LinkOption.NOFOLLOW_LINKS)) {
        Files.createFile(current, PosixFilePermissions.asFileAttribute(OWNER_FILE));
      }
      // Never through a link someone left at the log's place.
      OutputStream out = Files.newOutputStream(current, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
          StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
      written = Files.size(current);
      setOutputStream(new FilterOutputStream(out) {
        @Override
        public void write(int b) throws IOException {
          out.write(b);
          written++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          out.write(b, off, len);
          written += len;
        }
      });
    }

    @Override
    public synchronized void publish(LogRecord record) {
      super.publish(record);
      flush();
      if (written >= limit) {
        rotate();
      }
    }

    private void rotate() {
      try {
        setOutputStream(OutputStream.nullOutputStream());
        for (int generation = count - 1; generation > 0; generation--) {
          Path older = file(generation - 1);
          if (Files.exists(older, LinkOption.NOFOLLOW_LINKS)) {
            Files.move(older, file(generation), StandardCopyOption.REPLACE_EXISTING);
          }
        }
        Files.deleteIfExists(file(0));
        open();
      } catch (IOException | SecurityException e) {
        reportError("The log file could not be rotated", e, java.util.logging.ErrorManager.WRITE_FAILURE);
      }
    }
  }
}
