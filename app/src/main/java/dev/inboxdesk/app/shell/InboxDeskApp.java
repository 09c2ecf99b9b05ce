package dev.inboxdesk.app.shell;

import dev.inboxdesk.AppInfo;
import dev.inboxdesk.app.accounts.Connection;
import dev.inboxdesk.app.accounts.SettingsStore;
import dev.inboxdesk.app.common.ErrorPresenter;
import dev.inboxdesk.app.common.FxScheduler;
import dev.inboxdesk.app.common.Problem;
import dev.inboxdesk.sandbox.SandboxOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import dev.inboxdesk.history.DeleteHistory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/** The JavaFX application: builds the window on the sandbox and handles closing with deletes pending. */
public final class InboxDeskApp extends Application {
  private static final Logger LOG = Logger.getLogger(InboxDeskApp.class.getName());

  /** Begun before the toolkit starts, so that the settings are read while it does. */
  private static volatile Startup startup;
  private static volatile LaunchOptions launchOptions;

  private volatile AppContext context;
  private volatile boolean stopped;
  private FxScheduler scheduler;

  public static void launchAndWait(List<String> args) {
    LaunchOptions options = LaunchOptions.parse(args);
    launchOptions = options;
    startup = begin(options);
    Application.launch(InboxDeskApp.class, args.toArray(String[]::new));
  }

  /**
   * Shows the window first and then builds what can wait: the keyring, the sandbox, the clients and
   * the view-models start on another thread once the first frame is on screen; the lists say they
   * are loading until then. A smoke test starts the same way, from the settings file of
   * {@code --config} (or the user's own).
   */
  @Override
  public void start(Stage stage) {
    LaunchOptions options = launchOptions != null ? launchOptions : LaunchOptions.parse(getParameters().getRaw());
    Startup begun = startup != null ? startup : begin(options);
    installCrashHandler();
    Locale locale = Locale.getDefault();
    scheduler = new FxScheduler(Clock.systemUTC());
    SandboxOptions sandboxOptions = SandboxOptions.defaults().withSize(options.size());
    SettingsStore.Loaded settings = begun.settings().join();
    Theme theme = options.themeGiven() ? options.theme() : savedTheme(settings.settings().theme());
    theme.apply();
    ResourceBundle bundle = ResourceBundle.getBundle(ErrorPresenter.BUNDLE, locale);
    MainView view = new MainView(Clock.systemUTC(), Theme::apply);
    Scene scene = new Scene(view.build(bundle), options.width(), options.height());
    view.installKeys(scene);
    view.showTheme(theme);
    view.select(options.view());
    stage.setTitle(AppInfo.NAME);
    stage.setScene(scene);
    stage.setMinWidth(760);
    stage.setMinHeight(480);
    if (options.smokeTest()) {
      SmokeTest.watch(stage, begun.context(), options);
    }
    // After the first frame: one pulse for it to reach the screen, then the rest of the start: the
    // model on another thread, the lists built with it when it comes.
    stage.addEventHandler(WindowEvent.WINDOW_SHOWN, event -> Platform.runLater(() -> {
      begun.buildContext(sandboxOptions, scheduler, locale,
          // A run on its own settings folder (a smoke test, a screenshot) keeps its record there too.
          new DeleteHistory(options.config() != null ? options.config().resolve("history")
              : DeleteHistory.defaultFolder(), Clock.systemUTC()))
          .whenComplete((built, error) -> Platform.runLater(() -> attach(stage, view, bundle, built, error)));
      view.afterFirstFrame();
    }));
    stage.show();
  }

  /** The window gets its model: the lists bind, the demo accounts and remembered sessions sign in. */
  private void attach(Stage stage, MainView view, ResourceBundle bundle, AppContext built, Throwable error) {
    if (error != null) {
      Thread.getDefaultUncaughtExceptionHandler().uncaughtException(Thread.currentThread(),
          error instanceof java.util.concurrent.CompletionException && error.getCause() != null ? error.getCause()
              : error);
      return;
    }
    if (stopped) {
      built.close();
      return;
    }
    context = built;
    // The sign-ins begin first, so the lists are bound already loading, never "not signed in" between.
    built.start();
    view.bind(built.model(), built::signInDemoAccount);
    stage.setTitle(view.windowTitle());
    view.closeWithPendingDeletes(stage, Platform::exit);
    String settingsProblem = built.model().accounts().loadProblem();
    if (settingsProblem != null) {
      view.showProblem(new Problem(bundle.getString("settings.problem"), settingsProblem, null, settingsProblem,
          Problem.Action.NONE));
    }
  }

  /** Begins the start that does not need the toolkit: the log file and the settings, from their places. */
  private static Startup begin(LaunchOptions options) {
    Path config = options.config();
    return Startup.begin(config != null ? config.resolve("settings.json") : SettingsStore.defaultFile(),
        config != null ? config.resolve("logs") : AppLog.directory());
  }

  @Override
  public void stop() {
    stopped = true;
    if (context != null) {
      context.close();
    }
    if (scheduler != null) {
      scheduler.close();
    }
  }

  /** One handler for what nobody caught: logged, and shown once in words. */
  private static void installCrashHandler() {
    AtomicBoolean showing = new AtomicBoolean();
    Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
      LOG.log(Level.SEVERE, "Uncaught in " + thread.getName(), error);
      if (!showing.compareAndSet(false, true)) {
        return;
      }
      Platform.runLater(() -> {
        Problem problem = ErrorPresenter.forLocale(Locale.getDefault()).describe(error);
        Alert alert = new Alert(Alert.AlertType.ERROR, problem.detail());
        alert.setHeaderText(problem.title());
        TextArea details = new TextArea(String.valueOf(error));
        details.setEditable(false);
        alert.getDialogPane().setExpandableContent(details);
        alert.showAndWait();
        showing.set(false);
      });
    });
  }

  private static Theme savedTheme(String name) {
    try {
      return name.equals("SYSTEM") ? Theme.fromSystem() : Theme.valueOf(name);
    } catch (IllegalArgumentException unknown) {
      return Theme.fromSystem();
    }
  }

  /** What the command line asked of the window. */
  record LaunchOptions(boolean smokeTest, Path screenshot, Theme theme, boolean themeGiven, Connection.Service view,
      int size, int width, int height, Path config) {
    static LaunchOptions parse(List<String> args) {
      boolean smoke = false;
      Path screenshot = null;
      Theme theme = Theme.fromSystem();
      boolean themeGiven = false;
      Connection.Service view = Connection.Service.MESSAGES;
      int size = SandboxOptions.DEFAULT_SIZE;
      int width = 1200;
      int height = 760;
      Path config = null;
      for (int i = 0; i < args.size(); i++) {
        String arg = args.get(i);
        String next = i + 1 < args.size() ? args.get(i + 1) : null;
        switch (arg) {
          case "--smoke-test" -> smoke = true;
          case "--screenshot" -> {
            screenshot = Path.of(require(next, arg));
            i++;
          }
          case "--theme" -> {
            theme = Theme.valueOf(require(next, arg).toUpperCase(Locale.ROOT));
            themeGiven = true;
            i++;
          }
          case "--view" -> {
            view = require(next, arg).startsWith("notif") ? Connection.Service.NOTIFICATIONS
                : Connection.Service.MESSAGES;
            i++;
          }
          case "--config" -> {
            config = Path.of(require(next, arg));
            i++;
          }
          case "--size" -> {
            size = Integer.parseInt(require(next, arg));
            i++;
          }
          case "--window" -> {
            String[] parts = require(next, arg).toLowerCase(Locale.ROOT).split("x");
            width = Integer.parseInt(parts[0]);
            height = Integer.parseInt(parts[1]);
            i++;
          }
          default -> throw new IllegalArgumentException("Unknown option " + arg + "; see --help");
        }
      }
      return new LaunchOptions(smoke, screenshot, theme, themeGiven, view, size, width, height, config);
    }

    private static String require(String value, String option) {
      if (value == null) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      return value;
    }
  }

  /**
   * Time since this process started, for {@code startup_ms}. On Linux from the kernel's own clock
   * since boot (/proc/self/stat and /proc/uptime, to 10 ms): {@code ProcessHandle}'s start instant
   * adds the boot time, which Linux gives in whole seconds, so it is off by up to a second (the same
   * offset for every run until the next boot). Elsewhere {@code ProcessHandle}.
   */
  static Duration sinceJvmStart(Instant now) {
    Duration lag = Duration.between(now, Instant.now());
    try {
      String stat = Files.readString(Path.of("/proc/self/stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long startTicks = Long.parseLong(fields[19]);
      double uptime = Double.parseDouble(Files.readString(Path.of("/proc/uptime")).split(" ")[0]);
      // USER_HZ, the unit of starttime, is 100 on every Linux
      return Duration.ofMillis(Math.round((uptime - startTicks / 100.0) * 1000)).minus(lag);
    } catch (IOException | RuntimeException notLinux) {
      return ProcessHandle.current().info().startInstant().map(start -> Duration.between(start, now))
          .orElse(Duration.ZERO);
    }
  }
}
