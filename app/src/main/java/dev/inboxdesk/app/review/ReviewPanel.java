package dev.inboxdesk.app.review;

import dev.inboxdesk.app.common.RelativeTime;
import dev.inboxdesk.app.list.ItemRow;
import java.util.ResourceBundle;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Review mode on screen: one item, large, over the list; D deletes, K keeps, U undoes, Esc ends.
 * A running count and the server's pace stay in sight; the end shows a summary.
 */
public final class ReviewPanel extends VBox {
  private final ReviewViewModel model;
  private final ResourceBundle words;
  private final Runnable onClose;
  private final Label text = new Label();
  private final Label meta = new Label();
  private final Label position = new Label();
  private final Label note = new Label();
  private final Label summary = new Label();
  private final VBox itemBox;
  private final VBox endBox;

  public ReviewPanel(ReviewViewModel model, ResourceBundle words, String title, Runnable onClose) {
    this.model = model;
    this.words = words;
    this.onClose = onClose;
    setId("reviewPanel");
    getStyleClass().add("review-panel");
    setFocusTraversable(true);
    // Over the list: it takes the list's room and never asks for more.
    setMinHeight(0);

    Label heading = new Label(title);
    heading.getStyleClass().add("title-3");
    Label pace = new Label(model.pace());
    pace.setId("reviewPace");
    pace.getStyleClass().add("review-pace");
    position.setId("reviewPosition");
    position.getStyleClass().add("text-muted");
    Pane grow = new Pane();
    HBox.setHgrow(grow, Priority.ALWAYS);
    HBox top = new HBox(16, heading, position, grow, pace);
    top.setAlignment(Pos.CENTER_LEFT);

    text.setId("reviewText");
    text.getStyleClass().add("review-text");
    text.setWrapText(true);
    meta.getStyleClass().add("text-muted");
    ScrollPane scroll = new ScrollPane(text);
    scroll.setFitToWidth(true);
    scroll.getStyleClass().add("review-scroll");
    scroll.setFocusTraversable(false);
    VBox.setVgrow(scroll, Priority.ALWAYS);
    Button delete = new Button(words.getString("review.delete"));
    delete.getStyleClass().add("danger");
    delete.setOnAction(event -> model.delete());
    Button keep = new Button(words.getString("review.keep"));
    keep.getStyleClass().add("accent");
    keep.setOnAction(event -> model.keep());
    Button undo = new Button(words.getString("review.undo"));
    undo.setOnAction(event -> model.undo());
    for (Button button : new Button[] {delete, keep, undo}) {
      button.setFocusTraversable(false);
    }
    note.setId("reviewNote");
    note.getStyleClass().add("text-muted");
    HBox actions = new HBox(10, delete, keep, undo, note);
    actions.setAlignment(Pos.CENTER_LEFT);
    itemBox = new VBox(12, meta, scroll, actions);
    VBox.setVgrow(itemBox, Priority.ALWAYS);

    summary.setId("reviewSummary");
    summary.getStyleClass().add("title-4");
    summary.setWrapText(true);
    Button close = new Button(words.getString("review.close"));
    close.setId("reviewClose");
    close.getStyleClass().add("accent");
    close.setOnAction(event -> onClose.run());
    endBox = new VBox(14, summary, close);
    endBox.setAlignment(Pos.CENTER);
    VBox.setVgrow(endBox, Priority.ALWAYS);

    Label hint = new Label(words.getString("review.hint"));
    hint.getStyleClass().add("text-subtle");
    setSpacing(14);
    getChildren().setAll(top, itemBox, hint);

    model.currentProperty().addListener((obs, old, row) -> show(row));
    model.positionProperty().addListener(obs -> position.setText(model.positionProperty().get()));
    model.noteProperty().addListener(obs -> note.setText(model.noteProperty().get()));
    model.finishedProperty().addListener(obs -> showEnd());
    position.setText(model.positionProperty().get());
    show(model.currentProperty().get());
    showEnd();
    addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
  }

  public ReviewViewModel model() {
    return model;
  }

  /** D, K, U and Esc; Enter or Esc close the summary. */
  private void onKey(KeyEvent event) {
    if (event.isControlDown() || event.isAltDown() || event.isMetaDown()) {
      return;
    }
    KeyCode code = event.getCode();
    if (model.finishedProperty().get() && code != KeyCode.U) {
      if (code == KeyCode.ENTER || code == KeyCode.ESCAPE || code == KeyCode.SPACE) {
        onClose.run();
        event.consume();
      }
      return;
    }
    switch (code) {
      case D, DELETE -> model.delete();
      case K, RIGHT, SPACE -> model.keep();
      case U -> model.undo();
      case ESCAPE -> onClose.run();
      default -> {
        return;
      }
    }
    event.consume();
  }

  private void show(ItemRow row) {
    if (row == null) {
      return;
    }
    String title = row.item().title();
    String shortTitle = title == null ? "" : title.replaceFirst("…$", "");
    text.setText(row.item().text());
    // A message's title is its first line: said once, in the text.
    meta.setText((!shortTitle.isBlank() && !row.item().text().startsWith(shortTitle) ? title + " · " : "")
        + RelativeTime.exact(row.item().createdAt()));
  }

  private void showEnd() {
    boolean done = model.finishedProperty().get();
    if (done) {
      summary.setText(model.summary());
      getChildren().set(1, endBox);
    } else if (getChildren().get(1) != itemBox) {
      getChildren().set(1, itemBox);
    }
  }
}
