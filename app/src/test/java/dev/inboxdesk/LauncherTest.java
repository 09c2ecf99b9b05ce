package dev.inboxdesk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inboxdesk.cli.Cli;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class LauncherTest {

  private static String run(int expectedCode, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Cli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    assertThat(code).as(err.toString()).isEqualTo(expectedCode);
    return out + err.toString();
  }

  @Test
  void versionPrintsTheNameAndVersion() {
    assertThat(run(0, "--version")).startsWith("InboxDesk ");
  }

  @Test
  void helpListsTheCommands() {
    assertThat(run(0, "--help")).contains("sandbox", "--version", "Exit codes");
  }

  @Test
  void commandWordsGoToTheCommandLineAndNothingElseDoes() {
    assertThat(Cli.wants(new String[] {"sandbox", "--port", "0"})).isTrue();
    assertThat(Cli.wants(new String[] {"--version"})).isTrue();
    assertThat(Cli.wants(new String[0])).isFalse();
  }

  @Test
  void aBadSandboxOptionIsAUsageError() {
    assertThat(run(2, "sandbox", "--fail-rate", "1.5")).contains("failRate must be between 0 and 1");
    assertThat(run(2, "sandbox", "--no-such-option")).contains("Unknown option");
  }
}
