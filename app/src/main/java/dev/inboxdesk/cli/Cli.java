package dev.inboxdesk.cli;

import dev.inboxdesk.app.AppInfo;
import java.io.PrintWriter;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code inboxdesk <command>}: everything the jar does besides opening the window. */
@Command(name = "inboxdesk", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
    description = "See and delete anonymous messages and notifications. Without a command, opens the desktop app.",
    subcommands = {SandboxCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success", "2:usage error"})
public final class Cli {
  private static final Set<String> ENTRY_WORDS = Set.of("sandbox", "--version", "-V", "--help", "-h", "help");

  /** True when the arguments ask for the command line rather than the window. */
  public static boolean wants(String[] args) {
    return args.length > 0 && ENTRY_WORDS.contains(args[0]);
  }

  /** Runs the command line; returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine commandLine = new CommandLine(new Cli());
    commandLine.setOut(out);
    commandLine.setErr(err);
    return commandLine.execute(args);
  }

  /** The version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {AppInfo.NAME + " " + AppInfo.version()};
    }
  }
}
