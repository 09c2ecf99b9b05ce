package dev.inboxdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class SafeWriterTest {

  private final StringWriter written = new StringWriter();
  private final SafeWriter writer = new SafeWriter(written);

  @Test
  void theProgressCounterGoesBackToTheLineStartWithARealCarriageReturn() {
    writer.returnToLineStart();
    writer.print("Deleting 1 of 3");
    writer.flush();

    assertThat(written.toString()).isEqualTo("\rDeleting 1 of 3");
  }

  @Test
  void aCarriageReturnInPrintedTextStaysEscaped() {
    writer.print("\rforged line");
    writer.flush();

    assertThat(written.toString()).doesNotContain("\r").startsWith("\\u000d");
  }

  @Test
  void windowsLineEndingsPassAsTheyAre() {
    writer.print("one\r\ntwo\r\n");
    writer.flush();

    assertThat(written.toString()).isEqualTo("one\r\ntwo\r\n");
  }
}
