package dev.inboxdesk.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.inboxdesk.client.ApiException;
import dev.inboxdesk.history.DeleteHistory;
import dev.inboxdesk.client.ItemIds;
import dev.inboxdesk.client.Message;
import dev.inboxdesk.client.MessagesClient;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code inboxdesk messages list|delete}. */
@Command(name = "messages", mixinStandardHelpOptions = true, description = "The anonymous-messages inbox.",
    subcommands = {MessagesCommand.ListMessages.class, MessagesCommand.DeleteMessages.class,
        MessagesCommand.SendMessages.class, CommandLine.HelpCommand.class},
    exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:all succeeded", "2:usage error", "3:not found",
        "4:authentication failed", "6:invalid request, including ids refused before sending", "7:server error",
        "8:connection failure", "9:unexpected response, unconfirmed, or an address that does not serve this API"})
final class MessagesCommand {
  static final String TOKEN_ENV = "INBOXDESK_SESSION_TOKEN";

  private MessagesCommand() {
  }

  /** Signs in from the environment's session token or with --email. */
  static MessagesClient signedIn(ClientCommand command) {
    MessagesClient client = MessagesClient.create(command.config());
    try {
      String token = command.terminal.env(TOKEN_ENV);
      if (token != null) {
        client.useSessionToken(token);
      } else if (command.options.email != null) {
        client.signIn(command.options.email, command.password());
      } else {
        throw new ClientCommand.UsageProblem("not signed in: set " + TOKEN_ENV + " or give --email");
      }
      return client;
    } catch (RuntimeException failed) {
      client.close();
      throw failed;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the inbox, newest first.")
  static final class ListMessages extends ClientCommand {
    ListMessages(Terminal terminal) {
      super(terminal);
    }

    @Override
    int work() throws Exception {
      try (MessagesClient client = signedIn(this)) {
        List<Message> messages = client.listMessages();
        if (options.jsonLines) {
          messages.forEach(m -> out().println(text(LINES, json(m))));
        } else if (options.json) {
          ArrayNode array = JSON.createArrayNode();
          messages.forEach(m -> array.add(json(m)));
          out().println(text(JSON, array));
        } else {
          Table table = new Table("ID", "CREATED", "CONTENT");
          messages.forEach(m -> table.row(m.id(), m.createdAtText(), m.content()));
          table.print(out());
        }
        return ExitCodes.OK;
      }
    }
  }

  /** The inbox's texts by id, for the record of deletes; none when the inbox cannot be read now (the batch will say why). */
  private static Map<String, String> texts(MessagesClient client) {
    try {
      return client.listMessages().stream().collect(Collectors.toMap(Message::id, Message::content, (a, b) -> a));
    } catch (ApiException unreadable) {
      return Map.of();
    }
  }

  private static ObjectNode json(Message message) {
    return ClientCommand.JSON.createObjectNode().put("id", message.id()).put("content", message.content())
        .put("createdAt", message.createdAtText());
  }

  @Command(name = "delete", mixinStandardHelpOptions = true,
      description = "Deletes messages for good (the server has no undo).")
  static final class DeleteMessages extends ClientCommand {
    @Parameters(arity = "1..*", paramLabel = "ID", description = "message ids (24 hex digits); - reads them from"
        + " standard input, one a line")
    List<String> ids;

    @Option(names = "--dry-run", description = "check the ids and sign in, say which exist, delete nothing")
    boolean dryRun;

    DeleteMessages(Terminal terminal) {
      super(terminal);
    }

    @Override
    int work() throws Exception {
      // Checked before signing in: a malformed id is reported without touching the server.
      IdList checked = IdList.of(ids, this, ItemIds::messageId);
      if (checked.valid().isEmpty()) {
        return Deletes.run(this, checked, (none, each) -> { }, null);
      }
      try (MessagesClient client = signedIn(this)) {
        if (dryRun) {
          Set<String> inbox = new HashSet<>(client.listMessages(m -> m.id().toLowerCase(Locale.ROOT)));
          return Deletes.dryRun(this, checked, inbox);
        }
        // The server answers success for any well-formed id: the library lists the inbox once for
        // the batch, so an id that was not there reads "not found", not "deleted".
        DeleteHistory history = HistoryRecorder.historyOf(terminal);
        // The texts go into the local record of deletes, the one place they survive a delete.
        Map<String, String> texts = history.preferences().keepText() ? texts(client) : Map.of();
        HistoryRecorder recorder = new HistoryRecorder(history, "messages", options.server, account(), texts);
        return Deletes.run(this, checked, client::deleteMessages,
            hasPassword() ? () -> client.signIn(options.email, password()) : null, recorder);
      }
    }
  }

  @Command(name = "send", mixinStandardHelpOptions = true,
      description = "Sends anonymous test messages to a user through the public send route (no sign-in).")
  static final class SendMessages extends ClientCommand {
    @Option(names = "--to", required = true, paramLabel = "USERNAME", description = "who receives them")
    String to;

    @Option(names = "--count", defaultValue = "1", paramLabel = "N", description = "send each text N times")
    int count;

    @Option(names = "--from-file", paramLabel = "F", description = "one message per line of F (- for standard input)")
    String fromFile;

    @Parameters(arity = "0..*", paramLabel = "TEXT", description = "the messages' texts, one message each")
    List<String> texts = new ArrayList<>();

    SendMessages(Terminal terminal) {
      super(terminal);
    }

    @Override
    int work() throws Exception {
      List<String> all = new ArrayList<>(texts);
      if (fromFile != null) {
        List<String> lines = fromFile.equals("-") ? stdin()
            : java.nio.file.Files.readAllLines(java.nio.file.Path.of(fromFile));
        lines.stream().filter(line -> !line.isBlank()).forEach(all::add);
      }
      if (all.isEmpty() || count < 1) {
        throw new UsageProblem("nothing to send: give TEXT, --from-file F, and --count of at least 1");
      }
      ArrayNode sent = JSON.createArrayNode();
      int exit = ExitCodes.OK;
      int done = 0;
      try (MessagesClient client = MessagesClient.create(config())) {
        for (int round = 0; round < count; round++) {
          for (String text : all) {
            ObjectNode result = JSON.createObjectNode().put("to", to).put("content", text);
            try {
              client.sendMessage(to, text);
              result.put("outcome", "sent");
            } catch (ApiException failure) {
              result.put("outcome", "failed");
              result.set("error", errorJson(failure));
              exit = exit == ExitCodes.OK ? ExitCodes.of(failure) : exit;
            }
            if (options.jsonLines) {
              out().println(text(LINES, result));
            } else if (options.json) {
              sent.add(result);
            } else {
              out().println(result.get("outcome").asText() + "  " + to + "  "
                  + (result.has("error") ? result.get("error").get("message").asText() : text));
            }
            progress(++done, all.size() * count);
          }
        }
      }
      if (options.json) {
        out().println(text(JSON, sent));
      }
      return exit;
    }
  }
}
