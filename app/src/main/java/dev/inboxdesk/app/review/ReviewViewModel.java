package dev.inboxdesk.app.review;

import dev.inboxdesk.app.list.ItemListViewModel;
import dev.inboxdesk.app.list.ItemRow;
import java.text.MessageFormat;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.ResourceBundle;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Review mode: the list's items one at a time, in the order shown. Delete sends the item through
 * the list's own delete queue (undo window, pacing, the record of deletes); keep moves on; undo
 * takes back the last decision (a delete, while its undo window lasts). Counts as it goes and sums
 * up at the end.
 */
public final class ReviewViewModel {
  private enum Decision { DELETED, KEPT }

  private record Step(ItemRow row, Decision decision) {
  }

  private final ItemListViewModel list;
  private final ResourceBundle words;
  private final List<ItemRow> items;
  private final Deque<Step> steps = new ArrayDeque<>();
  private int index;
  private int undone;
  private final ReadOnlyObjectWrapper<ItemRow> current = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyIntegerWrapper deleted = new ReadOnlyIntegerWrapper();
  private final ReadOnlyIntegerWrapper kept = new ReadOnlyIntegerWrapper();
  private final ReadOnlyBooleanWrapper finished = new ReadOnlyBooleanWrapper();
  private final ReadOnlyStringWrapper position = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper("");

  /** Reviews what {@code list} shows now, from its first row. */
  public ReviewViewModel(ItemListViewModel list, ResourceBundle words) {
    this.list = list;
    this.words = words;
    this.items = new ArrayList<>(list.visibleRows());
    show();
  }

  /** The item to decide on; null once the end is reached. */
  public ReadOnlyObjectProperty<ItemRow> currentProperty() {
    return current.getReadOnlyProperty();
  }

  public ReadOnlyIntegerProperty deletedProperty() {
    return deleted.getReadOnlyProperty();
  }

  public ReadOnlyIntegerProperty keptProperty() {
    return kept.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty finishedProperty() {
    return finished.getReadOnlyProperty();
  }

  /** "12 of 200 · 8 deleted · 4 kept". */
  public ReadOnlyStringProperty positionProperty() {
    return position.getReadOnlyProperty();
  }

  /** A passing word about the last key ("nothing to undo", say). */
  public ReadOnlyStringProperty noteProperty() {
    return note.getReadOnlyProperty();
  }

  public int total() {
    return items.size();
  }

  /** The pace the server allows deletes at, in words: "paced: 1 a second", or "no known limit". */
  public String pace() {
    int perMinute = list.deletesPerMinute();
    if (perMinute <= 0) {
      return words.getString("review.pace.none");
    }
    return perMinute >= 60 && perMinute % 60 == 0
        ? MessageFormat.format(words.getString("review.pace.perSecond"), perMinute / 60)
        : MessageFormat.format(words.getString("review.pace.perMinute"), perMinute);
  }

  /** D: deletes the item shown and moves on. */
  public void delete() {
    ItemRow row = current.get();
    if (row == null) {
      return;
    }
    list.delete(List.of(row));
    steps.push(new Step(row, Decision.DELETED));
    deleted.set(deleted.get() + 1);
    index++;
    note.set("");
    show();
  }

  /** K: keeps the item shown and moves on. */
  public void keep() {
    ItemRow row = current.get();
    if (row == null) {
      return;
    }
    steps.push(new Step(row, Decision.KEPT));
    kept.set(kept.get() + 1);
    index++;
    note.set("");
    show();
  }

  /** U: takes back the last decision and shows its item again. */
  public void undo() {
    Step last = steps.peek();
    if (last == null) {
      note.set(words.getString("review.nothingToUndo"));
      return;
    }
    if (last.decision() == Decision.DELETED) {
      if (list.undo() == 0) {
        note.set(words.getString("review.alreadySent"));
        return;
      }
      deleted.set(deleted.get() - 1);
    } else {
      kept.set(kept.get() - 1);
    }
    steps.pop();
    undone++;
    index--;
    note.set("");
    show();
  }

  /** The end's words: how many were deleted, kept and undone. */
  public String summary() {
    return MessageFormat.format(words.getString("review.summary"), deleted.get(), kept.get(), undone,
        items.size() - deleted.get() - kept.get());
  }

  private void show() {
    // Skip what left the list meanwhile (deleted elsewhere, gone after a refresh).
    while (index < items.size() && !list.allRows().contains(items.get(index))) {
      index++;
    }
    boolean done = index >= items.size();
    current.set(done ? null : items.get(index));
    position.set(MessageFormat.format(words.getString("review.position"), Math.min(index + 1, items.size()),
        items.size(), deleted.get(), kept.get()));
    finished.set(done);
  }
}
