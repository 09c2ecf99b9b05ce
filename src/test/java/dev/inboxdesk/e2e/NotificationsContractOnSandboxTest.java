package dev.inboxdesk.e2e;

import dev.inboxdesk.client.ClientConfig;
import dev.inboxdesk.client.LoginResult;
import dev.inboxdesk.client.NotificationsClient;
import dev.inboxdesk.client.ReadFilter;
import dev.inboxdesk.sandbox.Sandbox;
import dev.inboxdesk.sandbox.SandboxOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

class NotificationsContractOnSandboxTest extends NotificationsContractTest {
  Sandbox sandbox;

  @BeforeEach
  void startSandbox() {
    sandbox = Sandbox.start(SandboxOptions.defaults().withSize(120));
  }

  @AfterEach
  void stopSandbox() {
    sandbox.close();
  }

  @Override
  String baseUrl() {
    return sandbox.notificationsUrl();
  }

  @Override
  String otherUsersNotificationId() {
    try (NotificationsClient bob = NotificationsClient.create(ClientConfig.builder(baseUrl()).build())) {
      LoginResult.TwoFactorRequired step = (LoginResult.TwoFactorRequired) bob.login("bob@example.com", "bob-demo");
      bob.completeTwoFactor(step.tempToken(), "123456");
      return bob.listPage(ReadFilter.ALL, 1, 1).items().get(0).id();
    }
  }
}
