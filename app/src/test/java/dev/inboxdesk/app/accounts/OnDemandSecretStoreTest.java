package dev.inboxdesk.app.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OnDemandSecretStoreTest {
  private final AtomicInteger opened = new AtomicInteger();
  private final MemorySecretStore inner = new MemorySecretStore("no keyring here");

  private SecretStore open() {
    opened.incrementAndGet();
    return inner;
  }

  @Test
  void opensOnFirstUseOnlyAndOnce() {
    OnDemandSecretStore store = new OnDemandSecretStore(this::open);
    assertThat(opened).hasValue(0);
    assertThat(store.isOpen()).isFalse();
    assertThat(store.ready()).isNotDone();

    store.write("profile-1", "secret");
    assertThat(store.ready()).isCompletedWithValue(inner);
    assertThat(store.read("profile-1")).contains("secret");
    assertThat(store.persistent()).isFalse();
    assertThat(store.limitation()).isEqualTo("no keyring here");
    store.delete("profile-1");

    assertThat(store.read("profile-1")).isEmpty();
    assertThat(inner.read("profile-1")).isEmpty();
    assertThat(opened).hasValue(1);
  }

  @Test
  void prepareOpensOffTheCallersThread() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread caller = Thread.currentThread();
    AtomicInteger openedOnCaller = new AtomicInteger();
    OnDemandSecretStore store = new OnDemandSecretStore(() -> {
      if (Thread.currentThread() == caller) {
        openedOnCaller.incrementAndGet();
      }
      started.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return open();
    });

    store.prepare();
    // Back while opening is still held up: the caller (the JavaFX thread) does not wait for it.
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(store.isOpen()).isFalse();
    assertThat(store.ready()).isNotDone();
    release.countDown();
    assertThat(store.ready().get(10, TimeUnit.SECONDS)).isSameAs(inner);

    assertThat(store.read("anything")).isEmpty();
    assertThat(openedOnCaller).hasValue(0);
    assertThat(opened).hasValue(1);
  }
}
