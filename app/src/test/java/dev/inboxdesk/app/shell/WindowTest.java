package dev.inboxdesk.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inboxdesk.app.common.ErrorPresenter;
import dev.inboxdesk.app.common.FxScheduler;
import dev.inboxdesk.app.list.ItemListViewModel;
import dev.inboxdesk.app.list.ItemRow;
import dev.inboxdesk.app.list.LoadState;
import dev.inboxdesk.client.ClientConfig;
import dev.inboxdesk.client.Message;
import dev.inboxdesk.client.MessagesClient;
import dev.inboxdesk.client.Notification;
import dev.inboxdesk.client.NotificationsClient;
import dev.inboxdesk.client.ReadFilter;
import dev.inboxdesk.history.DeleteHistory;
import dev.inboxdesk.sandbox.SandboxOptions;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The real main window on its own sandbox, driven with keys and clicks. */
@ExtendWith(ApplicationExtension.class)
abstract class WindowTest {
  AppContext context;
  FxScheduler scheduler;
  MainView view;
  Stage stage;
  volatile boolean closed;
  java.nio.file.Path historyFolder;

  /** How the sandbox behind the window starts; tests may change it. */
  SandboxOptions sandboxOptions() {
    return SandboxOptions.defaults().withSize(30);
  }

  /** The window's record of deletes: a folder of the test's own, never the user's. */
  DeleteHistory history() {
    if (historyFolder == null) {
      try {
        historyFolder = java.nio.file.Files.createTempDirectory("inboxdesk-history-test");
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return new DeleteHistory(historyFolder, Clock.systemUTC());
  }

  /** Opens the window; call it from the test class's own {@code @Start} (TestFX finds only those). */
  /** The interface's language; tests may change it. */
  Locale locale() {
    return Locale.ENGLISH;
  }

  void open(Stage stage) {
    Locale.setDefault(locale());
    Theme.LIGHT.apply();
    this.stage = stage;
    scheduler = new FxScheduler(Clock.systemUTC());
    context = AppContext.onSandbox(sandboxOptions(), scheduler, locale(), history());
    view = new MainView(context.model(), Clock.systemUTC(), theme -> { }, context::signInDemoAccount);
    Scene scene = new Scene(view.build(ResourceBundle.getBundle(ErrorPresenter.BUNDLE, locale())), 1200, 760);
    view.installKeys(scene);
    view.closeWithPendingDeletes(stage, () -> closed = true);
    stage.setScene(scene);
    stage.show();
    context.start();
  }

  @BeforeEach
  void waitForBothLists() throws TimeoutException {
    waitUntil(() -> inbox().loadStateProperty().get() == LoadState.LOADED
        && notifications().loadStateProperty().get() == LoadState.LOADED);
  }

  @AfterEach
  void stop() {
    context.close();
    scheduler.close();
  }

  ItemListViewModel inbox() {
    return context.model().inbox();
  }

  ItemListViewModel notifications() {
    return context.model().notifications();
  }

  static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
    WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition);
    WaitForAsyncUtils.waitForFxEvents();
  }

  /** Runs on the FX thread and waits for it. */
  static void fx(Runnable action) {
    WaitForAsyncUtils.waitForAsyncFx(10_000, action);
  }

  static List<String> ids(List<ItemRow> rows) {
    return rows.stream().map(ItemRow::id).toList();
  }

  @SuppressWarnings("unchecked")
  ListView<ItemRow> list(FxRobot robot, String kind) {
    return robot.lookup("#" + kind + "-list").queryAs(ListView.class);
  }

  /** The inbox as the server holds it, through a client of its own. */
  List<String> serverMessageIds() {
    try (MessagesClient client = MessagesClient.create(ClientConfig.builder(context.sandbox().messagesUrl())
        .build())) {
      client.signIn("ada@example.com", "ada-demo");
      return client.listMessages().stream().map(Message::id).toList();
    }
  }

  List<String> serverNotificationIds() {
    try (NotificationsClient client = NotificationsClient.create(
        ClientConfig.builder(context.sandbox().notificationsUrl()).build())) {
      client.login("ada@example.com", "ada-demo");
      return client.listAll(ReadFilter.ALL).stream().map(Notification::id).toList();
    }
  }

  static void assertSameItems(List<String> shown, List<String> server) {
    assertThat(shown).containsExactlyInAnyOrderElementsOf(server);
  }
}
