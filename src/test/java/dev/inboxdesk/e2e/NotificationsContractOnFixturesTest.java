package dev.inboxdesk.e2e;

import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;

class NotificationsContractOnFixturesTest extends NotificationsContractTest {
  @StartStop
  final MockWebServer server = new MockWebServer();

  @BeforeEach
  void serveFixtures() {
    server.setDispatcher(new Fixtures.Notifications());
  }

  @Override
  String baseUrl() {
    return server.url("/api/v1").toString();
  }

  /** The fixtures serve only what the seeds document: login, listing and deleting. */
  @Override
  boolean hasOptionalRoutes() {
    return false;
  }

  @Override
  String otherUsersNotificationId() {
    return Fixtures.Notifications.OTHER_USERS_ID;
  }
}
