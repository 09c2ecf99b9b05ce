package dev.inboxdesk.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.inboxdesk.client.Message;
import dev.inboxdesk.client.MessagesClient;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code inboxdesk messages list|delete}. */
@Command(name = "messages", mixinStandardHelpOptions = true, description = "The anonymous-messages inbox.",
    subcommands = {MessagesCommand.ListMessages.class, MessagesCommand.DeleteMessages.class},
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
        if (options.json) {
          ArrayNode array = JSON.createArrayNode();
          messages.forEach(m -> array.add(JSON.createObjectNode().put("id", m.id()).put("content", m.content())
              .put("createdAt", m.createdAtText())));
          out().println(JSON.writeValueAsString(array));
        } else {
          Table table = new Table("ID", "CREATED", "CONTENT");
          messages.forEach(m -> table.row(m.id(), m.createdAtText(), m.content()));
          table.print(out());
        }
        return ExitCodes.OK;
      }
    }
  }

  @Command(name = "delete", mixinStandardHelpOptions = true,
      description = "Deletes messages for good (the server has no undo).")
  static final class DeleteMessages extends ClientCommand {
    @Parameters(arity = "1..*", paramLabel = "ID", description = "message ids (24 hex digits)")
    List<String> ids;

    DeleteMessages(Terminal terminal) {
      super(terminal);
    }

    @Override
    int work() throws Exception {
      try (MessagesClient client = signedIn(this)) {
        // The server answers success for any well-formed id: the library lists the inbox once for
        // the batch, so an id that was not there reads "not found", not "deleted".
        return Deletes.report(this, ids.size(), each -> client.deleteMessages(ids, each));
      }
    }
  }
}
