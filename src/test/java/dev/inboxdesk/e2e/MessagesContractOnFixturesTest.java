package dev.inboxdesk.e2e;

import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;

class MessagesContractOnFixturesTest extends MessagesContractTest {
  @StartStop
  final MockWebServer server = new MockWebServer();

  @BeforeEach
  void serveFixtures() {
    server.setDispatcher(new Fixtures.Messages());
  }

  /** The fixtures serve only what the seeds document: NextAuth's routes, listing and deleting. */
  @Override
  boolean hasOptionalRoutes() {
    return false;
  }

  @Override
  String baseUrl() {
    String url = server.url("/").toString();
    return url.substring(0, url.length() - 1);
  }
}
