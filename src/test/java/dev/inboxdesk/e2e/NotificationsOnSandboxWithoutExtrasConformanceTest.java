package dev.inboxdesk.e2e;

/** {@link NotificationsConformanceTest} on the sandbox with Nest's default 404 bodies and without the undocumented routes. */
class NotificationsOnSandboxWithoutExtrasConformanceTest extends NotificationsOnSandboxConformanceTest {
  @Override
  Backend.Variant variant() {
    return Backend.Variant.STANDARD.withEnvelope(false).withOptionalRoutes(false);
  }
}
