package dev.inboxdesk.e2e;

import org.junit.jupiter.api.AfterEach;

/** {@link NotificationsConformanceTest} on the sandbox: what it shares with the NestJS peer. */
class NotificationsOnSandboxConformanceTest extends NotificationsConformanceTest {
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
