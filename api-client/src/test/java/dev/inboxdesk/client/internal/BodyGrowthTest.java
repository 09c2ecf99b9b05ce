package dev.inboxdesk.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How the array for an answer of declared length grows as its bytes arrive. */
class BodyGrowthTest {
  private static final int MB = 1024 * 1024;

  @Test
  void aServerMustSendAThirtySecondOfWhatItDeclaresBeforeTheWholeIsReserved() {
    int declared = 64 * MB;

    assertThat(HttpTransport.nextCapacity(256 * 1024, declared)).isEqualTo(512 * 1024);
    assertThat(HttpTransport.nextCapacity(MB, declared)).isEqualTo(2 * MB);
    assertThat(HttpTransport.nextCapacity(2 * MB, declared)).isEqualTo(declared);
  }

  @Test
  void neverBeyondTheDeclaredLength() {
    assertThat(HttpTransport.nextCapacity(256 * 1024, 300 * 1024)).isEqualTo(300 * 1024);
    assertThat(HttpTransport.nextCapacity(2 * MB, 3 * MB)).isEqualTo(3 * MB);
  }

  @Test
  void aLargeAnswerIsNeverHeldTwiceOver() {
    for (int declared = 1; declared <= 512 * MB; declared = declared * 3 + 7) {
      int capacity = Math.min(declared, 256 * 1024);
      long worstMoment = capacity;
      while (capacity < declared) {
        int next = HttpTransport.nextCapacity(capacity, declared);
        assertThat(next).as("growth from %d of %d", capacity, declared).isGreaterThan(capacity);
        // while growing, the old array and the new one are both alive
        worstMoment = Math.max(worstMoment, (long) capacity + next);
        capacity = next;
      }
      assertThat(capacity).isEqualTo(declared);
      assertThat(worstMoment).as("declared %d", declared).isLessThanOrEqualTo(declared + declared / 16 + 512 * 1024);
    }
  }
}
