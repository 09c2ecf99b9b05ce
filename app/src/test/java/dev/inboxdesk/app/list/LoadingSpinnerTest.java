package dev.inboxdesk.app.list;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inboxdesk.app.common.ErrorPresenter;
import dev.inboxdesk.app.common.FxScheduler;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A list that loads says so at once; its spinner comes only once the load has lasted
 * {@link ItemListView#SPINNER_DELAY}, so a quick load flashes none.
 */
@ExtendWith(ApplicationExtension.class)
class LoadingSpinnerTest {
  private final CountDownLatch answer = new CountDownLatch(1);
  private final ExecutorService background = Executors.newSingleThreadExecutor();
  private final FxScheduler ui = new FxScheduler(Clock.systemUTC());
  private ItemListViewModel model;
  private final List<Boolean> spinnerShown = new ArrayList<>();

  @Start
  void start(Stage stage) {
    ItemListView view = ItemListView.create(ResourceBundle.getBundle(ErrorPresenter.BUNDLE, Locale.ENGLISH));
    ScriptedSource source = new ScriptedSource(3) {
      @Override
      public List<Item> list() {
        try {
          answer.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return super.list();
      }
    };
    model = new ItemListViewModel(source, ui, background, ErrorPresenter.forLocale(Locale.ENGLISH));
    view.bind(model, Clock.systemUTC(), () -> { });
    stage.setScene(new Scene(view.root(), 900, 600));
    stage.show();
    view.root().lookup("#loadingSpinner").visibleProperty()
        .addListener((obs, was, shown) -> spinnerShown.add(shown));
  }

  @AfterEach
  void stop() {
    answer.countDown();
    background.shutdownNow();
    ui.close();
  }

  @Test
  void aSlowLoadShowsItsSpinnerAfterTheDelayAndHidesItWhenLoaded(FxRobot robot) throws Exception {
    WaitForAsyncUtils.waitForAsyncFx(5_000, model::refresh);
    assertThat(robot.lookup("#loadingState").query().isVisible()).isTrue();
    assertThat(spinner(robot).isVisible()).isFalse();

    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> spinner(robot).isVisible());
    answer.countDown();
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> model.loadStateProperty().get() == LoadState.LOADED);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup("#loadingState").query().isVisible()).isFalse();
    assertThat(spinner(robot).isVisible()).isFalse();
  }

  @Test
  void aQuickLoadNeverShowsTheSpinner(FxRobot robot) throws Exception {
    WaitForAsyncUtils.waitForAsyncFx(5_000, model::refresh);
    assertThat(robot.lookup("#loadingState").query().isVisible()).isTrue();
    answer.countDown();
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> model.loadStateProperty().get() == LoadState.LOADED);
    // past the delay: the spinner's timer was stopped with the load
    Thread.sleep((long) ItemListView.SPINNER_DELAY.toMillis() + 200);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(spinnerShown).doesNotContain(true);
    assertThat(robot.lookup("#loadingState").query().isVisible()).isFalse();
  }

  private static Node spinner(FxRobot robot) {
    return robot.lookup("#loadingSpinner").query();
  }
}
