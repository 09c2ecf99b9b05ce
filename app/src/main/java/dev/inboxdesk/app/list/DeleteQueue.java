package dev.inboxdesk.app.list;

import dev.inboxdesk.app.common.UiScheduler;
import dev.inboxdesk.client.AuthenticationException;
import dev.inboxdesk.client.NotFoundException;
import dev.inboxdesk.client.RateLimitedException;
import dev.inboxdesk.client.UnconfirmedException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Optimistic deletes for one list. A deleted row leaves the list at once and waits out the undo
 * window (each delete its own, so that any still waiting can be undone, newest first); then its
 * delete goes to the server, one at a time so that the client's limiter paces
 * a bulk delete. The answer decides: gone for good (also on {@code 404}), back as pending with a
 * retry time ({@code 429}), or back where it was with the reason (anything else). Nothing the user
 * did not delete ever leaves the list, and a refresh that was in flight never brings a deleted row
 * back.
 *
 * <p>All methods run on the UI thread; the server calls run on {@code background}.
 */
public final class DeleteQueue {
  private static final Logger LOG = Logger.getLogger(DeleteQueue.class.getName());

  /** What the view-model hears from the queue. */
  public interface Listener {
    /** The undo offer changed: {@code count} rows can be restored until {@code until} (0 = no offer). */
    void undoOffer(int count, Instant until);

    /** Progress of the deletes being sent: {@code done} of {@code total}, {@code failed} among them. */
    void progress(int done, int total, int failed, Duration timeLeft);

    /** Deletes that found the item already gone, a quiet note. */
    void alreadyGone(int count);

    /** A delete came back because the session ended; it is retried after signing in. */
    void signInRequired(Throwable cause);

    /** A delete failed and its row came back. */
    void failed(ItemRow row, Throwable cause);

    /**
     * A delete the queue sent has an outcome: for the local record of deletes. Called once per
     * answer (a rate-limited answer is retried, so it is no outcome); {@code cause} is null on success.
     */
    default void settled(ItemRow row, Outcome outcome, Throwable cause) {
    }
  }

  /** How a sent delete ended. */
  public enum Outcome { DELETED, ALREADY_GONE, NOT_FOUND, FAILED, UNCONFIRMED }

  /** One delete waiting out its own undo window: its rows and when they go out. */
  private static final class Waiting {
    final List<ItemRow> rows;
    final Instant until;
    UiScheduler.Cancellable timer;

    Waiting(List<ItemRow> rows, Instant until) {
      this.rows = rows;
      this.until = until;
    }
  }

  /** Up to this many rows leave the list as removed ranges; more, as a new list. */
  private static final int FEW = 64;

  private ItemSource source;
  private final RowList rows;
  private final UiScheduler ui;
  private final Executor background;
  private final Listener listener;
  private Duration undoWindow;

  /** Deletes still in their undo windows, oldest first; undo takes the newest. */
  private final Deque<Waiting> undoable = new ArrayDeque<>();
  /** Rows whose delete waits to be sent, oldest first. */
  private final Deque<ItemRow> toSend = new ArrayDeque<>();
  /** Every row out of the list because of a delete not yet settled, by id. */
  private final Map<String, ItemRow> unsettled = new LinkedHashMap<>();
  /** Rows whose delete needs a fresh sign-in before it is tried again. */
  private final Map<String, ItemRow> awaitingSignIn = new LinkedHashMap<>();
  private final Map<String, UiScheduler.Cancellable> retryTimers = new HashMap<>();
  /** Ids confirmed gone, with the refresh generation they were confirmed in. */
  private final Map<String, Long> confirmedGone = new HashMap<>();
  private long generation;
  /** The refresh whose answer the rows show; an answer from an earlier one is out of date. */
  private long mergedGeneration;
  private boolean sending;
  /** The row whose delete is with the server now; shown as pending while the client waits for it. */
  private ItemRow inFlight;
  private boolean inFlightShown;
  /** When the client's current wait ends, or null when it is not waiting. */
  private Instant waitingUntil;
  private UiScheduler.Cancellable waitTicker;
  private int runDone;
  private int runTotal;
  private int runFailed;
  private Instant runStarted;
  private final List<CompletableFuture<Void>> drainWaiters = new ArrayList<>();

  DeleteQueue(ItemSource source, RowList rows, UiScheduler ui, Executor background,
      Duration undoWindow, Listener listener) {
    this.source = source;
    this.rows = rows;
    this.ui = ui;
    this.background = background;
    this.undoWindow = undoWindow;
    this.listener = listener;
  }

  /**
   * Points the queue at another server. Only when nothing is pending: flush first, so every delete
   * goes to the server its row came from.
   */
  public void switchSource(ItemSource newSource) {
    if (!unsettled.isEmpty() || sending) {
      throw new IllegalStateException("Deletes are still pending; flush them first");
    }
    source = newSource;
    confirmedGone.clear();
    forgetRows();
  }

  /**
   * Empties the list after signing out, with the retries that belonged to its rows (a new
   * sign-in loads fresh rows), and makes the answers of refreshes begun before out of date, so
   * that none fills the list again. Deletes already on their way still finish.
   */
  public void forgetRows() {
    mergedGeneration = ++generation;
    awaitingSignIn.clear();
    retryTimers.values().forEach(UiScheduler.Cancellable::cancel);
    retryTimers.clear();
    rows.clear();
    finishRunIfIdle();
  }

  /** How long deleted rows can be restored before their deletes are sent (zero: sent at once). */
  public void setUndoWindow(Duration value) {
    undoWindow = value;
  }

  public Duration undoWindow() {
    return undoWindow;
  }

  /**
   * Deletes rows: out of the list now, to the server when this delete's own undo window ends.
   * Earlier deletes still waiting keep their windows: each can be undone until its own ends, and
   * they go out in the order they were made.
   */
  public void delete(Collection<ItemRow> selected) {
    List<ItemRow> taken = take(selected);
    if (taken.isEmpty()) {
      return;
    }
    // (the lookups are skipped when there is nothing to find: a bulk delete does 100,000 of each)
    boolean retries = !retryTimers.isEmpty();
    boolean signIns = !awaitingSignIn.isEmpty();
    for (ItemRow row : taken) {
      if (retries) {
        cancelRetry(row);
      }
      if (signIns) {
        awaitingSignIn.remove(row.id());
      }
      unsettled.put(row.id(), row);
    }
    if (undoWindow.isZero() || undoWindow.isNegative()) {
      // No window: what waits goes first, so that deletes still reach the server in order.
      commitUndoable();
      enqueueAll(taken);
    } else {
      Waiting waiting = new Waiting(taken, ui.now().plus(undoWindow));
      undoable.addLast(waiting);
      waiting.timer = ui.schedule(undoWindow, () -> {
        commitThrough(waiting);
        sendNext();
      });
      offerUndo();
    }
    sendNext();
  }

  /**
   * Puts back the rows of the newest delete still in its undo window, where they were; an older
   * one can be undone next. Returns how many rows came back.
   */
  public int undo() {
    Waiting newest = undoable.pollLast();
    if (newest == null) {
      return 0;
    }
    newest.timer.cancel();
    if (unsettled.size() == newest.rows.size()) {
      // The newest delete's rows are all that is unsettled: the same size, the same rows.
      unsettled.clear();
    } else {
      for (ItemRow row : newest.rows) {
        unsettled.remove(row.id());
      }
    }
    restoreAll(newest.rows, RowState.NORMAL);
    offerUndo();
    return newest.rows.size();
  }

  /** How many deletes wait in their undo windows (each one Ctrl+Z). */
  public int undoableDeletes() {
    return undoable.size();
  }

  /** How many rows wait in undo windows, all deletes together. */
  public int undoableRows() {
    int count = 0;
    for (Waiting waiting : undoable) {
      count += waiting.rows.size();
    }
    return count;
  }

  /** When the oldest delete still waiting goes out; empty when none waits. */
  public java.util.Optional<Instant> nextSendAt() {
    return undoable.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(undoable.peekFirst().until);
  }

  /** Tries a failed or rate-limited row's delete again, now. */
  public void retry(ItemRow row) {
    if (row == inFlight || row.state().kind() == RowState.Kind.NORMAL || !rows.remove(row)) {
      return;
    }
    cancelRetry(row);
    awaitingSignIn.remove(row.id());
    unsettled.put(row.id(), row);
    enqueue(row);
    sendNext();
  }

  /** After a new sign-in: sends the deletes that came back for want of one. */
  public void retryAfterSignIn() {
    List<ItemRow> waiting = new ArrayList<>();
    for (ItemRow row : awaitingSignIn.values()) {
      if (row != inFlight && row.state().kind() != RowState.Kind.NORMAL) {
        waiting.add(row);
      }
    }
    awaitingSignIn.clear();
    List<ItemRow> taken = take(waiting);
    for (ItemRow row : taken) {
      cancelRetry(row);
      unsettled.put(row.id(), row);
    }
    enqueueAll(taken);
    sendNext();
  }

  /** Stops a bulk delete: rows not yet sent come back where they were. Returns how many. */
  public int cancelPending() {
    List<ItemRow> back = new ArrayList<>(toSend.size());
    while (!toSend.isEmpty()) {
      ItemRow row = toSend.pollLast();
      unsettled.remove(row.id());
      back.add(row);
    }
    restoreAll(back, RowState.NORMAL);
    int count = back.size();
    // The run now ends with what was sent; the summary counts only that.
    runTotal -= count;
    if (count > 0 && !sending) {
      reportProgress();
    }
    finishRunIfIdle();
    return count;
  }

  /**
   * Sends everything waiting (the undo window ends now) and completes when nothing is left to
   * send, a delete that meets a rate limit included once its retry is answered: for closing the
   * window and signing out, so that nothing is silently dropped.
   */
  public CompletableFuture<Void> flush() {
    commitUndoable();
    retryTimers.values().forEach(UiScheduler.Cancellable::cancel);
    retryTimers.clear();
    List<ItemRow> limited = new ArrayList<>();
    for (ItemRow row : rows) {
      if (row.state().kind() == RowState.Kind.RATE_LIMITED && row != inFlight) {
        limited.add(row);
      }
    }
    List<ItemRow> taken = take(limited);
    for (ItemRow row : taken) {
      unsettled.put(row.id(), row);
    }
    enqueueAll(taken);
    CompletableFuture<Void> drained = new CompletableFuture<>();
    if (!sending && toSend.isEmpty()) {
      drained.complete(null);
    } else {
      drainWaiters.add(drained);
      sendNext();
    }
    return drained;
  }

  /**
   * Deletes not settled yet: out of the list in the undo window or being sent, or back in it
   * waiting out a rate limit.
   */
  public int unsettledCount() {
    return unsettled.size() + retryTimers.size();
  }

  /**
   * The client waits before sending the delete in flight (quota spent, {@code Retry-After}): the
   * row shows again, pending with a countdown, until its answer settles it.
   */
  public void clientWaits(Instant until) {
    if (inFlight == null) {
      return;
    }
    waitingUntil = until;
    if (waitTicker == null) {
      waitTicker = ui.schedule(Duration.ofSeconds(1), this::tickWait);
    }
    if (inFlightShown) {
      inFlight.setState(RowState.rateLimited(until));
      rows.changed(inFlight);
    } else {
      inFlightShown = true;
      restore(inFlight, RowState.rateLimited(until));
    }
    reportProgress();
  }

  /** Keeps the progress's time left counting down while the client waits. */
  private void tickWait() {
    waitTicker = null;
    if (waitingUntil().isPresent()) {
      reportProgress();
      waitTicker = ui.schedule(Duration.ofSeconds(1), this::tickWait);
    }
  }

  /** When the client's wait for the delete in flight ends; empty when it is not waiting. */
  public java.util.Optional<Instant> waitingUntil() {
    return waitingUntil == null || !waitingUntil.isAfter(ui.now()) ? java.util.Optional.empty()
        : java.util.Optional.of(waitingUntil);
  }

  /** True while rows can still be restored with {@link #undo()}. */
  public boolean canUndo() {
    return !undoable.isEmpty();
  }

  /** Marks the start of a refresh; pass the result to {@link #merge}. */
  public long beginRefresh() {
    return ++generation;
  }

  /**
   * Replaces the rows with a fresh list from the server, keeping out what the user deleted:
   * rows whose delete is not settled, and rows confirmed gone after this refresh began (the
   * server's answer predates the delete). Failed and pending rows keep their state. An answer
   * that arrives after a later refresh's answer is dropped: it is older than what the rows show.
   *
   * @return false when the answer was dropped as out of date
   */
  public boolean merge(List<Item> fresh, long refreshGeneration) {
    if (refreshGeneration < mergedGeneration) {
      return false;
    }
    mergedGeneration = refreshGeneration;
    Map<String, ItemRow> existing = new HashMap<>(rows.size() * 2);
    for (ItemRow row : rows) {
      existing.put(row.id(), row);
    }
    Set<String> keepOut = new HashSet<>(unsettled.keySet());
    confirmedGone.forEach((id, when) -> {
      if (when >= refreshGeneration) {
        keepOut.add(id);
      }
    });
    List<ItemRow> merged = new ArrayList<>(fresh.size());
    long order = 0;
    for (Item item : fresh) {
      long position = order++;
      if (keepOut.contains(item.id())) {
        continue;
      }
      // The same row object keeps its state, its retry timer and its selection.
      ItemRow row = existing.get(item.id());
      if (row == null) {
        row = new ItemRow(item, position);
      } else {
        row.setServerOrder(position);
        if (!row.item().equals(item)) {
          row.setItem(item);
        }
      }
      merged.add(row);
    }
    // Older confirmations can no longer matter: any later refresh began after them.
    confirmedGone.values().removeIf(when -> when < refreshGeneration);
    if (inFlightShown) {
      // The row the client waits for stays in sight, at its place: part of the same change.
      merged = mergeByServerOrder(merged, List.of(inFlight));
    }
    rows.setAll(merged);
    return true;
  }

  // --- sending ---

  /** Every delete still waiting goes out now, oldest first. */
  private void commitUndoable() {
    if (undoable.isEmpty()) {
      return;
    }
    commitThrough(undoable.peekLast());
  }

  /** The deletes up to {@code last} (the older ones first) leave their windows and are queued. */
  private void commitThrough(Waiting last) {
    if (!undoable.contains(last)) {
      return;
    }
    List<ItemRow> batch = new ArrayList<>();
    Waiting waiting;
    do {
      waiting = undoable.pollFirst();
      waiting.timer.cancel();
      batch.addAll(waiting.rows);
    } while (waiting != last);
    enqueueAll(batch);
    offerUndo();
  }

  /** Tells the listener what the next undo would restore: the newest waiting delete. */
  private void offerUndo() {
    Waiting newest = undoable.peekLast();
    if (newest == null) {
      listener.undoOffer(0, null);
    } else {
      listener.undoOffer(newest.rows.size(), newest.until);
    }
  }

  private void enqueue(ItemRow row) {
    enqueueAll(List.of(row));
  }

  /** Queues rows to be sent, oldest first, with one progress report for the lot. */
  private void enqueueAll(Collection<ItemRow> batch) {
    if (batch.isEmpty()) {
      return;
    }
    if (!sending && toSend.isEmpty()) {
      runDone = 0;
      runFailed = 0;
      runTotal = 0;
      runStarted = ui.now();
    }
    toSend.addAll(batch);
    runTotal += batch.size();
    reportProgress();
  }

  private void sendNext() {
    if (sending) {
      return;
    }
    ItemRow row = toSend.pollFirst();
    if (row == null) {
      finishRunIfIdle();
      return;
    }
    sending = true;
    inFlight = row;
    Item item = row.item();
    background.execute(() -> {
      Throwable failure = null;
      boolean deletedNow = false;
      try {
        deletedNow = source.delete(item);
      } catch (Throwable error) {
        failure = error;
      }
      boolean removed = deletedNow;
      Throwable cause = failure;
      ui.execute(() -> settle(row, removed, cause));
    });
  }

  private void settle(ItemRow row, boolean deletedNow, Throwable failure) {
    sending = false;
    inFlight = null;
    waitingUntil = null;
    if (waitTicker != null) {
      waitTicker.cancel();
      waitTicker = null;
    }
    if (inFlightShown) {
      // Shown only while the client waited; the answer decides where it goes now.
      inFlightShown = false;
      rows.remove(row);
    }
    runDone++;
    if (failure == null) {
      confirm(row);
      listener.settled(row, deletedNow ? Outcome.DELETED : Outcome.ALREADY_GONE, null);
      if (!deletedNow) {
        listener.alreadyGone(1);
      }
    } else if (failure instanceof NotFoundException) {
      confirm(row);
      listener.settled(row, Outcome.NOT_FOUND, failure);
      listener.alreadyGone(1);
    } else if (failure instanceof RateLimitedException limited) {
      Instant retryAt = ui.now().plus(limited.retryAfter());
      unsettled.remove(row.id());
      restore(row, RowState.rateLimited(retryAt));
      retryTimers.put(row.id(), ui.schedule(limited.retryAfter(), () -> {
        retryTimers.remove(row.id());
        retry(row);
      }));
    } else if (failure instanceof UnconfirmedException) {
      // The server may have deleted it: it stays in sight, marked, until a refresh tells.
      runFailed++;
      unsettled.remove(row.id());
      restore(row, RowState.unconfirmed(failure));
      listener.settled(row, Outcome.UNCONFIRMED, failure);
      listener.failed(row, failure);
    } else {
      runFailed++;
      unsettled.remove(row.id());
      restore(row, RowState.failed(failure));
      listener.settled(row, Outcome.FAILED, failure);
      if (failure instanceof AuthenticationException auth && auth.requiresSignIn()) {
        awaitingSignIn.put(row.id(), row);
        listener.signInRequired(failure);
      } else {
        if (!(failure instanceof dev.inboxdesk.client.ApiException)) {
          LOG.log(Level.WARNING, "Delete failed unexpectedly", failure);
        }
        listener.failed(row, failure);
      }
    }
    reportProgress();
    sendNext();
  }

  private void confirm(ItemRow row) {
    unsettled.remove(row.id());
    confirmedGone.put(row.id(), generation);
  }

  private void finishRunIfIdle() {
    // A delete waiting out a rate limit is not settled: a flush waits for its retry too.
    if (sending || !toSend.isEmpty() || !retryTimers.isEmpty()) {
      return;
    }
    List<CompletableFuture<Void>> waiters = new ArrayList<>(drainWaiters);
    drainWaiters.clear();
    waiters.forEach(w -> w.complete(null));
  }

  private void reportProgress() {
    int left = runTotal - runDone;
    Duration timeLeft = Duration.ZERO;
    if (runDone > 0 && left > 0 && runStarted != null) {
      timeLeft = Duration.between(runStarted, ui.now()).dividedBy(runDone).multipliedBy(left);
    }
    // The client's wait is part of what is left, even before the first delete has settled.
    Duration waitLeft = waitingUntil().map(until -> Duration.between(ui.now(), until)).orElse(Duration.ZERO);
    if (waitLeft.compareTo(timeLeft) > 0) {
      timeLeft = waitLeft;
    }
    listener.progress(runDone, runTotal, runFailed, timeLeft);
  }

  /**
   * Takes rows out of the list in one change (a bulk delete of 100,000 rows is one event through
   * the sorted and filtered views, not 100,000). Returns those that were in it, in the order given;
   * the row with the server now is never taken.
   */
  private List<ItemRow> take(Collection<ItemRow> wanted) {
    if (wanted.isEmpty()) {
      return List.of();
    }
    if (isEveryRow(wanted)) {
      // "Delete all shown" without a search: no sets of 100,000 rows to build.
      List<ItemRow> taken = new ArrayList<>(wanted);
      rows.clear();
      return taken;
    }
    Set<ItemRow> present = Collections.newSetFromMap(new IdentityHashMap<>(rows.size() * 2));
    present.addAll(rows);
    List<ItemRow> taken = new ArrayList<>(wanted.size());
    Set<ItemRow> out = Collections.newSetFromMap(new IdentityHashMap<>(wanted.size() * 2));
    for (ItemRow row : wanted) {
      if (row != inFlight && present.contains(row) && out.add(row)) {
        taken.add(row);
      }
    }
    if (taken.size() == rows.size()) {
      rows.clear();
    } else if (taken.size() == 1) {
      rows.remove(taken.get(0));
    } else if (taken.size() <= FEW) {
      rows.removeAll(out);
    } else if (!taken.isEmpty()) {
      // Many rows at scattered places: a SortedList handles each removed range of a change on
      // its own (a pass over all its rows each), but a whole new list in one sort.
      List<ItemRow> remaining = new ArrayList<>(rows.size() - taken.size());
      for (ItemRow row : rows) {
        if (!out.contains(row)) {
          remaining.add(row);
        }
      }
      rows.setAll(remaining);
    }
    return taken;
  }

  /** True when {@code wanted} is the list's rows, in its order or the reverse, none of them in flight. */
  private boolean isEveryRow(Collection<ItemRow> wanted) {
    int size = rows.size();
    if (wanted.size() != size) {
      return false;
    }
    boolean forward = true;
    boolean backward = true;
    int i = 0;
    for (ItemRow row : wanted) {
      if (row == inFlight) {
        return false;
      }
      forward = forward && row == rows.get(i);
      backward = backward && row == rows.get(size - 1 - i);
      if (!forward && !backward) {
        return false;
      }
      i++;
    }
    return true;
  }

  /**
   * Puts rows back at their places in the server's order, in one change of the list. The places
   * are those {@link #restore} would give them one after the other, in the order given: before
   * rows of the same server order, the later restored first.
   */
  private void restoreAll(List<ItemRow> back, RowState state) {
    if (back.isEmpty()) {
      return;
    }
    if (back.size() == 1) {
      restore(back.get(0), state);
      return;
    }
    for (ItemRow row : back) {
      row.setState(state);
    }
    rows.setAll(mergeByServerOrder(List.copyOf(rows), back));
  }

  /** {@code present} (in server order) with {@code back} inserted as {@link #restore} would, one by one. */
  private static List<ItemRow> mergeByServerOrder(List<ItemRow> present, List<ItemRow> back) {
    List<ItemRow> incoming = new ArrayList<>(back);
    // Of rows with the same server order the one restored last ends up first.
    Collections.reverse(incoming);
    incoming.sort(Comparator.comparingLong(ItemRow::serverOrder));
    List<ItemRow> merged = new ArrayList<>(present.size() + incoming.size());
    int i = 0;
    for (ItemRow row : incoming) {
      while (i < present.size() && present.get(i).serverOrder() < row.serverOrder()) {
        merged.add(present.get(i++));
      }
      merged.add(row);
    }
    while (i < present.size()) {
      merged.add(present.get(i++));
    }
    return merged;
  }

  /** Puts a row back at its place in the server's order, among the rows still there. */
  private void restore(ItemRow row, RowState state) {
    row.setState(state);
    rows.add(rows.firstAtOrAfter(row.serverOrder()), row);
  }

  private void cancelRetry(ItemRow row) {
    UiScheduler.Cancellable timer = retryTimers.remove(row.id());
    if (timer != null) {
      timer.cancel();
    }
  }
}
