package dev.inboxdesk.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inboxdesk.app.history.HistoryViewModel;
import dev.inboxdesk.app.list.ItemRow;
import dev.inboxdesk.history.DeleteRecord;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** Recently deleted: every delete the window sends is in the local record, also after a restart. */
class HistoryWindowTest extends WindowTest {

  @Start
  void start(Stage stage) {
    open(stage);
  }

  private ItemRow deleteFirstMessage(FxRobot robot) throws TimeoutException {
    fx(() -> inbox().undoWindowSecondsProperty().set(0));
    ItemRow victim = inbox().visibleRows().get(0);
    robot.clickOn("#messages-list");
    fx(() -> list(robot, "messages").getSelectionModel().clearAndSelect(0));
    robot.type(KeyCode.DELETE);
    waitUntil(() -> inbox().unsettledCount() == 0);
    waitUntil(() -> context.history().read().stream().anyMatch(r -> r.itemId().equals(victim.id())));
    return victim;
  }

  @Test
  void aDeleteFromTheWindowIsRecordedWithWhereAndWhoAndItsText(FxRobot robot) throws TimeoutException {
    ItemRow victim = deleteFirstMessage(robot);

    DeleteRecord record = context.history().read().stream().filter(r -> r.itemId().equals(victim.id()))
        .findFirst().orElseThrow();
    assertThat(record.service()).isEqualTo("messages");
    assertThat(record.server()).isEqualTo(context.sandbox().messagesUrl());
    assertThat(record.account()).isEqualTo("ada@example.com");
    assertThat(record.text()).isEqualTo(victim.item().text());
    assertThat(record.outcome()).isEqualTo(DeleteRecord.Outcome.DELETED);
    assertThat(record.source()).isEqualTo("window");
  }

  @Test
  void ctrlHOpensRecentlyDeletedWhereTheTextCanBeFound(FxRobot robot) throws TimeoutException {
    ItemRow victim = deleteFirstMessage(robot);

    robot.press(KeyCode.CONTROL).type(KeyCode.H).release(KeyCode.CONTROL);

    assertThat(robot.lookup("#historyPanel").queryAs(VBox.class).isVisible()).isTrue();
    @SuppressWarnings("unchecked")
    TableView<DeleteRecord> table = robot.lookup("#historyTable").queryAs(TableView.class);
    waitUntil(() -> table.getItems().size() == 1);
    String word = victim.item().text().split("\\s+")[0];
    robot.write(word);
    assertThat(table.getItems()).extracting(DeleteRecord::itemId).containsExactly(victim.id());
    fx(() -> context.model().historyModel().searchProperty().set("no such words at all"));
    assertThat(table.getItems()).isEmpty();
  }

  @Test
  void afterARestartEveryDeletedTextIsStillThere(FxRobot robot) throws TimeoutException {
    ItemRow victim = deleteFirstMessage(robot);

    try (AppContext restarted = AppContext.onSandbox(sandboxOptions(), scheduler, Locale.ENGLISH, history())) {
      HistoryViewModel again = restarted.model().historyModel();
      fx(again::reload);
      waitUntil(() -> !again.shown().isEmpty());
      assertThat(again.shown()).extracting(DeleteRecord::text).contains(victim.item().text());
    }
  }

  @Test
  void turningKeepTheTextOffDropsTheTextsKept(FxRobot robot) throws TimeoutException {
    deleteFirstMessage(robot);
    fx(() -> view.history().open());
    robot.press(KeyCode.CONTROL).type(KeyCode.H).release(KeyCode.CONTROL);
    waitUntil(() -> robot.lookup("#historyKeepText").queryAs(CheckBox.class).isSelected());

    robot.clickOn("#historyKeepText");

    waitUntil(() -> context.history().read().stream().allMatch(r -> r.text() == null));
    assertThat(context.history().preferences().keepText()).isFalse();
    assertThat(context.history().preferences().retentionDays()).isEqualTo(30);
    List<DeleteRecord> records = context.history().read();
    assertThat(records).hasSize(1);
  }
}
