package dev.inboxdesk.e2e;

import dev.inboxdesk.sandbox.Deployment;

/**
 * The messages contract on a minimal deployment: NextAuth's routes, listing and deleting only; {@code /api/accept-messages} and {@code /api/send-message} answer Next.js's 404 page.
 */
class MessagesContractOnMinimalSandboxTest extends MessagesContractOnSandboxTest {
  @Override
  Deployment deployment() {
    return Deployment.STANDARD.withMinimal(true);
  }
}
