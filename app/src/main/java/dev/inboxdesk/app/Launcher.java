package dev.inboxdesk.app;

import java.io.PrintStream;
import java.util.List;

/**
 * The one entry point of {@code inboxdesk.jar} and the installed launcher. A plain class, not an
 * {@code Application}, so that JavaFX can start from the classpath and so that the command-line
 * paths never touch the JavaFX toolkit.
 */
public final class Launcher {
  private Launcher() {
  }

  public static void main(String[] args) {
    System.exit(run(List.of(args), System.out));
  }

  /** Runs what the arguments ask for; returns the process exit code. */
  static int run(List<String> args, PrintStream out) {
    if (args.contains("--version")) {
      out.println("InboxDesk " + AppInfo.version());
      return 0;
    }
    if (args.contains("--help") || args.contains("-h")) {
      out.println("""
          Usage: inboxdesk [--version | --help]

          Without arguments, opens the InboxDesk desktop app.

            --version   print the version and exit
            --help      print this help and exit""");
      return 0;
    }
    InboxDeskApp.launchAndWait(args);
    return 0;
  }
}
