package dev.inboxdesk.app.list;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inboxdesk.app.common.ErrorPresenter;
import dev.inboxdesk.app.common.RelativeTime;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;
import javafx.scene.AccessibleAttribute;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A row's time tells its exact date and time when pointed at; the tooltip is made only then. */
@ExtendWith(ApplicationExtension.class)
class ItemCellTimeTipTest {
  private final ScriptedSource source = new ScriptedSource(5);

  @Start
  void start(Stage stage) {
    Locale.setDefault(Locale.ENGLISH);
    ItemListView view = ItemListView.create(ResourceBundle.getBundle(ErrorPresenter.BUNDLE, Locale.ENGLISH));
    ItemListViewModel model = new ItemListViewModel(source, new ManualScheduler(), Runnable::run,
        ErrorPresenter.forLocale(Locale.ENGLISH));
    view.bind(model, Clock.systemUTC(), () -> { });
    model.refresh();
    stage.setScene(new Scene(view.root(), 900, 600));
    stage.show();
  }

  @Test
  void pointingAtARowsTimeShowsItsExactTime(FxRobot robot) throws Exception {
    List<Label> times = robot.lookup(".item-cell-meta").queryAllAs(Label.class).stream()
        .filter(label -> !label.getStyleClass().contains("type-chip") && label.isVisible()
            && !label.getText().isEmpty())
        .toList();
    assertThat(times).hasSizeGreaterThanOrEqualTo(5).allMatch(time -> time.getTooltip() == null);

    Label second = times.stream().filter(time -> time.getScene() != null)
        .sorted(java.util.Comparator.comparingDouble(time -> time.localToScene(0, 0).getY()))
        .toList().get(1);
    // a screen reader hears the exact time before any pointer has come near
    Object help = WaitForAsyncUtils.asyncFx(() -> second.queryAccessibleAttribute(AccessibleAttribute.HELP))
        .get(5, TimeUnit.SECONDS);
    assertThat(help).isEqualTo(RelativeTime.exact(source.item(1).createdAt()));
    robot.moveTo(second);
    robot.moveBy(1, 0);
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
        () -> second.getTooltip() != null && second.getTooltip().isShowing());
    assertThat(second.getTooltip().getText()).isEqualTo(RelativeTime.exact(source.item(1).createdAt()));
  }
}
