package dev.inboxdesk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.inboxdesk.client.ApiException;
import dev.inboxdesk.client.ClientConfig;
import dev.inboxdesk.client.Exchange;
import dev.inboxdesk.client.RateLimitedException;
import dev.inboxdesk.client.Wait;
import dev.inboxdesk.wire.Har;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every service command does around its work: build the client, print exchanges with
 * {@code --verbose}, turn an error into its exit code and one line on standard error.
 */
abstract class ClientCommand implements Callable<Integer> {
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  /** One JSON value per line, for {@code --json-lines}. */
  static final ObjectMapper LINES = new ObjectMapper();
  /** How often a run without a terminal says how far it got. */
  private static final long PROGRESS_EVERY_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(5);

  @Mixin
  ConnectionOptions options;

  @Spec
  CommandSpec spec;

  final Terminal terminal;
  private List<String> stdinLines;
  private String password;
  private long lastProgressLine = System.nanoTime();
  /** Every exchange of the run, masked, for {@code --har}. */
  private final List<Exchange> exchanges = new java.util.concurrent.CopyOnWriteArrayList<>();

  ClientCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  /** Runs the command's work with a signed-in client; returns the exit code. */
  abstract int work() throws Exception;

  @Override
  public final Integer call() throws Exception {
    try {
      return work();
    } catch (UsageProblem usage) {
      return failed(ExitCodes.USAGE, usage.getMessage(), null);
    } catch (ApiException failure) {
      return failed(ExitCodes.of(failure), failure.getMessage(), failure);
    } catch (IllegalArgumentException invalid) {
      return failed(ExitCodes.USAGE, invalid.getMessage(), null);
    } finally {
      writeHar();
    }
  }

  /** A run that ended before its results: one line on standard error, and the error as JSON when JSON was asked for. */
  private int failed(int code, String message, ApiException failure) {
    err().println(spec.qualifiedName() + ": " + message);
    if (options.json || options.jsonLines) {
      ObjectNode error = failure != null ? errorJson(failure)
          : JSON.createObjectNode().put("type", "usage").put("message", message);
      ObjectNode document = JSON.createObjectNode().put("exitCode", code);
      document.set("error", error);
      out().println(text(options.jsonLines ? LINES : JSON, document));
    }
    return code;
  }

  /** A value as JSON text in the mapper's layout. */
  static String text(ObjectMapper mapper, Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  /** With {@code --har FILE}: the run's exchanges, masked, as HAR 1.2, whatever the run's end. */
  private void writeHar() {
    if (options.har == null) {
      return;
    }
    try {
      java.nio.file.Files.writeString(options.har, Har.of(List.copyOf(exchanges)));
    } catch (java.io.IOException notWritten) {
      err().println(spec.qualifiedName() + ": could not write " + options.har + ": " + notWritten.getMessage());
    }
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }

  ClientConfig config() {
    if (options.maxWaitSeconds < 0) {
      throw new UsageProblem("--max-wait must not be negative");
    }
    if (options.timeoutSeconds < 1) {
      throw new UsageProblem("--timeout must be at least 1 second");
    }
    return ClientConfig.builder(options.server).allowInsecureHttp(options.allowInsecureHttp)
        .userAgent("InboxDesk-CLI").exchangeListener(this::onExchange)
        .maxWait(Duration.ofSeconds(options.maxWaitSeconds)).waitListener(this::announce)
        .operationTimeout(Duration.ofSeconds(options.timeoutSeconds))
        .callTimeout(Duration.ofSeconds(Math.min(60, options.timeoutSeconds))).build();
  }

  private void onExchange(Exchange exchange) {
    if (options.har != null) {
      exchanges.add(exchange);
    }
    if (options.verbose) {
      printExchange(exchange);
    }
  }

  /** Every wait the client makes is said on standard error, so a run never sleeps without a word. */
  private void announce(Wait wait) {
    if (options.quiet) {
      return;
    }
    String why = switch (wait.reason()) {
      case QUOTA_SPENT -> "the rate limit's window is spent";
      case TOO_MANY_REQUESTS -> "the server answered 429 Too Many Requests";
      case SERVICE_UNAVAILABLE -> "the server answered 503 Service Unavailable";
      case CONNECTION_RETRY -> "the connection failed; trying again";
    };
    long seconds = Math.max(1, (wait.duration().toMillis() + 999) / 1000);
    if (wait.reason() != Wait.Reason.CONNECTION_RETRY || seconds > 1) {
      err().println("waiting " + seconds + " s: " + why + " (" + wait.route() + ")");
      err().flush();
    }
  }

  /** The password: from standard input with --password-stdin, else asked on the terminal; asked once a run. */
  String password() {
    if (password == null) {
      password = readPassword();
    }
    return password;
  }

  /** Who the run signs in as, for the record of deletes: the e-mail, or that a token was used. */
  String account() {
    return options.email != null ? options.email : "token from the environment";
  }

  /** True when the run can sign in again by itself (a long run whose session ends). */
  boolean hasPassword() {
    return options.email != null;
  }

  private String readPassword() {
    if (options.passwordStdin) {
      List<String> lines = stdin();
      if (lines.isEmpty()) {
        throw new UsageProblem("--password-stdin was given but standard input is empty");
      }
      return lines.get(0);
    }
    String typed = terminal.prompt("Password for " + options.email + ": ");
    if (typed == null) {
      throw new UsageProblem("no terminal to ask the password on; pipe it in with --password-stdin");
    }
    return typed;
  }

  /** A two-factor code: the second line of standard input, else asked on the terminal. */
  String twoFactorCode() {
    if (options.passwordStdin && stdin().size() > 1) {
      return stdin().get(1).strip();
    }
    String typed = terminal.prompt("Two-factor code: ");
    if (typed == null) {
      throw new UsageProblem("this account needs a two-factor code: give it as the second line of standard input,"
          + " or use a token from INBOXDESK_TOKEN");
    }
    return typed.strip();
  }

  /** Standard input's lines, read once a run. */
  List<String> stdin() {
    if (stdinLines == null) {
      stdinLines = terminal.lines();
    }
    return stdinLines;
  }

  /** The error as JSON for a delete's outcome. */
  static ObjectNode errorJson(ApiException error) {
    ObjectNode node = JSON.createObjectNode().put("type", ExitCodes.typeOf(error)).put("status", error.status());
    node.put("code", error.code());
    node.put("correlationId", error.correlationId());
    node.put("message", error.getMessage());
    node.put("mayHaveReachedServer", error.mayHaveReachedServer());
    if (error instanceof RateLimitedException limited) {
      node.put("retryAfterSeconds", limited.retryAfter().toSeconds());
    }
    return node;
  }

  /**
   * Says how far a long delete got, on standard error: a counter updated in place on a terminal,
   * a line every few seconds otherwise (for logs and pipes); nothing with {@code --quiet}.
   */
  void progress(int done, int total) {
    if (options.quiet || total <= 1) {
      return;
    }
    if (terminal.interactive()) {
      if (err() instanceof SafeWriter safe) {
        safe.returnToLineStart();
      }
      err().print("Deleting " + done + " of " + total + (done == total ? "\n" : ""));
      err().flush();
    } else if (done == total || System.nanoTime() - lastProgressLine >= PROGRESS_EVERY_NANOS) {
      lastProgressLine = System.nanoTime();
      err().println("progress: " + done + " of " + total + " done");
    }
  }

  private void printExchange(Exchange e) {
    PrintWriter err = err();
    err.println("> " + e.method() + " " + e.url() + (e.attempt() > 1 ? "  (attempt " + e.attempt() + ")" : ""));
    e.requestHeaders().forEach(h -> err.println("> " + h));
    if (!e.requestBody().isEmpty()) {
      err.println("> " + e.requestBody());
    }
    if (e.status() == 0) {
      err.println("< no answer: " + e.failure() + " (" + e.duration().toMillis() + " ms)");
    } else {
      StringBuilder line = new StringBuilder("< " + e.status() + " in " + e.duration().toMillis() + " ms");
      if (e.rateLimit().remaining() != null) {
        line.append(", rate limit ").append(e.rateLimit().remaining()).append('/').append(e.rateLimit().limit())
            .append(" left");
      }
      if (e.rateLimit().retryAfter() != null) {
        line.append(", retry after ").append(e.rateLimit().retryAfter().toSeconds()).append(" s");
      }
      if (e.correlationId() != null) {
        line.append(", correlation id ").append(e.correlationId());
      }
      err.println(line);
      e.responseHeaders().forEach(h -> err.println("< " + h));
      if (!e.responseBody().isEmpty()) {
        err.println("< " + e.responseBody());
      }
    }
    err.println();
    err.flush();
  }

  /** A mistake in how the command was called. */
  static final class UsageProblem extends RuntimeException {
    UsageProblem(String message) {
      super(message);
    }
  }
}
