package dev.inboxdesk.bench;

import dev.inboxdesk.client.Message;
import dev.inboxdesk.client.MessagesClient;
import dev.inboxdesk.sandbox.Sandbox;
import dev.inboxdesk.sandbox.SandboxOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * 1,000 message deletes (the messages service has no rate limit), through {@link MessagesClient}
 * and as plain OkHttp PATCH requests with the same session cookie, on the same number of threads.
 * The plain variant reads each answer to the end (so the connection is reused) and parses nothing;
 * the client parses the remaining inbox it is sent. Rounds alternate; the sandbox's data is reset
 * before each.
 *
 * <p>Usage: {@code DeleteThroughput [deletes] [threads] [rounds]} (defaults 1,000, 1, 10; three
 * more rounds warm up first).
 */
public final class DeleteThroughput {
  private static final int WARM_UP_ROUNDS = 3;
  private DeleteThroughput() {
  }

  public static void main(String[] args) throws Exception {
    int deletes = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    List<Double> client = new ArrayList<>();
    List<Double> plain = new ArrayList<>();
    try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults().withSize(deletes))) {
      for (int round = 1 - WARM_UP_ROUNDS; round <= rounds; round++) {
        // the first rounds warm the client, OkHttp and the sandbox up and are not counted
        double viaClient = run(sandbox, deletes, threads, true);
        double viaPlain = run(sandbox, deletes, threads, false);
        if (round > 0) {
          client.add(viaClient);
          plain.add(viaPlain);
          System.out.printf("round %d: client %.0f deletes/s, plain OkHttp %.0f deletes/s%n", round, viaClient,
              viaPlain);
        }
      }
    }
    double ratio = Stats.percentile(client, 50) / Stats.percentile(plain, 50);
    System.out.printf("%d deletes on %d thread(s): client median %.0f/s (%.0f–%.0f), plain OkHttp median %.0f/s "
        + "(%.0f–%.0f), ratio %.2f%n", deletes, threads, Stats.percentile(client, 50), Stats.percentile(client, 0),
        Stats.percentile(client, 100), Stats.percentile(plain, 50), Stats.percentile(plain, 0),
        Stats.percentile(plain, 100), ratio);
  }

  /** Deletes every message of a fresh inbox and returns deletes per second. */
  private static double run(Sandbox sandbox, int deletes, int threads, boolean viaClient) throws Exception {
    sandbox.resetData();
    try (MessagesClient client = DemoLogins.messages(sandbox.messagesUrl())) {
      List<String> ids = client.listMessages().stream().map(Message::id).limit(deletes).toList();
      Consumer<String> delete;
      OkHttpClient plain = null;
      if (viaClient) {
        delete = client::deleteMessage;
      } else {
        plain = new OkHttpClient.Builder().build();
        OkHttpClient http = plain;
        String cookie = "next-auth.session-token=" + client.sessionToken().orElseThrow();
        delete = id -> {
          Request request = new Request.Builder()
              .url(sandbox.messagesUrl() + "/api/delete-message?messageId=" + id)
              .patch(RequestBody.create(new byte[0])).header("Cookie", cookie).build();
          try (Response response = http.newCall(request).execute()) {
            response.body().source().readAll(okio.Okio.blackhole());
            if (response.code() != 201) {
              throw new IllegalStateException("delete answered " + response.code());
            }
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        };
      }
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      long start = System.nanoTime();
      List<Future<?>> work = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int first = t;
        work.add(pool.submit(() -> {
          for (int i = first; i < ids.size(); i += threads) {
            delete.accept(ids.get(i));
          }
        }));
      }
      for (Future<?> f : work) {
        f.get();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      pool.shutdown();
      if (plain != null) {
        plain.connectionPool().evictAll();
        plain.dispatcher().executorService().shutdown();
      }
      return ids.size() / seconds;
    }
  }
}
