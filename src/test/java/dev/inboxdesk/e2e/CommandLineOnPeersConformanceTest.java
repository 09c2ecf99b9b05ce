package dev.inboxdesk.e2e;

/** {@link CommandLineConformanceTest} on the Next.js and NestJS peers. */
class CommandLineOnPeersConformanceTest extends CommandLineConformanceTest {
  private static final Backend.OnPeers BACKEND = new Backend.OnPeers();

  @Override
  Backend backend() {
    return BACKEND;
  }
}
