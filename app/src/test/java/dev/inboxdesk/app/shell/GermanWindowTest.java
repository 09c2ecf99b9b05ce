package dev.inboxdesk.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inboxdesk.app.accounts.Connection;
import dev.inboxdesk.app.accounts.Profile;
import dev.inboxdesk.app.common.RelativeTime;
import dev.inboxdesk.sandbox.Sandbox;
import dev.inboxdesk.sandbox.SandboxOptions;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The window in German: nothing cut, nothing left in English. */
class GermanWindowTest extends WindowTest {

  @Override
  Locale locale() {
    return Locale.GERMAN;
  }

  @Override
  SandboxOptions sandboxOptions() {
    // As many as the demo account has: the counts are as long as a user sees them.
    return SandboxOptions.defaults().withSize(240);
  }

  @Start
  void start(Stage stage) {
    open(stage);
  }

  @Test
  void theSortChoiceIsShownWhole(FxRobot robot) {
    ComboBox<?> sort = robot.lookup(".list-toolbar .combo-box").queryAs(ComboBox.class);
    java.util.List<String> texts = sort.lookupAll(".text").stream().filter(Text.class::isInstance)
        .map(node -> ((Text) node).getText()).toList();

    assertThat(texts).contains("Neueste zuerst").noneMatch(text -> text.endsWith("…"));
    assertThat(sort.getWidth()).isGreaterThanOrEqualTo(sort.prefWidth(-1) - 0.5);
  }

  @Test
  void relativeTimesAndDatesAreGerman() {
    Instant now = Instant.parse("2026-05-20T12:00:00Z");
    assertThat(RelativeTime.relative(now.minusSeconds(180), now)).isEqualTo("vor 3 Min.");
    assertThat(RelativeTime.relative(now.minusSeconds(30 * 3600), now)).isEqualTo("gestern");
    Instant may = LocalDate.of(2026, 5, 1).atTime(12, 0).atZone(ZoneId.systemDefault()).toInstant();
    assertThat(RelativeTime.relative(may, now)).isEqualTo("1. Mai 2026");
    assertThat(RelativeTime.relative(now.minusSeconds(180), now, Locale.ENGLISH)).isEqualTo("3 min ago");
  }

  @Test
  void theKeyringNoteIsGerman(FxRobot robot) throws TimeoutException {
    try (Sandbox staging = Sandbox.start(SandboxOptions.defaults().withSize(3))) {
      Profile messages = Profile.create("Staging", Connection.Service.MESSAGES, staging.messagesUrl());
      fx(() -> context.model().accounts().update(s -> s.withProfile(messages)));
      fx(() -> context.model().use(Connection.Service.MESSAGES, messages));
      waitUntil(() -> !context.model().connection(Connection.Service.MESSAGES).sandbox());

      robot.clickOn("#messagesAccount").clickOn("Anmelden…");
      waitUntil(() -> robot.lookup("#signInKeyringNote").tryQuery().isPresent());

      assertThat(robot.lookup("#signInKeyringNote").queryAs(Label.class).getText())
          .startsWith("Hier ist kein Schlüsselbund");
      robot.type(javafx.scene.input.KeyCode.ESCAPE);
    }
  }

  @Test
  void at1280PixelsBothToolbarsFitWithoutAnOverflowMenu(FxRobot robot) throws TimeoutException {
    fx(() -> {
      stage.setWidth(1280);
      stage.setHeight(720);
    });
    for (Connection.Service service : Connection.Service.values()) {
      fx(() -> view.select(service));
      waitUntil(() -> true);
      for (javafx.scene.Node overflow : robot.lookup(".tool-bar-overflow-button").queryAll()) {
        if (overflow.getScene() != null && overflow.getParent() != null && overflow.getParent().isVisible()
            && overflow.getParent().localToScene(overflow.getParent().getBoundsInLocal()).getWidth() > 0
            && isShowing(overflow)) {
          assertThat(overflow.isVisible()).as("overflow menu on " + service).isFalse();
        }
      }
    }
    java.util.List<String> topBar = robot.lookup(".connection-bar .text").queryAll().stream()
        .filter(Text.class::isInstance).map(node -> ((Text) node).getText()).toList();
    assertThat(topBar).contains("InboxDesk", "SANDBOX").noneMatch(text -> text.endsWith("…") && !text.contains("@"));
  }

  private static boolean isShowing(javafx.scene.Node node) {
    for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
      if (!n.isVisible()) {
        return false;
      }
    }
    return true;
  }
}
