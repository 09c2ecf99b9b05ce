package dev.inboxdesk.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.inboxdesk.client.NotificationsClient;
import dev.inboxdesk.sandbox.Sandbox;
import dev.inboxdesk.sandbox.SandboxOptions;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the client adds to one request over plain OkHttp: the same GET of the unread count against
 * the sandbox on loopback, once through {@link NotificationsClient} (limiter, exchange record,
 * redaction, typed errors, streaming parse) and once as a bare OkHttp call parsed with Jackson.
 * The difference of the two is the client's overhead; the server's time is in both.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class ClientOverheadBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();
  private Sandbox sandbox;
  private NotificationsClient client;
  private OkHttpClient plain;
  private Request plainRequest;

  @Setup
  public void start() {
    // No rate limit here: the benchmark measures the request, not the window.
    sandbox = Sandbox.start(SandboxOptions.defaults().withSize(50).withRateLimitPerMinute(Integer.MAX_VALUE));
    client = DemoLogins.notifications(sandbox.notificationsUrl());
    plain = new OkHttpClient.Builder().build();
    String token = DemoLogins.accessToken(plain, sandbox.notificationsUrl());
    plainRequest = new Request.Builder().url(sandbox.notificationsUrl() + "/notifications/unread-count")
        .header("Authorization", "Bearer " + token).build();
  }

  @Benchmark
  public int client() {
    return client.unreadCount();
  }

  @Benchmark
  public int plainOkHttp() throws IOException {
    try (Response response = plain.newCall(plainRequest).execute()) {
      return JSON.readTree(response.body().byteStream()).path("data").path("count").asInt();
    }
  }

  @TearDown
  public void stop() {
    client.close();
    plain.dispatcher().executorService().shutdown();
    plain.connectionPool().evictAll();
    sandbox.close();
  }
}
