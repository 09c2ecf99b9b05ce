package dev.inboxdesk.cli;

import dev.inboxdesk.client.ApiException;
import dev.inboxdesk.client.DeleteOutcome;
import dev.inboxdesk.client.DeleteResult;
import dev.inboxdesk.client.NotFoundException;
import dev.inboxdesk.client.UnconfirmedException;
import dev.inboxdesk.history.DeleteHistory;
import dev.inboxdesk.history.DeleteRecord;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** Writes each delete the command line sent into the local record of deletes, as the window does. */
final class HistoryRecorder {
  /** Points the record elsewhere (tests, a portable setup). */
  static final String FOLDER_ENV = "INBOXDESK_HISTORY_DIR";

  private final DeleteHistory history;
  private final String service;
  private final String server;
  private final String account;
  private final Map<String, String> texts;

  HistoryRecorder(DeleteHistory history, String service, String server, String account, Map<String, String> texts) {
    this.history = history;
    this.service = service;
    this.server = server;
    this.account = account;
    this.texts = texts;
  }

  /** The run's record of deletes: the user's, or the folder the environment names. */
  static DeleteHistory historyOf(Terminal terminal) {
    String folder = terminal.env(FOLDER_ENV);
    return folder == null ? DeleteHistory.standard() : new DeleteHistory(Path.of(folder), Clock.systemUTC());
  }

  void record(DeleteResult result) {
    DeleteRecord.Outcome outcome;
    String detail = "";
    String correlationId = null;
    if (result.succeeded()) {
      outcome = result.outcome() == DeleteOutcome.ALREADY_GONE ? DeleteRecord.Outcome.ALREADY_GONE
          : DeleteRecord.Outcome.DELETED;
    } else {
      ApiException error = result.error();
      outcome = error instanceof NotFoundException ? DeleteRecord.Outcome.NOT_FOUND
          : error instanceof UnconfirmedException ? DeleteRecord.Outcome.UNCONFIRMED : DeleteRecord.Outcome.FAILED;
      detail = error.summary();
      correlationId = error.correlationId();
    }
    history.append(new DeleteRecord(java.time.Instant.now(), service, server, account, result.id(),
        texts.get(result.id()), outcome, correlationId, detail, "command line"));
  }
}
