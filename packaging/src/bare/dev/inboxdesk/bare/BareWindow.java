package dev.inboxdesk.bare;

import java.time.Duration;
import java.time.Instant;
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
 * (measured the same way), then exits.
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
      Instant frame = Instant.now();
      long millis = ProcessHandle.current().info().startInstant()
          .map(start -> Duration.between(start, frame).toMillis()).orElse(0L);
      System.out.println("startup_ms=" + millis);
      System.out.flush();
      Platform.exit();
    }));
    stage.show();
  }
}
