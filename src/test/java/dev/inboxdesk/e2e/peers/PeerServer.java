package dev.inboxdesk.e2e.peers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One running peer: a real Node server on {@code 127.0.0.1} and a free port, started by
 * {@link #start(PeerOptions)} and stopped, with every process it started, by {@link #close()} (or
 * at the latest when the JVM exits).
 *
 * <pre>{@code
 * try (PeerServer peer = PeerServer.start(PeerOptions.notifications().envelope(false))) {
 *   String api = peer.apiUrl();                      // http://127.0.0.1:PORT/api/v1
 *   peer.fault(Fault.after("DELETE /api/v1/notifications/:id").drop());
 *   ...
 *   peer.reset();                                    // demo data, limits and faults afresh
 * }
 * }</pre>
 * Most tests use the shared instances of {@link Peers} instead, and {@link #reset()} before each test.
 *
 * <p>Control endpoint (plain JSON, also usable from any HTTP client): {@code GET /__control/health},
 * {@code POST /__control/reset}, {@code POST /__control/fault}, {@code DELETE /__control/fault},
 * {@code GET /__control/faults}, {@code GET /__control/requests}. See {@code src/test/peers/faults.js}.
 */
public final class PeerServer implements AutoCloseable {
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
  private static final int OUTPUT_LINES = 300;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<PeerServer> RUNNING = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> List.copyOf(RUNNING).forEach(PeerServer::close),
        "inboxdesk-peers-stop"));
  }

  private final PeerOptions options;
  private final int port;
  private final Process process;
  private final Deque<String> output = new ArrayDeque<>();
  // HTTP/1.1: Next.js closes the connection on the h2c upgrade the JDK client's HTTP/2 default asks for
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  private PeerServer(PeerOptions options, int port, Process process) {
    this.options = options;
    this.port = port;
    this.process = process;
  }

  /**
   * Installs and builds the peer if its lockfile or sources changed, starts it and waits until it
   * answers (at most 90 s). Without Node on the PATH: fails under CI, skips the test elsewhere.
   */
  public static PeerServer start(PeerOptions options) {
    PeerKind kind = options.kind();
    NodeTools.prepare(kind);
    long begin = System.nanoTime();
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(NodeTools.node());
    command.addAll(kind.startArgs);
    ProcessBuilder builder = new ProcessBuilder(command).directory(NodeTools.folder(kind).toFile())
        .redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    NodeTools.environment(env);
    env.put("NODE_ENV", "production");
    env.put("PORT", Integer.toString(port));
    if (kind == PeerKind.MESSAGES) {
      env.put("NEXTAUTH_URL", "http://127.0.0.1:" + port);
      env.put("NEXTAUTH_SECRET", "inboxdesk-peer-secret-" + port);
    }
    env.putAll(options.env());
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the " + kind.folder + " peer", e);
    }
    PeerServer server = new PeerServer(options, port, process);
    RUNNING.add(server);
    server.keepOutput();
    try {
      server.awaitReady();
    } catch (RuntimeException | Error e) {
      server.close();
      throw e;
    }
    Timings.record(kind, "start", System.nanoTime() - begin);
    return server;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void keepOutput() {
    Thread reader = new Thread(() -> {
      try (BufferedReader lines = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          synchronized (output) {
            output.addLast(line);
            if (output.size() > OUTPUT_LINES) {
              output.removeFirst();
            }
          }
        }
      } catch (IOException closed) {
        // the process ended
      }
    }, "peer-output-" + options.kind().folder + "-" + port);
    reader.setDaemon(true);
    reader.start();
  }

  private void awaitReady() {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the " + options + " peer exited with code " + process.exitValue()
            + " before it answered:\n" + output());
      }
      try {
        if (control("GET", "/health", null).statusCode() == 200) {
          return;
        }
      } catch (UncheckedIOException notYet) {
        // not listening yet
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException("the " + options + " peer did not answer within " + READY_TIMEOUT + ":\n"
        + output());
  }

  public PeerOptions options() {
    return options;
  }

  public int port() {
    return port;
  }

  /** The origin, {@code http://127.0.0.1:PORT}: the messages app's base URL. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** The base URL a client is given: the origin for messages, {@code …/api/v1} for notifications. */
  public String apiUrl() {
    return baseUrl() + options.kind().apiPath();
  }

  /** Fresh demo data; rate-limit counters, faults and the request log emptied. Sessions and tokens stay valid. */
  public void reset() {
    expectOk(control("POST", "/reset", ""));
  }

  /** Arms a fault; it applies to the next matching request(s), see {@link Fault}. */
  public void fault(Fault fault) {
    expectOk(control("POST", "/fault", fault.toJson()));
  }

  /** Disarms every fault. */
  public void clearFaults() {
    expectOk(control("DELETE", "/fault", null));
  }

  /** The faults still armed, each with {@code fired}: how often it has applied. */
  public JsonNode faults() {
    return json(expectOk(control("GET", "/faults", null)));
  }

  /**
   * The requests the app saw since the last reset, oldest first: {@code method}, {@code path},
   * {@code status} (null when none was sent), {@code fault} (e.g. {@code "after drop"}), and for an
   * "after" fault {@code handlerStatus}, what the handler had answered. Tells whether a client
   * retried, and whether a delete reached the handler.
   */
  public JsonNode requests() {
    return json(expectOk(control("GET", "/requests", null)));
  }

  /** The peer's last lines of output, for failure messages. */
  public String output() {
    synchronized (output) {
      return String.join("\n", output);
    }
  }

  public boolean isRunning() {
    return process.isAlive();
  }

  /** Stops the peer and every process it started. Idempotent. */
  @Override
  public void close() {
    RUNNING.remove(this);
    if (process.isAlive() || process.descendants().findAny().isPresent()) {
      ProcessTree.stop(process);
    }
  }

  private HttpResponse<String> control(String method, String path, String body) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/__control" + path))
        .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private String expectOk(HttpResponse<String> response) {
    if (response.statusCode() != 200) {
      throw new IllegalStateException(response.request().method() + " " + response.uri() + " answered "
          + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return options + " at " + apiUrl();
  }
}
