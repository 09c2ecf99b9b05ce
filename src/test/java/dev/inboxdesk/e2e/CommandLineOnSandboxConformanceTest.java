package dev.inboxdesk.e2e;

import org.junit.jupiter.api.AfterEach;

/** {@link CommandLineConformanceTest} on the sandbox. */
class CommandLineOnSandboxConformanceTest extends CommandLineConformanceTest {
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
