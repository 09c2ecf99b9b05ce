package dev.inboxdesk.bare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * The floor InboxDesk's start is measured against (packaging/measure-startup.sh): a bare JavaFX
 * window, a toolbar and a 240-row list, started on the same runtime with the same options. Like
 * {@code InboxDesk --smoke-test} it prints {@code startup_ms}, from JVM start to the first frame
 * (measured the same way), then exits once that frame has been drawn.
 */
public final class BareWindow extends Application {
  public static void main(String[] args) {
    launch(BareWindow.class, args);
  }

  @Override
  public void start(Stage stage) {
    ListView<String> list = new ListView<>(FXCollections.observableArrayList());
    for (int i = 1; i <= 240; i++) {
      list.getItems().add("Message " + i);
    }
    ToolBar bar = new ToolBar(new Button("Delete"), new Button("Undo"), new TextField());
    BorderPane root = new BorderPane(list);
    root.setTop(bar);
    stage.setScene(new Scene(root, 1200, 760));
    stage.setTitle("Bare window");
    stage.addEventHandler(WindowEvent.WINDOW_SHOWN, event -> Platform.runLater(() -> {
      System.out.println("startup_ms=" + sinceStart().toMillis());
      System.out.flush();
      exitOnceDrawn();
    }));
    stage.show();
  }

  /**
   * Exits a few pulses after the first frame, once it has been drawn into the window: the app's
   * smoke run, which this is compared with, exits long after its first frame has been drawn, so
   * a floor that quit before drawing its own would leave out what a window costs to paint (the
   * buffers it is drawn into and handed to the X server over).
   */
  private static void exitOnceDrawn() {
    new AnimationTimer() {
      private int pulses;

      @Override
      public void handle(long now) {
        if (++pulses == PULSES_AFTER_FIRST_FRAME) {
          stop();
          Platform.exit();
        }
      }
    }.start();
  }

  /** The render thread draws a pulse's frame while the next pulse is prepared; five is ample. */
  private static final int PULSES_AFTER_FIRST_FRAME = 5;

  /** As InboxDesk's smoke test measures it: the kernel's clock since boot on Linux, else ProcessHandle. */
  static Duration sinceStart() {
    try {
      String stat = Files.readString(Path.of("/proc/self/stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long startTicks = Long.parseLong(fields[19]);
      double uptime = Double.parseDouble(Files.readString(Path.of("/proc/uptime")).split(" ")[0]);
      return Duration.ofMillis(Math.round((uptime - startTicks / 100.0) * 1000));
    } catch (IOException | RuntimeException notLinux) {
      Instant now = Instant.now();
      return ProcessHandle.current().info().startInstant().map(start -> Duration.between(start, now))
          .orElse(Duration.ZERO);
    }
  }
}
