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
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Both services on one loopback port, in memory, fresh at each start:
 * the messages app at {@link #messagesUrl()} and the notifications API at
 * {@link #notificationsUrl()}. Faults can be set at start and changed while running, in code or
 * through the control endpoint under {@value #CONTROL}.
 */
public final class Sandbox implements AutoCloseable {
  /**
   * Where the control endpoint lives: {@code faults}, {@code deployment}, {@code reset},
   * {@code accounts}, {@code stats}.
   */
  public static final String CONTROL = "/__sandbox";

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
  private final ExecutorService executor;
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
    AtomicInteger threads = new AtomicInteger();
    this.executor = Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(task, "sandbox-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
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
    executor.shutdownNow();
  }

  private void serve(HttpExchange exchange) throws IOException {
    try {
      HttpCall call = new HttpCall(exchange);
      requests.incrementAndGet();
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
        return Response.json(200, SandboxJson.MAPPER.valueToTree(deployment));
      case "PUT /deployment", "POST /deployment", "PATCH /deployment": {
        JsonNode patch = SandboxJson.parseOrNull(call.body);
        if (patch == null || !patch.isObject()) {
          return Response.json(400, SandboxJson.object().put("error", "send a JSON object of deployment settings"));
        }
        try {
          synchronized (this) {
            deployment = SandboxJson.patch(deployment, patch, Deployment.class, "deployment setting");
          }
          return Response.json(200, SandboxJson.MAPPER.valueToTree(deployment));
        } catch (IllegalArgumentException invalid) {
          return Response.json(400, SandboxJson.object().put("error", invalid.getMessage()));
        }
      }
      case "POST /reset":
        resetData();
        return Response.json(200, SandboxJson.object().put("reset", true));
      case "GET /accounts": {
        ArrayNode list = SandboxJson.array();
        accounts().forEach(a -> list.add(SandboxJson.MAPPER.valueToTree(a)));
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
