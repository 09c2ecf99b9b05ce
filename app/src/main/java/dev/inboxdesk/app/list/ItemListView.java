package dev.inboxdesk.app.list;

import atlantafx.base.controls.ToggleSwitch;
import dev.inboxdesk.app.common.Problem;
import dev.inboxdesk.app.common.RelativeTime;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.BooleanSupplier;
import javafx.animation.PauseTransition;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The list view both tabs use: binds a {@link ItemListViewModel} and delegates every action to it.
 * Knows keys and widgets, nothing about servers.
 */
public final class ItemListView {
  /** How long a load lasts before its spinner shows. */
  public static final javafx.util.Duration SPINNER_DELAY = javafx.util.Duration.millis(400);

  private ResourceBundle resources;
  private TextField search;
  private ComboBox<SortOrder> sort;
  private Button deleteButton;
  private Button deleteAllButton;
  private Button markReadButton;
  private Button clearReadButton;
  private Button refreshButton;
  private Label counts;
  private ToggleSwitch acceptingSwitch;
  private HBox signInBanner;
  private Label signInText;
  private Button signInButton;
  private ListView<ItemRow> list;
  private VBox detail;
  private VBox noSelection;
  private Label noSelectionText;
  private ScrollPane detailScroll;
  private Label detailTitle;
  private Label detailMeta;
  private VBox problemBox;
  private Label problemTitle;
  private Label problemDetail;
  private HBox correlationBox;
  private TextField correlationId;
  private Button retryButton;
  private TitledPane technical;
  private Label technicalText;
  private Label detailText;
  private Label detailId;
  private VBox loadingState;
  private ProgressIndicator loadingSpinner;
  private final PauseTransition spinnerDelay = new PauseTransition(SPINNER_DELAY);
  private VBox emptyState;
  private Label emptyTitle;
  private Label emptyHint;
  private VBox failedState;
  private Label failedTitle;
  private Label failedDetail;
  private HBox progressBox;
  private ProgressBar progressBar;
  private Label progressText;

  private Parent root;

  /** The view's root node, made by {@link #create}. */
  public Parent root() {
    return root;
  }

  /**
   * Builds the view in code: its bar, sign-in banner, list with detail, state panes and progress
   * box. Code rather than FXML, so that the first start loads neither the FXML loader nor its XML
   * parser and reflection (about 230 classes, each resident at every start with the AOT cache).
   */
  public static ItemListView create(ResourceBundle resources) {
    return new ItemListView(resources);
  }

  private ItemListView(ResourceBundle resources) {
    this.resources = resources;

    search = withId(new TextField(), "search");
    search.setPromptText(resources.getString("list.search"));
    search.setPrefColumnCount(13);
    search.getStyleClass().add("search-field");
    sort = withId(new ComboBox<>(), "sort");
    sort.setMinWidth(Region.USE_PREF_SIZE);
    deleteButton = toolButton("deleteButton", "list.delete", "fth-trash-2", this::deleteSelected);
    deleteAllButton = toolButton("deleteAllButton", "list.deleteAllShown", "fth-x-square", this::deleteAllShown);
    markReadButton = iconButton("markReadButton", "list.markRead", "fth-check-square", this::markRead);
    clearReadButton = toolButton("clearReadButton", "list.clearRead", "fth-delete", this::clearRead);
    refreshButton = iconButton("refreshButton", "list.refresh", "fth-refresh-cw", this::refresh);
    Pane spring = new Pane();
    HBox.setHgrow(spring, Priority.ALWAYS);
    counts = withId(new Label(), "counts");
    counts.getStyleClass().add("counts");
    acceptingSwitch = withId(new ToggleSwitch(resources.getString("inbox.accepting")), "acceptingSwitch");
    acceptingSwitch.setVisible(false);
    acceptingSwitch.setManaged(false);
    ToolBar bar = new ToolBar(search, sort,
        new Separator(Orientation.VERTICAL), deleteButton, deleteAllButton,
        markReadButton, clearReadButton, refreshButton, spring, counts, acceptingSwitch);
    bar.getStyleClass().add("list-toolbar");

    signInText = withId(wrapped(new Label()), "signInText");
    HBox.setHgrow(signInText, Priority.ALWAYS);
    signInText.setMaxWidth(Double.MAX_VALUE);
    signInButton = withId(new Button(resources.getString("list.signIn")), "signInButton");
    signInButton.getStyleClass().add("accent");
    signInBanner = withId(new HBox(12, signInText, signInButton), "signInBanner");
    signInBanner.getStyleClass().addAll("banner", "banner-warning");
    signInBanner.setAlignment(Pos.CENTER_LEFT);
    signInBanner.setVisible(false);
    signInBanner.setManaged(false);

    list = withId(new ListView<>(), "list");
    list.getStyleClass().add("item-list");
    noSelectionText = withId(styled(new Label(), "text-muted"), "noSelectionText");
    noSelection = withId(new VBox(6, noSelectionText,
        wrapped(styled(new Label(resources.getString("detail.noSelection.hint")), "text-subtle"))), "noSelection");
    noSelection.getStyleClass().add("no-selection");
    noSelection.setAlignment(Pos.CENTER);

    detailTitle = withId(wrapped(styled(new Label(), "title-3")), "detailTitle");
    detailMeta = withId(wrapped(styled(new Label(), "text-muted")), "detailMeta");
    problemTitle = withId(wrapped(styled(new Label(), "problem-title")), "problemTitle");
    problemDetail = withId(wrapped(new Label()), "problemDetail");
    correlationId = withId(new TextField(), "correlationId");
    correlationId.setEditable(false);
    HBox.setHgrow(correlationId, Priority.ALWAYS);
    correlationId.getStyleClass().add("mono");
    Button copy = new Button(resources.getString("detail.copy"));
    copy.setOnAction(event -> copyCorrelationId());
    correlationBox = withId(new HBox(6, styled(new Label(resources.getString("detail.correlationId")), "text-muted"),
        correlationId, copy), "correlationBox");
    correlationBox.setAlignment(Pos.CENTER_LEFT);
    retryButton = withId(new Button(resources.getString("detail.retry")), "retryButton");
    retryButton.setOnAction(event -> retrySelected());
    retryButton.getStyleClass().add("accent");
    technicalText = withId(wrapped(styled(new Label(), "mono")), "technicalText");
    technical = withId(new TitledPane(resources.getString("detail.technical"), technicalText), "technical");
    technical.setExpanded(false);
    technical.setAnimated(false);
    problemBox = withId(new VBox(6, problemTitle, problemDetail, correlationBox, new HBox(6, retryButton),
        technical), "problemBox");
    problemBox.getStyleClass().add("problem-box");
    problemBox.setVisible(false);
    problemBox.setManaged(false);
    detailText = withId(wrapped(styled(new Label(), "detail-text")), "detailText");
    detailId = withId(styled(new Label(), "text-subtle"), "detailId");
    detailId.getStyleClass().add("mono");
    detail = withId(new VBox(10, detailTitle, detailMeta, problemBox, detailText, detailId), "detail");
    detail.getStyleClass().add("detail");
    detailScroll = withId(new ScrollPane(detail), "detailScroll");
    detailScroll.setFitToWidth(true);
    uncachedViewport(detailScroll);
    detailScroll.getStyleClass().add("detail-scroll");
    SplitPane split = withId(new SplitPane(list,
        new StackPane(noSelection, detailScroll)), "split");
    split.setDividerPositions(0.58);

    loadingSpinner = withId(new ProgressIndicator(), "loadingSpinner");
    loadingSpinner.setVisible(false);
    spinnerDelay.setOnFinished(event -> loadingSpinner.setVisible(true));
    loadingState = withId(state(12, loadingSpinner,
        styled(new Label(resources.getString("state.loading")), "text-muted")), "loadingState");
    emptyTitle = withId(styled(new Label(), "title-3"), "emptyTitle");
    emptyHint = withId(wrapped(styled(new Label(), "text-muted")), "emptyHint");
    emptyState = withId(state(8, emptyTitle, emptyHint), "emptyState");
    failedTitle = withId(styled(new Label(), "title-3"), "failedTitle");
    failedDetail = withId(wrapped(styled(new Label(), "text-muted")), "failedDetail");
    failedDetail.setMaxWidth(520);
    Button tryAgain = styled(new Button(resources.getString("state.tryAgain")), "accent");
    tryAgain.setOnAction(event -> refresh());
    failedState = withId(state(8, failedTitle, failedDetail, tryAgain), "failedState");

    progressBar = withId(new ProgressBar(), "progressBar");
    progressBar.setPrefWidth(260);
    progressText = withId(new Label(), "progressText");
    HBox.setHgrow(progressText, Priority.ALWAYS);
    progressText.setMaxWidth(Double.MAX_VALUE);
    Button cancel = new Button(resources.getString("progress.cancel"));
    cancel.setOnAction(event -> cancelPending());
    progressBox = withId(new HBox(12, progressBar, progressText, cancel), "progressBox");
    progressBox.getStyleClass().add("progress-box");
    progressBox.setAlignment(Pos.CENTER_LEFT);
    progressBox.setVisible(false);
    progressBox.setManaged(false);

    BorderPane layout = new BorderPane(
        new StackPane(split, loadingState, emptyState, failedState));
    layout.setTop(new VBox(bar, signInBanner));
    layout.setBottom(progressBox);
    layout.getStyleClass().add("item-list-view");
    layout.getStylesheets().add(ItemListView.class.getResource("ItemListView.css").toExternalForm());
    root = layout;
  }

  /** A bar button: its text from {@code key}, its tooltip from {@code key.tip}. */
  private Button toolButton(String id, String key, String icon, Runnable action) {
    Button button = withId(new Button(resources.getString(key)), id);
    button.setGraphic(new FontIcon(icon));
    button.setTooltip(new Tooltip(resources.getString(key + ".tip")));
    button.setOnAction(event -> action.run());
    return button;
  }

  /** A bar button that shows only its icon; a screen reader still reads its name. */
  private Button iconButton(String id, String key, String icon, Runnable action) {
    Button button = toolButton(id, key, icon, action);
    button.setText("");
    button.setAccessibleText(resources.getString(key));
    button.getStyleClass().add("button-icon");
    return button;
  }

  private static <T extends Node> T withId(T node, String id) {
    node.setId(id);
    return node;
  }

  private static <T extends Node> T styled(T node, String styleClass) {
    node.getStyleClass().add(styleClass);
    return node;
  }

  private static Label wrapped(Label label) {
    label.setWrapText(true);
    return label;
  }

  /**
   * The scroll pane's skin keeps its viewport as a cached bitmap, for quick scrolling of heavy
   * content; this one holds text, which a bitmap blurs at fractional offsets, and the bitmap (as big
   * as the pane: 1.2 MB here) is drawn in software once more each time the text changes.
   */
  private static void uncachedViewport(ScrollPane pane) {
    pane.skinProperty().addListener((obs, old, skin) -> {
      Node viewport = pane.lookup(".viewport");
      if (viewport != null) {
        viewport.setCache(false);
      }
    });
  }

  private static VBox state(double spacing, Node... children) {
    VBox box = new VBox(spacing, children);
    box.getStyleClass().add("state");
    box.setAlignment(Pos.CENTER);
    box.setVisible(false);
    return box;
  }

  private ItemListViewModel model;
  private Clock clock;
  private boolean notifications;

  /**
   * Before {@link #bind}: the list says it is loading, spinner and all (the window is shown before
   * its model, and a list is built before the model only once the model is late).
   */
  public void showLoading() {
    loadingState.setVisible(true);
    loadingSpinner.setVisible(true);
  }

  /**
   * Shows or hides the loading state. It says at once that the list loads; its spinner comes once
   * the load has lasted {@link #SPINNER_DELAY}, so a quicker one flashes none (and the window paints
   * none of its frames, each of which it hands whole to the display).
   */
  private void showLoadingState(boolean loading) {
    if (loading == loadingState.isVisible()) {
      return;
    }
    loadingState.setVisible(loading);
    loadingSpinner.setVisible(false);
    if (loading) {
      spinnerDelay.playFromStart();
    } else {
      spinnerDelay.stop();
    }
  }

  /** Connects the view to its model; {@code onSignIn} opens the sign-in dialog for the list's service. */
  public void bind(ItemListViewModel viewModel, Clock time, Runnable onSignIn) {
    this.model = viewModel;
    this.clock = time;
    this.notifications = viewModel.tracksReadState();
    String kind = notifications ? "notifications" : "messages";
    list.setId(kind + "-list");
    search.setId(kind + "-search");
    signInBanner.setId(kind + "-signin-banner");
    signInButton.setId(kind + "-signin");
    markReadButton.setVisible(notifications);
    markReadButton.setManaged(notifications);
    clearReadButton.setVisible(notifications);
    clearReadButton.setManaged(notifications);
    sort.getItems().setAll(notifications ? List.of(SortOrder.values())
        : List.of(SortOrder.NEWEST_FIRST, SortOrder.OLDEST_FIRST));
    sort.setConverter(new StringConverter<>() {
      @Override
      public String toString(SortOrder order) {
        return order == null ? "" : resources.getString("sort." + order.name());
      }

      @Override
      public SortOrder fromString(String text) {
        return null;
      }
    });
    sort.valueProperty().bindBidirectional(model.sortOrderProperty());
    search.textProperty().bindBidirectional(model.searchTextProperty());
    signInButton.setOnAction(event -> onSignIn.run());

    list.setItems(model.visibleRows());
    list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
    list.setCellFactory(view -> new ItemCell(clock, resources, this::fixCellHeight));
    list.setContextMenu(contextMenu());
    list.setPlaceholder(new Label(""));
    list.addEventFilter(KeyEvent.KEY_PRESSED, this::onListKey);
    search.addEventFilter(KeyEvent.KEY_PRESSED, this::onSearchKey);
    list.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> showDetail(row));
    noSelectionText.setText(resources.getString("detail.noSelection." + kind));
    // Once loaded, start on the newest item so the detail pane is never an empty half-window.
    model.loadStateProperty().addListener((obs, old, state) -> {
      if (state == LoadState.LOADED && list.getSelectionModel().isEmpty() && !list.getItems().isEmpty()) {
        list.getSelectionModel().select(0);
      }
    });

    BooleanSupplier nothingSelected = () -> list.getSelectionModel().getSelectedItems().isEmpty();
    deleteButton.disableProperty().bind(Bindings.createBooleanBinding(nothingSelected::getAsBoolean,
        list.getSelectionModel().getSelectedItems()));
    markReadButton.disableProperty().bind(deleteButton.disableProperty()
        .or(model.markReadAvailableProperty().not()));
    model.markReadAvailableProperty().addListener((obs, was, available) -> {
      if (!available) {
        // The failure itself is reported once; the tooltip keeps saying why the button is off.
        markReadButton.setTooltip(new Tooltip(resources.getString("list.markRead.unavailable")));
        markReadButton.setAccessibleHelp(resources.getString("list.markRead.unavailable"));
      }
    });
    deleteAllButton.disableProperty().bind(Bindings.isEmpty(model.visibleRows()));
    deleteButton.textProperty().bind(Bindings.createStringBinding(() -> {
      int selected = list.getSelectionModel().getSelectedItems().size();
      return selected > 1 ? MessageFormat.format(resources.getString("list.deleteCount"), selected)
          : resources.getString("list.delete");
    }, list.getSelectionModel().getSelectedItems()));
    list.getSelectionModel().getSelectedItems().addListener((InvalidationListener) obs -> updateStates());

    InvalidationListener states = obs -> updateStates();
    model.visibleRows().addListener(states);
    model.allRows().addListener(states);
    model.loadStateProperty().addListener(states);
    model.searchTextProperty().addListener(states);
    updateStates();

    model.signInProblemProperty().addListener((obs, old, problem) -> {
      signInBanner.setVisible(problem != null);
      signInBanner.setManaged(problem != null);
      signInText.setText(problem == null ? "" : problem.oneLine());
    });
    bindAcceptingSwitch();
    progressBox.visibleProperty().bind(model.progressVisibleProperty());
    progressBox.managedProperty().bind(model.progressVisibleProperty());
    progressBar.progressProperty().bind(Bindings.createDoubleBinding(() -> model.progressTotalProperty().get() == 0
        ? 0 : (double) model.progressDoneProperty().get() / model.progressTotalProperty().get(),
        model.progressDoneProperty(), model.progressTotalProperty()));
    progressText.textProperty().bind(model.progressTextProperty());
    startCountdownTicker();
  }

  /**
   * The inbox's "accepting messages" switch: shows the account's setting and changes it; while the
   * server has no route for it, off and disabled with a tooltip that says why.
   */
  private void bindAcceptingSwitch() {
    boolean has = model.hasAcceptingSwitch();
    acceptingSwitch.setVisible(has);
    acceptingSwitch.setManaged(has);
    if (!has) {
      acceptingSwitch.setId(null);
      return;
    }
    acceptingSwitch.setId("acceptingSwitch");
    // The theme's switch answers the mouse only; Space and Enter switch it too.
    acceptingSwitch.setFocusTraversable(true);
    acceptingSwitch.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
      if (!acceptingSwitch.isDisabled() && (event.getCode() == KeyCode.SPACE || event.getCode() == KeyCode.ENTER)) {
        acceptingSwitch.setSelected(!acceptingSwitch.isSelected());
        event.consume();
      }
    });
    boolean[] showing = {false};
    Runnable show = () -> {
      Boolean on = model.acceptingProperty().get();
      String unavailable = model.acceptingUnavailableProperty().get();
      showing[0] = true;
      acceptingSwitch.setSelected(Boolean.TRUE.equals(on));
      showing[0] = false;
      acceptingSwitch.setDisable(on == null);
      acceptingSwitch.setText(resources.getString(on == null || on ? "inbox.accepting" : "inbox.notAccepting"));
      String tip = unavailable != null ? unavailable : resources.getString(on == null ? "inbox.accepting.unknown"
          : on ? "inbox.accepting.onTip" : "inbox.accepting.offTip");
      acceptingSwitch.setTooltip(new Tooltip(tip));
      acceptingSwitch.setAccessibleHelp(tip);
    };
    model.acceptingProperty().addListener(obs -> show.run());
    model.acceptingUnavailableProperty().addListener(obs -> show.run());
    acceptingSwitch.selectedProperty().addListener((obs, was, on) -> {
      if (!showing[0]) {
        model.setAccepting(on);
      }
    });
    show.run();
  }

  /** Once a second, while any row waits out a rate limit, redraws its countdown. */
  private void startCountdownTicker() {
    javafx.animation.Timeline ticker = new javafx.animation.Timeline(new javafx.animation.KeyFrame(
        javafx.util.Duration.seconds(1), event -> {
          boolean waiting = model.allRows().stream().anyMatch(r -> r.state().kind() == RowState.Kind.RATE_LIMITED);
          if (waiting) {
            list.refresh();
            showDetail(list.getSelectionModel().getSelectedItem());
          }
        }));
    ticker.setCycleCount(javafx.animation.Animation.INDEFINITE);
    ticker.play();
  }

  public ItemListViewModel model() {
    return model;
  }

  /**
   * Every row is a line of title over a line of details, so the cells share one height: the
   * tallest any cell has wanted so far (a type chip's padding, a taller fallback font for an emoji
   * grow it by a pixel or two; it never shrinks, so no row is cut). A fixed size spares the list
   * measuring each cell after every change: with 100,000 rows, 20 to 30 ms of the pulse that shows
   * an undo.
   */
  private void fixCellHeight(double wanted) {
    if (wanted > list.getFixedCellSize()) {
      list.setFixedCellSize(Math.ceil(wanted));
    }
  }

  /** Moves keyboard focus to the search field. */
  public void focusSearch() {
    search.requestFocus();
    search.selectAll();
  }

  /** Moves keyboard focus to the list, selecting the first row if none is. */
  public void focusList() {
    if (list.getScene() == null) {
      // Built just now, with its model: the tab pane puts it in the window at its next layout.
      list.sceneProperty().addListener(new javafx.beans.value.ChangeListener<>() {
        @Override
        public void changed(javafx.beans.value.ObservableValue<? extends javafx.scene.Scene> scene,
            javafx.scene.Scene was, javafx.scene.Scene now) {
          if (now != null) {
            list.sceneProperty().removeListener(this);
            focusList();
          }
        }
      });
      return;
    }
    list.requestFocus();
    if (list.getSelectionModel().isEmpty() && !list.getItems().isEmpty()) {
      list.getSelectionModel().select(0);
      list.getFocusModel().focus(0);
    }
  }

  // --- actions ---

  void deleteSelected() {
    List<ItemRow> selected = List.copyOf(list.getSelectionModel().getSelectedItems());
    if (selected.isEmpty() || !confirmed(selected.size())) {
      return;
    }
    // The block's first row, not the selected index (the row the selection ended on: Shift+Down
    // leaves it at the block's end, and the rows between would be skipped).
    int anchor = list.getSelectionModel().getSelectedIndices().stream().min(Integer::compare).orElse(0);
    model.delete(selected);
    // Keep the moderator's place: select what now sits where the deleted rows were.
    list.getSelectionModel().clearSelection();
    if (!list.getItems().isEmpty()) {
      int next = Math.min(Math.max(anchor, 0), list.getItems().size() - 1);
      list.getSelectionModel().select(next);
      list.getFocusModel().focus(next);
      list.scrollTo(Math.max(0, next - 3));
    }
  }

  void deleteAllShown() {
    if (confirmed(model.visibleRows().size())) {
      model.deleteAllShown();
    }
  }

  void markRead() {
    model.markRead(List.copyOf(list.getSelectionModel().getSelectedItems()));
  }

  void clearRead() {
    long read = model.visibleRows().stream().filter(r -> r.item().read()).count();
    if (read > 0 && confirmed((int) read)) {
      model.clearRead();
    }
  }

  void refresh() {
    model.refresh();
  }

  void retrySelected() {
    ItemRow row = list.getSelectionModel().getSelectedItem();
    if (row != null) {
      model.retry(row);
    }
  }

  void cancelPending() {
    model.cancelPending();
  }

  void copyCorrelationId() {
    ClipboardContent content = new ClipboardContent();
    content.putString(correlationId.getText());
    Clipboard.getSystemClipboard().setContent(content);
  }

  /**
   * Asks before a delete of more items than the threshold (or any delete, with "Ask before
   * deleting"): "Delete 1,234 messages?". Cancel is the default button.
   */
  private boolean confirmed(int count) {
    if (!model.needsConfirmation(count)) {
      return true;
    }
    ButtonType delete = new ButtonType(MessageFormat.format(resources.getString("list.confirm.button"), count),
        javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
    Alert alert = new Alert(Alert.AlertType.CONFIRMATION, MessageFormat.format(resources.getString(
        "list.confirm.text"), count), delete, ButtonType.CANCEL);
    alert.setHeaderText(MessageFormat.format(resources.getString(notifications ? "list.confirm.title.notifications"
        : "list.confirm.title.messages"), count));
    alert.setTitle(resources.getString("list.confirm.title"));
    alert.initOwner(list.getScene().getWindow());
    ((Button) alert.getDialogPane().lookupButton(delete)).setDefaultButton(false);
    ((Button) alert.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
    return alert.showAndWait().filter(delete::equals).isPresent();
  }

  // --- keys ---

  private void onListKey(KeyEvent event) {
    if (event.isControlDown() || event.isAltDown() || event.isMetaDown()) {
      return;
    }
    KeyCode code = event.getCode();
    if (code == KeyCode.DELETE || code == KeyCode.BACK_SPACE) {
      deleteSelected();
      event.consume();
    } else if (code == KeyCode.END || code == KeyCode.HOME) {
      selectEdge(code == KeyCode.END, event.isShiftDown());
      event.consume();
    } else if (code == KeyCode.J || code == KeyCode.K) {
      int index = list.getSelectionModel().getSelectedIndex() + (code == KeyCode.J ? 1 : -1);
      if (index >= 0 && index < list.getItems().size()) {
        list.getSelectionModel().clearAndSelect(index);
        list.getFocusModel().focus(index);
        list.scrollTo(Math.max(0, index - 3));
      }
      event.consume();
    }
  }

  /**
   * Home and End: the first or last row, selected and wholly in sight (the list's own End scrolls
   * by estimated cell heights and can leave the last row cut off).
   */
  private void selectEdge(boolean end, boolean extend) {
    int size = list.getItems().size();
    if (size == 0) {
      return;
    }
    int index = end ? size - 1 : 0;
    if (extend) {
      list.getSelectionModel().selectRange(Math.min(list.getSelectionModel().getSelectedIndex(), index),
          Math.max(list.getSelectionModel().getSelectedIndex(), index) + 1);
    } else {
      list.getSelectionModel().clearAndSelect(index);
    }
    list.getFocusModel().focus(index);
    list.scrollTo(index);
    javafx.application.Platform.runLater(() -> {
      list.layout();
      javafx.scene.control.skin.VirtualFlow<?> flow = (javafx.scene.control.skin.VirtualFlow<?>) list
          .lookup(".virtual-flow");
      if (flow != null) {
        flow.scrollTo(index);
        if (end) {
          // Past the end: the flow stops with the last row's bottom edge at the viewport's.
          flow.scrollPixels(Double.MAX_VALUE / 4);
        }
      }
    });
  }

  private void onSearchKey(KeyEvent event) {
    if (event.getCode() == KeyCode.ESCAPE) {
      search.clear();
      focusList();
      event.consume();
    } else if (event.getCode() == KeyCode.ENTER || event.getCode() == KeyCode.DOWN) {
      focusList();
      event.consume();
    }
  }

  private ContextMenu contextMenu() {
    MenuItem delete = new MenuItem(resources.getString("list.delete"));
    delete.setOnAction(e -> deleteSelected());
    MenuItem retry = new MenuItem(resources.getString("detail.retry"));
    retry.setOnAction(e -> retrySelected());
    MenuItem copy = new MenuItem(resources.getString("menu.copyText"));
    copy.setOnAction(e -> {
      ItemRow row = list.getSelectionModel().getSelectedItem();
      if (row != null) {
        ClipboardContent content = new ClipboardContent();
        content.putString(row.item().text());
        Clipboard.getSystemClipboard().setContent(content);
      }
    });
    ContextMenu menu = new ContextMenu(delete, retry, copy);
    if (notifications) {
      MenuItem read = new MenuItem(resources.getString("list.markRead"));
      read.setOnAction(e -> markRead());
      menu.getItems().add(1, read);
    }
    menu.setOnShowing(e -> {
      ItemRow row = list.getSelectionModel().getSelectedItem();
      retry.setVisible(row != null && row.state().kind() != RowState.Kind.NORMAL);
    });
    return menu;
  }

  // --- what shows ---

  private void updateStates() {
    int shown = model.visibleRows().size();
    int total = model.allRows().size();
    int unread = model.unreadCount().get();
    boolean filtering = shown != total;
    counts.setText(notifications
        ? MessageFormat.format(resources.getString(filtering ? "list.counts.notificationsFiltered"
            : "list.counts.notifications"), filtering ? new Object[] {shown, total, unread}
            : new Object[] {total, unread})
        : MessageFormat.format(resources.getString(filtering ? "list.counts.messagesFiltered"
            : "list.counts.messages"), filtering ? new Object[] {shown, total} : new Object[] {total}));
    int selected = list.getSelectionModel().getSelectedItems().size();
    if (selected > 1) {
      counts.setText(counts.getText() + " · " + MessageFormat.format(resources.getString("list.selected"), selected));
    }
    LoadState state = model.loadStateProperty().get();
    showLoadingState(state == LoadState.LOADING);
    failedState.setVisible(state == LoadState.FAILED);
    boolean empty = (state == LoadState.LOADED || state == LoadState.IDLE) && shown == 0;
    emptyState.setVisible(empty);
    if (state == LoadState.FAILED && model.loadProblemProperty().get() != null) {
      failedTitle.setText(model.loadProblemProperty().get().title());
      failedDetail.setText(model.loadProblemProperty().get().detail());
    }
    if (empty) {
      String kind = notifications ? "notifications" : "messages";
      if (state == LoadState.IDLE) {
        emptyTitle.setText(resources.getString("state.signedOut"));
        emptyHint.setText(resources.getString("state.signedOut.hint"));
      } else if (total > 0) {
        emptyTitle.setText(resources.getString("state.noMatch"));
        emptyHint.setText(MessageFormat.format(resources.getString("state.noMatch.hint"), search.getText()));
      } else {
        emptyTitle.setText(resources.getString("state.empty." + kind));
        emptyHint.setText(resources.getString("state.empty." + kind + ".hint"));
      }
    }
    showDetail(list.getSelectionModel().getSelectedItem());
  }

  private void showDetail(ItemRow row) {
    detailScroll.setVisible(row != null);
    noSelection.setVisible(row == null);
    if (row == null) {
      return;
    }
    Item item = row.item();
    // A message's title is only its first line; show a heading instead of saying it twice.
    detailTitle.setText(notifications ? item.title() : resources.getString("detail.messageTitle"));
    List<String> parts = new java.util.ArrayList<>();
    if (notifications) {
      if (item.type() != null && !item.type().isBlank()) {
        parts.add(item.type().replace('_', ' '));
      }
      parts.add(resources.getString(item.read() ? "detail.read" : "detail.unread"));
    }
    parts.add(RelativeTime.exact(item.createdAt()));
    // Only the parts there are, so no line starts with a separator.
    detailMeta.setText(String.join(" · ", parts));
    detailText.setText(item.text());
    detailId.setText(item.id());
    RowState state = row.state();
    boolean troubled = state.kind() != RowState.Kind.NORMAL;
    problemBox.setVisible(troubled);
    problemBox.setManaged(troubled);
    problemBox.getStyleClass().remove("pending");
    if (state.kind() == RowState.Kind.RATE_LIMITED) {
      problemBox.getStyleClass().add("pending");
      long seconds = Math.max(0, Duration.between(clock.instant(), state.retryAt()).toSeconds());
      problemTitle.setText(MessageFormat.format(resources.getString("detail.pending"), seconds));
      problemDetail.setText("");
      correlationBox.setVisible(false);
      correlationBox.setManaged(false);
      technical.setVisible(false);
      technical.setManaged(false);
    } else if (state.kind() == RowState.Kind.FAILED) {
      Problem problem = model.problemOf(row);
      problemTitle.setText(resources.getString("detail.failedTitle"));
      problemDetail.setText(problem.oneLine());
      boolean hasId = problem.correlationId() != null;
      correlationBox.setVisible(hasId);
      correlationBox.setManaged(hasId);
      correlationId.setText(hasId ? problem.correlationId() : "");
      technical.setVisible(true);
      technical.setManaged(true);
      technicalText.setText(problem.technical());
    }
  }
}
