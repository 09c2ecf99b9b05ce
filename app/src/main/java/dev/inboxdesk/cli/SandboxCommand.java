package dev.inboxdesk.cli;

import dev.inboxdesk.sandbox.DemoAccount;
import dev.inboxdesk.sandbox.Deployment;
import dev.inboxdesk.sandbox.FaultSettings;
import dev.inboxdesk.sandbox.Sandbox;
import dev.inboxdesk.sandbox.SandboxOptions;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code inboxdesk sandbox}: both services on loopback in the foreground, until Ctrl+C. */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
    description = {"Runs the embedded backend alone: the messages app and the notifications API on 127.0.0.1,",
        "in memory, with demo accounts, so curl, Postman or another InboxDesk can use it.",
        "Prints MESSAGES_URL=…, NOTIFICATIONS_URL=… and SANDBOX_TOKEN=… for scripts: the control",
        "endpoint (" + Sandbox.CONTROL + "/…) wants that token in the " + Sandbox.TOKEN_HEADER + " header.",
        "It answers only 127.0.0.1 and localhost, and no page of another origin. Stop with Ctrl+C."})
final class SandboxCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--port", paramLabel = "N", description = "port on 127.0.0.1 (default: any free port)")
  int port;

  @Option(names = "--size", paramLabel = "N", description = "items of the first demo user (default: ${DEFAULT-VALUE})")
  int size = SandboxOptions.DEFAULT_SIZE;

  @Option(names = "--seed", paramLabel = "N", description = "seed of the demo data and fault dice (default: ${DEFAULT-VALUE})")
  long seed = 42;

  @Option(names = "--rate-limit", paramLabel = "N", description = "notifications requests per minute per route (default: ${DEFAULT-VALUE})")
  int rateLimit = 60;

  @Option(names = "--accept-delete", description = "let the messages delete route accept DELETE too (the deployed one answers 405)")
  boolean acceptDelete;

  @Option(names = "--minimal", description = {"only the routes the seeds document (sign in, list, delete); the others",
      "answer their framework's unknown-route 404, and the notifications login gives no refresh token"})
  boolean minimal;

  @Option(names = "--kind-field", paramLabel = "NAME", description = {"name of a notification's kind: eventKey or type",
      "(type also leaves out null readAt and empty data) (default: ${DEFAULT-VALUE})"})
  String kindField = Deployment.STANDARD.kindField();

  @Option(names = "--ignore-filters", description = "notifications listing ignores read= and limit (pages by 20)")
  boolean ignoreFilters;

  @Option(names = "--route-404", paramLabel = "BODY", description = {"notifications 404 bodies: envelope or nest",
      "(Nest's default, as without the exception filter) (default: ${DEFAULT-VALUE})"})
  String route404 = Deployment.STANDARD.route404();

  @Option(names = "--cookie-scheme", paramLabel = "SCHEME", description = {"scheme the messages app names its cookies after:",
      "http or https (__Secure-/__Host- names, as behind a TLS proxy) (default: ${DEFAULT-VALUE})"})
  String cookieScheme = Deployment.STANDARD.cookieScheme();

  @Option(names = "--latency", paramLabel = "MS", description = "delay every request")
  int latencyMs;

  @Option(names = "--fail-rate", paramLabel = "0..1", description = "chance a data request fails with --fail-status")
  double failRate;

  @Option(names = "--fail-status", paramLabel = "CODE", description = "status of those failures (default: ${DEFAULT-VALUE})")
  int failStatus = 500;

  @Option(names = "--drop-rate", paramLabel = "0..1", description = "chance a data request's connection is dropped")
  double dropRate;

  @Option(names = "--drop-after", description = "drop after the server acted (the delete took effect), not before")
  boolean dropAfter;

  @Option(names = "--malformed-rate", paramLabel = "0..1", description = "chance a success body is cut in half")
  double malformedRate;

  @Option(names = "--html-rate", paramLabel = "0..1", description = "chance of a proxy's HTML 502 page")
  double htmlRate;

  @Option(names = "--garbage-rate", paramLabel = "0..1", description = "chance a success body is replaced by an HTML page")
  double garbageRate;

  @Option(names = "--body-fault-before", description = {"cut or replaced success bodies come before the server acted",
      "(the delete did not happen), not after"})
  boolean bodyFaultBefore;

  @Option(names = "--force-429", paramLabel = "N", description = "the next N data requests answer 429")
  int force429;

  @Option(names = "--force-401", paramLabel = "N", description = "the next N data requests answer 401")
  int force401;

  @Option(names = "--retry-after", paramLabel = "S", description = "Retry-After of forced 429s (default: ${DEFAULT-VALUE})")
  int retryAfter = 3;

  @Option(names = "--fault-scope", paramLabel = "SERVICE", description = "all, messages or notifications (default: ${DEFAULT-VALUE})")
  String faultScope = "all";

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    SandboxOptions options;
    try {
      options = options();
    } catch (IllegalArgumentException invalid) {
      spec.commandLine().getErr().println("inboxdesk sandbox: " + invalid.getMessage());
      return 2;
    }
    long starting = System.nanoTime();
    Sandbox sandbox = Sandbox.start(options);
    long startMillis = (System.nanoTime() - starting) / 1_000_000;
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      sandbox.close();
      stopped.countDown();
    }, "sandbox-shutdown"));
    out.println("InboxDesk sandbox: both services on loopback, in memory, fresh at each start.");
    out.println("Demo accounts:");
    for (DemoAccount account : Sandbox.accounts()) {
      out.println("  " + account.describe());
    }
    out.println("Faults: GET or PUT " + sandbox.messagesUrl() + Sandbox.CONTROL + "/faults"
        + " with the header " + Sandbox.TOKEN_HEADER + ": $SANDBOX_TOKEN");
    if (!options.deployment().equals(Deployment.STANDARD)) {
      out.println("Deployment variant: " + describe(options.deployment()));
    }
    out.println("Deployment: GET or PUT " + sandbox.messagesUrl() + Sandbox.CONTROL + "/deployment");
    out.println("MESSAGES_URL=" + sandbox.messagesUrl());
    out.println("NOTIFICATIONS_URL=" + sandbox.notificationsUrl());
    out.println("SANDBOX_TOKEN=" + sandbox.controlToken());
    out.println("Started in " + startMillis + " ms. Press Ctrl+C to stop.");
    out.flush();
    stopped.await();
    return 0;
  }

  /** The sandbox these options ask for; an {@link IllegalArgumentException} names a value out of range. */
  SandboxOptions options() {
    FaultSettings faults = new FaultSettings(latencyMs, failRate, failStatus, dropRate, dropAfter, malformedRate,
        htmlRate, garbageRate, !bodyFaultBefore, force429, force401, retryAfter, faultScope);
    Deployment deployment = Deployment.STANDARD.withMinimal(minimal).withKindField(kindField)
        .withIgnoreFilters(ignoreFilters).withRoute404(route404).withCookieScheme(cookieScheme);
    return SandboxOptions.defaults().withPort(port).withSize(size).withSeed(seed).withFaults(faults)
        .withAcceptDeleteMethod(acceptDelete).withRateLimitPerMinute(rateLimit).withDeployment(deployment);
  }

  private static String describe(Deployment d) {
    return (d.minimal() ? "minimal routes, " : "all routes, ") + "kind field " + d.kindField()
        + (d.ignoreFilters() ? ", filters ignored" : "") + ", 404 bodies " + d.route404() + ", cookie names for "
        + d.cookieScheme();
  }
}
