package dev.inboxdesk.cli;

import dev.inboxdesk.history.DeleteHistory;
import dev.inboxdesk.history.DeleteRecord;
import dev.inboxdesk.history.HistoryExport;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code inboxdesk history}: the local record of every delete InboxDesk sent, from the window and the command line. */
@Command(name = "history", mixinStandardHelpOptions = true,
    description = "Lists the deletes InboxDesk sent (kept on this machine, readable by you alone).",
    subcommands = {HistoryCommand.Forget.class, CommandLine.HelpCommand.class})
final class HistoryCommand implements Callable<Integer> {
  private final Terminal terminal;

  @Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--json", description = "print one JSON document")
  boolean json;

  @Option(names = "--json-lines", description = "print one JSON object per line")
  boolean jsonLines;

  @Option(names = "--csv", description = "print CSV (RFC 4180)")
  boolean csv;

  @Option(names = "--search", paramLabel = "WORDS", description = "only records whose text, id, account or server"
      + " holds every word")
  String search;

  @Option(names = "--service", paramLabel = "messages|notifications", description = "only one service's deletes")
  String service;

  HistoryCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() {
    List<DeleteRecord> records = HistoryRecorder.historyOf(terminal).read().stream()
        .filter(r -> service == null || r.service().equals(service)).filter(r -> r.matches(search)).toList();
    PrintWriter out = spec.commandLine().getOut();
    if (csv) {
      out.print(HistoryExport.csv(records));
    } else if (jsonLines) {
      records.forEach(r -> out.println(ClientCommand.text(ClientCommand.LINES, HistoryExport.json(r))));
    } else if (json) {
      out.println(HistoryExport.json(records));
    } else {
      Table table = new Table("WHEN", "SERVICE", "ACCOUNT", "ID", "OUTCOME", "TEXT");
      records.forEach(r -> table.row(r.at().toString(), r.service(), r.account(), r.itemId(),
          r.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), r.text() == null ? "" : r.text()));
      table.print(out);
    }
    out.flush();
    return ExitCodes.OK;
  }

  /** {@code inboxdesk history forget}. */
  @Command(name = "forget", mixinStandardHelpOptions = true, description = "Forgets records of deletes.")
  static final class Forget implements Callable<Integer> {
    private final Terminal terminal;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--all", description = "forget every record")
    boolean all;

    @Option(names = "--before", paramLabel = "YYYY-MM-DD", description = "forget the records from before that day")
    LocalDate before;

    @Parameters(arity = "0..*", paramLabel = "ID", description = "forget the records of these item ids")
    List<String> ids = List.of();

    Forget(Terminal terminal) {
      this.terminal = terminal;
    }

    @Override
    public Integer call() {
      if (!all && before == null && ids.isEmpty()) {
        spec.commandLine().getErr().println("history forget: give --all, --before or ids");
        return ExitCodes.USAGE;
      }
      Instant cut = before == null ? null : before.atStartOfDay(ZoneId.systemDefault()).toInstant();
      Set<String> chosen = Set.copyOf(ids);
      DeleteHistory history = HistoryRecorder.historyOf(terminal);
      int forgotten = history.forget(r -> all || cut != null && r.at().isBefore(cut) || chosen.contains(r.itemId()));
      spec.commandLine().getOut().println("forgot " + forgotten + (forgotten == 1 ? " record" : " records"));
      return ExitCodes.OK;
    }
  }
}
