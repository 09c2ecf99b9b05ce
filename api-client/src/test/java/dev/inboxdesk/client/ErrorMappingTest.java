package dev.inboxdesk.client;

import static dev.inboxdesk.client.Bodies.CORRELATION;
import static dev.inboxdesk.client.Bodies.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inboxdesk.client.UnexpectedResponseException.Kind;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every shape an answer can take, expected or not, ends as one typed error. */
class ErrorMappingTest extends LoopbackServerTest {
  private static final String HTML = "<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>";

  NotificationsClient client;

  @BeforeEach
  void setUp() {
    client = notifications();
    client.useAccessToken("t");
  }


  private static MockResponse html(int code) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "text/html").body(HTML).build();
  }

  @ParameterizedTest
  @ValueSource(ints = {500, 502, 503, 504})
  void a5xxIsAServerErrorWhateverItsBody(int status) {
    server.enqueue(html(status));

    assertThatThrownBy(client::unreadCount).isInstanceOfSatisfying(ServerErrorException.class,
        e -> assertThat(e.status()).isEqualTo(status));
  }

  @Test
  void a5xxEnvelopeKeepsItsCodeAndCorrelationId() {
    server.enqueue(json(500, Bodies.envelope("INTERNAL", "Something broke", "error.internal")));

    assertThatThrownBy(client::unreadCount).isInstanceOfSatisfying(ServerErrorException.class, e -> {
      assertThat(e.code()).isEqualTo("INTERNAL");
      assertThat(e.correlationId()).isEqualTo(CORRELATION);
      assertThat(e.getMessage()).isEqualTo("Server error (HTTP 500, code INTERNAL, i18nKey error.internal, "
          + "correlationId " + CORRELATION + "): Something broke");
    });
  }

  @Test
  void anEmpty5xxIsStillAServerError() {
    server.enqueue(new MockResponse.Builder().code(503).build());

    assertThatThrownBy(client::unreadCount).isInstanceOf(ServerErrorException.class);
  }

  @Test
  void a4xxWithHtmlIsAnUnexpectedResponse() {
    server.enqueue(html(400));

    assertThatThrownBy(client::unreadCount).isInstanceOfSatisfying(UnexpectedResponseException.class, e -> {
      assertThat(e.kind()).isEqualTo(Kind.NOT_JSON);
      assertThat(e.status()).isEqualTo(400);
    });
  }

  @Test
  void a404WebPageIsAMissingRouteNotAMissingItem() {
    server.enqueue(html(404));

    assertThatThrownBy(() -> client.deleteNotification(Bodies.UUID_1)).isInstanceOfSatisfying(
        RouteUnavailableException.class, e -> {
          assertThat(e.route()).isEqualTo("DELETE /notifications/:id");
          assertThat(e.status()).isEqualTo(404);
        });
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"success\":false,\"error\":{\"code\":\"NOT_FOUND\",\"i18nKey\":\"error.route.not_found\","
          + "\"message\":\"Cannot DELETE /api/v1/notifications/x\"}}",
      "{\"message\":\"Cannot DELETE /notifications/3f2b8c1e-0d4a-4e7b-9c61-5a8f2e9d0b17\",\"error\":\"Not Found\","
          + "\"statusCode\":404}",
      "{\"statusCode\":404,\"message\":\"Not Found\"}"})
  void aRoute404InEitherEnvelopeSaysNothingAboutTheItem(String body) {
    server.enqueue(json(404, body));

    assertThatThrownBy(() -> client.deleteNotification(Bodies.UUID_1)).isInstanceOf(RouteUnavailableException.class)
        .isNotInstanceOf(NotFoundException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"success\":false,\"error\":{\"code\":\"error.notification.not_found\",\"message\":\"Notification not found\","
          + "\"i18nKey\":\"error.notification.not_found\"}}",
      "{\"message\":\"Notification not found\",\"error\":\"Not Found\",\"statusCode\":404}"})
  void anItem404InEitherEnvelopeIsNotFound(String body) {
    server.enqueue(json(404, body));

    assertThatThrownBy(() -> client.deleteNotification(Bodies.UUID_1)).isInstanceOf(NotFoundException.class);
  }

  @Test
  void a4xxWithAnEmptyBodyIsAnUnexpectedResponse() {
    server.enqueue(new MockResponse.Builder().code(400).build());

    assertThatThrownBy(client::unreadCount).isInstanceOfSatisfying(UnexpectedResponseException.class,
        e -> assertThat(e.kind()).isEqualTo(Kind.EMPTY_BODY));
  }

  @Test
  void a4xxWithJsonOfNoKnownShapeIsAnUnexpectedResponse() {
    server.enqueue(json(400, "{\"oops\":1}"));

    assertThatThrownBy(client::unreadCount).isInstanceOfSatisfying(UnexpectedResponseException.class,
        e -> assertThat(e.kind()).isEqualTo(Kind.WRONG_SHAPE));
  }

  @Test
  void nestsDefaultBodyWithAnArrayMessageBecomesDetails() {
    server.enqueue(json(400, "{\"statusCode\":400,\"message\":[\"limit must not be greater than 50\","
        + "\"page must be a positive number\"],\"error\":\"Bad Request\"}"));

    assertThatThrownBy(client::unreadCount).isInstanceOfSatisfying(InvalidRequestException.class, e -> {
      assertThat(e.details()).containsExactly("limit must not be greater than 50", "page must be a positive number");
      assertThat(e.refusedByClient()).isFalse();
    });
  }

  @Test
  void nestsDefault404NamingNothingIsAMissingRoute() {
    server.enqueue(json(404, "{\"statusCode\":404,\"message\":\"Not Found\",\"error\":\"Not Found\"}"));

    assertThatThrownBy(client::unreadCount).isInstanceOfSatisfying(RouteUnavailableException.class,
        e -> assertThat(e.route()).isEqualTo("GET /notifications/unread-count"));
  }

  @Test
  void aCorrelationIdHeaderIsUsedWhenTheBodyHasNone() {
    server.enqueue(new MockResponse.Builder().code(404).addHeader("X-Correlation-Id", "hdr-123")
        .addHeader("Content-Type", "application/json").body("{\"success\":false,\"message\":\"Notification not found\"}")
        .build());

    assertThatThrownBy(client::unreadCount).isInstanceOfSatisfying(NotFoundException.class,
        e -> assertThat(e.correlationId()).isEqualTo("hdr-123"));
  }

  @Test
  void otherClientErrorsAreInvalidRequests() {
    server.enqueue(json(409, Bodies.envelope("CONFLICT", "Conflict", "error.conflict")));

    assertThatThrownBy(client::unreadCount).isInstanceOf(InvalidRequestException.class);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"success\":true,\"data\":{\"count\":5|MALFORMED_JSON",
      "{\"success\":tru|MALFORMED_JSON",
      "{\"success\":true,\"data\":{\"count\":5}}{\"count\":6}|MALFORMED_JSON",
      "{\"success\":true,\"data\":{\"count\":5}} 6|MALFORMED_JSON",
      "not json at all|MALFORMED_JSON",
      "<html><body>Welcome</body></html>|NOT_JSON",
      "[1,2,3]|WRONG_SHAPE",
      "{\"success\":true}|WRONG_SHAPE",
      "{\"success\":true,\"data\":{\"count\":\"five\"}}|WRONG_SHAPE",
      "\"just a string\"|WRONG_SHAPE"})
  void a2xxBodyThatCannotBeReadIsAnUnexpectedResponse(String body, Kind kind) {
    server.enqueue(json(200, body));

    assertThatThrownBy(client::unreadCount).isInstanceOfSatisfying(UnexpectedResponseException.class,
        e -> assertThat(e.kind()).isEqualTo(kind));
  }

  @Test
  void anEmpty2xxIsAnUnexpectedResponse() {
    server.enqueue(new MockResponse.Builder().code(200).build());

    assertThatThrownBy(client::unreadCount).isInstanceOfSatisfying(UnexpectedResponseException.class,
        e -> assertThat(e.kind()).isEqualTo(Kind.EMPTY_BODY));
  }

  @Test
  void anyOther2xxCountsAsSuccess() {
    server.enqueue(json(201, "{\"success\":true,\"data\":{\"count\":3}}"));

    assertThat(client.unreadCount()).isEqualTo(3);
  }

  @Test
  void aRedirectIsNotFollowedAndIsUnexpected() {
    server.enqueue(new MockResponse.Builder().code(302).addHeader("Location", "https://elsewhere.example/login").build());

    assertThatThrownBy(client::unreadCount).isInstanceOfSatisfying(UnexpectedResponseException.class,
        e -> assertThat(e.kind()).isEqualTo(Kind.UNEXPECTED_STATUS));
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aHugeItemsArrayOfTheWrongTypeIsTheWrongShape() {
    server.enqueue(json(200, "{\"success\":true,\"data\":{\"items\":[1,2,3]}}"));

    assertThatThrownBy(() -> client.listPage(ReadFilter.ALL, 1, 10)).isInstanceOfSatisfying(
        UnexpectedResponseException.class, e -> assertThat(e.kind()).isEqualTo(Kind.WRONG_SHAPE));
  }

  @Test
  void theErrorFamilyIsSealedToTheNineKinds() {
    assertThat(ApiException.class.isSealed()).isTrue();
    assertThat(ApiException.class.getPermittedSubclasses()).containsExactlyInAnyOrder(NotFoundException.class,
        RateLimitedException.class, AuthenticationException.class, InvalidRequestException.class,
        ServerErrorException.class, ConnectionFailureException.class, UnexpectedResponseException.class,
        RouteUnavailableException.class, UnconfirmedException.class);
  }

  @Test
  void a503WithRetryAfterIsWaitedOutVisiblyAndRetried() {
    java.util.List<Wait> waits = new java.util.ArrayList<>();
    try (NotificationsClient announcing = NotificationsClient.create(ClientConfig.builder(
        server.url("/api/v1").toString()).waitListener(waits::add).build())) {
      announcing.useAccessToken("t");
      server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "0").build());
      server.enqueue(json(200, "{\"success\":true}"));

      assertThat(announcing.deleteNotification(Bodies.UUID_1)).isEqualTo(DeleteOutcome.DELETED);
      assertThat(server.getRequestCount()).isEqualTo(2);
      assertThat(waits).singleElement().extracting(Wait::reason).isEqualTo(Wait.Reason.SERVICE_UNAVAILABLE);
    }
  }

  @Test
  void a503AskingForLongerThanTheCapIsNotSatOut() {
    server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "3600").build());

    assertThatThrownBy(() -> client.deleteNotification(Bodies.UUID_1)).isInstanceOf(ServerErrorException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void a503WithAnAbsurdRetryAfterIsStillJustAServerError() {
    server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "9999999999").build());

    assertThatThrownBy(client::unreadCount).isInstanceOf(ServerErrorException.class);
  }
}
