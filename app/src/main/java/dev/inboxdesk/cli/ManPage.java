package dev.inboxdesk.cli;

import dev.inboxdesk.AppInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The command line's man page (troff, section 1) and bash completion script, made from the same
 * picocli model the commands run on, so they cannot drift from it. Run at build time; the
 * installers put them where the system looks. (picocli's own man page generator writes AsciiDoc,
 * which would need Asciidoctor to become a man page; troff from the model is a page of code.)
 */
public final class ManPage {
  private ManPage() {
  }

  /** Writes {@code inboxdesk.1} and {@code inboxdesk.bash} into the folder given as the first argument. */
  public static void main(String[] args) throws IOException {
    Path folder = Path.of(args.length > 0 ? args[0] : ".");
    Files.createDirectories(folder);
    CommandLine commandLine = Cli.commandLine(Terminal.of(Map.of(), java.io.InputStream.nullInputStream()));
    Files.writeString(folder.resolve("inboxdesk.1"), troff(commandLine), StandardCharsets.UTF_8);
    Files.writeString(folder.resolve("inboxdesk.bash"), AutoComplete.bash("inboxdesk", commandLine),
        StandardCharsets.UTF_8);
  }

  /** The whole man page: the top command, then a section per command. */
  static String troff(CommandLine root) {
    StringBuilder page = new StringBuilder();
    page.append(".TH INBOXDESK 1 \"\" \"InboxDesk ").append(escape(AppInfo.version()))
        .append("\" \"User Commands\"\n");
    page.append(".SH NAME\ninboxdesk \\- ").append(escape(String.join(" ", root.getCommandSpec().usageMessage()
        .description()))).append('\n');
    page.append(".SH SYNOPSIS\n.B inboxdesk\n[\\fICOMMAND\\fR] [\\fIOPTIONS\\fR]\n");
    page.append(".SH DESCRIPTION\nWithout a command, opens the desktop app. Secrets never go in arguments: sign in"
        + " with \\fB--email\\fR and the password on standard input (\\fB--password-stdin\\fR) or a terminal"
        + " prompt, or set \\fBINBOXDESK_SESSION_TOKEN\\fR (messages) or \\fBINBOXDESK_TOKEN\\fR (notifications).\n");
    page.append(".SH COMMANDS\n");
    for (CommandLine sub : root.getSubcommands().values()) {
      command(page, sub, "inboxdesk");
    }
    page.append(".SH EXIT STATUS\n");
    for (String line : ExitCodes.LIST) {
      String[] parts = line.split(":", 2);
      page.append(".TP\n.B ").append(parts[0]).append('\n').append(escape(parts[1])).append('\n');
    }
    page.append(".SH FILES\nThe record of deletes: \\fI~/.local/share/inboxdesk/history/deleted.jsonl\\fR"
        + " (or \\fBINBOXDESK_HISTORY_DIR\\fR).\n");
    return page.toString();
  }

  private static void command(StringBuilder page, CommandLine command, String parent) {
    CommandSpec spec = command.getCommandSpec();
    if (spec.name().equals("help") || spec.name().equals("generate-completion")) {
      return;
    }
    String name = parent + " " + spec.name();
    page.append(".SS ").append(escape(name));
    for (PositionalParamSpec parameter : spec.positionalParameters()) {
      page.append(" ").append(escape(parameter.paramLabel()));
    }
    page.append('\n').append(escape(String.join(" ", spec.usageMessage().description()))).append('\n');
    for (OptionSpec option : spec.options()) {
      if (option.hidden() || option.longestName().equals("--help") || option.longestName().equals("--version")) {
        continue;
      }
      page.append(".TP\n.B ").append(escape(String.join(", ", option.names())));
      if (option.arity().max() > 0) {
        page.append(" \\fI").append(escape(option.paramLabel())).append("\\fR");
      }
      page.append('\n').append(escape(String.join(" ", option.description()).replace("${DEFAULT-VALUE}",
          String.valueOf(option.defaultValue())))).append('\n');
    }
    for (CommandLine sub : command.getSubcommands().values()) {
      command(page, sub, name);
    }
  }

  /** Text safe in troff: backslashes doubled, a leading dot or quote defused. */
  private static String escape(String text) {
    String safe = text.replace("\\", "\\e").replace("-", "\\-");
    return safe.startsWith(".") || safe.startsWith("'") ? "\\&" + safe : safe;
  }
}
