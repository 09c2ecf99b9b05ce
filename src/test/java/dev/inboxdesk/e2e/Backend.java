package dev.inboxdesk.e2e;

import dev.inboxdesk.client.ClientConfig;
import dev.inboxdesk.client.FakeTime;
import dev.inboxdesk.e2e.peers.Fault;
import dev.inboxdesk.e2e.peers.PeerOptions;
import dev.inboxdesk.e2e.peers.PeerServer;
import dev.inboxdesk.e2e.peers.Peers;
import dev.inboxdesk.sandbox.Deployment;
import dev.inboxdesk.sandbox.FaultSettings;
import dev.inboxdesk.sandbox.Sandbox;
import dev.inboxdesk.sandbox.SandboxOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.Assumptions;

/**
 * The other side of the conformance suites: the real-framework peers ({@link OnPeers}) or the
 * app's sandbox ({@link OnSandbox}). The suites say what they need in the peers' terms (a route,
 * a {@link Fault}, a notifications deployment with or without its envelope, optional routes or a
 * small throttle) and each side provides it its own way; the same tests run on both, so where the
 * two answer differently, the sandbox misreads the frameworks.
 */
abstract class Backend implements AutoCloseable {

  /** A notifications deployment: envelope filter, the undocumented routes, each route's limit per window. */
  record Variant(boolean envelope, boolean optionalRoutes, int throttleLimit, Duration window) {
    static final Variant STANDARD = new Variant(true, true, 60, Duration.ofMinutes(1));

    Variant withEnvelope(boolean on) {
      return new Variant(on, optionalRoutes, throttleLimit, window);
    }

    Variant withOptionalRoutes(boolean on) {
      return new Variant(envelope, on, throttleLimit, window);
    }

    Variant withThrottle(int limit, Duration perWindow) {
      return new Variant(envelope, optionalRoutes, limit, perWindow);
    }
  }

  abstract String name();

  /** The messages app's base URL (its origin). */
  abstract String messagesUrl();

  /** The notifications API's base URL ({@code …/api/v1}) of a deployment like {@code variant}. */
  abstract String notificationsUrl(Variant variant);

  String notificationsUrl() {
    return notificationsUrl(Variant.STANDARD);
  }

  /** Fresh demo data, limits and no faults, on every server this backend started. */
  abstract void reset();

  /** Arms a fault on the server behind {@code baseUrl}: for the next matching request, or every one ({@code times(0)}). */
  abstract void fault(String baseUrl, Fault fault);

  /** Disarms every fault on the server behind {@code baseUrl}. */
  abstract void clearFaults(String baseUrl);

  /**
   * A client configuration for {@code baseUrl}: on the sandbox it carries what the sandbox needs
   * to play a fault on one route, and for a throttled deployment the shared fake clock.
   */
  abstract ClientConfig.Builder config(String baseUrl);

  @Override
  public void close() {
  }

  /** The peers: shared Node processes, reset before each test. */
  static final class OnPeers extends Backend {
    private final List<PeerServer> used = new ArrayList<>();

    @Override
    String name() {
      return "peers";
    }

    private PeerServer use(PeerServer peer) {
      synchronized (used) {
        if (!used.contains(peer)) {
          peer.reset();
          used.add(peer);
        }
      }
      return peer;
    }

    PeerServer messagesPeer() {
      return use(Peers.messages());
    }

    PeerServer notificationsPeer(Variant variant) {
      PeerOptions options = PeerOptions.notifications();
      if (!variant.envelope()) {
        options = options.envelope(false);
      }
      if (!variant.optionalRoutes()) {
        options = options.optionalRoutes(false);
      }
      if (!variant.equals(Variant.STANDARD) && (variant.throttleLimit() != 60
          || !variant.window().equals(Duration.ofMinutes(1)))) {
        options = options.throttle(variant.throttleLimit(), variant.window());
      }
      return use(Peers.shared(options));
    }

    @Override
    String messagesUrl() {
      return messagesPeer().apiUrl();
    }

    @Override
    String notificationsUrl(Variant variant) {
      return notificationsPeer(variant).apiUrl();
    }

    @Override
    void reset() {
      synchronized (used) {
        used.forEach(PeerServer::reset);
      }
    }

    private PeerServer serving(String baseUrl) {
      synchronized (used) {
        return used.stream().filter(p -> (baseUrl + "/").startsWith(p.baseUrl() + "/")).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no peer serves " + baseUrl));
      }
    }

    @Override
    void fault(String baseUrl, Fault fault) {
      serving(baseUrl).fault(fault);
    }

    @Override
    void clearFaults(String baseUrl) {
      serving(baseUrl).clearFaults();
    }

    /** The requests the peer behind {@code baseUrl} saw since the last reset. */
    com.fasterxml.jackson.databind.JsonNode requests(String baseUrl) {
      return serving(baseUrl).requests();
    }

    @Override
    ClientConfig.Builder config(String baseUrl) {
      return ClientConfig.builder(baseUrl);
    }
  }

  /**
   * Sandboxes started for the test and closed after it. A fault on one route is played by an
   * OkHttp interceptor in the test's clients that switches the sandbox's own fault settings on
   * just before a matching request goes out and off before any other; a fault on every request
   * ({@code times(0)}) is set on the sandbox directly, so clients the test did not build (the
   * command line's) meet it too. The sandbox's throttle window is a minute: a throttled
   * deployment runs on a fake clock the clients sleep on, so its waits take no time.
   */
  static final class OnSandbox extends Backend {
    private static final int SIZE = 30;
    private Sandbox messages;
    private final Map<Variant, Sandbox> notifications = new HashMap<>();
    private final Map<Sandbox, FakeTime> clocks = new HashMap<>();
    private final Map<Sandbox, List<Armed>> armed = new HashMap<>();
    private final Map<Sandbox, FaultSettings> everyRequest = new HashMap<>();
    private final OkHttpClient http = new OkHttpClient.Builder().addInterceptor(chain -> {
      play(chain.request());
      return chain.proceed(chain.request());
    }).build();

    private static final class Armed {
      final Fault fault;
      final String method;
      final Pattern path;
      int left;

      Armed(Fault fault) {
        this.fault = fault;
        String[] parts = fault.route().trim().split("\\s+", 2);
        this.method = parts[0].toUpperCase(java.util.Locale.ROOT);
        StringBuilder regex = new StringBuilder();
        String[] segments = parts[1].split("/", -1);
        for (int i = 0; i < segments.length; i++) {
          String segment = segments[i];
          regex.append(i == 0 ? "" : "/");
          if (segment.startsWith(":")) {
            regex.append("[^/]+");
          } else if (segment.equals("*") && i == segments.length - 1) {
            regex.append(".*");
          } else {
            regex.append(Pattern.quote(segment));
          }
        }
        this.path = Pattern.compile("^" + regex + "/?$");
        this.left = fault.count();
      }

      boolean matches(Request request) {
        return (method.equals("*") || method.equals(request.method()))
            && path.matcher(request.url().encodedPath()).matches();
      }
    }

    @Override
    String name() {
      return "sandbox";
    }

    @Override
    synchronized String messagesUrl() {
      if (messages == null) {
        messages = Sandbox.start(SandboxOptions.defaults().withSize(SIZE));
      }
      return messages.messagesUrl();
    }

    @Override
    synchronized String notificationsUrl(Variant variant) {
      return notifications.computeIfAbsent(variant, this::startNotifications).notificationsUrl();
    }

    private Sandbox startNotifications(Variant variant) {
      Deployment deployment = Deployment.STANDARD;
      if (!variant.envelope()) {
        deployment = deployment.withRoute404("nest");
      }
      if (!variant.optionalRoutes()) {
        deployment = deployment.withMinimal(true);
      }
      SandboxOptions options = SandboxOptions.defaults().withSize(SIZE).withDeployment(deployment)
          .withRateLimitPerMinute(variant.throttleLimit());
      FakeTime time = null;
      if (variant.throttleLimit() != Variant.STANDARD.throttleLimit()) {
        time = new FakeTime();
        time.advance(Duration.between(time.instant(), Instant.parse("2099-01-01T00:00:00Z")));
        options = options.withClock(time);
      }
      Sandbox sandbox = Sandbox.start(options);
      if (time != null) {
        clocks.put(sandbox, time);
      }
      return sandbox;
    }

    private synchronized Sandbox serving(String baseUrl) {
      List<Sandbox> all = new ArrayList<>(notifications.values());
      if (messages != null) {
        all.add(messages);
      }
      return all.stream().filter(s -> (baseUrl + "/").startsWith(s.messagesUrl() + "/")).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("no sandbox serves " + baseUrl));
    }

    @Override
    synchronized void reset() {
      if (messages != null) {
        messages.resetData();
        messages.faults().set(FaultSettings.NONE);
      }
      notifications.values().forEach(s -> {
        s.resetData();
        s.faults().set(FaultSettings.NONE);
      });
      armed.clear();
      everyRequest.clear();
    }

    @Override
    synchronized void fault(String baseUrl, Fault fault) {
      Sandbox sandbox = serving(baseUrl);
      if (fault.count() == 0) {
        everyRequest.put(sandbox, settings(fault));
        sandbox.faults().set(settings(fault));
      } else {
        settings(fault); // refuses what the sandbox cannot play, now rather than at the request
        armed.computeIfAbsent(sandbox, s -> new ArrayList<>()).add(new Armed(fault));
      }
    }

    @Override
    synchronized void clearFaults(String baseUrl) {
      Sandbox sandbox = serving(baseUrl);
      armed.remove(sandbox);
      everyRequest.remove(sandbox);
      sandbox.faults().set(FaultSettings.NONE);
    }

    /** Before each request of a test's client: the first armed fault it matches, or none. */
    private synchronized void play(Request request) {
      Sandbox sandbox;
      try {
        sandbox = serving(request.url().toString());
      } catch (IllegalArgumentException notOurs) {
        return;
      }
      List<Armed> faults = armed.getOrDefault(sandbox, List.of());
      for (Armed fault : faults) {
        if (fault.matches(request)) {
          sandbox.faults().set(settings(fault.fault));
          if (--fault.left == 0) {
            faults.remove(fault);
          }
          return;
        }
      }
      sandbox.faults().set(everyRequest.getOrDefault(sandbox, FaultSettings.NONE));
    }

    /** The sandbox's fault settings that play {@code fault} on every data request. */
    private static FaultSettings settings(Fault fault) {
      boolean after = fault.afterActing();
      int status = fault.statusCode() == null ? 0 : fault.statusCode();
      int retryAfter = Integer.parseInt(fault.headers().getOrDefault("Retry-After", "3"));
      String scope = fault.route().contains("/api/v1") ? "notifications" : "messages";
      switch (fault.kind()) {
        case "status" -> {
          Assumptions.assumeFalse(after, "the sandbox cannot spoil a status after acting");
          if (status == 429) {
            return new FaultSettings(0, 0, 500, 0, false, 0, 0, 0, true, fault.count() == 0 ? 1_000_000 : 1, 0,
                retryAfter, scope);
          }
          if (status == 401) {
            return new FaultSettings(0, 0, 500, 0, false, 0, 0, 0, true, 0, fault.count() == 0 ? 1_000_000 : 1,
                retryAfter, scope);
          }
          return new FaultSettings(0, 1, status, 0, false, 0, 0, 0, true, 0, 0, retryAfter, scope);
        }
        case "drop" -> {
          return new FaultSettings(0, 0, 500, 1, after, 0, 0, 0, true, 0, 0, retryAfter, scope);
        }
        case "cutoff" -> {
          return new FaultSettings(0, 0, 500, 0, false, 1, 0, 0, after, 0, 0, retryAfter, scope);
        }
        case "html" -> {
          if (status >= 200 && status < 300) {
            return new FaultSettings(0, 0, 500, 0, false, 0, 0, 1, after, 0, 0, retryAfter, scope);
          }
          Assumptions.assumeFalse(after, "the sandbox's HTML error page comes before acting");
          return new FaultSettings(0, 0, 500, 0, false, 0, 1, 0, true, 0, 0, retryAfter, scope);
        }
        default -> {
          Assumptions.abort("the sandbox cannot play " + fault);
          throw new AssertionError();
        }
      }
    }

    @Override
    synchronized ClientConfig.Builder config(String baseUrl) {
      ClientConfig.Builder builder = ClientConfig.builder(baseUrl).okHttpClient(http);
      FakeTime time = clocks.get(serving(baseUrl));
      return time == null ? builder : builder.clock(time).sleeper(time);
    }

    @Override
    public synchronized void close() {
      if (messages != null) {
        messages.close();
      }
      notifications.values().forEach(Sandbox::close);
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }
}
