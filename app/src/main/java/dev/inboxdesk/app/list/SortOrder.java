package dev.inboxdesk.app.list;

import java.util.Comparator;

/** How a list is sorted. */
public enum SortOrder {
  NEWEST_FIRST(Comparator.comparingLong(ItemRow::serverOrder)),
  OLDEST_FIRST(Comparator.comparingLong(ItemRow::serverOrder).reversed()),
  UNREAD_FIRST(Comparator.comparing((ItemRow row) -> row.item().read())
      .thenComparingLong(ItemRow::serverOrder));

  private final Comparator<ItemRow> comparator;

  SortOrder(Comparator<ItemRow> comparator) {
    this.comparator = comparator;
  }

  public Comparator<ItemRow> comparator() {
    return comparator;
  }
}
