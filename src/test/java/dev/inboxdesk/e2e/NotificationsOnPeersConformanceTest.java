package dev.inboxdesk.e2e;

/** {@link NotificationsConformanceTest} on the NestJS 11 + {@code @nestjs/throttler} peer, as documented. */
class NotificationsOnPeersConformanceTest extends NotificationsConformanceTest {
  static final Backend.OnPeers BACKEND = new Backend.OnPeers();

  @Override
  Backend backend() {
    return BACKEND;
  }
}
