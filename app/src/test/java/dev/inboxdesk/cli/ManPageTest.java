package dev.inboxdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The man page and the completion script come from the commands themselves, so every command is in them. */
class ManPageTest {
  @TempDir
  Path folder;

  @Test
  void everyCommandAndExitCodeIsDocumentedAndCompleted() throws Exception {
    ManPage.main(new String[] {folder.toString()});

    String page = Files.readString(folder.resolve("inboxdesk.1"));
    assertThat(page).startsWith(".TH INBOXDESK 1").contains(".SH SYNOPSIS", ".SH EXIT STATUS",
        "inboxdesk messages delete", "inboxdesk notifications list", "inboxdesk history forget",
        "inboxdesk messages send", "\\-\\-json\\-lines", "\\-\\-max\\-wait");
    assertThat(page.lines().filter(line -> line.startsWith(".B ") && line.matches("\\.B [0-9]"))).hasSize(9);
    String completion = Files.readString(folder.resolve("inboxdesk.bash"));
    assertThat(completion).contains("complete", "messages", "notifications", "history", "--dry-run");
  }
}
