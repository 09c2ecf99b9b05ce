package dev.inboxdesk.app.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.logging.FileHandler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** The log file in the user's data folder. Never holds secrets: the client masks them first. */
public final class AppLog {
  private static final Logger LOG = Logger.getLogger("dev.inboxdesk");

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

  /** Starts writing {@code inboxdesk.log} (rotating, 1 MB x 3); returns its folder, or null if it cannot. */
  public static Path install() {
    return install(directory());
  }

  /** The same, into {@code directory}. */
  public static Path install(Path directory) {
    System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tF %1$tT %4$-7s %3$s: %5$s%6$s%n");
    try {
      Files.createDirectories(directory);
      FileHandler file = new FileHandler(directory.resolve("inboxdesk%g.log").toString(), 1_000_000, 3, true);
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
}
