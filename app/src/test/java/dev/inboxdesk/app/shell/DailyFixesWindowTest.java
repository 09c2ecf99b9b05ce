package dev.inboxdesk.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inboxdesk.app.accounts.Connection;
import dev.inboxdesk.app.accounts.Profile;
import dev.inboxdesk.sandbox.Sandbox;
import dev.inboxdesk.sandbox.SandboxOptions;
import java.util.List;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The small things a daily user trips over, each fixed and kept so. */
class DailyFixesWindowTest extends WindowTest {

  @Start
  void start(Stage stage) {
    open(stage);
  }

  @Test
  void slashMovesToTheSearchWithoutTypingASlash(FxRobot robot) {
    robot.clickOn("#messages-list");

    robot.type(KeyCode.SLASH);

    TextField search = robot.lookup("#messages-search").queryAs(TextField.class);
    assertThat(search.isFocused()).isTrue();
    assertThat(search.getText()).isEmpty();
    assertThat(inbox().visibleRows()).hasSize(30);
  }

  @Test
  void tabCountsFollowTheListEvenAfterAGarbageCollection(FxRobot robot) throws TimeoutException {
    assertThat(inboxTab(robot)).isEqualTo("Inbox (30)");
    System.gc();
    fx(() -> inbox().delete(List.of(inbox().visibleRows().get(0), inbox().visibleRows().get(1))));

    assertThat(inboxTab(robot)).isEqualTo("Inbox (28)");
    fx(() -> inbox().undo());
    assertThat(inboxTab(robot)).isEqualTo("Inbox (30)");
  }

  private String inboxTab(FxRobot robot) {
    return robot.lookup(".tab-pane").queryAs(javafx.scene.control.TabPane.class).getTabs().get(0).getText();
  }

  @Test
  void endShowsTheLastRowWhole(FxRobot robot) throws TimeoutException {
    robot.clickOn("#messages-list");
    fx(() -> list(robot, "messages").getSelectionModel().clearAndSelect(0));

    robot.type(KeyCode.END);
    waitUntil(() -> list(robot, "messages").getSelectionModel().getSelectedIndex() == 29);
    WaitForFx.pulse();

    ListView<?> list = list(robot, "messages");
    ListCell<?> last = robot.lookup("#messages-list .list-cell").queryAllAs(ListCell.class).stream()
        .filter(cell -> cell.getIndex() == 29 && cell.isVisible()).findFirst().orElseThrow();
    Bounds cell = last.localToScene(last.getBoundsInLocal());
    Bounds view = list.localToScene(list.getBoundsInLocal());
    assertThat(cell.getMaxY()).isLessThanOrEqualTo(view.getMaxY() + 0.5);
    assertThat(cell.getMinY()).isGreaterThanOrEqualTo(view.getMinY());
  }

  @Test
  void theDeleteButtonAndTheCountsSayHowManyAreSelected(FxRobot robot) {
    robot.clickOn("#messages-list");
    fx(() -> {
      list(robot, "messages").getSelectionModel().clearSelection();
      list(robot, "messages").getSelectionModel().selectRange(0, 5);
    });

    Button delete = robot.lookup(".list-toolbar .button").queryAllAs(Button.class).stream()
        .filter(b -> b.getText().startsWith("Delete (")).findFirst().orElseThrow();
    assertThat(delete.getText()).isEqualTo("Delete (5)");
    assertThat(robot.lookup(".counts").queryAllAs(Label.class).stream().map(Label::getText))
        .anyMatch(text -> text.endsWith("5 selected"));
  }

  @Test
  void aBulkDeleteAboveTheThresholdAsksWithTheCountAndCancelKeepsEverything(FxRobot robot) throws TimeoutException {
    fx(() -> inbox().confirmAboveProperty().set(10));
    robot.clickOn("#messages-list");

    robot.clickOn("Delete all shown");

    waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
    assertThat(robot.lookup(".dialog-pane .header-panel .label").queryAs(Label.class).getText())
        .isEqualTo("Delete 30 messages?");
    robot.type(KeyCode.ESCAPE);
    assertThat(inbox().visibleRows()).hasSize(30);
    assertThat(inbox().unsettledCount()).isZero();
  }

  @Test
  void aBulkDeleteUnderTheThresholdNeedsNoConfirmation(FxRobot robot) {
    assertThat(inbox().needsConfirmation(30)).isFalse();
    assertThat(inbox().needsConfirmation(51)).isTrue();
    fx(() -> inbox().undoWindowSecondsProperty().set(30));
    robot.clickOn("#messages-list");

    robot.clickOn("Delete all shown");

    assertThat(inbox().visibleRows()).isEmpty();
    fx(() -> inbox().undo());
    assertThat(inbox().visibleRows()).hasSize(30);
  }

  @Test
  void aToastNeverCoversTheList(FxRobot robot) {
    fx(() -> inbox().undoWindowSecondsProperty().set(30));
    robot.clickOn("#messages-list");
    fx(() -> list(robot, "messages").getSelectionModel().clearAndSelect(0));
    robot.type(KeyCode.DELETE);

    Node toast = robot.lookup("#toast").query();
    assertThat(toast.isVisible()).isTrue();
    Bounds toastBounds = toast.localToScene(toast.getBoundsInLocal());
    Node listNode = list(robot, "messages");
    Bounds listBounds = listNode.localToScene(listNode.getBoundsInLocal());
    assertThat(toastBounds.getMinY()).isGreaterThanOrEqualTo(listBounds.getMaxY());
  }

  @Test
  void aNotificationsDetailLineStartsWithWords(FxRobot robot) {
    fx(() -> view.select(Connection.Service.NOTIFICATIONS));
    fx(() -> list(robot, "notifications").getSelectionModel().clearAndSelect(0));

    List<String> metas = robot.lookup(".detail .text-muted").queryAllAs(Label.class).stream()
        .map(Label::getText).filter(text -> text.contains("read")).toList();
    assertThat(metas).isNotEmpty().allMatch(text -> !text.startsWith(" ") && !text.startsWith("·"));
  }

  @Test
  void theSignInDialogOpensWithTheFieldToTypeInFocusedAndTheTokenToggleSaysWhereItLeads(FxRobot robot)
      throws TimeoutException {
    context.model().signOut(Connection.Service.MESSAGES).join();
    waitUntil(() -> !context.model().connection(Connection.Service.MESSAGES).signedIn());

    robot.clickOn("#messagesAccount").clickOn("Sign in…");
    waitUntil(() -> robot.lookup("#signInEmail").queryAs(TextField.class).isFocused());

    ToggleButton paste = robot.lookup("#signInPasteMode").queryAs(ToggleButton.class);
    assertThat(paste.getText()).startsWith("Paste");
    robot.clickOn(paste);
    assertThat(paste.getText()).isEqualTo("Use e-mail and password instead");
    waitUntil(() -> robot.lookup("#signInToken").queryAs(TextField.class).isFocused());
    robot.type(KeyCode.ESCAPE);
  }

  @Test
  void inConnectionsEnterOpensTheServiceChoiceAndNewStartsWithTheName(FxRobot robot) throws TimeoutException {
    robot.clickOn("#messagesAccount").clickOn("Connections…");
    robot.clickOn("#profileNew");
    waitUntil(() -> robot.lookup("#profileName").queryAs(TextField.class).isFocused());

    @SuppressWarnings("unchecked")
    ChoiceBox<Connection.Service> service = robot.lookup("#profileService").queryAs(ChoiceBox.class);
    fx(service::requestFocus);
    robot.type(KeyCode.ENTER);
    waitUntil(service::isShowing);
    robot.type(KeyCode.ESCAPE);
    fx(() -> robot.lookup("#profileName").query().getScene().getWindow().hide());
  }

  @Test
  void theTitleDropsSandboxOnceBothServicesUseRealServers(FxRobot robot) throws TimeoutException {
    assertThat(stage.getTitle()).isEqualTo("InboxDesk · Sandbox");
    try (Sandbox staging = Sandbox.start(SandboxOptions.defaults().withSize(3))) {
      Profile messages = Profile.create("Staging", Connection.Service.MESSAGES, staging.messagesUrl());
      Profile notifications = Profile.create("Staging API", Connection.Service.NOTIFICATIONS,
          staging.notificationsUrl());
      fx(() -> context.model().accounts().update(s -> s.withProfile(messages).withProfile(notifications)));
      fx(() -> context.model().use(Connection.Service.MESSAGES, messages));
      waitUntil(() -> !context.model().connection(Connection.Service.MESSAGES).sandbox());
      assertThat(stage.getTitle()).isEqualTo("InboxDesk · Sandbox");
      fx(() -> context.model().use(Connection.Service.NOTIFICATIONS, notifications));
      waitUntil(() -> !context.model().connection(Connection.Service.NOTIFICATIONS).sandbox());

      assertThat(stage.getTitle()).isEqualTo("InboxDesk");
    }
  }

  @Test
  void theInboxShowsWhetherTheAccountAcceptsMessagesAndSwitchesIt(FxRobot robot) throws TimeoutException {
    waitUntil(() -> Boolean.TRUE.equals(inbox().acceptingProperty().get()));
    atlantafx.base.controls.ToggleSwitch accepting = robot.lookup("#acceptingSwitch")
        .queryAs(atlantafx.base.controls.ToggleSwitch.class);
    assertThat(accepting.isSelected()).isTrue();
    assertThat(accepting.isDisabled()).isFalse();

    robot.clickOn(accepting.lookup(".thumb-area"));

    assertThat(accepting.getText()).isEqualTo("Not accepting");
    waitUntil(() -> !serverAccepts());
    fx(accepting::requestFocus);
    robot.type(KeyCode.SPACE);
    waitUntil(this::serverAccepts);
    assertThat(accepting.getText()).isEqualTo("Accepting messages");
  }

  private boolean serverAccepts() {
    try (dev.inboxdesk.client.MessagesClient client = dev.inboxdesk.client.MessagesClient.create(
        dev.inboxdesk.client.ClientConfig.builder(context.sandbox().messagesUrl()).build())) {
      client.signIn("ada@example.com", "ada-demo");
      return client.isAcceptingMessages();
    }
  }

  /** Lets the FX thread lay out once more. */
  static final class WaitForFx {
    static void pulse() {
      org.testfx.util.WaitForAsyncUtils.waitForFxEvents(3);
    }
  }
}
