package dev.inboxdesk.app.inspector;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.inboxdesk.client.Exchange;
import dev.inboxdesk.wire.Curl;
import dev.inboxdesk.wire.Har;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.geometry.Orientation;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

/** The request inspector: every exchange live, its headers and bodies, copy as cURL, export as HAR. */
public final class InspectorView {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
      .withZone(ZoneId.systemDefault());
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Below this width the details go under the table. */
  private static final double SIDE_BY_SIDE_WIDTH = 1440;
  private static final double MAX_HEIGHT = 340;

  @FXML private ResourceBundle resources;
  @FXML private ChoiceBox<String> serviceFilter;
  @FXML private ChoiceBox<RequestLog.StatusFilter> statusFilter;
  @FXML private ToggleButton reveal;
  @FXML private ToggleButton timelineToggle;
  @FXML private TableView<Exchange> table;
  @FXML private SplitPane split;
  @FXML private TableColumn<Exchange, String> timeColumn;
  @FXML private TableColumn<Exchange, String> methodColumn;
  @FXML private TableColumn<Exchange, String> urlColumn;
  @FXML private TableColumn<Exchange, String> statusColumn;
  @FXML private TableColumn<Exchange, String> durationColumn;
  @FXML private TableColumn<Exchange, String> sizeColumn;
  @FXML private TableColumn<Exchange, String> limitColumn;
  @FXML private TableColumn<Exchange, String> correlationColumn;
  @FXML private TextArea details;
  @FXML private Label note;

  private RequestLog log;
  private Resend resend;

  /** Sends a recorded request again through the service's signed-in client; completes on the UI thread. */
  @FunctionalInterface
  public interface Resend {
    java.util.concurrent.CompletableFuture<dev.inboxdesk.client.Resent> send(String service,
        dev.inboxdesk.client.ResendRequest request);
  }

  /** Enables "Edit and resend" with the window's signed-in clients. */
  public void setResend(Resend value) {
    this.resend = value;
  }

  @FXML
  void editAndResend() {
    Exchange selected = table.getSelectionModel().getSelectedItem();
    if (selected != null && resend != null) {
      new ResendDialog(selected, resend, resources, table.getScene().getWindow()).show();
    }
  }

  public void bind(RequestLog requestLog) {
    this.log = requestLog;
    table.setItems(log.shown());
    // The URL takes what the other columns leave; none of them is cut.
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_SUBSEQUENT_COLUMNS);
    for (TableColumn<Exchange, ?> column : table.getColumns()) {
      if (column != urlColumn) {
        column.setMinWidth(column.getPrefWidth());
      }
    }
    column(timeColumn, e -> TIME.format(e.startedAt()));
    urlColumn.setMinWidth(120);
    // A retry is its own row, marked: "DELETE ↻1" is the first retry of a DELETE.
    column(methodColumn, e -> e.attempt() > 1 ? e.method() + " \u21bb" + (e.attempt() - 1) : e.method());
    column(urlColumn, Exchange::url);
    column(statusColumn, e -> e.status() == 0 ? "—" : Integer.toString(e.status()));
    column(durationColumn, e -> Long.toString(e.duration().toMillis()));
    column(sizeColumn, e -> Long.toString(e.responseBytes()));
    column(limitColumn, e -> e.rateLimit().remaining() == null ? "" : e.rateLimit().remaining() + " left"
        + (e.rateLimit().resetAfter() == null ? "" : ", " + e.rateLimit().resetAfter().toSeconds() + " s"));
    column(correlationColumn, e -> e.correlationId() == null ? "" : e.correlationId());
    serviceFilter.getItems().setAll("", "messages", "notifications");
    serviceFilter.setConverter(converter(s -> s.isEmpty() ? resources.getString("inspector.allServices")
        : resources.getString(s.equals("messages") ? "bar.messages" : "bar.notifications")));
    serviceFilter.setValue("");
    serviceFilter.valueProperty().addListener((obs, old, s) -> log.filterService(s == null || s.isEmpty() ? null : s));
    statusFilter.getItems().setAll(RequestLog.StatusFilter.values());
    statusFilter.setConverter(converter(s -> resources.getString("inspector.status." + s.name())));
    statusFilter.setValue(RequestLog.StatusFilter.ALL);
    statusFilter.valueProperty().addListener((obs, old, s) -> log.filterStatus(s));
    table.getSelectionModel().selectedItemProperty().addListener((obs, old, e) -> showDetails());
    reveal.selectedProperty().addListener((obs, old, on) -> showDetails());
    note.setText(resources.getString("inspector.noSecrets"));
    layOutByPriority();
    addTimeline();
  }

  /** The timeline above the table, on request: pacing seen at a glance, redrawn as exchanges come and each second. */
  private void addTimeline() {
    TimelineView timeline = new TimelineView(TimelineView.of(log, log::service, java.time.Instant::now));
    timeline.setId("inspectorTimelineView");
    timeline.visibleProperty().bind(timelineToggle.selectedProperty());
    timeline.managedProperty().bind(timelineToggle.selectedProperty());
    VBox root = (VBox) split.getParent();
    root.getChildren().add(root.getChildren().indexOf(split), timeline);
    log.all().addListener((javafx.collections.ListChangeListener<Exchange>) change -> timeline.redraw());
    javafx.animation.Timeline ticker = new javafx.animation.Timeline(new javafx.animation.KeyFrame(
        javafx.util.Duration.seconds(1), e -> {
          if (timeline.isVisible()) {
            timeline.redraw();
          }
        }));
    ticker.setCycleCount(javafx.animation.Animation.INDEFINITE);
    ticker.play();
  }

  /**
   * What matters stays in sight on a small screen: below a wide window's width the details go
   * under the table, which then has the whole width for its columns (status, rate limit and
   * correlation id come before the URL, which takes what is left); and the inspector takes at most
   * two fifths of the window's height, so the status bar under it is never pushed out.
   */
  private void layOutByPriority() {
    split.widthProperty().addListener((obs, old, width) -> split.setOrientation(
        width.doubleValue() < SIDE_BY_SIDE_WIDTH ? Orientation.VERTICAL : Orientation.HORIZONTAL));
    split.sceneProperty().addListener((obs, old, scene) -> {
      if (scene != null && split.getParent() instanceof Region root) {
        root.prefHeightProperty().bind(Bindings.min(MAX_HEIGHT, scene.heightProperty().multiply(0.4)));
      }
    });
  }

  @FXML
  void copyCurlMasked() {
    Exchange selected = table.getSelectionModel().getSelectedItem();
    if (selected != null) {
      copy(Curl.of(selected, false));
      note.setText(resources.getString("inspector.copied"));
    }
  }

  @FXML
  void copyCurlUnmasked() {
    Exchange selected = table.getSelectionModel().getSelectedItem();
    if (selected == null || selected.unmaskedView().isEmpty()) {
      return;
    }
    Alert ask = new Alert(Alert.AlertType.WARNING, resources.getString("inspector.confirmUnmasked"), ButtonType.OK,
        ButtonType.CANCEL);
    ask.initOwner(table.getScene().getWindow());
    if (ask.showAndWait().filter(ButtonType.OK::equals).isPresent()) {
      copy(Curl.of(selected, true));
      note.setText(resources.getString("inspector.copiedUnmasked"));
    }
  }

  @FXML
  void exportHar() {
    FileChooser chooser = new FileChooser();
    chooser.setInitialFileName("inboxdesk-requests.har");
    chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("HAR", "*.har"));
    java.io.File file = chooser.showSaveDialog(table.getScene().getWindow());
    if (file != null) {
      save(file.toPath());
    }
  }

  /** Writes the shown exchanges as HAR, masked. */
  public void save(Path file) {
    List<Exchange> shown = List.copyOf(log.shown());
    try {
      Files.writeString(file, Har.of(shown), StandardCharsets.UTF_8);
      note.setText(MessageFormat.format(resources.getString("inspector.exported"), shown.size(), file));
    } catch (IOException e) {
      note.setText(e.getMessage());
    }
  }

  @FXML
  void clear() {
    log.clear();
    details.clear();
  }

  private void showDetails() {
    Exchange e = table.getSelectionModel().getSelectedItem();
    if (e == null) {
      details.clear();
      return;
    }
    boolean plain = reveal.isSelected() && e.unmaskedView().isPresent();
    List<Exchange.Header> requestHeaders = plain ? e.unmaskedView().get().requestHeaders() : e.requestHeaders();
    String requestBody = plain ? e.unmaskedView().get().requestBody() : e.requestBody();
    List<Exchange.Header> responseHeaders = plain ? e.unmaskedView().get().responseHeaders() : e.responseHeaders();
    String responseBody = plain ? e.unmaskedView().get().responseBody() : e.responseBody();
    StringBuilder text = new StringBuilder();
    text.append(e.method()).append(' ').append(e.url()).append('\n');
    requestHeaders.forEach(h -> text.append(h).append('\n'));
    if (!requestBody.isEmpty()) {
      text.append('\n').append(pretty(requestBody)).append('\n');
    }
    text.append("\n");
    if (e.status() == 0) {
      text.append("No answer: ").append(e.failure()).append('\n');
    } else {
      text.append(e.status()).append(" in ").append(e.duration().toMillis()).append(" ms\n");
      responseHeaders.forEach(h -> text.append(h).append('\n'));
      if (!responseBody.isEmpty()) {
        text.append('\n').append(pretty(responseBody));
      }
    }
    details.setText(text.toString());
  }

  private static String pretty(String body) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(body));
    } catch (IOException notJson) {
      return body;
    }
  }

  private static void copy(String text) {
    ClipboardContent content = new ClipboardContent();
    content.putString(text);
    Clipboard.getSystemClipboard().setContent(content);
  }

  private static void column(TableColumn<Exchange, String> column, Function<Exchange, String> value) {
    column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
  }

  private static <T> StringConverter<T> converter(Function<T, String> text) {
    return new StringConverter<>() {
      @Override
      public String toString(T value) {
        return value == null ? "" : text.apply(value);
      }

      @Override
      public T fromString(String string) {
        return null;
      }
    };
  }
}
