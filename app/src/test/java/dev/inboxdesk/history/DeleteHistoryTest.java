package dev.inboxdesk.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeleteHistoryTest {
  private static final Instant NOW = Instant.parse("2026-11-29T08:00:00Z");

  @TempDir
  Path folder;

  private DeleteHistory history() {
    return new DeleteHistory(folder.resolve("history"), Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static DeleteRecord record(String id, Duration ago, String text) {
    return new DeleteRecord(NOW.minus(ago), "messages", "https://example.app", "ada@example.com", id, text,
        DeleteRecord.Outcome.DELETED, null, "", "window");
  }

  @Test
  void recordsSurviveAReopenInAPrivateFolderAndOldOnesAreDropped() throws Exception {
    history().append(record("a", Duration.ofDays(40), "too old"));
    history().append(record("b", Duration.ofHours(1), "pizza"));

    List<DeleteRecord> kept = history().read();

    assertThat(kept).extracting(DeleteRecord::itemId).containsExactly("b");
    assertThat(kept.get(0).text()).isEqualTo("pizza");
    assertThat(Files.readString(history().file())).doesNotContain("too old");
    assertThat(Files.getPosixFilePermissions(folder.resolve("history")))
        .isEqualTo(PosixFilePermissions.fromString("rwx------"));
    assertThat(Files.getPosixFilePermissions(history().file())).isEqualTo(PosixFilePermissions.fromString("rw-------"));
  }

  @Test
  void turningKeepTheTextOffForgetsTheTextsKeptAndKeepsNoNewOnes() throws Exception {
    history().append(record("a", Duration.ofMinutes(5), "secret plans"));

    history().setPreferences(new DeleteHistory.Preferences(30, false));
    history().append(record("b", Duration.ofMinutes(1), "more plans"));

    assertThat(history().read()).extracting(DeleteRecord::text).containsOnlyNulls();
    assertThat(Files.readString(history().file())).doesNotContain("plans");
  }

  @Test
  void aDamagedLineDoesNotHideTheOthers() throws Exception {
    history().append(record("a", Duration.ofMinutes(5), "x"));
    Files.writeString(history().file(), "{\"at\":\"2026-11-29T07:\n", StandardOpenOption.APPEND);
    history().append(record("b", Duration.ofMinutes(1), "y"));

    assertThat(history().read()).extracting(DeleteRecord::itemId).containsExactly("a", "b");
  }

  @Test
  void searchMatchesEveryWordAndForgettingIsSelective() {
    history().append(record("a", Duration.ofMinutes(5), "pizza on friday"));
    history().append(record("b", Duration.ofMinutes(1), "pizza"));

    assertThat(history().read().stream().filter(r -> r.matches("friday PIZZA")).toList())
        .extracting(DeleteRecord::itemId).containsExactly("a");
    assertThat(history().forget(r -> r.itemId().equals("a"))).isEqualTo(1);
    assertThat(history().read()).extracting(DeleteRecord::itemId).containsExactly("b");
  }

  @Test
  void aCsvExportQuotesAndDefusesFormulas() {
    String csv = HistoryExport.csv(List.of(record("a", Duration.ZERO, "=HYPERLINK(\"x\"), \"quoted\"")));

    assertThat(csv).startsWith("at,service,server,account,id,outcome,text,correlationId,detail,source\r\n")
        .contains("\"'=HYPERLINK(\"\"x\"\"), \"\"quoted\"\"\"");
  }
}
