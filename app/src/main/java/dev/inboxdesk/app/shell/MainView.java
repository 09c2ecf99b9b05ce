package dev.inboxdesk.app.shell;

import dev.inboxdesk.app.accounts.Connection;
import dev.inboxdesk.app.accounts.ConnectionsDialog;
import dev.inboxdesk.app.accounts.Profile;
import dev.inboxdesk.app.accounts.Settings;
import dev.inboxdesk.app.accounts.SignInDialog;
import dev.inboxdesk.app.common.Problem;
import dev.inboxdesk.app.history.HistoryPanel;
import dev.inboxdesk.app.inspector.InspectorView;
import dev.inboxdesk.app.list.ItemListView;
import dev.inboxdesk.app.list.ItemListViewModel;
import dev.inboxdesk.app.review.ReviewPanel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.time.Clock;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.fxml.FXMLLoader;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.stage.WindowEvent;
import javafx.util.Duration;
import org.controlsfx.control.StatusBar;
import org.kordamp.ikonli.javafx.FontIcon;

/** The main window: binds the {@link MainViewModel}; keys, toast, help and dialogs live here. */
public final class MainView {
  private static final String[] SHORTCUTS = {"nav", "delete", "undo", "search", "refresh", "tabs", "select",
      "review", "history", "inspector", "help"};

  private MainViewModel model;
  private final Clock clock;
  private final Consumer<Theme> themeSwitch;
  private Consumer<Connection.Service> sandboxSignIn;

  private ResourceBundle resources;
  private Button sandboxBadge;
  private MenuButton messagesAccount;
  private MenuButton notificationsAccount;
  private SettingsMenu settingsMenu;
  /**
   * Whether the model is late: not there {@link ItemListView#SPINNER_DELAY} after the first frame.
   * Until then the lists wait for it, to be built bound; from then on the list in front is built at
   * once, to show the wait with its spinner.
   */
  private boolean modelLate;
  /** The theme on screen, so that showing it does not switch to it again. */
  private Theme shownTheme;
  private StackPane center;
  private TabPane tabs;
  private Tab inboxTab;
  private Tab notificationsTab;
  /**
   * The tabs' lists, built with the model (or, when it is late, the one in front as its tab shows),
   * so that the first frame waits for neither and a quick model is shown in one repaint.
   */
  private ItemListView inboxController;
  private ItemListView notificationsController;
  /** The keyboard help, an overlay built the first time it is opened. */
  private VBox help;
  /** Below the lists: the slots, the toast once it has been shown, the status bar. */
  private VBox bottom;
  /** The toast, built the first time it shows. */
  private HBox toast;
  private Label toastText;
  private Button toastUndo;
  /** The bar's tooltips, keyed by the text's key: given after the first frame. */
  private final java.util.Map<javafx.scene.control.Control, String> tips = new java.util.LinkedHashMap<>();
  private StatusBar statusBar;
  private Label status;
  private Label statusSending;
  private ToggleButton requestsToggle;
  private ToggleButton historyToggle;
  /** Where the request inspector goes; it is built the first time it is opened. */
  private VBox inspectorSlot;
  private InspectorView inspectorController;
  /** Where "Recently deleted" goes; it is built the first time it is opened. */
  private VBox historySlot;
  private HistoryPanel historyPanel;
  private ReviewPanel reviewPanel;

  private boolean closing;
  private boolean swallowSlash;
  private final PauseTransition toastTimer = new PauseTransition(Duration.seconds(6));

  public MainView(MainViewModel model, Clock clock, Consumer<Theme> themeSwitch,
      Consumer<Connection.Service> sandboxSignIn) {
    this.model = model;
    this.clock = clock;
    this.themeSwitch = themeSwitch;
    this.sandboxSignIn = sandboxSignIn;
  }

  /**
   * A window shown before its model exists: the lists say they are loading until {@link #bind}.
   * This is how the app starts, so that the first frame waits for nothing that can wait.
   */
  public MainView(Clock clock, Consumer<Theme> themeSwitch) {
    this(null, clock, themeSwitch, null);
  }

  /**
   * Builds the window's nodes, in code rather than FXML: the first frame waits for them, and FXML's
   * reflective setters cost more than the rest of this window's build on a cold start
   * (docs/BENCHMARKS.md). The lists, the help, the inspector and the dialogs are built when first
   * needed.
   */
  public Parent build(ResourceBundle bundle) {
    this.resources = bundle;
    // top first: the order of the children is the order of keyboard focus and of screen readers
    BorderPane root = new BorderPane();
    root.setTop(topBar());
    root.setCenter(centerPane());
    root.setBottom(bottomBar());
    root.getStyleClass().add("main-view");
    root.getStylesheets().add(MainView.class.getResource("MainView.css").toExternalForm());
    initialize();
    return root;
  }

  /** The app's name, the sandbox badge, both accounts and the window's tools. */
  private HBox topBar() {
    Label title = new Label(dev.inboxdesk.AppInfo.NAME);
    title.getStyleClass().add("app-title");
    title.setMinWidth(Region.USE_PREF_SIZE);
    sandboxBadge = new Button(resources.getString("bar.sandbox"));
    sandboxBadge.setId("sandboxBadge");
    sandboxBadge.getStyleClass().add("sandbox-badge");
    sandboxBadge.setMinWidth(Region.USE_PREF_SIZE);
    sandboxBadge.setOnAction(event -> openSandboxPanel());
    Pane gap = new Pane();
    HBox.setHgrow(gap, Priority.ALWAYS);
    messagesAccount = accountButton("messagesAccount");
    notificationsAccount = accountButton("notificationsAccount");
    Button review = tool(new Button(), "reviewButton", "fth-play-circle", "bar.review", "bar.review.tip");
    review.setOnAction(event -> openReview());
    historyToggle = tool(new ToggleButton(), "historyToggle", "fth-archive", "bar.history", "bar.history.tip");
    requestsToggle = tool(new ToggleButton(), "requestsToggle", "fth-activity", "bar.requests", "bar.requests.tip");
    settingsMenu = new SettingsMenu(resources);
    tips.put(settingsMenu, "bar.settings");
    Button helpButton = tool(new Button(), "helpButton", "fth-help-circle", "help.title", "bar.help.tip");
    helpButton.setOnAction(event -> toggleHelp());
    HBox bar = new HBox(10, title, sandboxBadge, gap, messagesAccount, notificationsAccount, review, historyToggle,
        requestsToggle, settingsMenu, helpButton);
    bar.getStyleClass().add("connection-bar");
    bar.setAlignment(Pos.CENTER_LEFT);
    return bar;
  }

  private static MenuButton accountButton(String id) {
    MenuButton button = new MenuButton();
    button.setId(id);
    button.getStyleClass().add("account-button");
    return button;
  }

  /** A flat button with an icon: its name for screen readers, its tip for the mouse. */
  private <B extends ButtonBase> B tool(B button, String id, String icon, String nameKey, String tipKey) {
    button.setId(id);
    button.getStyleClass().add("flat");
    button.setAccessibleText(resources.getString(nameKey));
    button.setMinWidth(Region.USE_PREF_SIZE);
    button.setGraphic(new FontIcon(icon));
    tips.put(button, tipKey);
    return button;
  }

  /** What a tab shows until its list is built. */
  private Label loadingPlaceholder() {
    Label loading = new Label(resources.getString("state.loading"));
    loading.getStyleClass().addAll("text-muted", "first-frame-loading");
    return loading;
  }

  /** The two tabs; each says that it loads until its list is built. */
  private StackPane centerPane() {
    inboxTab = new Tab(null, loadingPlaceholder());
    inboxTab.setId("inboxTab");
    notificationsTab = new Tab(null, loadingPlaceholder());
    notificationsTab.setId("notificationsTab");
    tabs = new TabPane(inboxTab, notificationsTab);
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    tabs.getStyleClass().add("main-tabs");
    center = new StackPane(tabs);
    return center;
  }

  /**
   * Below the lists: the slots of "Recently deleted" and the request inspector, then (once shown) the
   * toast, and ControlsFX's status bar (the connection on the
   * left, the progress of deletes being sent on the right).
   */
  private VBox bottomBar() {
    historySlot = slot();
    historySlot.setPrefHeight(280);
    inspectorSlot = slot();
    status = mutedLabel("status");
    statusSending = mutedLabel("statusSending");
    statusBar = new StatusBar();
    statusBar.setId("statusBar");
    statusBar.setText("");
    statusBar.getLeftItems().add(status);
    Label helpHint = mutedLabel(null);
    helpHint.setText(resources.getString("status.help"));
    statusBar.getRightItems().addAll(statusSending, helpHint);
    bottom = new VBox(historySlot, inspectorSlot, statusBar);
    return bottom;
  }

  private static VBox slot() {
    VBox slot = new VBox();
    slot.setVisible(false);
    slot.setManaged(false);
    return slot;
  }

  private static Label mutedLabel(String id) {
    Label label = new Label();
    label.setId(id);
    label.getStyleClass().add("text-muted");
    return label;
  }

  private void initialize() {
    toastTimer.setOnFinished(event -> hideToast());
    inspectorSlot.visibleProperty().bind(requestsToggle.selectedProperty());
    inspectorSlot.managedProperty().bind(requestsToggle.selectedProperty());
    requestsToggle.selectedProperty().addListener((obs, old, on) -> {
      if (on && this.model != null) {
        inspector();
      }
    });
    // The title follows the connections from the moment the window exists.
    tabs.sceneProperty().addListener((obs, old, scene) -> {
      if (scene != null) {
        scene.windowProperty().addListener((o, was, window) -> showTitle());
        showTitle();
      }
    });
    historySlot.visibleProperty().bind(historyToggle.selectedProperty());
    historySlot.managedProperty().bind(historyToggle.selectedProperty());
    historyToggle.selectedProperty().addListener((obs, old, on) -> {
      if (on && this.model != null) {
        history().open();
      } else if (!on && this.model != null) {
        activeView().focusList();
      }
    });
    settingsMenu.darkThemeProperty().addListener((obs, old, on) -> {
      Theme wanted = on ? Theme.DARK : Theme.LIGHT;
      if (wanted != shownTheme) {
        shownTheme = wanted;
        themeSwitch.accept(wanted);
        savePreferences();
      }
    });
    if (model == null) {
      tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, tab) -> {
        // until the model is late, the tab's placeholder says that it loads
        if (!modelLate) {
          return;
        }
        if (tab == notificationsTab) {
          notificationsView();
        } else {
          inboxView();
        }
      });
      // its choices are saved through the model: until it is bound, nothing to change
      settingsMenu.setDisable(true);
      sandboxBadge.setVisible(false);
      sandboxBadge.setManaged(false);
      messagesAccount.setText(resources.getString("bar.messages") + ": …");
      notificationsAccount.setText(resources.getString("bar.notifications") + ": …");
      showTabTitles();
    } else {
      bindModel();
      installTooltips();
    }
  }

  /** Gives a window made without its model the model, once it is built. */
  public void bind(MainViewModel viewModel, Consumer<Connection.Service> demoSignIn) {
    if (model != null) {
      throw new IllegalStateException("Already bound");
    }
    this.model = viewModel;
    this.sandboxSignIn = demoSignIn;
    bindModel();
    installTooltips();
    settingsMenu.setDisable(false);
    // The keyboard goes to the list (Delete, arrows), unless the user has already typed somewhere.
    // An empty field does not count: the window gives its first text field the focus when it
    // gains it, which may be after the list was built and before the model came.
    Scene scene = tabs.getScene();
    if (scene != null && !(scene.getFocusOwner() instanceof TextInputControl field && !field.getText().isEmpty())) {
      activeView().focusList();
    }
  }

  private void bindModel() {
    // a list built before the model came is bound now; one not built yet is built bound
    if (inboxController != null) {
      inboxController.bind(model.inbox(), clock, () -> signIn(Connection.Service.MESSAGES));
    }
    if (notificationsController != null) {
      notificationsController.bind(model.notifications(), clock, () -> signIn(Connection.Service.NOTIFICATIONS));
    }
    inboxView();
    notificationsView();
    model.messagesServerProperty().addListener(obs -> showConnections());
    model.notificationsServerProperty().addListener(obs -> showConnections());
    model.messagesAccountProperty().addListener((obs, old, account) -> showAccounts());
    model.notificationsAccountProperty().addListener((obs, old, account) -> showAccounts());
    messagesAccount.setOnShowing(event -> fillAccountMenu(messagesAccount, Connection.Service.MESSAGES));
    notificationsAccount.setOnShowing(event -> fillAccountMenu(notificationsAccount,
        Connection.Service.NOTIFICATIONS));
    showConnections();
    showAccounts();
    fillAccountMenu(messagesAccount, Connection.Service.MESSAGES);
    fillAccountMenu(notificationsAccount, Connection.Service.NOTIFICATIONS);

    model.inbox().allRows().addListener((javafx.beans.InvalidationListener) obs -> showTabTitles());
    model.notifications().unreadCount().addListener(obs -> showTabTitles());
    showTabTitles();

    for (ItemListViewModel list : new ItemListViewModel[] {model.inbox(), model.notifications()}) {
      list.undoCountProperty().addListener(obs -> showUndo(list));
      list.undoSecondsLeftProperty().addListener(obs -> showUndo(list));
      list.undoWaitingProperty().addListener(obs -> showUndo(list));
      list.noticeProperty().addListener((obs, old, text) -> showNotice(text, false));
      list.lastFailureProperty().addListener((obs, old, problem) -> {
        if (problem != null) {
          showNotice(MessageFormat.format(resources.getString("toast.failed"), problem.oneLine()), true);
        }
      });
    }
    if (requestsToggle.isSelected()) {
      inspector();
    }
    for (ItemListViewModel list : new ItemListViewModel[] {model.inbox(), model.notifications()}) {
      list.progressDoneProperty().addListener(obs -> showSending());
      list.progressTotalProperty().addListener(obs -> showSending());
      list.progressVisibleProperty().addListener(obs -> showSending());
    }
    showSending();

    // the saved settings first, then what a change of them does
    Settings saved = model.accounts().settings();
    settingsMenu.undoWindowSecondsProperty().set(saved.undoWindowSeconds());
    settingsMenu.maxWaitSecondsProperty().set(saved.maxWaitSeconds());
    settingsMenu.confirmDeletesProperty().set(saved.confirmDeletes());
    model.inbox().confirmDeletesProperty().set(saved.confirmDeletes());
    model.notifications().confirmDeletesProperty().set(saved.confirmDeletes());
    settingsMenu.undoWindowSecondsProperty().addListener((obs, old, seconds) -> setUndoWindow(seconds.intValue()));
    settingsMenu.maxWaitSecondsProperty().addListener((obs, old, seconds) ->
        model.accounts().update(settings -> settings.withMaxWaitSeconds(seconds.intValue())));
    settingsMenu.confirmDeletesProperty().addListener((obs, old, on) -> {
      model.inbox().confirmDeletesProperty().set(on);
      model.notifications().confirmDeletesProperty().set(on);
      savePreferences();
    });
  }

  /** Installs the window-wide keys once the scene exists. */
  public void installKeys(Scene scene) {
    scene.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
    // The "/" that moved the focus to the search must not then be typed into it.
    scene.addEventFilter(KeyEvent.KEY_TYPED, event -> {
      if (swallowSlash && "/".equals(event.getCharacter())) {
        event.consume();
      }
      swallowSlash = false;
    });
  }

  /** Marks the dark-theme switch, for a start in dark. */
  public void showTheme(Theme theme) {
    shownTheme = theme;
    settingsMenu.darkThemeProperty().set(theme == Theme.DARK);
  }

  /** Brings a tab to the front. */
  public void select(Connection.Service service) {
    tabs.getSelectionModel().select(service == Connection.Service.MESSAGES ? inboxTab : notificationsTab);
  }

  ItemListView activeView() {
    return tabs.getSelectionModel().getSelectedItem() == notificationsTab ? notificationsView() : inboxView();
  }

  private void onKey(KeyEvent event) {
    if (model == null) {
      return;
    }
    boolean typing = event.getTarget() instanceof TextInputControl;
    KeyCode code = event.getCode();
    if (reviewPanel != null) {
      // Review mode has the keyboard: D, K, U, Esc (and Ctrl+Z as U).
      if (new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN).match(event)) {
        reviewPanel.model().undo();
        event.consume();
      }
      return;
    }
    if (help != null && help.isVisible() && (code == KeyCode.ESCAPE || code == KeyCode.F1)) {
      help.setVisible(false);
      event.consume();
    } else if (code == KeyCode.F1 || (!typing && "?".equals(event.getText()))) {
      toggleHelp();
      event.consume();
    } else if (new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN).match(event) && !typing) {
      undo();
      event.consume();
    } else if (new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN).match(event)) {
      openReview();
      event.consume();
    } else if (new KeyCodeCombination(KeyCode.H, KeyCombination.SHORTCUT_DOWN).match(event)) {
      historyToggle.setSelected(!historyToggle.isSelected());
      event.consume();
    } else if (new KeyCodeCombination(KeyCode.I, KeyCombination.SHORTCUT_DOWN).match(event)) {
      requestsToggle.setSelected(!requestsToggle.isSelected());
      event.consume();
    } else if (new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN).match(event)) {
      activeView().model().refresh();
      event.consume();
    } else if (new KeyCodeCombination(KeyCode.DIGIT1, KeyCombination.SHORTCUT_DOWN).match(event)) {
      select(Connection.Service.MESSAGES);
      activeView().focusList();
      event.consume();
    } else if (new KeyCodeCombination(KeyCode.DIGIT2, KeyCombination.SHORTCUT_DOWN).match(event)) {
      select(Connection.Service.NOTIFICATIONS);
      activeView().focusList();
      event.consume();
    } else if (!typing && "/".equals(event.getText())) {
      swallowSlash = true;
      activeView().focusSearch();
      event.consume();
    }
  }

  void undo() {
    int restored = activeView().model().undo();
    if (restored == 0) {
      ItemListViewModel other = activeView() == inboxController ? model.notifications() : model.inbox();
      other.undo();
    }
  }

  /** The sandbox's fault controls, through its control endpoint. */
  void openSandboxPanel() {
    Connection onSandbox = model.connection(Connection.Service.MESSAGES).sandbox()
        ? model.connection(Connection.Service.MESSAGES) : model.connection(Connection.Service.NOTIFICATIONS);
    String origin = onSandbox.baseUrl().replaceFirst("/api/v1$", "");
    new dev.inboxdesk.app.sandboxpanel.SandboxPanel(new dev.inboxdesk.app.sandboxpanel.SandboxControl(origin,
        onSandbox.sandboxControlToken()), resources, tabs.getScene().getWindow()).show();
  }

  void hideToast() {
    if (toast != null) {
      toast.setVisible(false);
    }
  }

  /**
   * The toast: a row of its own above the status bar (it never covers a row of the list), built the
   * first time something is said in it.
   */
  private HBox toast() {
    if (toast == null) {
      toastText = new Label();
      toastText.setId("toastText");
      toastText.setWrapText(true);
      toastText.setMaxWidth(Double.MAX_VALUE);
      HBox.setHgrow(toastText, Priority.ALWAYS);
      toastUndo = new Button(resources.getString("toast.undo"));
      toastUndo.setId("toastUndo");
      toastUndo.getStyleClass().add("toast-action");
      toastUndo.setOnAction(event -> undo());
      Button toastClose = new Button("✕");
      toastClose.getStyleClass().add("toast-close");
      toastClose.setOnAction(event -> hideToast());
      toast = new HBox(14, toastText, toastUndo, toastClose);
      toast.setId("toast");
      toast.getStyleClass().add("toast");
      toast.setAlignment(Pos.CENTER_LEFT);
      toast.managedProperty().bind(toast.visibleProperty());
      bottom.getChildren().add(bottom.getChildren().indexOf(statusBar), toast);
    }
    return toast;
  }

  void toggleHelp() {
    VBox overlay = helpOverlay();
    overlay.setVisible(!overlay.isVisible());
  }

  /**
   * The keyboard help over the lists, built the first time it is opened. An overlay: it never makes
   * the window taller (minimum height 0); a click anywhere closes it.
   */
  private VBox helpOverlay() {
    if (help == null) {
      GridPane shortcuts = new GridPane();
      shortcuts.setHgap(24);
      shortcuts.setVgap(6);
      int row = 0;
      for (String key : SHORTCUTS) {
        Label keys = new Label(resources.getString("shortcut." + key));
        keys.getStyleClass().add("shortcut-key");
        shortcuts.addRow(row++, keys, new Label(resources.getString("shortcut." + key + ".what")));
      }
      Label title = new Label(resources.getString("help.title"));
      title.getStyleClass().add("title-3");
      Label close = new Label(resources.getString("help.close"));
      close.getStyleClass().add("text-muted");
      VBox card = new VBox(10, title, shortcuts, close);
      card.getStyleClass().add("help-card");
      card.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
      help = new VBox(card);
      help.setId("help");
      help.getStyleClass().add("help-overlay");
      help.setAlignment(Pos.CENTER);
      help.setMinHeight(0);
      help.setVisible(false);
      help.setOnMouseClicked(event -> toggleHelp());
      // above the lists, below review mode's panel
      center.getChildren().add(1, help);
    }
    return help;
  }

  /** Signing out sends the list's pending deletes first, with the same progress dialog as closing. */
  private void signOut(Connection.Service service) {
    int pending = model.list(service).unsettledCount();
    whileSending(pending, model.signOut(service), () -> { });
  }

  private void signIn(Connection.Service service) {
    new SignInDialog(model, service, resources, tabs.getScene().getWindow()).showAndWait();
  }

  private void setUndoWindow(int seconds) {
    model.inbox().undoWindowSecondsProperty().set(seconds);
    model.notifications().undoWindowSecondsProperty().set(seconds);
    savePreferences();
  }

  private void savePreferences() {
    if (model == null) {
      return;
    }
    model.accounts().update(settings -> settings.withPreferences(
        model.inbox().undoWindowSecondsProperty().get(), settingsMenu.confirmDeletesProperty().get(),
        settingsMenu.darkThemeProperty().get() ? Theme.DARK.name() : Theme.LIGHT.name()));
  }

  private void showAccounts() {
    show(messagesAccount, "bar.messages", model.messagesAccountProperty().get());
    show(notificationsAccount, "bar.notifications", model.notificationsAccountProperty().get());
  }

  private void show(MenuButton button, String serviceKey, String account) {
    boolean signedIn = account != null && !account.isEmpty();
    button.setText(resources.getString(serviceKey) + ": " + (signedIn ? account
        : resources.getString("bar.signedOut")));
  }

  private void showConnections() {
    boolean anySandbox = model.connection(Connection.Service.MESSAGES).sandbox()
        || model.connection(Connection.Service.NOTIFICATIONS).sandbox();
    sandboxBadge.setVisible(anySandbox);
    sandboxBadge.setManaged(anySandbox);
    showTitle();
    Connection messages = model.connection(Connection.Service.MESSAGES);
    status.setText(model.onSandbox()
        ? MessageFormat.format(resources.getString("status.sandbox"), messages.serverLabel())
        : MessageFormat.format(resources.getString("status.server"), model.messagesServerProperty().get() + ", "
            + model.notificationsServerProperty().get()));
  }

  /** The service's menu: which server (one click to switch), sign in or out, and the connections dialog. */
  private void fillAccountMenu(MenuButton button, Connection.Service service) {
    Connection current = model.connection(service);
    MenuItem server = new MenuItem(current.serverLabel());
    server.setDisable(true);
    button.getItems().setAll(server, new javafx.scene.control.SeparatorMenuItem());
    javafx.scene.control.ToggleGroup choices = new javafx.scene.control.ToggleGroup();
    RadioMenuItem sandbox = new RadioMenuItem(resources.getString("bar.useSandbox"));
    sandbox.setToggleGroup(choices);
    sandbox.setSelected(current.sandbox());
    sandbox.setOnAction(event -> switchTo(service, null));
    button.getItems().add(sandbox);
    for (Profile profile : model.accounts().settings().profiles()) {
      if (profile.service() != service) {
        continue;
      }
      RadioMenuItem item = new RadioMenuItem(profile.name() + " (" + profile.baseUrl() + ")");
      item.setToggleGroup(choices);
      item.setSelected(current.profile().map(p -> p.id().equals(profile.id())).orElse(false));
      item.setOnAction(event -> switchTo(service, profile));
      button.getItems().add(item);
    }
    button.getItems().add(new javafx.scene.control.SeparatorMenuItem());
    MenuItem signIn = new MenuItem(resources.getString("bar.signIn"));
    signIn.setOnAction(event -> signIn(service));
    MenuItem signOut = new MenuItem(resources.getString("bar.signOut"));
    signOut.setOnAction(event -> signOut(service));
    button.getItems().add(current.signedIn() ? signOut : signIn);
    MenuItem connections = new MenuItem(resources.getString("bar.connections"));
    connections.setOnAction(event -> new ConnectionsDialog(model, resources, tabs.getScene().getWindow())
        .showAndWait());
    button.getItems().add(connections);
  }

  private void switchTo(Connection.Service service, Profile profile) {
    int pending = model.list(service).unsettledCount();
    whileSending(pending, model.use(service, profile), () -> {
      if (profile == null) {
        sandboxSignIn.accept(service);
      } else if (!model.connection(service).signedIn()
          && model.accounts().rememberedSecret(profile).isEmpty()) {
        signIn(service);
      }
    });
  }

  /** The status bar's progress: the deletes both lists are sending, done of total. */
  private void showSending() {
    int done = 0;
    int total = 0;
    for (ItemListViewModel list : new ItemListViewModel[] {model.inbox(), model.notifications()}) {
      if (list.progressVisibleProperty().get()) {
        done += list.progressDoneProperty().get();
        total += list.progressTotalProperty().get();
      }
    }
    statusBar.setProgress(total == 0 ? 0 : (double) done / total);
    statusSending.setText(total == 0 ? "" : MessageFormat.format(resources.getString("status.sending"), done, total));
  }

  /** The window's title names the sandbox only while a service is on it. */
  private void showTitle() {
    if (tabs.getScene() != null && tabs.getScene().getWindow() instanceof Stage stage) {
      stage.setTitle(windowTitle());
    }
  }

  /** "InboxDesk", or "InboxDesk · Sandbox" while either service uses the sandbox. */
  String windowTitle() {
    boolean anySandbox = model != null && (model.connection(Connection.Service.MESSAGES).sandbox()
        || model.connection(Connection.Service.NOTIFICATIONS).sandbox());
    return dev.inboxdesk.AppInfo.NAME + (anySandbox ? " · " + resources.getString("title.sandbox") : "");
  }

  private void showTabTitles() {
    inboxTab.setText(MessageFormat.format(resources.getString("tab.inbox"),
        model == null ? 0 : model.inbox().allRows().size()));
    notificationsTab.setText(MessageFormat.format(resources.getString("tab.notifications"),
        model == null ? 0 : model.notifications().unreadCount().get()));
  }

  private void showUndo(ItemListViewModel list) {
    int count = list.undoCountProperty().get();
    if (count == 0) {
      if (toastUndo != null && toastUndo.isVisible()) {
        hideToast();
      }
      return;
    }
    toast();
    toastTimer.stop();
    toast.getStyleClass().remove("toast-problem");
    int waiting = list.undoWaitingProperty().get();
    toastText.setText(MessageFormat.format(resources.getString(waiting > 1 ? "toast.deletedStack" : "toast.deleted"),
        count, list.undoSecondsLeftProperty().get(), waiting));
    toastUndo.setVisible(true);
    toastUndo.setManaged(true);
    toast.setVisible(true);
  }

  private void showNotice(String text, boolean problem) {
    if (text == null || text.isBlank()) {
      return;
    }
    toast().getStyleClass().remove("toast-problem");
    if (problem) {
      toast.getStyleClass().add("toast-problem");
    }
    toastText.setText(text);
    toastUndo.setVisible(false);
    toastUndo.setManaged(false);
    toast.setVisible(true);
    toastTimer.playFromStart();
  }

  /**
   * Closing the window first sends the deletes still pending, with a progress dialog, then closes
   * and runs {@code afterClose}: nothing the user deleted is silently dropped.
   */
  public void closeWithPendingDeletes(Stage stage, Runnable afterClose) {
    stage.setOnCloseRequest(event -> {
      int pending = model.unsettledCount();
      if (closing || pending == 0) {
        return;
      }
      event.consume();
      closing = true;
      boolean[] cancelled = {false};
      whileSending(pending, model.flushAll(), () -> {
        if (!cancelled[0]) {
          stage.close();
          afterClose.run();
        }
      }, () -> {
        // The unsent deletes come back to their rows; the one with the server now still finishes.
        cancelled[0] = true;
        closing = false;
        model.cancelPendingAll();
      });
    });
  }

  private void whileSending(int pending, CompletableFuture<Void> sending, Runnable after) {
    whileSending(pending, sending, after, null);
  }

  /**
   * Shows a small dialog while pending deletes are sent, then runs {@code after}. It counts what is
   * left and any wait the server imposed, second by second; with {@code onCancel}, a button stops
   * sending what has not gone yet.
   */
  private void whileSending(int pending, CompletableFuture<Void> sending, Runnable after, Runnable onCancel) {
    if (pending == 0) {
      sending.whenComplete((done, error) -> javafx.application.Platform.runLater(after));
      return;
    }
    Stage progress = new Stage(StageStyle.UTILITY);
    progress.initOwner(tabs.getScene().getWindow());
    progress.setTitle(resources.getString("close.title"));
    Label text = new Label(MessageFormat.format(resources.getString("close.text"), pending));
    text.setId("closeProgressText");
    text.setWrapText(true);
    text.setMaxWidth(420);
    HBox content = new HBox(14, new ProgressIndicator(), text);
    content.setStyle("-fx-alignment: center-left;");
    VBox box = new VBox(14, content);
    box.setStyle("-fx-padding: 20;");
    Timeline countdown = new Timeline(new KeyFrame(Duration.seconds(1), e -> text.setText(closingText())));
    countdown.setCycleCount(Animation.INDEFINITE);
    if (onCancel != null) {
      Button cancel = new Button(resources.getString("close.cancel"));
      cancel.setId("closeCancel");
      cancel.setCancelButton(true);
      cancel.setOnAction(e -> {
        countdown.stop();
        progress.close();
        onCancel.run();
      });
      HBox buttons = new HBox(cancel);
      buttons.setStyle("-fx-alignment: center-right;");
      box.getChildren().add(buttons);
    }
    progress.setScene(new Scene(box));
    progress.setOnCloseRequest(WindowEvent::consume);
    progress.show();
    countdown.play();
    sending.whenComplete((done, error) -> javafx.application.Platform.runLater(() -> {
      countdown.stop();
      progress.close();
      after.run();
    }));
  }

  /** What the closing dialog says now: deletes left, and the server's wait if there is one. */
  private String closingText() {
    int left = model.unsettledCount();
    return model.waitingUntil()
        .map(until -> MessageFormat.format(resources.getString("close.waiting"), left,
            Math.max(1, java.time.Duration.between(clock.instant(), until).toSeconds())))
        .orElseGet(() -> MessageFormat.format(resources.getString("close.text"), left));
  }

  /**
   * What the first frame does without, given just after it: the bar's tooltips. The lists are built
   * with their model, in the pulse that binds them, so the window repaints once for both (the first
   * frame shows the tab in front loading). A model slow to come (a keyring, a sign-in) is waited
   * for with the list in front built and spinning, from {@link ItemListView#SPINNER_DELAY} on, as a
   * list that loads slowly is.
   */
  public void afterFirstFrame() {
    installTooltips();
    PauseTransition slowModel = new PauseTransition(ItemListView.SPINNER_DELAY);
    slowModel.setOnFinished(event -> {
      if (model == null) {
        modelLate = true;
        activeView();
      }
    });
    slowModel.play();
  }

  private void installTooltips() {
    tips.forEach((control, key) -> control.setTooltip(new Tooltip(resources.getString(key))));
    tips.clear();
  }

  /** The inbox tab's list view, built the first time it is needed. */
  private ItemListView inboxView() {
    if (inboxController == null) {
      inboxController = buildList(inboxTab, Connection.Service.MESSAGES);
    }
    return inboxController;
  }

  /** The notifications tab's list view, built the first time it is needed. */
  private ItemListView notificationsView() {
    if (notificationsController == null) {
      notificationsController = buildList(notificationsTab, Connection.Service.NOTIFICATIONS);
    }
    return notificationsController;
  }

  /** A list view for {@code tab}: bound when the model is there, else saying that it loads. */
  private ItemListView buildList(Tab tab, Connection.Service service) {
    ItemListView view = ItemListView.create(resources);
    tab.setContent(view.root());
    if (model != null) {
      view.bind(model.list(service), clock, () -> signIn(service));
    } else {
      view.showLoading();
    }
    return view;
  }

  /** The request inspector, built on first use (it is rarely opened, and a table is not cheap). */
  public InspectorView inspector() {
    if (inspectorController == null) {
      FXMLLoader loader = new FXMLLoader(
          InspectorView.class.getResource("InspectorView.fxml"), resources);
      try {
        inspectorSlot.getChildren().setAll((javafx.scene.Parent) loader.load());
      } catch (IOException e) {
        throw new UncheckedIOException("The request inspector could not be loaded", e);
      }
      inspectorController = loader.getController();
      inspectorController.bind(model.requestLog());
      inspectorController.setResend(model::resend);
    }
    return inspectorController;
  }

  /** Review mode over the list in front: one item at a time, from the first row it shows. */
  void openReview() {
    if (model == null || reviewPanel != null) {
      return;
    }
    ItemListView shown = activeView();
    if (shown.model().visibleRows().isEmpty()) {
      return;
    }
    String title = resources.getString(shown == inboxController ? "review.title.messages"
        : "review.title.notifications");
    reviewPanel = new ReviewPanel(
        new dev.inboxdesk.app.review.ReviewViewModel(shown.model(), resources), resources, title, this::closeReview);
    center.getChildren().add(reviewPanel);
    reviewPanel.requestFocus();
  }

  /** Leaves review mode; the list is in front again, with the keyboard. */
  void closeReview() {
    if (reviewPanel != null) {
      center.getChildren().remove(reviewPanel);
      reviewPanel = null;
      activeView().focusList();
    }
  }

  /** The review panel while review mode is on, else null. */
  ReviewPanel review() {
    return reviewPanel;
  }

  /** "Recently deleted", built on first use. */
  public HistoryPanel history() {
    if (historyPanel == null) {
      historyPanel = new HistoryPanel(model.historyModel(), resources);
      historySlot.getChildren().setAll(historyPanel);
      VBox.setVgrow(historyPanel, javafx.scene.layout.Priority.ALWAYS);
    }
    return historyPanel;
  }

  /** Shows a problem the whole window should know about. */
  public void showProblem(Problem problem) {
    showNotice(problem.oneLine(), true);
  }
}
