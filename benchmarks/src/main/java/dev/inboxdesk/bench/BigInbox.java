package dev.inboxdesk.bench;

import dev.inboxdesk.app.common.ErrorPresenter;
import dev.inboxdesk.app.common.FxScheduler;
import dev.inboxdesk.app.inbox.MessagesSource;
import dev.inboxdesk.app.list.Item;
import dev.inboxdesk.app.list.ItemListView;
import dev.inboxdesk.app.list.ItemListViewModel;
import dev.inboxdesk.app.list.ItemSource;
import dev.inboxdesk.app.notifications.NotificationsSource;
import dev.inboxdesk.app.shell.Theme;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * A big inbox in the app's real list view: the time from the server's answer (the list call
 * returned) to the first layout pulse that shows it, the latency of filter keystrokes (the search
 * changed, to the pulse that shows the result), and the process's memory with the list loaded.
 * The sandbox runs in another process (see big-inbox.sh), so the memory is the app's alone.
 *
 * <p>Usage: {@code BigInbox messages|notifications URL}.
 */
public final class BigInbox {
  private BigInbox() {
  }

  public static void main(String[] args) {
    Application.launch(Window.class, args);
  }

  /** The list view alone, as the main window shows it. */
  public static final class Window extends Application {
    private final List<Double> keystrokes = new ArrayList<>();
    private volatile long answeredAt;
    private ItemListViewModel model;
    private Runnable onPulse;
    /** When the pulse now running began its work (its CSS and layout passes come after). */
    private long pulseStart;
    private double renderMillis;
    private int expected;

    @Override
    public void start(Stage stage) {
      String service = getParameters().getRaw().get(0);
      String url = getParameters().getRaw().get(1);
      ItemSource source = service.startsWith("notif")
          ? new NotificationsSource(DemoLogins.notifications(url))
          : new MessagesSource(DemoLogins.messages(url));
      ItemSource timed = new ItemSource() {
        @Override
        public List<Item> list() {
          List<Item> items = source.list();
          expected = items.size();
          answeredAt = System.nanoTime();
          return items;
        }

        @Override
        public boolean delete(Item item) {
          return source.delete(item);
        }
      };
      Theme.LIGHT.apply();
      ResourceBundle bundle = ResourceBundle.getBundle(ErrorPresenter.BUNDLE, Locale.ENGLISH);
      model = new ItemListViewModel(timed, new FxScheduler(Clock.systemUTC()), Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "bench-work");
            thread.setDaemon(true);
            return thread;
          }), ErrorPresenter.forLocale(Locale.ENGLISH));
      ItemListView view = ItemListView.create(bundle);
      view.bind(model, Clock.systemUTC(), () -> { });
      Scene scene = new Scene(view.root(), 1200, 760);
      scene.addPreLayoutPulseListener(() -> pulseStart = System.nanoTime());
      scene.addPostLayoutPulseListener(() -> {
        Runnable waiting = onPulse;
        if (waiting != null) {
          onPulse = null;
          waiting.run();
        }
      });
      stage.setScene(scene);
      stage.show();
      onPulse = this::awaitRows;
      model.refresh();
      Platform.requestNextPulse();
    }

    /** Pulses until the rows are in the list; the first such pulse ends the render time. */
    private void awaitRows() {
      if (answeredAt == 0 || model.visibleRows().size() < expected || expected == 0) {
        onPulse = this::awaitRows;
        Platform.requestNextPulse();
        return;
      }
      renderMillis = (System.nanoTime() - answeredAt) / 1e6;
      // -Dbench.keystrokes=0 skips the typing, to see what the loaded list alone holds.
      List<String> typed = Integer.getInteger("bench.keystrokes", 1) == 0 ? List.of() : queries();
      Platform.runLater(() -> type(typed, 0));
    }

    /** Words from the list, typed a letter at a time and then erased, as a user searching does. */
    private List<String> queries() {
      List<String> typed = new ArrayList<>();
      String[] sources = {"question", "payout", "recipe", "sunrise", "new"};
      for (String word : sources) {
        for (int i = 1; i <= word.length(); i++) {
          typed.add(word.substring(0, i));
        }
        for (int i = word.length() - 1; i >= 0; i--) {
          typed.add(word.substring(0, i));
        }
      }
      return typed;
    }

    private void type(List<String> queries, int index) {
      if (index == queries.size()) {
        bulk();
        return;
      }
      long start = System.nanoTime();
      onPulse = () -> {
        keystrokes.add((System.nanoTime() - start) / 1e6);
        Platform.runLater(() -> type(queries, index + 1));
      };
      model.searchTextProperty().set(queries.get(index));
      Platform.requestNextPulse();
    }

    /**
     * "Delete all shown" on the whole list, then its undo (a long undo window, so nothing is sent):
     * the FX thread's time in the call, from the call to the end of the layout of the pulse that shows
     * it, and the FX thread's busy time: the call and that pulse's own CSS and layout passes.
     */
    private void bulk() {
      if (!Boolean.parseBoolean(System.getProperty("bench.bulk", "true"))) {
        finish();
        return;
      }
      model.undoWindowSecondsProperty().set(600);
      model.searchTextProperty().set("");
      onPulse = () -> Platform.runLater(() -> {
        int shown = model.visibleRows().size();
        long start = System.nanoTime();
        model.deleteAllShown();
        double call = (System.nanoTime() - start) / 1e6;
        onPulse = () -> {
          double shownAfter = (System.nanoTime() - start) / 1e6;
          double deletePulse = (System.nanoTime() - pulseStart) / 1e6;
          Platform.runLater(() -> {
            long undoStart = System.nanoTime();
            int back = model.undo();
            double undoCall = (System.nanoTime() - undoStart) / 1e6;
            onPulse = () -> {
              double undoShown = (System.nanoTime() - undoStart) / 1e6;
              double undoPulse = (System.nanoTime() - pulseStart) / 1e6;
              // busy: the call plus the pulse's own work (its CSS and layout), without the idle wait
              // between them for the next pulse
              System.out.printf("delete all shown (%,d rows): call %.0f ms, to shown %.0f ms, busy %.0f ms; undo (%,d"
                  + " rows): call %.0f ms, to shown %.0f ms, busy %.0f ms%n", shown, call, shownAfter, call + deletePulse,
                  back, undoCall, undoShown, undoCall + undoPulse);
              Platform.runLater(this::finish);
            };
            Platform.requestNextPulse();
          });
        };
        Platform.requestNextPulse();
      });
      Platform.requestNextPulse();
    }

    private void finish() {
      System.gc();
      long[] memory = Stats.residentMiB();
      System.out.printf("%s rows: %,d; answer to rendered list: %.0f ms; RSS %d MiB (peak %d MiB); heap used %d MiB%n",
          getParameters().getRaw().get(0), expected, renderMillis, memory[0], memory[1],
          (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / (1024 * 1024));
      System.out.println(Stats.summary("filter keystroke to shown", keystrokes));
      // -Dbench.holdSeconds=N keeps the window open a while, for a heap histogram (jmap -histo:live).
      long hold = Long.getLong("bench.holdSeconds", 0);
      Thread exit = new Thread(() -> {
        try {
          Thread.sleep(hold * 1000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        Platform.exit();
      });
      exit.setDaemon(true);
      exit.start();
    }
  }
}
