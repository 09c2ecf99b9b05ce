package dev.inboxdesk.app.list;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javafx.collections.ModifiableObservableListBase;

/**
 * A list's rows, in the server's order. A row whose state or item changes is announced by
 * {@link #changed} as an "updated" change, which the sorted and filtered views and the list's cells
 * act on. An extractor would do that by itself, but it puts two listeners on every row and takes
 * them off again on every bulk change: with 100,000 rows, 40 % of an undo's time. Bulk changes
 * ({@link #setAll}, {@link #clear}, {@link #addAll}) are one change each, made in one step.
 */
final class RowList extends ModifiableObservableListBase<ItemRow> {
  private final ArrayList<ItemRow> rows = new ArrayList<>();

  /**
   * Tells the list's listeners that {@code row}'s state or item changed; nothing if the row is not
   * in the list. Finds it by its server order, the list's order.
   */
  void changed(ItemRow row) {
    int index = indexOfRow(row);
    if (index >= 0) {
      beginChange();
      nextUpdate(index);
      endChange();
    }
  }

  /** The place of the first row whose server order is {@code serverOrder} or later (the size if none). */
  int firstAtOrAfter(long serverOrder) {
    int low = 0;
    int high = rows.size();
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (rows.get(mid).serverOrder() < serverOrder) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  private int indexOfRow(ItemRow row) {
    // rows of the same server order sit together from the first of them
    for (int i = firstAtOrAfter(row.serverOrder()); i < rows.size() && rows.get(i).serverOrder() == row.serverOrder(); i++) {
      if (rows.get(i) == row) {
        return i;
      }
    }
    // not where its order says: look everywhere rather than miss it
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i) == row) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public boolean setAll(Collection<? extends ItemRow> replacement) {
    beginChange();
    if (!rows.isEmpty()) {
      nextRemove(0, List.copyOf(rows));
      rows.clear();
    }
    rows.addAll(replacement);
    if (!rows.isEmpty()) {
      nextAdd(0, rows.size());
    }
    endChange();
    return true;
  }

  @Override
  public boolean addAll(Collection<? extends ItemRow> added) {
    if (added.isEmpty()) {
      return false;
    }
    int from = rows.size();
    rows.addAll(added);
    beginChange();
    nextAdd(from, rows.size());
    endChange();
    return true;
  }

  @Override
  public void clear() {
    if (rows.isEmpty()) {
      return;
    }
    beginChange();
    nextRemove(0, List.copyOf(rows));
    rows.clear();
    endChange();
  }

  @Override
  public ItemRow get(int index) {
    return rows.get(index);
  }

  @Override
  public int size() {
    return rows.size();
  }

  @Override
  protected void doAdd(int index, ItemRow row) {
    rows.add(index, row);
  }

  @Override
  protected ItemRow doSet(int index, ItemRow row) {
    return rows.set(index, row);
  }

  @Override
  protected ItemRow doRemove(int index) {
    return rows.remove(index);
  }
}
