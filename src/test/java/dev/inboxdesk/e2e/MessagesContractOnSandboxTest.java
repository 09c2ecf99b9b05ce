package dev.inboxdesk.e2e;

import dev.inboxdesk.sandbox.Sandbox;
import dev.inboxdesk.sandbox.SandboxOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

class MessagesContractOnSandboxTest extends MessagesContractTest {
  Sandbox sandbox;

  @BeforeEach
  void startSandbox() {
    sandbox = Sandbox.start(SandboxOptions.defaults().withSize(30));
  }

  @AfterEach
  void stopSandbox() {
    sandbox.close();
  }

  @Override
  String baseUrl() {
    return sandbox.messagesUrl();
  }
}
