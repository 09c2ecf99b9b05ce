package dev.inboxdesk.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.inboxdesk.client.LoginResult;
import dev.inboxdesk.client.Notification;
import dev.inboxdesk.client.NotificationsClient;
import dev.inboxdesk.client.ReadFilter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code inboxdesk notifications list|delete}. */
@Command(name = "notifications", mixinStandardHelpOptions = true, description = "Notifications.",
    subcommands = {NotificationsCommand.ListNotifications.class, NotificationsCommand.DeleteNotifications.class},
    exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:all succeeded", "2:usage error", "3:not found",
        "4:authentication failed", "5:rate limited (after the client's own waiting)",
        "6:invalid request, including ids refused before sending", "7:server error", "8:connection failure",
        "9:unexpected response"})
final class NotificationsCommand {
  static final String TOKEN_ENV = "INBOXDESK_TOKEN";

  private NotificationsCommand() {
  }

  /** Signs in from the environment's access token or with --email (and a two-factor code if needed). */
  static NotificationsClient signedIn(ClientCommand command) {
    NotificationsClient client = NotificationsClient.create(command.config());
    try {
      String token = command.terminal.env(TOKEN_ENV);
      if (token != null) {
        client.useAccessToken(token);
      } else if (command.options.email != null) {
        LoginResult result = client.login(command.options.email, command.password());
        if (result instanceof LoginResult.TwoFactorRequired step) {
          client.completeTwoFactor(step.tempToken(), command.twoFactorCode());
        }
      } else {
        throw new ClientCommand.UsageProblem("not signed in: set " + TOKEN_ENV + " or give --email");
      }
      return client;
    } catch (RuntimeException failed) {
      client.close();
      throw failed;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists notifications, newest first.")
  static final class ListNotifications extends ClientCommand {
    @Option(names = "--read", arity = "1", paramLabel = "true|false", description = "only read (true) or unread (false) ones")
    Boolean read;

    ListNotifications(Terminal terminal) {
      super(terminal);
    }

    @Override
    int work() throws Exception {
      try (NotificationsClient client = signedIn(this)) {
        ReadFilter filter = read == null ? ReadFilter.ALL : read ? ReadFilter.READ : ReadFilter.UNREAD;
        List<Notification> items = client.listAll(filter);
        if (options.json) {
          ArrayNode array = JSON.createArrayNode();
          for (Notification n : items) {
            ObjectNode node = JSON.createObjectNode().put("id", n.id()).put("eventKey", n.eventKey())
                .put("title", n.title()).put("body", n.body()).put("read", n.read())
                .put("createdAt", n.createdAtText());
            node.set("data", JSON.valueToTree(n.data()));
            array.add(node);
          }
          out().println(JSON.writeValueAsString(array));
        } else {
          Table table = new Table("ID", "CREATED", "READ", "TYPE", "TITLE");
          items.forEach(n -> table.row(n.id(), n.createdAtText(), n.read() ? "yes" : "no", n.eventKey(), n.title()));
          table.print(out());
        }
        return ExitCodes.OK;
      }
    }
  }

  @Command(name = "delete", mixinStandardHelpOptions = true,
      description = "Deletes notifications for good, paced under the server's rate limit.")
  static final class DeleteNotifications extends ClientCommand {
    @Parameters(arity = "1..*", paramLabel = "ID", description = "notification ids (UUIDs)")
    List<String> ids;

    DeleteNotifications(Terminal terminal) {
      super(terminal);
    }

    @Override
    int work() throws Exception {
      try (NotificationsClient client = signedIn(this)) {
        return Deletes.run(this, ids, client::deleteNotification);
      }
    }
  }
}
