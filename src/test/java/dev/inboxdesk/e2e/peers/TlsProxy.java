package dev.inboxdesk.e2e.peers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * A TLS-terminating proxy on {@code 127.0.0.1} in front of a plain-http peer, as a hosting
 * platform puts one in front of an app: the client speaks https to the proxy, the app sees plain
 * http and keeps its own idea of its URL (so the messages app sets {@code next-auth.session-token},
 * without the {@code __Secure-} prefix, to an https client). Bytes are passed through unchanged.
 *
 * <p>The certificate is made at start with the JDK's {@code keytool} (EC P-256, for 127.0.0.1 and
 * localhost, valid two days) and trusted by nobody but the test that asks: use
 * {@link #sslContext()} with {@code java.net.http.HttpClient}, or {@link #sslContext()} and
 * {@link #trustManager()} with OkHttp's {@code sslSocketFactory(factory, trustManager)}. Never in
 * product code.
 */
public final class TlsProxy implements AutoCloseable {
  private static final char[] PASSWORD = "inboxdesk-peer".toCharArray();

  private final ServerSocket server;
  private final InetSocketAddress target;
  private final SSLContext clientContext;
  private final X509TrustManager trustManager;
  private final X509Certificate certificate;
  private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
    Thread thread = new Thread(runnable, "tls-proxy");
    thread.setDaemon(true);
    return thread;
  });
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();

  private TlsProxy(InetSocketAddress target) throws IOException, GeneralSecurityException {
    this.target = target;
    KeyStore keys = selfSigned();
    certificate = (X509Certificate) keys.getCertificate("peer");

    KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keyManagers.init(keys, PASSWORD);
    SSLContext serverContext = SSLContext.getInstance("TLS");
    serverContext.init(keyManagers.getKeyManagers(), null, null);
    server = serverContext.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
    ((SSLServerSocket) server).setNeedClientAuth(false);

    KeyStore trusted = KeyStore.getInstance("PKCS12");
    trusted.load(null, null);
    trusted.setCertificateEntry("peer", certificate);
    TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trustManagers.init(trusted);
    trustManager = (X509TrustManager) trustManagers.getTrustManagers()[0];
    clientContext = SSLContext.getInstance("TLS");
    clientContext.init(null, new TrustManager[] {trustManager}, null);

    threads.execute(this::accept);
  }

  /** Starts a proxy forwarding to {@code peer}'s plain-http port. */
  public static TlsProxy start(PeerServer peer) {
    try {
      return new TlsProxy(new InetSocketAddress(InetAddress.getLoopbackAddress(), peer.port()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code https://127.0.0.1:PORT}. */
  public String baseUrl() {
    return "https://127.0.0.1:" + server.getLocalPort();
  }

  /** A client-side TLS context that trusts this proxy's certificate and nothing else. */
  public SSLContext sslContext() {
    return clientContext;
  }

  /** The trust manager behind {@link #sslContext()}, for OkHttp. */
  public X509TrustManager trustManager() {
    return trustManager;
  }

  public X509Certificate certificate() {
    return certificate;
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    open.forEach(TlsProxy::closeQuietly);
    threads.shutdownNow();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        threads.execute(() -> connect(client));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void connect(Socket client) {
    open.add(client);
    try {
      Socket upstream = new Socket();
      open.add(upstream);
      upstream.connect(target, 5_000);
      threads.execute(() -> pump(upstream, client));
      pump(client, upstream);
    } catch (IOException e) {
      closeQuietly(client);
    }
  }

  /** Copies one direction; at its end, half-closes the other side so the far end sees the end too. */
  private void pump(Socket from, Socket to) {
    try (InputStream in = from.getInputStream()) {
      OutputStream out = to.getOutputStream();
      byte[] buffer = new byte[16 * 1024];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException ended) {
      // reset or closed: close both below, so a dropped connection reaches the client as one
    } finally {
      closeQuietly(from);
      closeQuietly(to);
      open.remove(from);
      open.remove(to);
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // already closed
    }
  }

  /** A throwaway key pair and self-signed certificate, made by the JDK's keytool into a temporary keystore. */
  private static KeyStore selfSigned() throws IOException, GeneralSecurityException {
    Path dir = Files.createTempDirectory("inboxdesk-tls");
    Path file = dir.resolve("peer.p12");
    try {
      String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
      NodeTools.run(dir, Duration.ofSeconds(60), List.of(keytool, "-genkeypair", "-alias", "peer", "-keyalg", "EC",
          "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA", "-dname", "CN=localhost",
          "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2", "-storetype", "PKCS12",
          "-keystore", file.toString(), "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD)));
      KeyStore keys = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(file)) {
        keys.load(in, PASSWORD);
      }
      return keys;
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(dir);
    }
  }
}
