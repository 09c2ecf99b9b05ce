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
import java.util.concurrent.Executor;
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
  private final List<Boolean> spinnerShown = new ArrayList<>();
  private Stage stage;
  private ItemListView view;
  private ItemListViewModel model;

  @Start
  void start(Stage stage) {
    this.stage = stage;
  }

  @AfterEach
  void stop() {
    answer.countDown();
    background.shutdownNow();
    ui.close();
  }

  @Test
  void aSlowLoadShowsItsSpinnerAfterTheDelayAndHidesItWhenLoaded(FxRobot robot) throws Exception {
    show(new ScriptedSource(3) {
      @Override
      public List<Item> list() {
        try {
          answer.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return super.list();
      }
    }, background);
    WaitForAsyncUtils.waitForAsyncFx(5_000, () -> {
      model.refresh();
      assertThat(node("#loadingState").isVisible()).isTrue();
      assertThat(node("#loadingSpinner").isVisible()).isFalse();
    });

    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> node("#loadingSpinner").isVisible());
    answer.countDown();
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> model.loadStateProperty().get() == LoadState.LOADED);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(node("#loadingState").isVisible()).isFalse();
    assertThat(node("#loadingSpinner").isVisible()).isFalse();
  }

  @Test
  void aQuickLoadNeverShowsTheSpinner(FxRobot robot) throws Exception {
    // the answer is there as soon as it is asked for: the list loads in the next FX runnable
    show(new ScriptedSource(3), javafx.application.Platform::runLater);
    WaitForAsyncUtils.waitForAsyncFx(5_000, () -> {
      model.refresh();
      assertThat(node("#loadingState").isVisible()).isTrue();
    });
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> model.loadStateProperty().get() == LoadState.LOADED);
    // past the delay: the spinner's timer was stopped with the load
    Thread.sleep((long) ItemListView.SPINNER_DELAY.toMillis() + 200);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(spinnerShown).doesNotContain(true);
    assertThat(node("#loadingState").isVisible()).isFalse();
  }

  private void show(ItemSource source, Executor work) throws Exception {
    WaitForAsyncUtils.waitForAsyncFx(5_000, () -> {
      view = ItemListView.create(ResourceBundle.getBundle(ErrorPresenter.BUNDLE, Locale.ENGLISH));
      model = new ItemListViewModel(source, ui, work, ErrorPresenter.forLocale(Locale.ENGLISH));
      view.bind(model, Clock.systemUTC(), () -> { });
      stage.setScene(new Scene(view.root(), 900, 600));
      stage.show();
      node("#loadingSpinner").visibleProperty().addListener((obs, was, shown) -> spinnerShown.add(shown));
    });
  }

  private Node node(String id) {
    return view.root().lookup(id);
  }
}
