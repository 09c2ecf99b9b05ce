package dev.inboxdesk;

import dev.inboxdesk.app.shell.InboxDeskApp;
import dev.inboxdesk.cli.Cli;
import java.io.PrintWriter;
import java.nio.charset.Charset;

/**
 * The one entry point of {@code inboxdesk.jar} and the installed launcher. A plain class, not an
 * {@code Application}, so that JavaFX can start from the classpath and so that the command line
 * never touches the JavaFX toolkit.
 */
public final class Launcher {
  private Launcher() {
  }

  public static void main(String[] args) {
    if (Cli.wants(args)) {
      Charset console = Charset.defaultCharset();
      int code = Cli.run(args, new PrintWriter(new java.io.OutputStreamWriter(System.out, console), true),
          new PrintWriter(new java.io.OutputStreamWriter(System.err, console), true));
      System.exit(code);
    }
    InboxDeskApp.launchAndWait(java.util.List.of(args));
  }
}
