package dev.inboxdesk.e2e;

import org.junit.jupiter.api.AfterEach;

/** {@link MessagesConformanceTest} on the sandbox: what it shares with the Next.js peer. */
class MessagesOnSandboxConformanceTest extends MessagesConformanceTest {
  private final Backend.OnSandbox backend = new Backend.OnSandbox();

  @Override
  Backend backend() {
    return backend;
  }

  @AfterEach
  void stopSandbox() {
    backend.close();
  }
}
