package dev.inboxdesk.bench;

import dev.inboxdesk.client.Message;
import dev.inboxdesk.client.MessagesClient;
import dev.inboxdesk.sandbox.Sandbox;
import dev.inboxdesk.sandbox.SandboxOptions;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * Client CPU per message delete when the server answers with the whole remaining inbox (10,000
 * messages by default). The blocking call runs on this thread, so this thread's CPU time is the
 * client's: sending, reading and parsing the answer. The sandbox answers from other threads.
 *
 * <p>Usage: {@code DeleteAnswerCost [inbox size] [deletes measured]}.
 */
public final class DeleteAnswerCost {
  private DeleteAnswerCost() {
  }

  public static void main(String[] args) {
    int inbox = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int measured = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    int warmup = 100;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults().withSize(inbox + warmup + measured));
        MessagesClient client = DemoLogins.messages(sandbox.messagesUrl())) {
      List<Message> messages = client.listMessages();
      List<Double> cpu = new ArrayList<>();
      List<Double> wall = new ArrayList<>();
      for (int i = 0; i < warmup + measured; i++) {
        String id = messages.get(i).id();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long wallStart = System.nanoTime();
        // What the app's delete queue does: the message was in its listing, so no listing first.
        client.deleteListedMessage(id).outcome();
        long cpuNanos = threads.getCurrentThreadCpuTime() - cpuStart;
        long wallNanos = System.nanoTime() - wallStart;
        if (i >= warmup) {
          cpu.add(cpuNanos / 1e6);
          wall.add(wallNanos / 1e6);
        }
      }
      System.out.printf("inbox after the deletes: %,d messages%n", client.listMessages().size());
      System.out.println(Stats.summary("client CPU per delete", cpu));
      System.out.println(Stats.summary("wall time per delete", wall));
    }
  }
}
