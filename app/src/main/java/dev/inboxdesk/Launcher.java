package dev.inboxdesk;

import dev.inboxdesk.app.shell.InboxDeskApp;
import dev.inboxdesk.cli.Cli;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The one entry point of {@code inboxdesk.jar} and the installed launcher. A plain class, not an
 * {@code Application}, so that JavaFX can start from the classpath and so that the command line
 * never touches the JavaFX toolkit.
 */
public final class Launcher {
  private static final String CLASSPATH_WARNING = "Unsupported JavaFX configuration";

  private Launcher() {
  }

  public static void main(String[] args) {
    if (Cli.wants(args)) {
      Charset console = Charset.defaultCharset();
      int code = Cli.run(args, new PrintWriter(new java.io.OutputStreamWriter(System.out, console), true),
          new PrintWriter(new java.io.OutputStreamWriter(System.err, console), true));
      System.exit(code);
    }
    quietClasspathWarning();
    InboxDeskApp.launchAndWait(java.util.List.of(args));
  }

  /**
   * {@code java -jar inboxdesk.jar} carries JavaFX on the class path, by design: one file that runs
   * on any JDK 17 or newer, with no module path to set up. JavaFX then logs once, at start, that it
   * was loaded from the unnamed module ("Unsupported JavaFX configuration"), through its
   * {@code javafx} logger. We know and test this configuration, so a user should not read it as a
   * fault on every start. The installers run JavaFX from the runtime's named modules, where the
   * message never arises. Only that one message is dropped, and only when JavaFX really is outside
   * the module layer; every other JavaFX warning still reaches the console and the log.
   */
  static void quietClasspathWarning() {
    if (ModuleLayer.boot().findModule("javafx.graphics").isPresent()) {
      return;
    }
    Logger javafx = JavaFxLog.LOGGER;
    Filter previous = javafx.getFilter();
    javafx.setFilter(record -> !isClasspathWarning(record) && (previous == null || previous.isLoggable(record)));
  }

  /**
   * Holds the {@code javafx} logger so that the filter stays on it (the logging system keeps loggers
   * only weakly); a class of its own so that a start from the installed runtime, which needs no
   * filter, does not start the logging system this early.
   */
  private static final class JavaFxLog {
    static final Logger LOGGER = Logger.getLogger("javafx");
  }

  static boolean isClasspathWarning(LogRecord record) {
    return record.getMessage() != null && record.getMessage().startsWith(CLASSPATH_WARNING);
  }
}
