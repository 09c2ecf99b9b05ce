package dev.inboxdesk.app.list;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import org.junit.jupiter.api.Test;

/** The rows' list: a changed row is one "updated" change at its place; bulk changes are one change each. */
class RowListTest {
  private final RowList rows = new RowList();
  private final List<String> changes = new ArrayList<>();

  RowListTest() {
    rows.addListener((ListChangeListener<ItemRow>) change -> {
      while (change.next()) {
        changes.add(change.wasUpdated() ? "updated " + change.getFrom() + "-" + change.getTo()
            : "removed " + change.getRemovedSize() + " added " + change.getAddedSize() + " at " + change.getFrom());
      }
    });
  }

  @Test
  void aChangedRowIsAnUpdateAtItsPlaceAndARowNotInTheListIsNoChange() {
    List<ItemRow> five = rows(5);
    rows.addAll(five);
    changes.clear();

    rows.changed(five.get(3));
    rows.changed(new ItemRow(item("elsewhere", false), 3));

    assertThat(changes).containsExactly("updated 3-4");
  }

  @Test
  void rowsOfTheSameServerOrderAreToldApart() {
    ItemRow first = new ItemRow(item("a", false), 7);
    ItemRow second = new ItemRow(item("b", false), 7);
    rows.addAll(List.of(new ItemRow(item("x", false), 1), first, second));
    changes.clear();

    rows.changed(second);

    assertThat(changes).containsExactly("updated 2-3");
  }

  @Test
  void bulkChangesAreOneChangeEach() {
    rows.addAll(rows(1000));
    rows.setAll(rows(10));
    rows.clear();

    assertThat(changes).containsExactly("removed 0 added 1000 at 0", "removed 1000 added 10 at 0",
        "removed 10 added 0 at 0");
  }

  @Test
  void theSortedAndFilteredViewsFollowAChangedRow() {
    rows.addAll(rows(3));
    SortedList<ItemRow> unreadFirst = new SortedList<>(rows, SortOrder.UNREAD_FIRST.comparator());
    FilteredList<ItemRow> unread = new FilteredList<>(unreadFirst, row -> !row.item().read());
    ItemRow middle = rows.get(1);

    middle.setItem(item(middle.id(), true));
    rows.changed(middle);

    assertThat(unread).hasSize(2).doesNotContain(middle);
    assertThat(unreadFirst.get(2)).isSameAs(middle);
  }

  private static List<ItemRow> rows(int count) {
    return IntStream.range(0, count).mapToObj(i -> new ItemRow(item("id" + i, false), i)).toList();
  }

  private static Item item(String id, boolean read) {
    return new Item(id, "title " + id, "text", Instant.parse("2026-01-01T00:00:00Z"), read, "");
  }
}
