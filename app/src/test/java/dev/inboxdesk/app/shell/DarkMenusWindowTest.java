package dev.inboxdesk.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * In the dark theme a pop-up menu has no light frame: no shadow and no round corners, so its window
 * has no transparent pixels that an X server without a compositor would paint light.
 */
class DarkMenusWindowTest extends WindowTest {

  @Start
  void start(Stage stage) {
    open(stage);
    Theme.DARK.apply();
  }

  @AfterEach
  void backToLight() {
    Theme.LIGHT.apply();
  }

  @Test
  void aPopUpMenuIsOpaqueToItsEdge(FxRobot robot) {
    robot.clickOn("#messages-list");
    fx(() -> list(robot, "messages").getContextMenu().show(list(robot, "messages"), javafx.geometry.Side.TOP, 40,
        40));
    WaitForAsyncUtils.waitForFxEvents(5);
    ContextMenu menu = (ContextMenu) Window.getWindows().stream().filter(w -> w instanceof ContextMenu && w.isShowing())
        .findFirst().orElseThrow();

    Region content = menu.getScene().getRoot().lookupAll(".context-menu").stream()
        .filter(node -> node instanceof Region region && region.getBackground() != null).map(Region.class::cast)
        .findFirst().orElseThrow();
    assertThat(content.getEffect()).isNull();
    for (BackgroundFill fill : content.getBackground().getFills()) {
      assertThat(fill.getRadii()).isEqualTo(CornerRadii.EMPTY);
      assertThat(((javafx.scene.paint.Color) fill.getFill()).getBrightness()).isLessThan(0.5);
    }
    Node first = content.getBackground().getFills().isEmpty() ? null : content;
    assertThat(first).isNotNull();
    fx(menu::hide);
  }
}
