package dev.inboxdesk.app.shell;

import java.util.ResourceBundle;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The window's settings: how long a delete can be undone, the longest wait for a server, asking
 * before large deletes, the dark theme. Each is a property the window binds; the menu's items are
 * made the first time it opens, since the first frame needs only the button.
 */
final class SettingsMenu extends MenuButton {
  static final int[] UNDO_SECONDS = {0, 3, 5, 10, 30};
  static final int[] WAIT_SECONDS = {30, 120, 600};

  private final ResourceBundle resources;
  private final IntegerProperty undoWindowSeconds = new SimpleIntegerProperty(5);
  private final IntegerProperty maxWaitSeconds = new SimpleIntegerProperty(120);
  private final BooleanProperty confirmDeletes = new SimpleBooleanProperty();
  private final BooleanProperty darkTheme = new SimpleBooleanProperty();

  SettingsMenu(ResourceBundle resources) {
    this.resources = resources;
    setId("settingsMenu");
    getStyleClass().add("flat");
    setAccessibleText(resources.getString("bar.settings"));
    setMinWidth(Region.USE_PREF_SIZE);
    setGraphic(new FontIcon("fth-settings"));
    setOnShowing(event -> {
      if (getItems().isEmpty()) {
        fill();
      }
    });
  }

  /** Seconds a delete waits before it is sent, so that it can be undone (0: sent at once). */
  IntegerProperty undoWindowSecondsProperty() {
    return undoWindowSeconds;
  }

  /** The longest the client waits for a server (a rate limit, a retry) before it gives up. */
  IntegerProperty maxWaitSecondsProperty() {
    return maxWaitSeconds;
  }

  /** Whether large deletes ask first. */
  BooleanProperty confirmDeletesProperty() {
    return confirmDeletes;
  }

  /** Whether the window is dark. */
  BooleanProperty darkThemeProperty() {
    return darkTheme;
  }

  private void fill() {
    getItems().add(heading("settings.undoWindow"));
    ToggleGroup undo = new ToggleGroup();
    for (int seconds : UNDO_SECONDS) {
      getItems().add(choice(undo, seconds == 0 ? resources.getString("settings.undo0") : seconds + " s", seconds,
          undoWindowSeconds));
    }
    getItems().addAll(new SeparatorMenuItem(), heading("settings.maxWait"));
    ToggleGroup wait = new ToggleGroup();
    for (int seconds : WAIT_SECONDS) {
      getItems().add(choice(wait, seconds < 60 ? seconds + " s" : seconds / 60 + " min", seconds, maxWaitSeconds));
    }
    getItems().addAll(new SeparatorMenuItem(), check("settings.confirm", confirmDeletes),
        check("settings.dark", darkTheme));
  }

  private MenuItem heading(String key) {
    MenuItem heading = new MenuItem(resources.getString(key));
    heading.setDisable(true);
    return heading;
  }

  /** One of a group of choices, selected while {@code setting} holds its value; choosing it sets that value. */
  private static RadioMenuItem choice(ToggleGroup group, String text, int value, IntegerProperty setting) {
    RadioMenuItem item = new RadioMenuItem(text);
    item.setToggleGroup(group);
    item.setSelected(setting.get() == value);
    item.setOnAction(event -> setting.set(value));
    setting.addListener((obs, old, now) -> item.setSelected(now.intValue() == value));
    return item;
  }

  private CheckMenuItem check(String key, BooleanProperty setting) {
    CheckMenuItem item = new CheckMenuItem(resources.getString(key));
    item.selectedProperty().bindBidirectional(setting);
    return item;
  }
}
