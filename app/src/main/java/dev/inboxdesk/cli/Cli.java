package dev.inboxdesk.cli;

import dev.inboxdesk.AppInfo;
import java.io.PrintWriter;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** {@code inboxdesk <command>}: everything the jar does besides opening the window. */
@Command(name = "inboxdesk", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
    description = "See and delete anonymous messages and notifications. Without a command, opens the desktop app.",
    subcommands = {MessagesCommand.class, NotificationsCommand.class, HistoryCommand.class, SandboxCommand.class,
        CommandLine.HelpCommand.class},
    footer = {"", "Secrets never go in arguments: sign in with --email and the password on standard input",
        "(--password-stdin) or a terminal prompt, or set INBOXDESK_SESSION_TOKEN (messages) or",
        "INBOXDESK_TOKEN (notifications)."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:all succeeded", "2:usage error", "3:not found", "4:authentication failed",
        "5:rate limited (after the client's own waiting)", "6:invalid request, including ids refused before sending",
        "7:server error", "8:connection failure",
        "9:unexpected response, unconfirmed outcome, or an address that does not serve this API"})
public final class Cli {
  /**
   * The options the desktop app takes; with no arguments or one of these first, the window opens.
   * Everything else is the command line's, where a typo is a usage error, never a window.
   */
  private static final Set<String> WINDOW_OPTIONS = Set.of("--smoke-test", "--screenshot", "--theme", "--view",
      "--window", "--size", "--config");

  /** True when the arguments ask for the command line rather than the window. */
  public static boolean wants(String[] args) {
    return args.length > 0 && !WINDOW_OPTIONS.contains(args[0].split("=", 2)[0]);
  }

  /** Runs the command line with the process's terminal; returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return run(args, out, err, Terminal.system());
  }

  /** Runs the command line reading environment and input from {@code terminal}; returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err, Terminal terminal) {
    CommandLine commandLine = commandLine(terminal);
    // Stranger-written text (messages, server errors) never reaches the terminal raw.
    commandLine.setOut(new SafeWriter(out));
    commandLine.setErr(new SafeWriter(err));
    return commandLine.execute(args);
  }

  /** The command line's model, with its commands made for {@code terminal}; also the source of the man page. */
  static CommandLine commandLine(Terminal terminal) {
    CommandLine commandLine = new CommandLine(new Cli(), new Factory(terminal));
    // "inboxdesk generate-completion > …": the bash completion script, from the same model.
    commandLine.addSubcommand(new picocli.AutoComplete.GenerateCompletion());
    commandLine.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(true);
    return commandLine;
  }

  /** Gives commands that need one the terminal. */
  private record Factory(Terminal terminal) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> type) throws Exception {
      try {
        var withTerminal = type.getDeclaredConstructor(Terminal.class);
        withTerminal.setAccessible(true);
        return withTerminal.newInstance(terminal);
      } catch (NoSuchMethodException plain) {
        return CommandLine.defaultFactory().create(type);
      }
    }
  }

  /** The version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {AppInfo.NAME + " " + AppInfo.version()};
    }
  }
}
