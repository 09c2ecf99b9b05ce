package dev.inboxdesk.app.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inboxdesk.app.common.UiScheduler;
import dev.inboxdesk.history.DeleteHistory;
import dev.inboxdesk.history.DeleteRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recently deleted without a stage: same-thread work, a fixed clock, a folder of the test's own. */
class HistoryViewModelTest {
  static final Instant NOW = Instant.parse("2026-05-20T12:00:00Z");

  @TempDir Path folder;
  DeleteHistory history;
  HistoryViewModel model;

  @BeforeEach
  void setUp() {
    history = new DeleteHistory(folder, Clock.fixed(NOW, ZoneOffset.UTC));
    history.append(record("m1", "See you at the marathon", NOW.minusSeconds(600)));
    history.append(record("m2", "=HYPERLINK(\"x\")", NOW.minusSeconds(300)));
    model = new HistoryViewModel(history, new SameThread(), Runnable::run);
    model.reload();
  }

  private static DeleteRecord record(String id, String text, Instant at) {
    return new DeleteRecord(at, "messages", "http://127.0.0.1:1", "ada@example.com", id, text,
        DeleteRecord.Outcome.DELETED, null, "", "window");
  }

  @Test
  void newestFirstAndSearchable() {
    assertThat(model.shown()).extracting(DeleteRecord::itemId).containsExactly("m2", "m1");

    model.searchProperty().set("marathon");

    assertThat(model.shown()).extracting(DeleteRecord::itemId).containsExactly("m1");
  }

  @Test
  void exportsWhatIsShownAsCsvAndJson() throws Exception {
    Path csv = folder.resolve("out.csv");
    Path json = folder.resolve("out.json");

    model.export(csv);
    model.export(json);

    assertThat(Files.readString(csv)).contains("See you at the marathon").contains("'=HYPERLINK");
    assertThat(Files.readString(json)).startsWith("[").contains("\"id\" : \"m1\"");
  }

  @Test
  void forgottenEntriesLeaveTheRecord() {
    model.forget(List.of(model.shown().get(0)));

    assertThat(history.read()).extracting(DeleteRecord::itemId).containsExactly("m1");
    assertThat(model.shown()).hasSize(1);
  }

  @Test
  void preferencesAreTheRecordsOwn() {
    assertThat(model.retentionDaysProperty().get()).isEqualTo(30);
    assertThat(model.keepTextProperty().get()).isTrue();

    model.retentionDaysProperty().set(7);
    model.keepTextProperty().set(false);

    assertThat(history.preferences()).isEqualTo(new DeleteHistory.Preferences(7, false));
    assertThat(history.read()).allMatch(r -> r.text() == null);
  }

  /** Runs everything at once, on the calling thread. */
  static final class SameThread implements UiScheduler {
    @Override
    public void execute(Runnable task) {
      task.run();
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
      return () -> { };
    }

    @Override
    public Instant now() {
      return NOW;
    }
  }
}
