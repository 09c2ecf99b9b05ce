package dev.inboxdesk.app.shell;

import dev.inboxdesk.app.accounts.Connection;
import dev.inboxdesk.app.list.ItemListViewModel;
import dev.inboxdesk.app.list.LoadState;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import javax.imageio.ImageIO;

/**
 * {@code --smoke-test}: a start like any other (the settings file, the keyring, remembered sessions;
 * {@code --config DIR} reads another settings file), then wait until both lists have loaded,
 * optionally save a PNG of the window, print {@code startup_ms} (JVM start to the first frame) and
 * {@code loaded_ms} (to both lists shown), and exit 0 (1 on any failure or after a minute). A list
 * of a saved connection without a remembered session has nothing to load: it counts as settled.
 */
final class SmokeTest {
  private static final Duration LIMIT = Duration.ofSeconds(60);

  private SmokeTest() {
  }

  static void watch(Stage stage, CompletableFuture<AppContext> context, InboxDeskApp.LaunchOptions options) {
    AtomicReference<Instant> firstFrame = new AtomicReference<>();
    stage.addEventHandler(WindowEvent.WINDOW_SHOWN,
        event -> Platform.runLater(() -> firstFrame.compareAndSet(null, Instant.now())));
    context.whenComplete((built, error) -> {
      if (error != null) {
        Platform.runLater(() -> finish(1, "the app could not start: " + error));
      }
    });
    Instant deadline = Instant.now().plus(LIMIT);
    PauseTransition poll = new PauseTransition(javafx.util.Duration.millis(50));
    poll.setOnFinished(event -> {
      AppContext built = context.getNow(null);
      if (built == null || firstFrame.get() == null) {
        if (Instant.now().isAfter(deadline)) {
          finish(1, "not started after " + LIMIT.toSeconds() + " s");
        } else {
          poll.playFromStart();
        }
        return;
      }
      MainViewModel model = built.model();
      LoadState inbox = model.inbox().loadStateProperty().get();
      LoadState notifications = model.notifications().loadStateProperty().get();
      if (failed(model.inbox()) || failed(model.notifications())) {
        finish(1, "a list failed to load: " + problem(model.inbox()) + problem(model.notifications()));
      } else if (settled(model, Connection.Service.MESSAGES) && settled(model, Connection.Service.NOTIFICATIONS)) {
        // One more pulse so the loaded rows are laid out before the picture.
        Platform.runLater(() -> {
          try {
            if (options.screenshot() != null) {
              save(stage, options.screenshot());
            }
            System.out.println("startup_ms=" + InboxDeskApp.sinceJvmStart(firstFrame.get()).toMillis());
            System.out.println("loaded_ms=" + InboxDeskApp.sinceJvmStart(Instant.now()).toMillis());
            System.out.println("messages=" + model.inbox().allRows().size() + " notifications="
                + model.notifications().allRows().size());
            finish(0, null);
          } catch (RuntimeException e) {
            finish(1, e.toString());
          }
        });
      } else if (Instant.now().isAfter(deadline)) {
        finish(1, "lists not loaded after " + LIMIT.toSeconds() + " s (inbox " + inbox + ", notifications "
            + notifications + ")");
      } else {
        poll.playFromStart();
      }
    });
    poll.play();
  }

  /** Loaded, or nothing to load: a saved connection nobody is signed in to and no session to restore. */
  private static boolean settled(MainViewModel model, Connection.Service service) {
    ItemListViewModel list = model.list(service);
    if (list.loadStateProperty().get() == LoadState.LOADED) {
      return true;
    }
    Connection connection = model.connection(service);
    return list.loadStateProperty().get() == LoadState.IDLE && !connection.signedIn()
        && connection.profile().map(profile -> model.accounts().rememberedSecret(profile).isEmpty()
            || list.signInProblemProperty().get() != null).orElse(false);
  }

  private static boolean failed(ItemListViewModel list) {
    return list.loadStateProperty().get() == LoadState.FAILED;
  }

  private static String problem(ItemListViewModel list) {
    return list.loadProblemProperty().get() == null ? "" : list.loadProblemProperty().get().oneLine() + " ";
  }

  private static void save(Stage stage, Path file) {
    WritableImage image = stage.getScene().snapshot(null);
    int width = (int) image.getWidth();
    int height = (int) image.getHeight();
    int[] argb = new int[width * height];
    image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
    BufferedImage png = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    png.setRGB(0, 0, width, height, argb, 0, width);
    try {
      if (file.toAbsolutePath().getParent() != null) {
        Files.createDirectories(file.toAbsolutePath().getParent());
      }
      ImageIO.write(png, "png", file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void finish(int code, String why) {
    if (why != null) {
      System.err.println("smoke test failed: " + why);
    }
    System.out.flush();
    Platform.exit();
    System.exit(code);
  }
}
