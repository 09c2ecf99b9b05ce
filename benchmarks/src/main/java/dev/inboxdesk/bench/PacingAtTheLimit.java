package dev.inboxdesk.bench;

import dev.inboxdesk.client.ClientConfig;
import dev.inboxdesk.client.Notification;
import dev.inboxdesk.client.NotificationsClient;
import dev.inboxdesk.client.ReadFilter;
import dev.inboxdesk.sandbox.Sandbox;
import dev.inboxdesk.sandbox.SandboxOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bulk delete of 300 notifications against the contract's 60 requests a minute, sent one after
 * another as the app's delete queue sends them, on real time. The server's fixed window opens at
 * the first delete, so the 241st cannot be answered before four full windows: that is the floor.
 * Reports the total against the floor and how many answers were {@code 429}.
 *
 * <p>Usage: {@code PacingAtTheLimit [deletes] [limit per minute]}. Takes over four minutes.
 */
public final class PacingAtTheLimit {
  private PacingAtTheLimit() {
  }

  public static void main(String[] args) {
    int deletes = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    int perMinute = args.length > 1 ? Integer.parseInt(args[1]) : 60;
    AtomicInteger throttled = new AtomicInteger();
    AtomicInteger deleteRequests = new AtomicInteger();
    try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults().withSize(deletes + 20)
        .withRateLimitPerMinute(perMinute));
        NotificationsClient client = NotificationsClient.create(ClientConfig.builder(sandbox.notificationsUrl())
            .exchangeListener(exchange -> {
              if (exchange.status() == 429) {
                throttled.incrementAndGet();
              }
              if (exchange.method().equals("DELETE")) {
                deleteRequests.incrementAndGet();
              }
            }).build())) {
      client.login(DemoLogins.EMAIL, DemoLogins.PASSWORD);
      List<Notification> all = client.listAll(ReadFilter.ALL);
      long start = System.nanoTime();
      for (int i = 0; i < deletes; i++) {
        client.deleteNotification(all.get(i).id());
      }
      Duration total = Duration.ofNanos(System.nanoTime() - start);
      long windows = (deletes + perMinute - 1) / perMinute;
      Duration floor = Duration.ofMinutes(windows - 1);
      System.out.printf("%d deletes at %d/min: %.1f s, floor %d s, ratio %.3f, 429 answers %d, delete requests %d%n",
          deletes, perMinute, total.toMillis() / 1000.0, floor.toSeconds(),
          total.toMillis() / (double) floor.toMillis(), throttled.get(), deleteRequests.get());
    }
  }
}
