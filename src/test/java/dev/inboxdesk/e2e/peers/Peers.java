package dev.inboxdesk.e2e.peers;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The conformance peers, shared: each distinct {@link PeerOptions} is started once per test run
 * (JVM) on first use and stopped when the JVM exits. Tests share them, so a test calls
 * {@link PeerServer#reset()} first (fresh demo data, limits and faults) and never closes them.
 *
 * <pre>{@code
 * class NotificationsConformanceTest {
 *   PeerServer peer = Peers.notifications();
 *
 *   @BeforeEach void fresh() { peer.reset(); }
 *
 *   @Test void ... { client = NotificationsClient.create(ClientConfig.builder(peer.apiUrl()).build()); ... }
 * }
 * }</pre>
 *
 * Demo accounts on both: {@link #ADA} / {@link #ADA_PASSWORD} (username {@code ada}, 7 messages,
 * 30 notifications of which 10 read) and {@link #BOB} / {@link #BOB_PASSWORD} (3 messages, 4
 * notifications). Without Node on the PATH these methods fail under CI and skip the test elsewhere.
 *
 * <p>Raw checks with {@code java.net.http.HttpClient} must ask for {@code HTTP_1_1}: its default
 * (HTTP/2) sends an {@code h2c} upgrade over plain http, which Next.js answers, like a real
 * {@code next start}, by closing the connection. OkHttp never does that.
 */
public final class Peers {
  public static final String ADA = "ada@example.com";
  public static final String ADA_PASSWORD = "ada-demo";
  public static final String BOB = "bob@example.com";
  public static final String BOB_PASSWORD = "bob-demo";

  private static final Map<PeerOptions, PeerServer> SHARED = new ConcurrentHashMap<>();

  private Peers() {
  }

  /** The messages app (Next.js 16, NextAuth 4), shared. */
  public static PeerServer messages() {
    return shared(PeerOptions.messages());
  }

  /** The notifications API (NestJS 11) with its defaults ({@link PeerOptions#notifications()}), shared. */
  public static PeerServer notifications() {
    return shared(PeerOptions.notifications());
  }

  /** A peer with these switches, started on first use and shared with every test asking for the same. */
  public static PeerServer shared(PeerOptions options) {
    PeerServer server = SHARED.get(options);
    if (server != null && server.isRunning()) {
      return server;
    }
    synchronized (Peers.class) {
      server = SHARED.get(options);
      if (server == null || !server.isRunning()) {
        server = PeerServer.start(options);
        SHARED.put(options, server);
      }
      return server;
    }
  }

  /** A peer of the caller's own, which the caller closes (try-with-resources). */
  public static PeerServer start(PeerOptions options) {
    return PeerServer.start(options);
  }
}
