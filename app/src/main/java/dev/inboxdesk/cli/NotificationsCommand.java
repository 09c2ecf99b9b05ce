package dev.inboxdesk.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.inboxdesk.client.ItemIds;
import dev.inboxdesk.client.LoginResult;
import dev.inboxdesk.client.Notification;
import dev.inboxdesk.client.NotificationsClient;
import dev.inboxdesk.client.ReadFilter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code inboxdesk notifications list|delete}. */
@Command(name = "notifications", mixinStandardHelpOptions = true, description = "Notifications.",
    subcommands = {NotificationsCommand.ListNotifications.class, NotificationsCommand.DeleteNotifications.class,
        CommandLine.HelpCommand.class},
    exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:all succeeded", "2:usage error", "3:not found",
        "4:authentication failed", "5:rate limited (after the client's own waiting)",
        "6:invalid request, including ids refused before sending", "7:server error", "8:connection failure",
        "9:unexpected response, unconfirmed outcome, or an address that does not serve this API"})
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
        logIn(command, client);
      } else {
        throw new ClientCommand.UsageProblem("not signed in: set " + TOKEN_ENV + " or give --email");
      }
      return client;
    } catch (RuntimeException failed) {
      client.close();
      throw failed;
    }
  }

  /** Logs in with the run's password (and a two-factor code if the account needs one). */
  static void logIn(ClientCommand command, NotificationsClient client) {
    LoginResult result = client.login(command.options.email, command.password());
    if (result instanceof LoginResult.TwoFactorRequired step) {
      client.completeTwoFactor(step.tempToken(), command.twoFactorCode());
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
        if (options.jsonLines) {
          items.forEach(n -> out().println(text(LINES, json(n))));
        } else if (options.json) {
          ArrayNode array = JSON.createArrayNode();
          items.forEach(n -> array.add(json(n)));
          out().println(text(JSON, array));
        } else {
          Table table = new Table("ID", "CREATED", "READ", "TYPE", "TITLE");
          items.forEach(n -> table.row(n.id(), n.createdAtText(), n.read() ? "yes" : "no", n.eventKey(), n.title()));
          table.print(out());
        }
        return ExitCodes.OK;
      }
    }
  }

  private static ObjectNode json(Notification n) {
    ObjectNode node = ClientCommand.JSON.createObjectNode().put("id", n.id()).put("eventKey", n.eventKey())
        .put("title", n.title()).put("body", n.body()).put("read", n.read()).put("createdAt", n.createdAtText());
    node.set("data", ClientCommand.JSON.valueToTree(n.data()));
    return node;
  }

  @Command(name = "delete", mixinStandardHelpOptions = true,
      description = "Deletes notifications for good, paced under the server's rate limit.")
  static final class DeleteNotifications extends ClientCommand {
    @Parameters(arity = "1..*", paramLabel = "ID", description = "notification ids (UUIDs); - reads them from"
        + " standard input, one a line")
    List<String> ids;

    @Option(names = "--dry-run", description = "check the ids and sign in, say which exist, delete nothing")
    boolean dryRun;

    DeleteNotifications(Terminal terminal) {
      super(terminal);
    }

    @Override
    int work() throws Exception {
      // Checked before signing in: a malformed id is reported without touching the server.
      IdList checked = IdList.of(ids, this, ItemIds::notificationId);
      if (checked.valid().isEmpty()) {
        return Deletes.run(this, checked, (none, each) -> { }, null);
      }
      try (NotificationsClient client = signedIn(this)) {
        if (dryRun) {
          Set<String> existing = new HashSet<>(client.listAll(ReadFilter.ALL, Notification::id));
          return Deletes.dryRun(this, checked, existing);
        }
        // The client renews its token itself where the server can; with the password in hand, a
        // session that still ends is signed in again once.
        // Titles are not fetched for the record: paging the whole list costs minutes at 60 a minute.
        HistoryRecorder recorder = new HistoryRecorder(HistoryRecorder.historyOf(terminal), "notifications",
            options.server, account(), java.util.Map.of());
        return Deletes.run(this, checked, Deletes.oneByOne(client::deleteNotification),
            hasPassword() ? () -> logIn(this, client) : null, recorder);
      }
    }
  }
}
