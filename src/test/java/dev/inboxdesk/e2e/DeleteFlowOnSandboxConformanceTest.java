package dev.inboxdesk.e2e;

import org.junit.jupiter.api.AfterEach;

/** {@link DeleteFlowConformanceTest} on the sandbox. */
class DeleteFlowOnSandboxConformanceTest extends DeleteFlowConformanceTest {
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
