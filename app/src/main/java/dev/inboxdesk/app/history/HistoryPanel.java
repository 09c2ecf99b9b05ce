package dev.inboxdesk.app.history;

import dev.inboxdesk.app.common.RelativeTime;
import dev.inboxdesk.history.DeleteRecord;
import java.io.File;
import java.io.IOException;
import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

/** "Recently deleted": the record of deletes in a table, with search, export, forget and its preferences. */
public final class HistoryPanel extends VBox {
  private static final Integer[] RETENTION = {7, 30, 90, 365};

  private final HistoryViewModel model;
  private final ResourceBundle words;
  private final TableView<DeleteRecord> table = new TableView<>();
  private final TextField search = new TextField();
  private final Label count = new Label();

  public HistoryPanel(HistoryViewModel model, ResourceBundle words) {
    this.model = model;
    this.words = words;
    setId("historyPanel");
    getStyleClass().add("history-panel");
    setSpacing(6);
    setPadding(new Insets(8, 12, 8, 12));

    Label title = new Label(words.getString("history.title"));
    title.getStyleClass().add("title-4");
    search.setId("historySearch");
    search.setPromptText(words.getString("history.search"));
    search.setPrefColumnCount(18);
    search.textProperty().bindBidirectional(model.searchProperty());
    search.setOnKeyPressed(event -> {
      if (event.getCode() == KeyCode.ESCAPE) {
        search.clear();
        table.requestFocus();
        event.consume();
      }
    });
    Button csv = new Button(words.getString("history.exportCsv"));
    csv.setOnAction(event -> export("csv"));
    Button json = new Button(words.getString("history.exportJson"));
    json.setOnAction(event -> export("json"));
    Button forget = new Button(words.getString("history.forget"));
    forget.setId("historyForget");
    forget.disableProperty().bind(Bindings.isEmpty(table.getSelectionModel().getSelectedItems()));
    forget.setOnAction(event -> model.forget(List.copyOf(table.getSelectionModel().getSelectedItems())));
    ComboBox<Integer> retention = new ComboBox<>();
    retention.setId("historyRetention");
    retention.getItems().setAll(RETENTION);
    retention.setConverter(new StringConverter<>() {
      @Override
      public String toString(Integer days) {
        return days == null ? "" : MessageFormat.format(words.getString("history.retention"), days);
      }

      @Override
      public Integer fromString(String text) {
        return null;
      }
    });
    retention.setValue(model.retentionDaysProperty().get());
    model.retentionDaysProperty().addListener((obs, old, days) -> retention.setValue(days.intValue()));
    retention.valueProperty().addListener((obs, old, days) -> {
      if (days != null) {
        model.retentionDaysProperty().set(days);
      }
    });
    retention.setTooltip(new Tooltip(words.getString("history.retention.tooltip")));
    CheckBox keepText = new CheckBox(words.getString("history.keepText"));
    keepText.setId("historyKeepText");
    keepText.selectedProperty().bindBidirectional(model.keepTextProperty());
    Pane grow = new Pane();
    HBox.setHgrow(grow, Priority.ALWAYS);
    HBox bar = new HBox(8, title, search, csv, json, forget, grow, count, retention, keepText);
    bar.setAlignment(Pos.CENTER_LEFT);

    table.setId("historyTable");
    table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
    table.setItems(model.shown());
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.setPlaceholder(new Label(words.getString("history.empty")));
    table.getColumns().setAll(List.of(
        column("history.col.when", r -> RelativeTime.medium(r.at()), 150),
        column("history.col.service", r -> words.getString("history.service." + r.service()), 110),
        column("history.col.account", DeleteRecord::account, 140),
        column("history.col.outcome", r -> words.getString("history.outcome." + r.outcome().name()), 120),
        column("history.col.text", r -> r.text() == null ? words.getString("history.noText") : r.text(), 400)));
    table.setOnKeyPressed(event -> {
      if (event.getCode() == KeyCode.DELETE && !table.getSelectionModel().isEmpty()) {
        model.forget(List.copyOf(table.getSelectionModel().getSelectedItems()));
        event.consume();
      }
    });
    VBox.setVgrow(table, Priority.ALWAYS);
    model.shown().addListener((javafx.beans.InvalidationListener) obs -> showCount());
    showCount();
    getChildren().setAll(bar, table);
  }

  /** Reads the record again and puts the keyboard in the search. */
  public void open() {
    model.reload();
    search.requestFocus();
  }

  private void showCount() {
    count.setText(MessageFormat.format(words.getString("history.count"), model.shown().size()));
  }

  private TableColumn<DeleteRecord, String> column(String key, java.util.function.Function<DeleteRecord, String> value,
      double width) {
    TableColumn<DeleteRecord, String> column = new TableColumn<>(words.getString(key));
    column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
    column.setPrefWidth(width);
    return column;
  }

  private void export(String kind) {
    FileChooser chooser = new FileChooser();
    chooser.setTitle(words.getString("history.export.title"));
    chooser.setInitialFileName("inboxdesk-deleted." + kind);
    chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind.toUpperCase(java.util.Locale.ROOT),
        "*." + kind));
    File file = chooser.showSaveDialog(getScene().getWindow());
    if (file == null) {
      return;
    }
    try {
      model.export(file.toPath());
    } catch (IOException failed) {
      new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.ERROR, failed.getMessage())
          .showAndWait();
    }
  }
}
