package dev.inboxdesk.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NotificationTest {
  @Test
  @SuppressWarnings("unchecked")
  void dataIsCopiedAndUnmodifiableAllTheWayDown() {
    Map<String, Object> inner = new HashMap<>();
    inner.put("name", "Ada");
    List<Object> tags = new ArrayList<>(List.of("a", "b"));
    tags.add(null);
    tags.add(new HashMap<>(Map.of("deep", 1)));
    Map<String, Object> data = new HashMap<>();
    data.put("sender", inner);
    data.put("tags", tags);
    data.put("none", null);

    Notification notification = new Notification("3f2b8c1e-0d4a-4e7b-9c61-5a8f2e9d0b17", "kind", "t", "b", data,
        false, null, null);
    inner.put("name", "changed");
    tags.add("c");
    data.put("later", 1);

    Map<String, Object> held = notification.data();
    Map<String, Object> sender = (Map<String, Object>) held.get("sender");
    List<Object> heldTags = (List<Object>) held.get("tags");
    assertThat(sender).containsEntry("name", "Ada");
    assertThat(heldTags).hasSize(4).startsWith("a", "b", null);
    assertThat(held).containsKey("none").doesNotContainKey("later");
    assertThatThrownBy(() -> held.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> sender.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> heldTags.add("x")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> ((Map<String, Object>) heldTags.get(3)).put("x", 1))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(notification.asRead(java.time.Instant.EPOCH).data()).isEqualTo(held);
  }
}
