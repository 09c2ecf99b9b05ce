package dev.inboxdesk.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inboxdesk.app.common.ErrorPresenter;
import dev.inboxdesk.app.common.FxScheduler;
import dev.inboxdesk.app.list.ItemListView;
import dev.inboxdesk.app.list.LoadState;
import dev.inboxdesk.sandbox.SandboxOptions;
import java.time.Clock;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window comes before what can wait: it is shown without its model (no sandbox, no keyring,
 * no clients yet) and without its lists, which say that they are loading and fill in once the model
 * is bound. The lists are built with their model; a model slow to come is waited for with the list
 * in front built and spinning.
 */
@ExtendWith(ApplicationExtension.class)
class FirstFrameTest {
  private MainView view;
  private FxScheduler scheduler;
  private AppContext context;

  @Start
  void start(Stage stage) {
    Locale.setDefault(Locale.ENGLISH);
    Theme.LIGHT.apply();
    view = new MainView(Clock.systemUTC(), theme -> { });
    stage.setScene(new Scene(view.build(ResourceBundle.getBundle(ErrorPresenter.BUNDLE, Locale.ENGLISH)), 1200, 760));
    stage.show();
  }

  /** The model on a sandbox of 12 items, built off the FX thread as the app does after its first frame. */
  private void buildModel() throws java.io.IOException {
    scheduler = new FxScheduler(Clock.systemUTC());
    context = AppContext.onSandbox(SandboxOptions.defaults().withSize(12), scheduler, Locale.ENGLISH,
        new dev.inboxdesk.history.DeleteHistory(java.nio.file.Files.createTempDirectory("inboxdesk-history-test"),
            Clock.systemUTC()));
  }

  /** What a tab shows: its placeholder, or its list's root. */
  private static Node tabContent(FxRobot robot, int tab) {
    return robot.lookup(".main-tabs").queryAs(javafx.scene.control.TabPane.class).getTabs().get(tab).getContent();
  }

  @AfterEach
  void stop() {
    if (context != null) {
      context.close();
    }
    if (scheduler != null) {
      scheduler.close();
    }
  }

  @Test
  void aModelThatComesQuicklyIsShownWithTheListsBuiltForIt(FxRobot robot) throws Exception {
    buildModel();
    // the model is there by the pulse after the first frame: the lists are built once, bound, and
    // loading (signing in is loading too: no "not signed in" in between)
    WaitForAsyncUtils.waitForAsyncFx(10_000, () -> {
      view.afterFirstFrame();
      assertThat(robot.lookup(".item-list").tryQuery()).isEmpty();
      context.start();
      view.bind(context.model(), context::signInDemoAccount);
      assertThat(context.model().inbox().loadStateProperty().get()).isEqualTo(LoadState.LOADING);
      assertThat(robot.lookup("#emptyState").queryAll().stream().filter(Node::isVisible)).isEmpty();
    });
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup(".first-frame-loading").tryQuery()).isEmpty();
    Node inboxList = robot.lookup("#messages-list").query();
    // the list built for the model has the keyboard, ready for arrows and Delete
    assertThat(inboxList.getScene().getFocusOwner()).isSameAs(inboxList);
    WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () ->
        context.model().inbox().loadStateProperty().get() == LoadState.LOADED
            && context.model().notifications().loadStateProperty().get() == LoadState.LOADED);
    // past the slow-model wait, the same list is there, and nothing says it still loads
    Thread.sleep((long) ItemListView.SPINNER_DELAY.toMillis() + 200);
    WaitForAsyncUtils.waitForFxEvents();
    Node listNow = robot.lookup("#messages-list").query();
    assertThat(listNow).isSameAs(inboxList);
    assertThat(robot.lookup(".item-list").queryAll()).hasSize(2);
    assertThat(robot.lookup("#loadingState").queryAll().stream().filter(Node::isVisible)).isEmpty();
    assertThat(robot.lookup("#messages-list").queryAs(ListView.class).getItems()).hasSize(12);
  }

  @Test
  void theWindowShowsLoadingListsBeforeItsModelAndFillsInAfter(FxRobot robot) throws Exception {
    // The first frame: the window with its bar and tabs, each saying that it loads, no list yet.
    assertThat(tabContent(robot, 0).getStyleClass()).contains("first-frame-loading");
    assertThat(tabContent(robot, 1).getStyleClass()).contains("first-frame-loading");
    assertThat(robot.lookup(".item-list").tryQuery()).isEmpty();
    assertThat(robot.lookup("#reviewButton").queryAs(javafx.scene.control.Button.class).getTooltip()).isNull();
    assertThat(robot.lookup("#toast").tryQuery()).isEmpty();
    // the bar comes first in keyboard and screen-reader order, as it does on screen
    assertThat(robot.lookup(".main-view").queryParent().getChildrenUnmodifiable().get(0).getStyleClass())
        .contains("connection-bar");
    // settings are saved through the model: nothing to change before it is there
    assertThat(robot.lookup("#settingsMenu").query().isDisabled()).isTrue();
    // Then, as the app does after the first frame, the bar gets its tooltips; the list waits for
    // its model a while (a quick one comes with it, in one repaint)...
    WaitForAsyncUtils.waitForAsyncFx(10_000, () -> {
      view.afterFirstFrame();
      assertThat(tabContent(robot, 0).getStyleClass()).contains("first-frame-loading");
      assertThat(robot.lookup(".item-list").tryQuery()).isEmpty();
    });
    assertThat(robot.lookup("#reviewButton").queryAs(javafx.scene.control.Button.class).getTooltip().getText())
        .startsWith("Review mode (Ctrl+E)");
    // ...and this one is slow: the list in front is built, saying that it loads, with its spinner,
    // and keys that need a model do nothing yet.
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup(".item-list").tryQuery().isPresent());
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(tabContent(robot, 0).getStyleClass()).doesNotContain("first-frame-loading");
    assertThat(tabContent(robot, 1).getStyleClass()).contains("first-frame-loading");
    assertThat(robot.lookup(".state").queryAll().stream().filter(Node::isVisible))
        .isNotEmpty()
        .allMatch(state -> ((javafx.scene.layout.Pane) state).getChildren().get(0)
            instanceof javafx.scene.control.ProgressIndicator spinner && spinner.isVisible());
    robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.R)
        .release(javafx.scene.input.KeyCode.R, javafx.scene.input.KeyCode.CONTROL);

    // The window may give the empty search field the focus before the model comes (when it gains
    // the focus itself after the list was built): the list still takes it then.
    WaitForAsyncUtils.waitForAsyncFx(10_000, () -> robot.lookup("#search").query().requestFocus());

    buildModel();
    WaitForAsyncUtils.waitForAsyncFx(10_000, () -> {
      context.start();
      view.bind(context.model(), context::signInDemoAccount);
      // the wait goes on, and so does its spinner
      assertThat(tabContent(robot, 0).lookup("#loadingSpinner").isVisible()).isTrue();
    });

    assertThat(robot.lookup("#settingsMenu").query().isDisabled()).isFalse();
    // once bound, the keyboard is in the list, ready for arrows and Delete
    // (the inbox's list, the tab in front; it owns the scene's focus, and whether the window has
    // the platform's is up to the platform)
    Node inboxList = robot.lookup("#messages-list").query();
    assertThat(inboxList.getScene().getFocusOwner()).isSameAs(inboxList);
    WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () ->
        context.model().inbox().loadStateProperty().get() == LoadState.LOADED
            && context.model().notifications().loadStateProperty().get() == LoadState.LOADED);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup("#messages-list").queryAs(ListView.class).getItems()).hasSize(12);
    // The request inspector is built when first opened.
    robot.clickOn("#requestsToggle");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup("#inspectorTable").tryQuery()).isPresent();
  }
}
