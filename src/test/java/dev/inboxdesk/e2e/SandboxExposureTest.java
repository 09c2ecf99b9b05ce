package dev.inboxdesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inboxdesk.sandbox.Sandbox;
import dev.inboxdesk.sandbox.SandboxOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a web page in the user's browser, or a greedy local client, can do to the sandbox: nothing
 * beyond what the sandbox means to offer to this machine's own tools.
 */
class SandboxExposureTest {
  final Sandbox sandbox = Sandbox.start(SandboxOptions.defaults().withSize(5));

  @AfterEach
  void stop() {
    sandbox.close();
  }

  /** One request over a plain socket, so that any Host header can be sent; answers the status line. */
  private String rawStatus(String requestHead) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), sandbox.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(requestHead.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      StringBuilder line = new StringBuilder();
      for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
        line.append((char) c);
      }
      return line.toString().strip();
    }
  }

  @Test
  void aRebindingPageCannotReadTheDemoAccountsOrSignIn() throws IOException {
    String foreign = "Host: attacker.example:" + sandbox.port() + "\r\n";

    assertThat(rawStatus("GET /__sandbox/accounts HTTP/1.1\r\n" + foreign + "Connection: close\r\n\r\n"))
        .startsWith("HTTP/1.1 421");
    String body = "{\"email\":\"ada@example.com\",\"password\":\"ada-demo\"}";
    assertThat(rawStatus("POST /api/v1/auth/login HTTP/1.1\r\n" + foreign + "Content-Type: application/json\r\n"
        + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body)).startsWith("HTTP/1.1 421");
  }

  @Test
  void theSandboxAnswersItsOwnNames() throws IOException {
    for (String host : List.of("127.0.0.1:" + sandbox.port(), "localhost:" + sandbox.port())) {
      assertThat(rawStatus("GET /api/v1/notifications HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n"))
          .as(host).startsWith("HTTP/1.1 401");
    }
  }

  @Test
  void aCrossOriginPostCannotResetOrChangeFaults() {
    HttpResponse<String> reset = Raw.send("POST", sandbox.messagesUrl() + Sandbox.CONTROL + "/reset", "",
        "Origin", "https://attacker.example", "Content-Type", "text/plain");
    HttpResponse<String> faults = Raw.send("POST", sandbox.messagesUrl() + Sandbox.CONTROL + "/faults",
        "{\"failRate\":1}", "Origin", "null", "Content-Type", "text/plain");
    HttpResponse<String> signIn = Raw.send("POST", sandbox.notificationsUrl() + "/auth/login",
        "{\"email\":\"ada@example.com\",\"password\":\"ada-demo\"}", "Origin", "https://attacker.example",
        "Content-Type", "application/json");

    assertThat(reset.statusCode()).isEqualTo(403);
    assertThat(faults.statusCode()).isEqualTo(403);
    assertThat(signIn.statusCode()).isEqualTo(403);
    assertThat(sandbox.faults().settings().failRate()).isZero();
  }

  @Test
  void theControlEndpointWantsTheRunsToken() {
    HttpResponse<String> withoutToken = Raw.send("PUT", sandbox.messagesUrl() + Sandbox.CONTROL + "/faults",
        "{\"failRate\":1}", "Content-Type", "application/json");
    HttpResponse<String> wrongToken = Raw.send("PUT", sandbox.messagesUrl() + Sandbox.CONTROL + "/faults",
        "{\"failRate\":1}", "Content-Type", "application/json", "X-Sandbox-Token", "guessed");

    assertThat(withoutToken.statusCode()).isEqualTo(403);
    assertThat(wrongToken.statusCode()).isEqualTo(403);
    assertThat(Raw.get(sandbox.messagesUrl() + Sandbox.CONTROL + "/accounts").statusCode()).isEqualTo(403);
    assertThat(sandbox.faults().settings().failRate()).isZero();

    HttpResponse<String> withToken = Raw.send("PUT", sandbox.messagesUrl() + Sandbox.CONTROL + "/faults",
        "{\"latencyMs\":3}", "Content-Type", "application/json", Sandbox.TOKEN_HEADER, sandbox.controlToken());
    assertThat(withToken.statusCode()).isEqualTo(200);
    assertThat(sandbox.faults().settings().latencyMs()).isEqualTo(3);
  }

  @Test
  void theTokenIsNewAtEveryStart() {
    try (Sandbox another = Sandbox.start(SandboxOptions.defaults().withSize(1))) {
      assertThat(another.controlToken()).isNotEqualTo(sandbox.controlToken()).hasSizeGreaterThanOrEqualTo(32);
    }
  }

  @Test
  void pagesOfTheSandboxsOwnOriginAreServed() {
    for (String origin : List.of("http://127.0.0.1:" + sandbox.port(), "http://localhost:" + sandbox.port())) {
      HttpResponse<String> answer = Raw.send("POST", sandbox.notificationsUrl() + "/auth/login",
          "{\"email\":\"ada@example.com\",\"password\":\"ada-demo\"}", "Origin", origin,
          "Content-Type", "application/json");
      assertThat(answer.statusCode()).as(origin).isEqualTo(200);
    }
  }

  @Test
  void slowConnectionsNeitherMultiplyThreadsNorStopOthersBeingServed() throws Exception {
    int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
    List<Socket> slow = new ArrayList<>();
    try {
      for (int i = 0; i < 200; i++) {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), sandbox.port());
        socket.getOutputStream().write('G');
        slow.add(socket);
      }
      int peak = 0;
      long trickleUntil = System.nanoTime() + Duration.ofSeconds(2).toNanos();
      while (System.nanoTime() < trickleUntil) {
        for (Socket socket : slow) {
          try {
            socket.getOutputStream().write('E');
          } catch (IOException closedByTheServer) {
            // Fine: the server gave up on it.
          }
        }
        peak = Math.max(peak, ManagementFactory.getThreadMXBean().getThreadCount());
        Thread.sleep(200);
      }
      assertThat(peak - threadsBefore).as("threads added by 200 slow connections").isLessThan(40);

      long started = System.nanoTime();
      HttpResponse<String> normal = Raw.get(sandbox.notificationsUrl() + "/notifications");
      Duration took = Duration.ofNanos(System.nanoTime() - started);

      assertThat(normal.statusCode()).isEqualTo(401);
      assertThat(took).as("a normal request meanwhile").isLessThan(Duration.ofSeconds(8));
    } finally {
      for (Socket socket : slow) {
        socket.close();
      }
    }
  }
}
