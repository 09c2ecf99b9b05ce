package dev.inboxdesk.app.list;


/**
 * An item as a list shows it: the item, its place in the server's order (so a row that comes back
 * lands where it was, whatever else was removed meanwhile), and its delete state.
 */
public final class ItemRow {
  // Plain fields, not properties: a change reaches the list as one update of this row's place in
  // it (RowList.changed), and two property objects per row cost 8 MB in a list of 100,000 rows.
  private Item item;
  private long serverOrder;
  private String searchText;
  private RowState state = RowState.NORMAL;

  public ItemRow(Item item, long serverOrder) {
    this.item = item;
    this.serverOrder = serverOrder;
    this.searchText = item.searchText();
  }

  public Item item() {
    return item;
  }

  public String id() {
    return item.id();
  }

  /** Position in the list the server last sent; smaller is earlier (newer). */
  public long serverOrder() {
    return serverOrder;
  }

  public RowState state() {
    return state;
  }

  void setState(RowState value) {
    state = value;
  }

  void setItem(Item value) {
    item = value;
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
