package dev.inboxdesk.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Both services on one loopback port, in memory, fresh at each start:
 * the messages app at {@link #messagesUrl()} and the notifications API at
 * {@link #notificationsUrl()}. Faults can be set at start and changed while running, in code or
 * through the control endpoint under {@value #CONTROL}.
 *
 * <p>It serves this machine's own tools only. It listens on loopback; it answers only requests
 * addressed to {@code 127.0.0.1} or {@code localhost} on its port (a page that rebinds its own
 * name to 127.0.0.1 gets {@code 421}); it refuses requests a browser marks as coming from another
 * origin ({@code 403}; clients that send no {@code Origin} are fine); and its control endpoint
 * wants this run's {@link #controlToken()} in the {@value #TOKEN_HEADER} header. A fixed number of
 * workers serve it, and a request that is not read in full within {@link #READ_DEADLINE} is cut.
 */
public final class Sandbox implements AutoCloseable {
  /**
   * Where the control endpoint lives: {@code faults}, {@code deployment}, {@code reset},
   * {@code accounts}, {@code stats}.
   */
  public static final String CONTROL = "/__sandbox";

  /** The header that carries {@link #controlToken()} to the control endpoint. */
  public static final String TOKEN_HEADER = "X-Sandbox-Token";

  /** How many requests are served at once; more wait in a bounded queue. */
  static final int WORKERS = 16;
  /** How many handed-over connections may wait for a worker; more are closed. */
  static final int QUEUE = 256;
  /** How long a client may take to send its request line, headers and body. */
  static final Duration READ_DEADLINE = Duration.ofSeconds(5);

  private static final Logger LOG = Logger.getLogger(Sandbox.class.getName());
  private static final String PROXY_502 = "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head>"
      + "<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>";
  /** What replaces a success body: a sign-in portal's page, as an auth proxy in front of a service answers. */
  private static final String PORTAL_PAGE = "<!DOCTYPE html><html><head><title>Sign in</title></head>"
      + "<body><form method=\"post\" action=\"/oauth2/start\"><h1>Sign in to continue</h1>"
      + "<button type=\"submit\">Sign in</button></form></body></html>";

  static {
    // Without it the JDK server's answers wait out the peer's delayed ACK: 40 ms per request.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final SandboxOptions options;
  private final HttpServer server;
  private final Workers executor;
  private final String controlToken;
  private final Faults faults;
  private final MessagesService messages;
  private final NotificationsService notifications;
  private final AtomicLong requests = new AtomicLong();
  private volatile Deployment deployment;

  private Sandbox(SandboxOptions options) throws IOException {
    this.options = options;
    this.deployment = options.deployment();
    this.faults = new Faults(options.faults(), options.seed());
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()), 64);
    this.messages = new MessagesService(options.clock(), this::messagesUrl, options.seed(), options.size(),
        options.acceptDeleteMethod(), this::deployment);
    this.notifications = new NotificationsService(options.clock(), options.seed(), options.size(),
        options.rateLimitPerMinute(), options.accessTokenTtl(), this::deployment);
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    this.controlToken = HexFormat.of().formatHex(random);
    this.executor = new Workers("sandbox", WORKERS, QUEUE, READ_DEADLINE);
    server.setExecutor(executor);
    server.createContext("/", this::serve);
  }

  /** Starts a sandbox; it answers as soon as this returns. */
  public static Sandbox start(SandboxOptions options) {
    try {
      Sandbox sandbox = new Sandbox(options);
      sandbox.server.start();
      return sandbox;
    } catch (IOException e) {
      throw new UncheckedIOException("The sandbox could not bind to 127.0.0.1:" + options.port(), e);
    }
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** The messages app's base URL, as a client is given it. */
  public String messagesUrl() {
    return "http://127.0.0.1:" + port();
  }

  /** The notifications API's base URL, as a client is given it. */
  public String notificationsUrl() {
    return messagesUrl() + NotificationsService.PREFIX;
  }

  /**
   * This run's secret for the control endpoint: send it in the {@value #TOKEN_HEADER} header. A
   * fresh random value at every start; in-process calls ({@link #faults()}) need none.
   */
  public String controlToken() {
    return controlToken;
  }

  public SandboxOptions options() {
    return options;
  }

  public Faults faults() {
    return faults;
  }

  /** How the served deployment differs from the full one now. */
  public Deployment deployment() {
    return deployment;
  }

  /** Serves another deployment variant from the next request on; data and sessions stay. */
  public void setDeployment(Deployment value) {
    deployment = java.util.Objects.requireNonNull(value, "deployment");
  }

  /** The demo accounts and their passwords. */
  public static List<DemoAccount> accounts() {
    return DemoData.ACCOUNTS;
  }

  /** Fresh demo data in both services; sessions stay valid. */
  public void resetData() {
    messages.resetData();
    notifications.resetData();
  }

  /** How many requests were served. */
  public long requestCount() {
    return requests.get();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.close();
  }

  private void serve(HttpExchange exchange) throws IOException {
    try {
      HttpCall call = new HttpCall(exchange);
      executor.requestRead();
      requests.incrementAndGet();
      Response refused = refusal(call);
      if (refused != null) {
        call.send(refused);
        return;
      }
      if (call.path.startsWith(CONTROL)) {
        call.send(control(call));
        return;
      }
      if (isNotificationsRouteWithoutPrefix(call.path)) {
        call.send(notifications.routeNotFound(call));
        return;
      }
      Service service = call.path.startsWith(NotificationsService.PREFIX + "/") ? notifications : messages;
      serve(call, service);
    } catch (RuntimeException bug) {
      LOG.log(Level.WARNING, "Sandbox handler failed", bug);
      exchange.close();
    } finally {
      exchange.close();
    }
  }

  /**
   * Why a request is not served, or null when it is: it must be addressed to this sandbox by one
   * of its loopback names (a DNS-rebinding page sends its own name), must not come from another
   * origin's page, and must carry the control token when it is for the control endpoint.
   */
  private Response refusal(HttpCall call) {
    String host = call.header("Host");
    String port = String.valueOf(port());
    boolean ownName = host != null && switch (host.toLowerCase(Locale.ROOT)) {
      case "127.0.0.1", "localhost" -> port.equals("80");
      default -> host.equalsIgnoreCase("127.0.0.1:" + port) || host.equalsIgnoreCase("localhost:" + port);
    };
    if (!ownName) {
      return Response.json(421, SandboxJson.object().put("error",
          "the sandbox answers only requests addressed to 127.0.0.1:" + port + " or localhost:" + port));
    }
    String origin = call.header("Origin");
    if (origin != null && !origin.equalsIgnoreCase("http://127.0.0.1:" + port)
        && !origin.equalsIgnoreCase("http://localhost:" + port)) {
      return Response.json(403, SandboxJson.object().put("error",
          "the sandbox does not answer pages of another origin"));
    }
    if (call.path.startsWith(CONTROL) && !tokenMatches(call.header(TOKEN_HEADER))) {
      return Response.json(403, SandboxJson.object().put("error", "the control endpoint wants the "
          + TOKEN_HEADER + " header: the token the sandbox printed at start (SANDBOX_TOKEN=…)"));
    }
    return null;
  }

  private boolean tokenMatches(String given) {
    return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
        controlToken.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A notifications route asked of the origin instead of {@code /api/v1}: what a client given the
   * wrong base URL sends. Both services share one origin here, so these paths are answered as the
   * notifications API answers an unknown route (the messages app has no such paths).
   */
  private static boolean isNotificationsRouteWithoutPrefix(String path) {
    return path.equals("/notifications") || path.startsWith("/notifications/") || path.startsWith("/auth/");
  }

  private void serve(HttpCall call, Service service) throws IOException {
    FaultSettings settings = faults.settings();
    if (settings.latencyMs() > 0) {
      try {
        Thread.sleep(settings.latencyMs());
      } catch (InterruptedException stopping) {
        Thread.currentThread().interrupt();
        call.drop();
        return;
      }
    }
    Faults.Plan plan = service.isDataRoute(call) ? faults.plan(service.name()) : Faults.Plan.ACT;
    switch (plan) {
      case FORCED_401 -> call.send(service.unauthorized());
      case FORCED_429 -> call.send(service.throttled(settings.retryAfterSeconds()));
      case FAIL -> call.send(service.failure(settings.failStatus()));
      case HTML -> call.send(Response.html(502, PROXY_502));
      case DROP_BEFORE -> call.drop();
      case DROP_AFTER -> {
        service.handle(call);
        call.drop();
      }
      case MALFORMED_BEFORE -> call.send(service.unactedSuccess(call).truncated());
      case MALFORMED_AFTER -> {
        Response response = service.handle(call);
        call.send(response.isJsonSuccess() ? response.truncated() : response);
      }
      case GARBAGE_BEFORE -> call.send(service.unactedSuccess(call).replacedBy(PORTAL_PAGE));
      case GARBAGE_AFTER -> {
        Response response = service.handle(call);
        call.send(response.isJsonSuccess() ? response.replacedBy(PORTAL_PAGE) : response);
      }
      case ACT -> call.send(service.handle(call));
    }
  }

  private Response control(HttpCall call) {
    String what = call.path.substring(CONTROL.length());
    switch (call.method + " " + what) {
      case "GET /faults":
        return Response.json(200, faults.toJson());
      case "PUT /faults", "POST /faults", "PATCH /faults": {
        JsonNode patch = SandboxJson.parseOrNull(call.body);
        if (patch == null || !patch.isObject()) {
          return Response.json(400, SandboxJson.object().put("error", "send a JSON object of fault settings"));
        }
        try {
          faults.patch(patch);
          return Response.json(200, faults.toJson());
        } catch (IllegalArgumentException invalid) {
          return Response.json(400, SandboxJson.object().put("error", invalid.getMessage()));
        }
      }
      case "GET /deployment":
        return Response.json(200, SandboxJson.mapper().valueToTree(deployment));
      case "PUT /deployment", "POST /deployment", "PATCH /deployment": {
        JsonNode patch = SandboxJson.parseOrNull(call.body);
        if (patch == null || !patch.isObject()) {
          return Response.json(400, SandboxJson.object().put("error", "send a JSON object of deployment settings"));
        }
        try {
          synchronized (this) {
            deployment = SandboxJson.patch(deployment, patch, Deployment.class, "deployment setting");
          }
          return Response.json(200, SandboxJson.mapper().valueToTree(deployment));
        } catch (IllegalArgumentException invalid) {
          return Response.json(400, SandboxJson.object().put("error", invalid.getMessage()));
        }
      }
      case "POST /reset":
        resetData();
        return Response.json(200, SandboxJson.object().put("reset", true));
      case "GET /accounts": {
        ArrayNode list = SandboxJson.array();
        accounts().forEach(a -> list.add(SandboxJson.mapper().valueToTree(a)));
        return Response.json(200, list);
      }
      case "GET /stats": {
        ObjectNode stats = SandboxJson.object().put("requests", requests.get()).put("faultsInjected", faults.injected());
        return Response.json(200, stats);
      }
      default:
        return Response.json(404, SandboxJson.object().put("error", "unknown control route " + what));
    }
  }
}
