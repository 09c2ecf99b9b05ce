package dev.inboxdesk.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The sandbox's workers start a thread only when none is free, up to their number, then queue. */
class WorkersTest {

  @Test
  void requestsOneAfterAnotherShareOneThread() throws InterruptedException {
    List<String> threads = new CopyOnWriteArrayList<>();
    try (Workers workers = new Workers("w", 16, 8, Duration.ofSeconds(5))) {
      for (int i = 0; i < 10; i++) {
        CountDownLatch done = new CountDownLatch(1);
        workers.execute(() -> {
          threads.add(Thread.currentThread().getName());
          done.countDown();
        });
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        // The worker is free again once its task has returned.
        Thread.sleep(20);
      }
    }
    assertThat(Set.copyOf(threads)).hasSize(1);
  }

  @Test
  void busyWorkersGetCompanyUpToTheirNumberThenTheQueueThenRefusal() throws InterruptedException {
    Set<String> threads = ConcurrentHashMap.newKeySet();
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch started = new CountDownLatch(3);
    CountDownLatch finished = new CountDownLatch(5);
    Runnable blocking = () -> {
      threads.add(Thread.currentThread().getName());
      started.countDown();
      try {
        release.await(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      finished.countDown();
    };
    try (Workers workers = new Workers("w", 3, 2, Duration.ofSeconds(5))) {
      // One worker idles after a first request; a burst of three must not queue behind it.
      CountDownLatch first = new CountDownLatch(1);
      workers.execute(first::countDown);
      assertThat(first.await(5, TimeUnit.SECONDS)).isTrue();
      for (int i = 0; i < 3; i++) {
        workers.execute(blocking);
      }
      assertThat(started.await(5, TimeUnit.SECONDS)).as("all three run at once").isTrue();
      workers.execute(blocking);
      workers.execute(blocking);

      assertThatThrownBy(() -> workers.execute(blocking)).isInstanceOf(RejectedExecutionException.class);
      release.countDown();
      assertThat(finished.await(5, TimeUnit.SECONDS)).as("the queued two ran too").isTrue();
    }
    assertThat(threads).hasSize(3);
  }
}
