package dev.inboxdesk.e2e;

import dev.inboxdesk.sandbox.Deployment;

/** The notifications contract on a deployment that is minimal: only login, listing and deleting; every other route answers the API's route-404 envelope. */
class NotificationsContractOnMinimalSandboxTest extends NotificationsContractOnSandboxTest {
  @Override
  Deployment deployment() {
    return Deployment.STANDARD.withMinimal(true);
  }
}
