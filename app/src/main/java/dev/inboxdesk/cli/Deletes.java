package dev.inboxdesk.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.inboxdesk.client.ApiException;
import dev.inboxdesk.client.AuthenticationException;
import dev.inboxdesk.client.DeleteOutcome;
import dev.inboxdesk.client.DeleteResult;
import dev.inboxdesk.client.NotFoundException;
import dev.inboxdesk.client.ServerDetails;
import dev.inboxdesk.client.UnconfirmedException;
import dev.inboxdesk.client.UnexpectedResponseException;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs a batch of deletes and reports every id, whatever happens to each, as it happens: a table
 * row or a JSON line per result (a stopped run has printed what it did), or one JSON document at
 * the end. The exit code is the first failure's.
 */
final class Deletes {
  private Deletes() {
  }

  @FunctionalInterface
  interface DeleteOne {
    DeleteOutcome delete(String id);
  }

  /** A batch over some ids, telling each result as it happens. */
  @FunctionalInterface
  interface Batch {
    void run(List<String> ids, Consumer<DeleteResult> each);
  }

  /** Deletes the ids one by one with {@code deleteOne}. */
  static Batch oneByOne(DeleteOne deleteOne) {
    return (ids, each) -> ids.forEach(id -> each.accept(attempt(id, deleteOne)));
  }

  /**
   * Runs {@code batch} over the valid ids after reporting the refused ones. When the session ends
   * mid-run and {@code signInAgain} is given (the password is in hand), it signs in once more and
   * goes on from the id that met the end.
   */
  static int run(ClientCommand command, IdList ids, Batch batch, Runnable signInAgain) {
    return run(command, ids, batch, signInAgain, null);
  }

  /** The same, writing every result of a delete that was sent into the local record of deletes. */
  static int run(ClientCommand command, IdList ids, Batch batch, Runnable signInAgain, HistoryRecorder history) {
    Report report = new Report(command, ids);
    ids.refused().forEach(report::add);
    List<String> left = ids.valid();
    boolean signedInAgain = false;
    while (!left.isEmpty()) {
      List<String> thisRound = left;
      int[] settled = {0};
      try {
        batch.run(thisRound, result -> {
          if (signInAgain != null && !report.signedInAgain && endsSession(result)) {
            throw new SessionEnded();
          }
          settled[0]++;
          report.add(result);
          if (history != null) {
            history.record(result);
          }
        });
        left = List.of();
      } catch (SessionEnded ended) {
        report.signedInAgain = true;
        report.notice("the session ended; signing in again");
        signInAgain.run();
        left = thisRound.subList(settled[0], thisRound.size());
      }
    }
    return report.finish();
  }

  /** Says, without sending anything, which of the ids exist. */
  static int dryRun(ClientCommand command, IdList ids, Set<String> existing) {
    Report report = new Report(command, ids);
    ids.refused().forEach(report::add);
    for (String id : ids.valid()) {
      if (existing.contains(id)) {
        report.exists(id);
      } else {
        report.add(DeleteResult.failed(id, new NotFoundException(ServerDetails.clientSide(null,
            "not there; nothing sent"))));
      }
    }
    return report.finish();
  }

  private static boolean endsSession(DeleteResult result) {
    return result.error() instanceof AuthenticationException auth && auth.requiresSignIn();
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

  /** Stops a batch where the session ended, to sign in again. */
  private static final class SessionEnded extends RuntimeException {
    SessionEnded() {
      super(null, null, false, false);
    }
  }

  /** The results as they come, in the format asked for. */
  private static final class Report {
    private final ClientCommand command;
    private final int total;
    private final int idWidth;
    private final ArrayNode document = ClientCommand.JSON.createArrayNode();
    private int done;
    private int exit = ExitCodes.OK;
    boolean signedInAgain;

    Report(ClientCommand command, IdList ids) {
      this.command = command;
      this.total = ids.size();
      int width = "ID".length();
      for (String id : ids.valid()) {
        width = Math.max(width, id.length());
      }
      for (DeleteResult refused : ids.refused()) {
        width = Math.max(width, refused.id().length());
      }
      this.idWidth = width;
      if (!command.options.json && !command.options.jsonLines) {
        line("ID", "OUTCOME", "DETAIL");
      }
    }

    void add(DeleteResult result) {
      ObjectNode json = ClientCommand.JSON.createObjectNode().put("id", result.id());
      String outcome;
      String detail = "";
      if (result.succeeded()) {
        outcome = result.outcome() == DeleteOutcome.ALREADY_GONE ? "already-gone" : "deleted";
      } else {
        ApiException failure = result.error();
        outcome = outcomeOf(failure);
        detail = failure.getMessage();
        json.put("mayHaveReachedServer", failure.mayHaveReachedServer());
        json.set("error", ClientCommand.errorJson(failure));
        if (exit == ExitCodes.OK) {
          exit = ExitCodes.of(failure);
        }
      }
      json.put("outcome", outcome);
      show(json, result.id(), outcome, detail);
    }

    /** A dry run found the id: it would be deleted. */
    void exists(String id) {
      show(ClientCommand.JSON.createObjectNode().put("id", id).put("outcome", "exists"), id, "exists", "");
    }

    private void show(ObjectNode json, String id, String outcome, String detail) {
      if (command.options.jsonLines) {
        command.out().println(ClientCommand.text(ClientCommand.LINES, json));
        command.out().flush();
      } else if (command.options.json) {
        document.add(json);
      } else {
        line(id, outcome, detail);
      }
      command.progress(++done, total);
    }

    void notice(String text) {
      if (!command.options.quiet) {
        command.err().println(text);
      }
    }

    int finish() {
      if (command.options.json) {
        command.out().println(ClientCommand.text(ClientCommand.JSON, document));
      }
      command.out().flush();
      return exit;
    }

    /** A table row, printed at once: the id column is as wide as the longest id given; nothing is cut. */
    private void line(String id, String outcome, String detail) {
      String row = String.format("%-" + idWidth + "s  %-12s  %s", id, outcome, detail.replaceAll("\\s+", " "));
      command.out().println(row.stripTrailing());
      command.out().flush();
    }

    private static String outcomeOf(ApiException failure) {
      if (failure instanceof NotFoundException) {
        return "not-found";
      }
      return failure instanceof UnconfirmedException ? "unconfirmed" : "failed";
    }
  }
}
