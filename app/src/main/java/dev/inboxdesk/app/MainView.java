package dev.inboxdesk.app;

import javafx.fxml.FXML;
import javafx.scene.control.Label;

/** The main window's controller: binds what the window shows. */
public final class MainView {
  @FXML
  private Label versionLabel;

  @FXML
  private void initialize() {
    versionLabel.setText("Version " + AppInfo.version());
  }
}
