package dev.inboxdesk.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inboxdesk.app.list.ItemRow;
import dev.inboxdesk.app.list.RowState;
import dev.inboxdesk.sandbox.FaultSettings;
import java.util.List;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

class MainWindowTest extends WindowTest {

  @Start
  void start(Stage stage) {
    open(stage);
  }

  @Test
  void onAFreshMachineBothListsLoadFromTheSandboxAndSaySo(FxRobot robot) {
    assertThat(inbox().allRows()).hasSize(30);
    assertThat(notifications().allRows()).hasSize(30);
    assertThat(robot.lookup("#sandboxBadge").queryAs(Button.class).isVisible()).isTrue();
    assertThat(robot.lookup("#messagesAccount").queryAs(MenuButton.class).getText()).contains("ada@example.com");
    assertThat(robot.lookup("#status").queryAs(Label.class).getText()).startsWith("Sandbox");
  }

  @Test
  void theSettingsMenuIsMadeWhenFirstOpenedAndEachChoiceTakesEffectAndIsSaved(FxRobot robot) {
    MenuButton settings = robot.lookup("#settingsMenu").queryAs(MenuButton.class);
    assertThat(settings.getItems()).isEmpty();

    robot.clickOn("#settingsMenu").clickOn("10 s");
    assertThat(inbox().undoWindowSecondsProperty().get()).isEqualTo(10);
    assertThat(notifications().undoWindowSecondsProperty().get()).isEqualTo(10);
    assertThat(context.model().accounts().settings().undoWindowSeconds()).isEqualTo(10);

    robot.clickOn("#settingsMenu").clickOn("10 min");
    assertThat(context.model().accounts().settings().maxWaitSeconds()).isEqualTo(600);

    robot.clickOn("#settingsMenu");
    assertThat(settings.getItems().stream().filter(item -> item instanceof RadioMenuItem radio && radio.isSelected())
        .map(MenuItem::getText)).containsExactly("10 s", "10 min");
    boolean confirming = inbox().confirmDeletesProperty().get();
    robot.clickOn("Ask before deleting");
    assertThat(inbox().confirmDeletesProperty().get()).isEqualTo(!confirming);
    assertThat(context.model().accounts().settings().confirmDeletes()).isEqualTo(!confirming);
  }

  @Test
  void theCellsShareAHeightThatCutsNoRow(FxRobot robot) {
    for (String kind : List.of("messages", "notifications")) {
      fx(() -> view.select(kind.equals("messages") ? dev.inboxdesk.app.accounts.Connection.Service.MESSAGES
          : dev.inboxdesk.app.accounts.Connection.Service.NOTIFICATIONS));
      javafx.scene.control.ListView<?> list = list(robot, kind);
      assertThat(list.getFixedCellSize()).isGreaterThan(30);
      // what each shown row's content needs, title and details, fits the shared height
      assertThat(robot.lookup("#" + kind + "-list .list-cell").queryAll().stream()
          .map(cell -> (javafx.scene.control.ListCell<?>) cell)
          .filter(cell -> !cell.isEmpty())
          .map(cell -> cell.snappedTopInset() + cell.getGraphic().prefHeight(-1) + cell.snappedBottomInset()))
          .isNotEmpty()
          .allMatch(wanted -> wanted <= list.getFixedCellSize());
    }
  }

  @Test
  void theDeleteKeyRemovesTheRowAndCtrlZPutsItBack(FxRobot robot) throws TimeoutException {
    List<String> before = ids(inbox().visibleRows());
    robot.clickOn("#messages-list");
    fx(() -> list(robot, "messages").getSelectionModel().clearAndSelect(2));

    robot.type(KeyCode.DELETE);

    assertThat(ids(inbox().visibleRows())).doesNotContain(before.get(2)).hasSize(29);
    assertThat(robot.lookup("#toast").queryAs(HBox.class).isVisible()).isTrue();
    assertThat(robot.lookup("#toastUndo").queryAs(Button.class).isVisible()).isTrue();

    robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);

    assertThat(ids(inbox().visibleRows())).containsExactlyElementsOf(before);
    assertThat(serverMessageIds()).contains(before.get(2));
  }

  @Test
  void everyDeleteStillWaitingCanBeUndoneNewestFirst(FxRobot robot) throws TimeoutException {
    fx(() -> inbox().undoWindowSecondsProperty().set(30));
    List<String> before = ids(inbox().visibleRows());
    robot.clickOn("#messages-list");
    fx(() -> list(robot, "messages").getSelectionModel().clearAndSelect(0));

    robot.type(KeyCode.DELETE).type(KeyCode.DELETE).type(KeyCode.DELETE);

    assertThat(ids(inbox().visibleRows())).hasSize(27).doesNotContainAnyElementsOf(before.subList(0, 3));
    assertThat(inbox().undoWaitingProperty().get()).isEqualTo(3);
    assertThat(robot.lookup("#toastText").queryAs(Label.class).getText()).contains("3 deletes are waiting");

    robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
    assertThat(ids(inbox().visibleRows())).contains(before.get(2)).doesNotContain(before.get(0), before.get(1));
    robot.press(KeyCode.CONTROL).type(KeyCode.Z).type(KeyCode.Z).release(KeyCode.CONTROL);

    assertThat(ids(inbox().visibleRows())).containsExactlyElementsOf(before);
    assertThat(inbox().unsettledCount()).isZero();
    assertThat(serverMessageIds()).containsAll(before.subList(0, 3));
  }

  @Test
  void afterTheUndoWindowTheDeleteReachesTheServer(FxRobot robot) throws TimeoutException {
    fx(() -> inbox().undoWindowSecondsProperty().set(1));
    String victim = inbox().visibleRows().get(0).id();
    robot.clickOn("#messages-list");
    fx(() -> list(robot, "messages").getSelectionModel().clearAndSelect(0));

    robot.type(KeyCode.DELETE);

    waitUntil(() -> inbox().unsettledCount() == 0);
    assertThat(serverMessageIds()).doesNotContain(victim);
  }

  @Test
  void aModeratorClearsTwentyMessagesFromTheKeyboardAlone(FxRobot robot) throws TimeoutException {
    fx(() -> inbox().undoWindowSecondsProperty().set(0));
    List<String> firstTwenty = ids(inbox().visibleRows()).subList(0, 20);
    robot.clickOn("#messages-list");
    fx(() -> list(robot, "messages").getSelectionModel().clearAndSelect(0));

    for (int i = 0; i < 20; i++) {
      robot.type(KeyCode.DELETE);
    }

    waitUntil(() -> inbox().unsettledCount() == 0);
    assertThat(serverMessageIds()).hasSize(10).doesNotContainAnyElementsOf(firstTwenty);
    assertSameItems(ids(inbox().allRows()), serverMessageIds());
  }

  @Test
  void deletingABlockSelectedDownwardsSelectsTheRowRightAfterIt(FxRobot robot) {
    fx(() -> inbox().undoWindowSecondsProperty().set(30));
    ItemRow firstAfterTheBlock = inbox().visibleRows().get(6);
    robot.clickOn("#messages-list");
    // As Shift+Down leaves it: the block 2..5 selected, the focus and the selected index on its last row.
    fx(() -> {
      list(robot, "messages").getSelectionModel().clearAndSelect(2);
      list(robot, "messages").getSelectionModel().selectRange(3, 6);
    });

    robot.type(KeyCode.DELETE);

    assertThat(inbox().visibleRows()).hasSize(26);
    assertThat(list(robot, "messages").getSelectionModel().getSelectedItem()).isSameAs(firstAfterTheBlock);
    assertThat(list(robot, "messages").getSelectionModel().getSelectedIndices()).containsExactly(2);
  }

  @Test
  void jAndKMoveTheSelection(FxRobot robot) {
    robot.clickOn("#messages-list");
    fx(() -> list(robot, "messages").getSelectionModel().clearAndSelect(0));

    robot.type(KeyCode.J).type(KeyCode.J).type(KeyCode.K);

    assertThat(list(robot, "messages").getSelectionModel().getSelectedIndex()).isEqualTo(1);
  }

  @Test
  void aServerErrorBringsTheRowBackAtItsPlaceWithTheReasonAndARetry(FxRobot robot) throws TimeoutException {
    fx(() -> notifications().undoWindowSecondsProperty().set(0));
    fx(() -> view.select(dev.inboxdesk.app.accounts.Connection.Service.NOTIFICATIONS));
    List<String> before = ids(notifications().visibleRows());
    context.sandbox().faults().set(new FaultSettings(0, 1.0, 503, 0, false, 0, 0, 0, 0, 3, "notifications"));
    robot.clickOn("#notifications-list");
    fx(() -> list(robot, "notifications").getSelectionModel().clearAndSelect(3));

    robot.type(KeyCode.DELETE);

    waitUntil(() -> notifications().visibleRows().stream().anyMatch(r -> r.state().kind() == RowState.Kind.FAILED));
    assertThat(ids(notifications().visibleRows())).containsExactlyElementsOf(before);
    ItemRow failed = notifications().visibleRows().get(3);
    assertThat(failed.state().kind()).isEqualTo(RowState.Kind.FAILED);
    fx(() -> list(robot, "notifications").getSelectionModel().clearAndSelect(3));
    assertThat(robot.lookup(".problem-box").queryAs(VBox.class).isVisible()).isTrue();
    assertThat(robot.lookup(".problem-box .mono").queryAs(TextField.class).getText()).isNotBlank();

    context.sandbox().faults().set(FaultSettings.NONE);
    robot.clickOn("Retry now");

    waitUntil(() -> !ids(notifications().visibleRows()).contains(before.get(3)));
    assertThat(serverNotificationIds()).doesNotContain(before.get(3));
  }

  @Test
  void aRateLimitedDeleteWaitsAsPendingAndGoesThroughAfterTheWait(FxRobot robot) throws TimeoutException {
    fx(() -> notifications().undoWindowSecondsProperty().set(0));
    String victim = notifications().visibleRows().get(0).id();
    context.sandbox().faults().set(new FaultSettings(0, 0, 500, 0, false, 0, 0, 4, 0, 1, "notifications"));

    fx(() -> notifications().delete(List.of(notifications().visibleRows().get(0))));

    waitUntil(() -> notifications().visibleRows().stream()
        .anyMatch(r -> r.id().equals(victim) && r.state().kind() == RowState.Kind.RATE_LIMITED));
    waitUntil(() -> !ids(notifications().allRows()).contains(victim) && notifications().unsettledCount() == 0);
    assertThat(serverNotificationIds()).doesNotContain(victim);
  }

  @Test
  void whileTheClientWaitsOutA429TheRowShowsPendingWithItsCountdown(FxRobot robot) throws TimeoutException {
    fx(() -> notifications().undoWindowSecondsProperty().set(0));
    String victim = notifications().visibleRows().get(0).id();
    // One 429 asking for 2 s: the client's own retry handles it, and the wait must still be seen.
    context.sandbox().faults().set(new FaultSettings(0, 0, 500, 0, false, 0, 0, 1, 0, 2, "notifications"));

    fx(() -> notifications().delete(List.of(notifications().visibleRows().get(0))));

    waitUntil(() -> robot.lookup(".badge-pending").queryAll().stream()
        .anyMatch(node -> node.isVisible() && ((Label) node).getText().matches("pending [12] s")));
    assertThat(notifications().visibleRows()).anySatisfy(row -> {
      assertThat(row.id()).isEqualTo(victim);
      assertThat(row.state().kind()).isEqualTo(RowState.Kind.RATE_LIMITED);
    });
    waitUntil(() -> !ids(notifications().allRows()).contains(victim) && notifications().unsettledCount() == 0);
    assertThat(serverNotificationIds()).doesNotContain(victim);
  }

  @Test
  void anEndedSessionBringsTheRowBackAndAfterSigningInTheDeleteGoesThrough(FxRobot robot)
      throws TimeoutException {
    fx(() -> inbox().undoWindowSecondsProperty().set(0));
    String victim = inbox().visibleRows().get(0).id();
    context.sandbox().faults().set(new FaultSettings(0, 0, 500, 0, false, 0, 0, 0, 1, 3, "messages"));

    fx(() -> inbox().delete(List.of(inbox().visibleRows().get(0))));

    waitUntil(() -> robot.lookup("#messages-signin-banner").queryAs(HBox.class).isVisible());
    assertThat(ids(inbox().visibleRows())).contains(victim);
    robot.clickOn("#messages-signin");
    robot.clickOn("#signInEmail").write("ada@example.com");
    robot.clickOn("#signInPassword").write("ada-demo");
    robot.type(KeyCode.ENTER);

    waitUntil(() -> !ids(inbox().allRows()).contains(victim) && inbox().unsettledCount() == 0);
    assertThat(serverMessageIds()).doesNotContain(victim);
  }

  @Test
  void aBulkDeleteShowsProgressAndCancelBringsBackWhatWasNotSent(FxRobot robot) throws TimeoutException {
    fx(() -> notifications().undoWindowSecondsProperty().set(0));
    context.sandbox().faults().set(new FaultSettings(150, 0, 500, 0, false, 0, 0, 0, 0, 3, "notifications"));
    fx(() -> view.select(dev.inboxdesk.app.accounts.Connection.Service.NOTIFICATIONS));

    robot.clickOn("Delete all shown");
    waitUntil(() -> notifications().progressVisibleProperty().get() && notifications().progressDoneProperty().get() >= 3);
    robot.clickOn("Cancel");

    waitUntil(() -> notifications().unsettledCount() == 0);
    int sent = serverNotificationIds().size();
    assertThat(sent).isBetween(1, 27);
    assertSameItems(ids(notifications().allRows()), serverNotificationIds());
  }

  @Test
  void closingWithPendingDeletesSendsThemFirst(FxRobot robot) throws TimeoutException {
    fx(() -> inbox().undoWindowSecondsProperty().set(30));
    List<ItemRow> three = List.copyOf(inbox().visibleRows().subList(0, 3));
    fx(() -> inbox().delete(three));
    assertThat(serverMessageIds()).containsAll(ids(three));

    fx(() -> stage.fireEvent(new javafx.stage.WindowEvent(stage, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));

    waitUntil(() -> closed);
    assertThat(serverMessageIds()).doesNotContainAnyElementsOf(ids(three));
  }

  @Test
  void closingCountsDownAndCancelBringsBackWhatWasNotSent(FxRobot robot) throws TimeoutException {
    fx(() -> inbox().undoWindowSecondsProperty().set(30));
    List<ItemRow> three = List.copyOf(inbox().visibleRows().subList(0, 3));
    fx(() -> inbox().delete(three));
    // Each answer takes seconds, so Cancel comes while the first delete is still with the server,
    // even on a busy machine.
    context.sandbox().faults().set(new FaultSettings(4000, 0, 500, 0, false, 0, 0, 0, 0, 3, "messages"));

    fx(() -> stage.fireEvent(new javafx.stage.WindowEvent(stage, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));
    waitUntil(() -> robot.lookup("#closeCancel").tryQuery().isPresent());
    robot.clickOn("#closeCancel");

    waitUntil(() -> inbox().unsettledCount() == 0);
    assertThat(closed).isFalse();
    List<String> back = ids(inbox().allRows());
    List<String> server = serverMessageIds();
    // At most the one delete already with the server went; the others are back, and still on the server.
    assertThat(ids(three).stream().filter(back::contains).count()).isGreaterThanOrEqualTo(2);
    assertThat(server).containsAll(ids(three).stream().filter(back::contains).toList());
  }

  @Test
  void slashSearchesAndEscapeClearsTheSearch(FxRobot robot) throws TimeoutException {
    String word = inbox().visibleRows().get(0).item().text().split(" ")[1].toLowerCase();
    robot.clickOn("#messages-list");

    robot.type(KeyCode.SLASH).write(word);

    waitUntil(() -> inbox().visibleRows().size() < 30);
    assertThat(inbox().visibleRows()).allMatch(r -> r.item().text().toLowerCase().contains(word));
    robot.type(KeyCode.ESCAPE);
    assertThat(inbox().visibleRows()).hasSize(30);
  }

  @Test
  void f1ShowsEveryShortcutAndEscapeHidesThem(FxRobot robot) {
    robot.clickOn("#messages-list");

    robot.type(KeyCode.F1);

    assertThat(robot.lookup("#help").queryAs(VBox.class).isVisible()).isTrue();
    assertThat(robot.lookup(".shortcut-key").queryAll()).hasSize(11);
    robot.type(KeyCode.ESCAPE);
    assertThat(robot.lookup("#help").queryAs(VBox.class).isVisible()).isFalse();
  }

  @Test
  void aFailedDeleteComesBackAtItsPlaceAmongRowsDeletedMeanwhile(FxRobot robot) throws TimeoutException {
    List<String> before = ids(notifications().visibleRows());
    fx(() -> notifications().undoWindowSecondsProperty().set(0));
    context.sandbox().faults().set(new FaultSettings(400, 1.0, 500, 0, false, 0, 0, 0, 0, 3, "notifications"));
    fx(() -> notifications().delete(List.of(notifications().visibleRows().get(5))));
    // While that delete is on its way, two rows around it leave the list (still in their undo window).
    fx(() -> notifications().undoWindowSecondsProperty().set(30));
    fx(() -> notifications().delete(List.of(notifications().visibleRows().get(2), notifications().visibleRows().get(6))));

    waitUntil(() -> notifications().visibleRows().stream().anyMatch(r -> r.state().kind() == RowState.Kind.FAILED));

    List<String> now = ids(notifications().visibleRows());
    assertThat(now.indexOf(before.get(5))).isEqualTo(4);
    assertThat(now).doesNotContain(before.get(2), before.get(7));
    assertThat(now.subList(3, 6)).containsExactly(before.get(4), before.get(5), before.get(6));
    context.sandbox().faults().set(FaultSettings.NONE);
  }

  @Test
  void somethingAlreadyGoneStaysGoneWithAQuietNote(FxRobot robot) throws TimeoutException {
    fx(() -> notifications().undoWindowSecondsProperty().set(0));
    String victim = notifications().visibleRows().get(3).id();
    try (var other = dev.inboxdesk.client.NotificationsClient.create(dev.inboxdesk.client.ClientConfig.builder(
        context.sandbox().notificationsUrl()).build())) {
      other.login("ada@example.com", "ada-demo");
      other.deleteNotification(victim);
    }

    fx(() -> notifications().delete(List.of(notifications().visibleRows().get(3))));

    waitUntil(() -> notifications().unsettledCount() == 0);
    assertThat(ids(notifications().allRows())).doesNotContain(victim);
    assertThat(robot.lookup("#toastText").queryAs(Label.class).getText()).isEqualTo("One was already gone.");
  }

  @Test
  void aRefreshRacingADeleteNeverBringsTheRowBack(FxRobot robot) throws TimeoutException, InterruptedException {
    fx(() -> notifications().undoWindowSecondsProperty().set(0));
    String victim = notifications().visibleRows().get(0).id();
    context.sandbox().faults().set(new FaultSettings(300, 0, 500, 0, false, 0, 0, 0, 0, 3, "notifications"));

    fx(() -> {
      notifications().refresh();
      notifications().delete(List.of(notifications().visibleRows().get(0)));
    });

    for (int i = 0; i < 20; i++) {
      assertThat(ids(notifications().allRows())).doesNotContain(victim);
      Thread.sleep(50);
    }
    waitUntil(() -> notifications().unsettledCount() == 0);
    fx(() -> notifications().refresh());
    Thread.sleep(800);
    assertThat(ids(notifications().allRows())).doesNotContain(victim);
    assertThat(serverNotificationIds()).doesNotContain(victim);
  }

  @Test
  void signingOutSendsThePendingDeletesFirst(FxRobot robot) throws TimeoutException {
    fx(() -> inbox().undoWindowSecondsProperty().set(30));
    List<ItemRow> two = List.copyOf(inbox().visibleRows().subList(0, 2));
    fx(() -> inbox().delete(two));

    robot.clickOn("#messagesAccount").clickOn("Sign out");

    waitUntil(() -> context.model().messagesAccountProperty().get().isEmpty());
    assertThat(serverMessageIds()).doesNotContainAnyElementsOf(ids(two));
    assertThat(inbox().allRows()).isEmpty();
  }
}
