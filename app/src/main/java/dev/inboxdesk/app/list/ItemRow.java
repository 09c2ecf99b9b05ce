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
  // False when the title is the text's first line (a message's): then the text alone is searched.
  private boolean titleSearched;
  private RowState state = RowState.NORMAL;

  public ItemRow(Item item, long serverOrder) {
    this.item = item;
    this.serverOrder = serverOrder;
    this.titleSearched = item.titleAddsToText();
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
    titleSearched = value.titleAddsToText();
  }

  void setServerOrder(long value) {
    serverOrder = value;
  }

  /**
   * True when every word of the query occurs in the title, the text or the kind, in any case (the
   * words as {@link Search#fold} made them).
   */
  public boolean matches(String[] words) {
    for (String word : words) {
      if (!Search.contains(item.text(), word) && !(titleSearched && Search.contains(item.title(), word))
          && !Search.contains(item.type(), word)) {
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
