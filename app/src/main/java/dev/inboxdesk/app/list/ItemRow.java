package dev.inboxdesk.app.list;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * An item as a list shows it: the item, its place in the server's order (so a row that comes back
 * lands where it was, whatever else was removed meanwhile), and its delete state.
 */
public final class ItemRow {
  // Plain properties handed out as read-only: a wrapper's extra read-only view per property would
  // cost megabytes in a list of 100,000 rows (the list observes both properties of every row).
  private final SimpleObjectProperty<Item> item;
  private long serverOrder;
  private String searchText;
  private final SimpleObjectProperty<RowState> state = new SimpleObjectProperty<>(RowState.NORMAL);

  public ItemRow(Item item, long serverOrder) {
    this.item = new SimpleObjectProperty<>(item);
    this.serverOrder = serverOrder;
    this.searchText = item.searchText();
  }

  public Item item() {
    return item.get();
  }

  public ReadOnlyObjectProperty<Item> itemProperty() {
    return item;
  }

  public String id() {
    return item.get().id();
  }

  /** Position in the list the server last sent; smaller is earlier (newer). */
  public long serverOrder() {
    return serverOrder;
  }

  public RowState state() {
    return state.get();
  }

  public ReadOnlyObjectProperty<RowState> stateProperty() {
    return state;
  }

  void setState(RowState value) {
    state.set(value);
  }

  void setItem(Item value) {
    item.set(value);
    searchText = value.searchText();
  }

  void setServerOrder(long value) {
    serverOrder = value;
  }

  /** True when every word of the query occurs in the text (the query already lower-cased and split). */
  public boolean matches(String[] words) {
    for (String word : words) {
      if (!searchText.contains(word)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return "ItemRow[" + id() + ", " + state().kind() + "]";
  }
}
