package dev.inboxdesk.e2e;

import dev.inboxdesk.sandbox.Deployment;

/**
 * The notifications contract on a deployment as far from the seeds as seen: minimal (login,
 * listing and deleting only), the kind in {@code type}, {@code read=} and {@code limit} ignored
 * (pages of 20), and Nest's default 404 bodies (no envelope, no correlation id).
 */
class NotificationsContractOnMinimalNestSandboxTest extends NotificationsContractOnSandboxTest {
  @Override
  Deployment deployment() {
    return Deployment.STANDARD.withMinimal(true).withKindField("type").withIgnoreFilters(true).withRoute404("nest");
  }
}
