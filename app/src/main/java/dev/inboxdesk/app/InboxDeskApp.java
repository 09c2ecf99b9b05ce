package dev.inboxdesk.app;

import java.io.IOException;
import java.net.URL;
import java.util.List;
import javafx.application.Application;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The JavaFX application: builds the main window. */
public final class InboxDeskApp extends Application {

  static void launchAndWait(List<String> args) {
    Application.launch(InboxDeskApp.class, args.toArray(String[]::new));
  }

  @Override
  public void start(Stage stage) throws IOException {
    stage.setTitle(AppInfo.NAME);
    stage.setScene(mainScene());
    stage.setMinWidth(640);
    stage.setMinHeight(400);
    stage.show();
  }

  /** The main window's scene; public so tests can put it on their own stage. */
  public static Scene mainScene() throws IOException {
    URL fxml = InboxDeskApp.class.getResource("MainView.fxml");
    Parent root = FXMLLoader.load(fxml);
    Scene scene = new Scene(root, 1100, 720);
    scene.getStylesheets().add(InboxDeskApp.class.getResource("MainView.css").toExternalForm());
    return scene;
  }
}
