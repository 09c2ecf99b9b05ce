package dev.inboxdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

  @Start
  void start(Stage stage) throws IOException {
    stage.setScene(InboxDeskApp.mainScene());
    stage.show();
  }

  @Test
  void theMainWindowShowsTheAppAndItsVersion(FxRobot robot) {
    Label version = robot.lookup("#versionLabel").queryAs(Label.class);

    assertThat(version.getText()).startsWith("Version ");
    assertThat(robot.lookup("#welcomeTitle").queryAs(Label.class).isVisible()).isTrue();
  }
}
