package dev.inboxdesk.e2e;

/** {@link DeleteFlowConformanceTest} on the Next.js and NestJS peers. */
class DeleteFlowOnPeersConformanceTest extends DeleteFlowConformanceTest {
  private static final Backend.OnPeers BACKEND = new Backend.OnPeers();

  @Override
  Backend backend() {
    return BACKEND;
  }
}
