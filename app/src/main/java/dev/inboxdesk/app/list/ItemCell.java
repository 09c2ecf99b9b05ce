package dev.inboxdesk.app.list;

import dev.inboxdesk.app.common.RelativeTime;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ResourceBundle;
import java.util.function.DoubleConsumer;
import javafx.geometry.Pos;
import javafx.scene.AccessibleAttribute;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;

/** One row: title (bold when unread), a line with type and time, and a badge when its delete came back. */
final class ItemCell extends ListCell<ItemRow> {
  private final Clock clock;
  private final ResourceBundle bundle;
  private final Circle unreadDot = new Circle(4);
  private final Label title = new Label();
  private final Label type = new Label();
  private final Label time = new Label() {
    @Override
    public Object queryAccessibleAttribute(AccessibleAttribute attribute, Object... parameters) {
      // A screen reader hears the exact time as the time's help, worked out when it asks.
      return attribute == AccessibleAttribute.HELP && createdAt != null ? RelativeTime.exact(createdAt)
          : super.queryAccessibleAttribute(attribute, parameters);
    }
  };
  private final Label badge = new Label();
  /** The exact time, made when the pointer first comes to the time: not for every row shown. */
  private Tooltip timeTip;
  private Instant createdAt;
  private final HBox root;
  private static final java.util.regex.Pattern LINE_BREAKS = java.util.regex.Pattern.compile("\\R+");
  private static final int SHOWN_CHARACTERS = 400;
  /** Told the height this cell wants whenever it is laid out with a row (the list fixes its cells' size). */
  private final DoubleConsumer laidOutHeight;

  ItemCell(Clock clock, ResourceBundle bundle, DoubleConsumer laidOutHeight) {
    this.clock = clock;
    this.bundle = bundle;
    this.laidOutHeight = laidOutHeight;
    unreadDot.getStyleClass().add("unread-dot");
    title.getStyleClass().add("item-cell-title");
    type.getStyleClass().addAll("item-cell-meta", "type-chip");
    time.getStyleClass().add("item-cell-meta");
    time.setOnMouseEntered(event -> {
      if (timeTip == null) {
        timeTip = new Tooltip(RelativeTime.exact(createdAt));
        time.setTooltip(timeTip);
      }
    });
    badge.getStyleClass().add("badge");
    HBox meta = new HBox(8, type, time);
    meta.setAlignment(Pos.CENTER_LEFT);
    VBox text = new VBox(3, title, meta);
    HBox.setHgrow(text, Priority.ALWAYS);
    text.setMinWidth(0);
    title.setMinWidth(0);
    Region dotSlot = new HBox(unreadDot);
    dotSlot.setMinWidth(10);
    ((HBox) dotSlot).setAlignment(Pos.CENTER);
    root = new HBox(8, dotSlot, text, badge);
    root.setAlignment(Pos.CENTER_LEFT);
    setPrefWidth(0);
  }

  @Override
  protected void layoutChildren() {
    super.layoutChildren();
    if (!isEmpty()) {
      // the content's own height: the cell's prefHeight is the fixed size once there is one
      laidOutHeight.accept(snappedTopInset() + root.prefHeight(-1) + snappedBottomInset());
    }
  }

  @Override
  protected void updateItem(ItemRow row, boolean empty) {
    super.updateItem(row, empty);
    if (empty || row == null) {
      createdAt = null;
      setGraphic(null);
      setText(null);
      return;
    }
    Item item = row.item();
    // one line: a row is a summary (the detail pane shows the whole text), and rows share a height
    String line = item.title().isEmpty() ? item.text() : item.title();
    // The label ends it with "…" where the row ends; a few hundred characters fill any width.
    title.setText(LINE_BREAKS.matcher(line.length() > SHOWN_CHARACTERS ? line.substring(0, SHOWN_CHARACTERS) : line)
        .replaceAll(" "));
    title.getStyleClass().remove("unread");
    if (!item.read()) {
      title.getStyleClass().add("unread");
    }
    unreadDot.setVisible(!item.read());
    type.setText(item.type().replace('_', ' '));
    type.setVisible(!item.type().isEmpty());
    type.setManaged(!item.type().isEmpty());
    time.setText(RelativeTime.relative(item.createdAt(), clock.instant()));
    createdAt = item.createdAt();
    if (timeTip != null) {
      timeTip.setText(RelativeTime.exact(createdAt));
    }
    RowState state = row.state();
    badge.getStyleClass().removeAll("badge-failed", "badge-pending");
    switch (state.kind()) {
      case FAILED -> {
        badge.setText(bundle.getString("row.failed"));
        badge.getStyleClass().add("badge-failed");
      }
      case UNCONFIRMED -> {
        badge.setText(bundle.getString("row.unconfirmed"));
        badge.getStyleClass().add("badge-pending");
      }
      case RATE_LIMITED -> {
        long seconds = Math.max(0, Duration.between(clock.instant(), state.retryAt()).toSeconds());
        badge.setText(MessageFormat.format(bundle.getString("row.pending"), seconds));
        badge.getStyleClass().add("badge-pending");
      }
      default -> badge.setText("");
    }
    badge.setVisible(state.kind() != RowState.Kind.NORMAL);
    badge.setManaged(state.kind() != RowState.Kind.NORMAL);
    setText(null);
    setGraphic(root);
  }
}
