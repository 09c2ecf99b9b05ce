package dev.inboxdesk.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inboxdesk.sandbox.SandboxOptions;
import java.util.List;
import java.util.concurrent.TimeoutException;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The promise to moderators: 200 messages cleared from the keyboard, nothing else touched. */
class ModeratorKeyboardTest extends WindowTest {

  @Override
  SandboxOptions sandboxOptions() {
    return SandboxOptions.defaults().withSize(230);
  }

  @Start
  void start(Stage stage) {
    open(stage);
  }

  @Test
  void twoHundredMessagesAreClearedWithTheDeleteKeyAndNothingElseIsTouched(FxRobot robot) throws TimeoutException {
    List<String> before = ids(inbox().visibleRows());
    robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT1).release(KeyCode.CONTROL);

    for (int i = 0; i < 200; i++) {
      robot.type(KeyCode.DELETE);
    }

    waitUntil(() -> inbox().unsettledCount() == 0 && serverMessageIds().size() == 30);
    assertThat(serverMessageIds()).containsExactlyElementsOf(before.subList(200, 230));
    assertThat(ids(inbox().allRows())).containsExactlyElementsOf(before.subList(200, 230));
  }
}
