package dev.inboxdesk.app.list;

import dev.inboxdesk.app.common.ErrorPresenter;
import dev.inboxdesk.app.common.Problem;
import dev.inboxdesk.app.common.UiScheduler;
import dev.inboxdesk.client.Wait;
import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

/**
 * State and actions of one list view, whichever service it shows: the rows, search and sort,
 * counts, load state, and deletes through the shared {@link DeleteQueue}. Knows no {@code Node};
 * tests drive it with a manual scheduler and a same-thread executor.
 */
public class ItemListViewModel {
  private ItemSource source;
  private final UiScheduler ui;
  private final Executor background;
  private final ErrorPresenter presenter;

  private final RowList rows = new RowList();
  // Sorted first, then filtered: a keystroke in the search then only refilters, instead of
  // feeding every row it hides or shows through the sort (slower, and garbage by the megabyte
  // with 100,000 rows).
  private final SortedList<ItemRow> sorted = new SortedList<>(rows, SortOrder.NEWEST_FIRST.comparator());
  private final FilteredList<ItemRow> filtered = new FilteredList<>(sorted);
  /**
   * One read-only view for every caller: the wrapper listens to the rows weakly, so a wrapper made
   * per call would be collected with the listeners added to it (tab counts that stop counting).
   */
  private final ObservableList<ItemRow> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
  private final DeleteQueue queue;

  private final StringProperty searchText = new SimpleStringProperty(this, "searchText", "");
  private final ObjectProperty<SortOrder> sortOrder = new SimpleObjectProperty<>(this, "sortOrder",
      SortOrder.NEWEST_FIRST);
  private final ReadOnlyObjectWrapper<LoadState> loadState = new ReadOnlyObjectWrapper<>(LoadState.IDLE);
  private final ReadOnlyObjectWrapper<Problem> loadProblem = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyIntegerWrapper undoCount = new ReadOnlyIntegerWrapper();
  private final ReadOnlyIntegerWrapper undoSecondsLeft = new ReadOnlyIntegerWrapper();
  private final ReadOnlyIntegerWrapper undoWaiting = new ReadOnlyIntegerWrapper();
  private DeleteRecorder recorder = (row, outcome, cause) -> { };
  private final ReadOnlyBooleanWrapper progressVisible = new ReadOnlyBooleanWrapper();
  private final ReadOnlyIntegerWrapper progressDone = new ReadOnlyIntegerWrapper();
  private final ReadOnlyIntegerWrapper progressTotal = new ReadOnlyIntegerWrapper();
  private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
  private final ReadOnlyObjectWrapper<Problem> signInProblem = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<Problem> lastFailure = new ReadOnlyObjectWrapper<>();
  private final BooleanProperty confirmDeletes = new SimpleBooleanProperty(this, "confirmDeletes", false);
  private final ReadOnlyObjectWrapper<Boolean> accepting = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyStringWrapper acceptingUnavailable = new ReadOnlyStringWrapper();
  private final IntegerProperty confirmAbove = new SimpleIntegerProperty(this, "confirmAbove", 50);
  private final IntegerProperty undoWindowSeconds = new SimpleIntegerProperty(this, "undoWindowSeconds", 5);
  private final ReadOnlyBooleanWrapper markReadAvailable = new ReadOnlyBooleanWrapper(true);
  private final IntegerBinding unreadCount;
  private Instant undoUntil;
  private UiScheduler.Cancellable undoTicker;
  private int goneNotes;
  /** Loading only because a sign-in is under way (see {@link #signingIn}). */
  private boolean signingIn;

  public ItemListViewModel(ItemSource source, UiScheduler ui, Executor background, ErrorPresenter presenter) {
    this.source = source;
    this.ui = ui;
    this.background = background;
    this.presenter = presenter;
    this.queue = new DeleteQueue(source, rows, ui, background, Duration.ofSeconds(5), new QueueEvents());
    searchText.addListener((obs, old, text) -> applyFilter(text));
    sortOrder.addListener((obs, old, order) -> sorted.setComparator(order.comparator()));
    undoWindowSeconds.addListener((obs, old, seconds) -> queue.setUndoWindow(Duration.ofSeconds(
        Math.max(0, seconds.intValue()))));
    unreadCount = Bindings.createIntegerBinding(() -> (int) rows.stream().filter(r -> !r.item().read()).count(), rows);
  }

  // --- what the view shows ---

  /** The rows to show: filtered by the search, in the chosen order. */
  public ObservableList<ItemRow> visibleRows() {
    return filtered;
  }

  /**
   * Every row, in the server's order, unfiltered. Always the same list: the read-only view listens
   * to the rows only weakly, so a fresh view per call would lose its listeners once collected.
   */
  public ObservableList<ItemRow> allRows() {
    return readOnlyRows;
  }

  public StringProperty searchTextProperty() {
    return searchText;
  }

  public ObjectProperty<SortOrder> sortOrderProperty() {
    return sortOrder;
  }

  public ReadOnlyObjectProperty<LoadState> loadStateProperty() {
    return loadState.getReadOnlyProperty();
  }

  /** Why the first load failed, or null. */
  public ReadOnlyObjectProperty<Problem> loadProblemProperty() {
    return loadProblem.getReadOnlyProperty();
  }

  public IntegerBinding unreadCount() {
    return unreadCount;
  }

  /** How many rows the last delete can restore (0: no offer). */
  public ReadOnlyIntegerProperty undoCountProperty() {
    return undoCount.getReadOnlyProperty();
  }

  /** How many deletes wait in their undo windows (each can be undone, newest first). */
  public ReadOnlyIntegerProperty undoWaitingProperty() {
    return undoWaiting.getReadOnlyProperty();
  }

  /** What hears each sent delete's outcome (the local record of deletes). */
  public interface DeleteRecorder {
    void settled(ItemRow row, DeleteQueue.Outcome outcome, Throwable cause);
  }

  public void setRecorder(DeleteRecorder value) {
    recorder = value == null ? (row, outcome, cause) -> { } : value;
  }

  public ReadOnlyIntegerProperty undoSecondsLeftProperty() {
    return undoSecondsLeft.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty progressVisibleProperty() {
    return progressVisible.getReadOnlyProperty();
  }

  public ReadOnlyIntegerProperty progressDoneProperty() {
    return progressDone.getReadOnlyProperty();
  }

  public ReadOnlyIntegerProperty progressTotalProperty() {
    return progressTotal.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty progressTextProperty() {
    return progressText.getReadOnlyProperty();
  }

  /** A quiet note, such as "2 were already gone". */
  public ReadOnlyStringProperty noticeProperty() {
    return notice.getReadOnlyProperty();
  }

  /** Set when a delete came back because the session ended; cleared after signing in. */
  public ReadOnlyObjectProperty<Problem> signInProblemProperty() {
    return signInProblem.getReadOnlyProperty();
  }

  /** The last delete that failed and came back, for a toast. */
  public ReadOnlyObjectProperty<Problem> lastFailureProperty() {
    return lastFailure.getReadOnlyProperty();
  }

  /** Whether deletes ask first (off by default: the undo window is the safety net). */
  public BooleanProperty confirmDeletesProperty() {
    return confirmDeletes;
  }

  /** Deletes of more than this many items at once always ask first (default 50). */
  public IntegerProperty confirmAboveProperty() {
    return confirmAbove;
  }

  /** Whether deleting {@code count} items at once should ask first. */
  public boolean needsConfirmation(int count) {
    return count > 0 && (confirmDeletes.get() || count > confirmAbove.get());
  }

  /** Seconds a delete can be undone before it is sent; 0 sends at once. */
  public IntegerProperty undoWindowSecondsProperty() {
    return undoWindowSeconds;
  }

  public ErrorPresenter presenter() {
    return presenter;
  }

  public ItemSource source() {
    return source;
  }

  /** Words for a row's failure, for its badge and the detail pane. */
  public Problem problemOf(ItemRow row) {
    return row.state().error() == null ? null : presenter.describe(row.state().error());
  }

  // --- actions ---

  /** Loads the list (again). Deleted rows never come back from a refresh that raced them. */
  public void refresh() {
    long generation = queue.beginRefresh();
    if (rows.isEmpty()) {
      loadState.set(LoadState.LOADING);
    }
    ItemSource from = source;
    background.execute(() -> {
      try {
        List<Item> items = from.list();
        ui.execute(() -> {
          if (from != source) {
            // The list moved to another server meanwhile; this answer is about the old one.
            return;
          }
          if (queue.merge(items, generation)) {
            loadProblem.set(null);
            loadState.set(LoadState.LOADED);
          }
        });
      } catch (Throwable error) {
        ui.execute(() -> loadFailed(error));
      }
    });
  }

  private void loadFailed(Throwable error) {
    Problem problem = presenter.describe(error);
    if (rows.isEmpty()) {
      loadProblem.set(problem);
      loadState.set(LoadState.FAILED);
    } else {
      notice.set(presenter.bundle().getString("list.refreshFailed") + " " + problem.oneLine());
    }
    if (problem.action() == Problem.Action.SIGN_IN) {
      signInProblem.set(problem);
    }
  }

  /** Says something about this list's service in the window's notice (call on the UI thread). */
  public void announce(String text) {
    notice.set("");
    notice.set(text);
  }

  /** Deletes rows (out of the list now, sent after the undo window). */
  public void delete(List<ItemRow> selected) {
    if (!selected.isEmpty()) {
      notice.set("");
      queue.delete(new ArrayList<>(selected));
    }
  }

  /** Deletes every row the search shows. */
  public void deleteAllShown() {
    delete(new ArrayList<>(filtered));
  }
  /**
   * How many deletes a minute the server allows (its documented limit; the client paces under
   * it), or 0 when it names none.
   */
  public int deletesPerMinute() {
    return 0;
  }

  /** Whether this list has a switch for accepting new items (the inbox has: accepting messages). */
  public boolean hasAcceptingSwitch() {
    return false;
  }

  /** Whether the account accepts new items; null while not known (or not applicable). */
  public ReadOnlyObjectProperty<Boolean> acceptingProperty() {
    return accepting.getReadOnlyProperty();
  }

  /** Why the switch cannot be used (the server has no route for it), or null when it can. */
  public ReadOnlyStringProperty acceptingUnavailableProperty() {
    return acceptingUnavailable.getReadOnlyProperty();
  }

  /** Turns accepting new items on or off; lists {@link #hasAcceptingSwitch() with the switch} do it. */
  public void setAccepting(boolean on) {
  }

  protected void acceptingIs(Boolean value) {
    accepting.set(value);
  }

  protected void acceptingUnavailable(String why) {
    acceptingUnavailable.set(why);
  }

  /** Whether this list's items are read or unread, with marking and clearing (notifications are). */
  public boolean tracksReadState() {
    return false;
  }

  /**
   * The client announced a wait (on its own thread; call this on the UI thread). A wait for a
   * delete shows its row pending with a countdown; any other wait (a listing) is said in the notice.
   */
  public void clientWaits(Wait wait) {
    if (wait.reason() == Wait.Reason.CONNECTION_RETRY && wait.duration().toSeconds() < 1) {
      return;
    }
    if (wait.route().startsWith("DELETE")) {
      queue.clientWaits(wait.until());
    } else {
      notice.set(text("notice.waiting", Math.max(1, (wait.duration().toMillis() + 999) / 1000),
          text("wait." + wait.reason().name())));
    }
  }

  /** When the client's wait for a delete ends; empty when it is not waiting. */
  public Optional<Instant> waitingUntil() {
    return queue.waitingUntil();
  }

  /** False once the server showed it has no route for marking read (a deployment without it). */
  public ReadOnlyBooleanProperty markReadAvailableProperty() {
    return markReadAvailable.getReadOnlyProperty();
  }

  /** Marks rows read; only lists that {@link #tracksReadState() track it} do anything. */
  public void markRead(List<ItemRow> selected) {
  }

  /** Deletes every read row shown; only lists that {@link #tracksReadState() track it} do anything. */
  public void clearRead() {
  }


  /**
   * Restores the newest delete still in its window; called again, the one before. Returns how
   * many rows came back.
   */
  public int undo() {
    return queue.undo();
  }

  public void retry(ItemRow row) {
    queue.retry(row);
  }

  /** Stops a bulk delete; rows not yet sent come back. */
  public int cancelPending() {
    return queue.cancelPending();
  }

  /** Sends everything pending now; completes when all are settled. */
  public CompletableFuture<Void> flush() {
    return queue.flush();
  }

  /** Deletes not settled yet (in the undo window or on their way). */
  public int unsettledCount() {
    return queue.unsettledCount();
  }

  /** After signing in again: load, and send the deletes that came back for want of a session. */
  public void signedIn() {
    signingIn = false;
    signInProblem.set(null);
    queue.retryAfterSignIn();
    refresh();
  }

  /**
   * Moves the list to another server: pending deletes go to the old one first, then the rows are
   * forgotten. Completes on the UI thread.
   */
  public CompletableFuture<Void> switchSource(ItemSource newSource) {
    CompletableFuture<Void> switched = new CompletableFuture<>();
    queue.flush().whenComplete((done, error) -> ui.execute(() -> {
      queue.switchSource(newSource);
      source = newSource;
      signInProblem.set(null);
      loadProblem.set(null);
      loadState.set(LoadState.IDLE);
      switched.complete(null);
    }));
    return switched;
  }

  /** Shows that the list needs a sign-in (a remembered session that no longer works, say). */
  public void needsSignIn(Throwable cause) {
    signInProblem.set(presenter.describe(cause));
    signInEnded();
  }

  /**
   * A sign-in for this list has begun. A list that has asked nothing yet is loading from now on,
   * not signed out: its first answer is on its way, and the window says so rather than showing
   * "not signed in" for as long as the sign-in takes.
   */
  public void signingIn() {
    if (loadState.get() == LoadState.IDLE) {
      signingIn = true;
      loadState.set(LoadState.LOADING);
    }
  }

  /** The sign-in begun by {@link #signingIn} ended without signing in: a second factor, or a failure. */
  public void signInEnded() {
    if (signingIn) {
      signingIn = false;
      if (loadState.get() == LoadState.LOADING) {
        loadState.set(LoadState.IDLE);
      }
    }
  }

  /** After signing out: forget the rows. */
  public void signedOut() {
    signingIn = false;
    queue.forgetRows();
    loadState.set(LoadState.IDLE);
  }

  protected UiScheduler ui() {
    return ui;
  }

  protected Executor background() {
    return background;
  }

  /** Replaces a row's item in place (after marking it read, say). */
  protected void update(ItemRow row, Item item) {
    row.setItem(item);
    rows.changed(row);
  }

  /** Tells the user of a failure that concerns no row (marking read, say). */
  protected void reportFailure(Throwable cause) {
    lastFailure.set(presenter.describe(cause));
  }

  /** Records that the server lacks the route for marking read, so the button can say so. */
  protected void markReadUnavailable() {
    markReadAvailable.set(false);
  }

  protected String text(String key, Object... args) {
    String pattern = presenter.bundle().getString(key);
    return args.length == 0 ? pattern : new MessageFormat(pattern, presenter.bundle().getLocale()).format(args);
  }

  private void applyFilter(String text) {
    String query = text == null ? "" : Search.fold(text.strip());
    if (query.isEmpty()) {
      filtered.setPredicate(null);
      return;
    }
    String[] words = query.split("\\s+");
    filtered.setPredicate(row -> row.matches(words));
  }

  private void tickUndo() {
    if (undoUntil == null) {
      undoSecondsLeft.set(0);
      return;
    }
    long millis = Duration.between(ui.now(), undoUntil).toMillis();
    undoSecondsLeft.set((int) Math.max(0, (millis + 999) / 1000));
    if (millis > 0) {
      undoTicker = ui.schedule(Duration.ofMillis(Math.min(1000, millis % 1000 == 0 ? 1000 : millis % 1000)),
          this::tickUndo);
    }
  }

  /** Turns the queue's events into properties. */
  private final class QueueEvents implements DeleteQueue.Listener {
    @Override
    public void undoOffer(int count, Instant until) {
      if (undoTicker != null) {
        undoTicker.cancel();
        undoTicker = null;
      }
      undoUntil = count == 0 ? null : until;
      undoWaiting.set(queue.undoableDeletes());
      undoCount.set(count);
      tickUndo();
    }

    @Override
    public void progress(int done, int total, int failed, Duration timeLeft) {
      boolean running = done < total;
      progressVisible.set(running && total > 1);
      progressDone.set(done);
      progressTotal.set(total);
      if (running) {
        long seconds = (timeLeft.toMillis() + 999) / 1000;
        if (seconds == 0) {
          // No estimate yet (nothing settled, no wait): say nothing rather than "about 0 s".
          progressText.set(failed == 0 ? text("progress.runningNoEstimate", done, total)
              : text("progress.runningWithFailuresNoEstimate", done, total, failed));
        } else {
          progressText.set(failed == 0 ? text("progress.running", done, total, seconds)
              : text("progress.runningWithFailures", done, total, failed, seconds));
        }
      } else {
        progressText.set(total > 1 ? text("progress.finished", total - failed, failed) : "");
        if (total > 1) {
          notice.set(progressText.get() + (goneNotes > 0 ? " " + text("notice.alreadyGone", goneNotes) : ""));
          goneNotes = 0;
        }
      }
    }

    @Override
    public void alreadyGone(int count) {
      goneNotes += count;
      if (!progressVisible.get()) {
        notice.set(text("notice.alreadyGone", goneNotes));
        goneNotes = 0;
      }
    }

    @Override
    public void signInRequired(Throwable cause) {
      signInProblem.set(presenter.describe(cause));
    }

    @Override
    public void failed(ItemRow row, Throwable cause) {
      lastFailure.set(presenter.describe(cause));
    }

    @Override
    public void settled(ItemRow row, DeleteQueue.Outcome outcome, Throwable cause) {
      recorder.settled(row, outcome, cause);
    }
  }
}
