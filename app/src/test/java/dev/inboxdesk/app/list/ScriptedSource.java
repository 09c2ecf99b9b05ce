package dev.inboxdesk.app.list;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/** An item source whose server is a list in memory and whose answers a test can script. */
public class ScriptedSource implements ItemSource {
  public final List<Item> server = new ArrayList<>();
  /** The items as first created; indexes into it never shift. */
  private final List<Item> original;
  public final List<String> deleteCalls = new ArrayList<>();
  /** Answers for the next deletes, in order; empty means "delete it". */
  public final Deque<Function<Item, Boolean>> answers = new ArrayDeque<>();

  public ScriptedSource(int count) {
    for (int i = 0; i < count; i++) {
      server.add(new Item(String.format("%024x", i), "item " + i, "text of item " + i,
          Instant.parse("2026-05-12T10:00:00Z").minusSeconds(60L * i), i % 3 == 0, i % 2 == 0 ? "mention" : ""));
    }
    original = List.copyOf(server);
  }

  @Override
  public List<Item> list() {
    return new ArrayList<>(server);
  }

  @Override
  public boolean delete(Item item) {
    deleteCalls.add(item.id());
    Function<Item, Boolean> answer = answers.poll();
    if (answer != null) {
      return answer.apply(item);
    }
    return server.removeIf(i -> i.id().equals(item.id()));
  }

  /** The item first created at {@code index}. */
  public Item item(int index) {
    return original.get(index);
  }
}
