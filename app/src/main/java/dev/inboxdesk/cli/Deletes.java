package dev.inboxdesk.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.inboxdesk.client.ApiException;
import dev.inboxdesk.client.DeleteOutcome;
import dev.inboxdesk.client.NotFoundException;
import java.util.List;

/** Deletes ids one by one and reports each outcome; the exit code is the first failure's. */
final class Deletes {
  private Deletes() {
  }

  @FunctionalInterface
  interface DeleteOne {
    DeleteOutcome delete(String id);
  }

  static int run(ClientCommand command, List<String> ids, DeleteOne deleteOne) throws Exception {
    int exit = ExitCodes.OK;
    ArrayNode results = ClientCommand.JSON.createArrayNode();
    Table table = new Table("ID", "OUTCOME", "DETAIL");
    int done = 0;
    for (String id : ids) {
      ObjectNode result = results.addObject().put("id", id);
      try {
        // A retried delete whose first attempt went through finds the item gone: say so.
        String outcome = deleteOne.delete(id) == DeleteOutcome.ALREADY_GONE ? "already-gone" : "deleted";
        result.put("outcome", outcome);
        table.row(id, outcome, "");
      } catch (ApiException failure) {
        String outcome = failure instanceof NotFoundException ? "not-found" : "failed";
        result.put("outcome", outcome);
        result.set("error", ClientCommand.errorJson(failure));
        table.row(id, outcome, failure.getMessage());
        if (exit == ExitCodes.OK) {
          exit = ExitCodes.of(failure);
        }
      }
      command.progress(++done, ids.size());
    }
    if (command.options.json) {
      command.out().println(ClientCommand.JSON.writeValueAsString(results));
    } else {
      table.print(command.out());
    }
    return exit;
  }
}
