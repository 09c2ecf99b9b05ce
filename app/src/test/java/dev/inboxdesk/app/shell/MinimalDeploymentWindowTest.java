package dev.inboxdesk.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inboxdesk.app.list.ItemRow;
import dev.inboxdesk.sandbox.Deployment;
import dev.inboxdesk.sandbox.SandboxOptions;
import java.util.List;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The window on deployments that have only the documented routes and name fields their own way:
 * the core flows work, and a missing optional feature says so instead of failing silently.
 */
class MinimalDeploymentWindowTest extends WindowTest {

  @Override
  SandboxOptions sandboxOptions() {
    return SandboxOptions.defaults().withSize(30).withDeployment(Deployment.STANDARD.withMinimal(true)
        .withKindField("type").withIgnoreFilters(true).withRoute404("nest"));
  }

  @Start
  void start(Stage stage) {
    open(stage);
  }

  @Test
  void everyNotificationLoadsAndDeletesGoThrough() throws TimeoutException {
    assertSameItems(ids(notifications().allRows()), serverNotificationIds());
    assertThat(notifications().allRows()).allSatisfy(row -> assertThat(row.item().type()).isNotEmpty());
    fx(() -> notifications().undoWindowSecondsProperty().set(0));
    ItemRow victim = notifications().visibleRows().get(0);

    fx(() -> notifications().delete(List.of(victim)));

    waitUntil(() -> notifications().unsettledCount() == 0);
    assertThat(serverNotificationIds()).doesNotContain(victim.id());
  }

  @Test
  void markReadOnAServerWithoutTheRouteSaysWhyAndTurnsItselfOff(FxRobot robot) throws TimeoutException {
    ItemRow unread = notifications().visibleRows().stream().filter(r -> !r.item().read()).findFirst().orElseThrow();
    fx(() -> notifications().markRead(List.of(unread)));

    waitUntil(() -> notifications().lastFailureProperty().get() != null);
    assertThat(notifications().lastFailureProperty().get().oneLine()).contains("does not serve");
    assertThat(unread.item().read()).isFalse();
    assertThat(notifications().markReadAvailableProperty().get()).isFalse();
    Button markRead = robot.lookup("#markReadButton").queryAllAs(Button.class).stream()
        .filter(b -> b.getScene() != null && b.isVisible()).findFirst().orElseThrow();
    assertThat(markRead.isDisabled()).isTrue();
    assertThat(markRead.getTooltip().getText()).contains("does not offer marking");
  }

  @Test
  void theAcceptingSwitchOnAServerWithoutTheRouteIsOffAndSaysWhy(FxRobot robot) throws TimeoutException {
    waitUntil(() -> inbox().acceptingUnavailableProperty().get() != null);

    atlantafx.base.controls.ToggleSwitch accepting = robot.lookup("#acceptingSwitch")
        .queryAs(atlantafx.base.controls.ToggleSwitch.class);
    assertThat(accepting.isVisible()).isTrue();
    assertThat(accepting.isDisabled()).isTrue();
    assertThat(accepting.getTooltip().getText()).contains("no route for accepting messages");
  }
}
