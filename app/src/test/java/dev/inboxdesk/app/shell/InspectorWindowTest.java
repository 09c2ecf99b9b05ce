package dev.inboxdesk.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inboxdesk.client.Exchange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The request inspector in the window: live exchanges, masked until the user reveals them. */
class InspectorWindowTest extends WindowTest {
  @TempDir
  Path folder;

  @Start
  void start(Stage stage) {
    open(stage);
  }

  @SuppressWarnings("unchecked")
  private TableView<Exchange> table(FxRobot robot) {
    return robot.lookup("#inspectorTable").queryAs(TableView.class);
  }

  @Test
  void ctrlIShowsEveryExchangeMaskedUntilRevealed(FxRobot robot) throws TimeoutException {
    robot.clickOn("#messages-list");
    robot.press(KeyCode.CONTROL).type(KeyCode.I).release(KeyCode.CONTROL);

    waitUntil(() -> table(robot).isVisible() && !table(robot).getItems().isEmpty());
    int login = indexOf(robot, "/auth/login");
    fx(() -> table(robot).getSelectionModel().clearAndSelect(login));
    String masked = robot.lookup("#inspectorDetails").queryAs(TextArea.class).getText();
    assertThat(masked).contains("POST", "/auth/login", "\"password\" : \"«redacted»\"").doesNotContain("ada-demo");

    robot.clickOn("#inspectorReveal");

    // A reveal shows the user's own token, never a password.
    String revealed = robot.lookup("#inspectorDetails").queryAs(TextArea.class).getText();
    assertThat(revealed).contains("\"password\" : \"«redacted»\"").doesNotContain("ada-demo");
    int list = indexOf(robot, "/notifications?page=1&limit=50");
    fx(() -> table(robot).getSelectionModel().clearAndSelect(list));
    assertThat(robot.lookup("#inspectorDetails").queryAs(TextArea.class).getText())
        .containsPattern("Authorization: Bearer [A-Za-z0-9_-]+\\.");
  }

  @Test
  void atTwelveHundredBySevenTwentyTheKeyColumnsAndTheStatusBarStayInSight(FxRobot robot)
      throws TimeoutException {
    fx(() -> {
      stage.setWidth(1200);
      stage.setHeight(720);
    });
    robot.clickOn("#messages-list");
    robot.press(KeyCode.CONTROL).type(KeyCode.I).release(KeyCode.CONTROL);
    waitUntil(() -> table(robot).isVisible() && table(robot).getWidth() > 0);

    TableView<Exchange> table = table(robot);
    double tableRight = table.localToScene(table.getBoundsInLocal()).getMaxX();
    for (String column : new String[] {"Status", "Rate limit", "Correlation id"}) {
      var header = robot.lookup(".column-header").queryAll().stream()
          .filter(node -> node.lookup(".label") instanceof javafx.scene.control.Label label
              && label.getText().equals(column)).findFirst().orElseThrow(() -> new AssertionError(column));
      assertThat(header.localToScene(header.getBoundsInLocal()).getMaxX()).as(column).isLessThanOrEqualTo(tableRight);
    }
    var statusBar = robot.lookup(".status-bar").query();
    assertThat(statusBar.localToScene(statusBar.getBoundsInLocal()).getMaxY())
        .isLessThanOrEqualTo(stage.getScene().getHeight() + 0.5);
  }

  @Test
  void theHarExportIsMasked(FxRobot robot) throws Exception {
    Path file = folder.resolve("requests.har");
    fx(() -> view.inspector().save(file));

    String har = Files.readString(file);
    assertThat(har).contains("\"version\" : \"1.2\"", "/auth/login", "«redacted»").doesNotContain("ada-demo");
  }

  @Test
  void theSandboxPanelSetsFaultsThroughTheControlEndpoint(FxRobot robot) throws TimeoutException {
    robot.clickOn("#sandboxBadge");
    fx(() -> robot.lookup("#sandboxFailRate").queryAs(javafx.scene.control.Spinner.class).getValueFactory()
        .setValue(40));
    robot.clickOn("#sandboxApply");

    waitUntil(() -> context.sandbox().faults().settings().failRate() == 0.4);
    robot.clickOn("#sandboxReset");
    waitUntil(() -> robot.lookup("#sandboxStatus").queryAs(javafx.scene.control.Label.class).getText()
        .startsWith("Fresh demo data"));
    robot.type(KeyCode.ESCAPE);
  }

  @Test
  void aRecordedRequestIsEditedAndSentAgainThroughTheSignedInClient(FxRobot robot) throws TimeoutException {
    robot.clickOn("#messages-list");
    robot.press(KeyCode.CONTROL).type(KeyCode.I).release(KeyCode.CONTROL);
    waitUntil(() -> table(robot).isVisible() && !table(robot).getItems().isEmpty());
    int list = indexOf(robot, "/notifications?page=1&limit=50");
    fx(() -> table(robot).getSelectionModel().clearAndSelect(list));

    robot.clickOn("#inspectorResend");
    waitUntil(() -> robot.lookup("#resendUrl").tryQuery().isPresent());
    String headers = robot.lookup("#resendHeaders").queryAs(TextArea.class).getText();
    assertThat(headers).contains("Authorization: Bearer «redacted»");
    fx(() -> robot.lookup("#resendUrl").queryAs(javafx.scene.control.TextField.class).setText(
        context.sandbox().notificationsUrl() + "/notifications?page=1&limit=1"));
    robot.clickOn("#resendSend");

    waitUntil(() -> robot.lookup("#resendAnswer").queryAs(TextArea.class).getText().startsWith("200"));
    assertThat(robot.lookup("#resendAnswer").queryAs(TextArea.class).getText()).contains("\"items\"");
  }

  @Test
  void theSandboxPanelSendsTestMessagesAsAStrangerWould(FxRobot robot) throws TimeoutException {
    int before = serverMessageIds().size();
    robot.clickOn("#sandboxBadge");
    fx(() -> robot.lookup("#sandboxSendCount").queryAs(javafx.scene.control.Spinner.class).getValueFactory()
        .setValue(3));
    robot.clickOn("#sandboxSend");

    waitUntil(() -> serverMessageIds().size() == before + 3);
    robot.type(KeyCode.ESCAPE);
  }

  private int indexOf(FxRobot robot, String path) {
    var items = table(robot).getItems();
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i).url().endsWith(path)) {
        return i;
      }
    }
    throw new AssertionError("no exchange for " + path);
  }
}
