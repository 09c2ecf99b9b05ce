package dev.inboxdesk.e2e;

/**
 * {@link NotificationsConformanceTest} on the NestJS peer without its error envelope (Nest's
 * default bodies) and without the undocumented routes.
 */
class NotificationsOnPeersWithoutExtrasConformanceTest extends NotificationsOnPeersConformanceTest {
  @Override
  Backend.Variant variant() {
    return Backend.Variant.STANDARD.withEnvelope(false).withOptionalRoutes(false);
  }
}
