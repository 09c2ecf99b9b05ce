package dev.inboxdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class LauncherTest {

  private static String run(List<String> args, int expectedCode) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int code = Launcher.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    assertThat(code).isEqualTo(expectedCode);
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void versionPrintsTheNameAndVersion() {
    assertThat(run(List.of("--version"), 0)).startsWith("InboxDesk ");
  }

  @Test
  void helpListsTheOptions() {
    assertThat(run(List.of("--help"), 0)).contains("--version", "--help");
  }
}
