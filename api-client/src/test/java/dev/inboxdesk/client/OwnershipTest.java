package dev.inboxdesk.client;

import static dev.inboxdesk.client.Bodies.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Who owns the OkHttp client and the threads, and what closing a client does to them. */
class OwnershipTest extends LoopbackServerTest {
  private static final String ACCEPTING = "{\"success\":true,\"isAcceptingMessages\":true}";
  private final ExecutorService callerPool = Executors.newFixedThreadPool(2);
  private final OkHttpClient callerHttp = new OkHttpClient.Builder()
      .addInterceptor(chain -> chain.proceed(chain.request().newBuilder().header("X-Caller", "yes").build()))
      .connectTimeout(Duration.ofSeconds(3))
      .readTimeout(Duration.ofSeconds(4))
      .build();

  @AfterEach
  void releaseCallerResources() {
    callerPool.shutdownNow();
    callerHttp.dispatcher().executorService().shutdown();
    callerHttp.connectionPool().evictAll();
  }

  @Test
  void requestsGoThroughTheCallersClientWithItsInterceptorsPoolAndDispatcher() throws Exception {
    MessagesClient client = messages(config -> config.okHttpClient(callerHttp));
    server.enqueue(json(200, ACCEPTING));

    assertThat(client.isAcceptingMessages()).isTrue();

    assertThat(server.takeRequest().getHeaders().get("X-Caller")).isEqualTo("yes");
    assertThat(callerHttp.connectionPool().connectionCount()).isEqualTo(1);
  }

  @Test
  void closingLeavesTheCallersPoolDispatcherAndExecutorAlone() throws Exception {
    MessagesClient client = messages(config -> config.okHttpClient(callerHttp).executor(callerPool));
    server.enqueue(json(200, ACCEPTING));
    assertThat(client.isAcceptingMessagesAsync().get(5, TimeUnit.SECONDS)).isTrue();

    client.close();

    assertThat(callerPool.isShutdown()).isFalse();
    assertThat(callerHttp.dispatcher().executorService().isShutdown()).isFalse();
    assertThat(callerHttp.connectionPool().connectionCount()).isEqualTo(1);
    server.enqueue(new MockResponse.Builder().code(204).build());
    try (Response response = callerHttp.newCall(new Request.Builder().url(server.url("/")).build()).execute()) {
      assertThat(response.code()).isEqualTo(204);
    }
  }

  @Test
  void closingAClientOfItsOwnShutsDownItsDispatcher() throws Exception {
    MessagesClient client = messages();
    server.enqueue(json(200, ACCEPTING));
    assertThat(client.isAcceptingMessagesAsync().get(5, TimeUnit.SECONDS)).isTrue();

    client.close();

    assertThatThrownBy(() -> client.isAcceptingMessagesAsync().get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(IllegalStateException.class)
        .cause().hasMessage("client is closed");
  }

  @Test
  void timeoutsNotSetStayTheCallersAndThoseSetApply() {
    ClientConfig kept = ClientConfig.builder("https://example.app").okHttpClient(callerHttp).build();
    ClientConfig changed = ClientConfig.builder("https://example.app").okHttpClient(callerHttp)
        .readTimeout(Duration.ofSeconds(7)).build();
    ClientConfig own = ClientConfig.builder("https://example.app").build();

    assertThat(kept.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(kept.readTimeout()).isEqualTo(Duration.ofSeconds(4));
    assertThat(kept.callTimeout()).isEqualTo(Duration.ZERO);
    assertThat(changed.readTimeout()).isEqualTo(Duration.ofSeconds(7));
    assertThat(own.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(own.readTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(own.callTimeout()).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void aCallersClientThatFollowsRedirectsStillDoesNotFollowThem() {
    OkHttpClient following = callerHttp.newBuilder().followRedirects(true).build();
    MessagesClient client = messages(config -> config.okHttpClient(following));
    server.enqueue(new MockResponse.Builder().code(302).addHeader("Location", "/elsewhere").build());
    server.enqueue(json(200, ACCEPTING));

    assertThatThrownBy(client::isAcceptingMessages).isInstanceOf(ApiException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void asyncCallsRunOnTheCallersExecutor() throws Exception {
    AtomicInteger tasks = new AtomicInteger();
    MessagesClient client = messages(config -> config.executor(task -> {
      tasks.incrementAndGet();
      callerPool.execute(task);
    }));
    server.enqueue(json(200, ACCEPTING));

    assertThat(client.isAcceptingMessagesAsync().get(5, TimeUnit.SECONDS)).isTrue();
    assertThat(tasks).hasValue(1);
  }

  @Test
  void anExecutorThatRefusesFailsTheFutureInsteadOfThrowing() {
    MessagesClient client = messages(config -> config.executor(task -> {
      throw new RejectedExecutionException("full");
    }));

    CompletableFuture<Boolean> future = client.isAcceptingMessagesAsync();

    assertThat(future).isCompletedExceptionally();
    assertThatThrownBy(future::join).hasCauseInstanceOf(RejectedExecutionException.class);
  }

  @Test
  void afterCloseAsyncCallsFailWithClientIsClosed() {
    NotificationsClient client = notifications();
    client.close();

    CompletableFuture<Integer> future = client.unreadCountAsync();

    assertThat(future).isCompletedExceptionally();
    assertThatThrownBy(future::join).cause().isInstanceOf(IllegalStateException.class).hasMessage("client is closed");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void theClientsOwnPoolRunsAtMostFourCallsAtOnceAndCloseFailsTheQueuedOnes() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    Set<Thread> busy = ConcurrentHashMap.newKeySet();
    AtomicInteger mostAtOnce = new AtomicInteger();
    MessagesClient client = messages(config -> config.exchangeListener(exchange -> {
      busy.add(Thread.currentThread());
      mostAtOnce.accumulateAndGet(busy.size(), Math::max);
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }));
    for (int i = 0; i < 6; i++) {
      server.enqueue(json(200, ACCEPTING));
    }
    List<CompletableFuture<Boolean>> calls = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      calls.add(client.isAcceptingMessagesAsync());
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (busy.size() < 4 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    Thread.sleep(200);

    assertThat(busy).hasSize(4);
    assertThat(busy).allSatisfy(thread -> {
      assertThat(thread.isDaemon()).isTrue();
      assertThat(thread.getName()).startsWith("inboxdesk-messages-");
    });
    client.close();
    release.countDown();

    assertThat(mostAtOnce).hasValue(4);
    for (CompletableFuture<Boolean> queued : calls.subList(4, 6)) {
      assertThatThrownBy(() -> queued.get(5, TimeUnit.SECONDS)).cause()
          .isInstanceOf(IllegalStateException.class).hasMessage("client is closed");
    }
  }
}
