package dev.inboxdesk.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inboxdesk.app.accounts.Connection;
import dev.inboxdesk.sandbox.SandboxOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** Review mode: a moderator triages a whole inbox one item at a time, keyboard only. */
class ReviewWindowTest extends WindowTest {

  @Override
  SandboxOptions sandboxOptions() {
    return SandboxOptions.defaults().withSize(200);
  }

  @Start
  void start(Stage stage) {
    open(stage);
  }

  @Test
  void twoHundredMessagesAreTriagedWithDKAndUAlone(FxRobot robot) throws TimeoutException {
    fx(() -> inbox().undoWindowSecondsProperty().set(1));
    List<String> order = ids(inbox().visibleRows());
    assertThat(order).hasSize(200);
    robot.clickOn("#messages-list");
    robot.press(KeyCode.CONTROL).type(KeyCode.E).release(KeyCode.CONTROL);
    assertThat(robot.lookup("#reviewPanel").tryQuery()).isPresent();
    assertThat(robot.lookup("#reviewPace").queryAs(Label.class).getText()).isEqualTo("no known rate limit");

    List<String> kept = new ArrayList<>();
    List<String> deleted = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      assertThat(view.review().model().currentProperty().get().id()).isEqualTo(order.get(i));
      if (i % 3 == 0) {
        robot.type(KeyCode.K);
        kept.add(order.get(i));
      } else {
        robot.type(KeyCode.D);
        deleted.add(order.get(i));
      }
      if (i == 10) {
        // Second thoughts about the last one: U brings it back, then it is kept.
        robot.type(KeyCode.U);
        deleted.remove(order.get(i));
        robot.type(KeyCode.K);
        kept.add(order.get(i));
      }
    }

    assertThat(robot.lookup("#reviewPosition").queryAs(Label.class).getText())
        .contains(deleted.size() + " deleted").contains(kept.size() + " kept");
    assertThat(robot.lookup("#reviewSummary").queryAs(Label.class).getText())
        .startsWith("Review done: " + deleted.size() + " deleted, " + kept.size() + " kept, 1 undone");
    robot.type(KeyCode.ENTER);
    assertThat(robot.lookup("#reviewPanel").tryQuery()).isEmpty();

    waitUntil(() -> inbox().unsettledCount() == 0);
    assertThat(serverMessageIds()).containsExactlyInAnyOrderElementsOf(kept);
    assertSameItems(ids(inbox().allRows()), kept);
  }

  @Test
  void notificationsShowThePaceTheServerAllows(FxRobot robot) {
    fx(() -> view.select(Connection.Service.NOTIFICATIONS));
    robot.clickOn("#notifications-list");
    robot.press(KeyCode.CONTROL).type(KeyCode.E).release(KeyCode.CONTROL);

    assertThat(robot.lookup("#reviewPace").queryAs(Label.class).getText()).isEqualTo("paced: 1 a second");
    robot.type(KeyCode.ESCAPE);
    assertThat(robot.lookup("#reviewPanel").tryQuery()).isEmpty();
  }
}
