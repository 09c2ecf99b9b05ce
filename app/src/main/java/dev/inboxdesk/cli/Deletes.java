package dev.inboxdesk.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.inboxdesk.client.ApiException;
import dev.inboxdesk.client.DeleteOutcome;
import dev.inboxdesk.client.DeleteResult;
import dev.inboxdesk.client.NotFoundException;
import dev.inboxdesk.client.ServerDetails;
import dev.inboxdesk.client.UnconfirmedException;
import dev.inboxdesk.client.UnexpectedResponseException;
import java.util.List;
import java.util.function.Consumer;

/** Reports a batch of deletes, one line per id, whatever happens to each; the exit code is the first failure's. */
final class Deletes {
  private Deletes() {
  }

  @FunctionalInterface
  interface DeleteOne {
    DeleteOutcome delete(String id);
  }

  /** A batch the library runs, telling each result as it happens. */
  @FunctionalInterface
  interface Batch {
    void run(Consumer<DeleteResult> each);
  }

  /** Deletes the ids one by one with {@code deleteOne}. */
  static int run(ClientCommand command, List<String> ids, DeleteOne deleteOne) throws Exception {
    return report(command, ids.size(), each -> {
      for (String id : ids) {
        each.accept(attempt(id, deleteOne));
      }
    });
  }

  static int report(ClientCommand command, int total, Batch batch) throws Exception {
    int[] exit = {ExitCodes.OK};
    int[] done = {0};
    ArrayNode results = ClientCommand.JSON.createArrayNode();
    Table table = new Table("ID", "OUTCOME", "DETAIL");
    batch.run(result -> {
      ObjectNode json = results.addObject().put("id", result.id());
      if (result.succeeded()) {
        // A retried delete whose first attempt went through finds the item gone: say so.
        String outcome = result.outcome() == DeleteOutcome.ALREADY_GONE ? "already-gone" : "deleted";
        json.put("outcome", outcome);
        table.row(result.id(), outcome, "");
      } else {
        ApiException failure = result.error();
        String outcome = outcomeOf(failure);
        json.put("outcome", outcome);
        json.put("mayHaveReachedServer", failure.mayHaveReachedServer());
        json.set("error", ClientCommand.errorJson(failure));
        table.row(result.id(), outcome, failure.getMessage());
        if (exit[0] == ExitCodes.OK) {
          exit[0] = ExitCodes.of(failure);
        }
      }
      command.progress(++done[0], total);
    });
    if (command.options.json) {
      command.out().println(ClientCommand.JSON.writeValueAsString(results));
    } else {
      table.print(command.out());
    }
    return exit[0];
  }

  private static String outcomeOf(ApiException failure) {
    if (failure instanceof NotFoundException) {
      return "not-found";
    }
    return failure instanceof UnconfirmedException ? "unconfirmed" : "failed";
  }

  /** One delete as a result: a typed error stays itself; anything else is an unexpected response. */
  private static DeleteResult attempt(String id, DeleteOne deleteOne) {
    try {
      return DeleteResult.of(id, deleteOne.delete(id));
    } catch (ApiException failure) {
      return DeleteResult.failed(id, failure);
    } catch (RuntimeException bug) {
      return DeleteResult.failed(id, new UnexpectedResponseException(UnexpectedResponseException.Kind.WRONG_SHAPE,
          "the client failed on this answer (" + bug.getClass().getSimpleName() + ")", ServerDetails.NONE));
    }
  }
}
