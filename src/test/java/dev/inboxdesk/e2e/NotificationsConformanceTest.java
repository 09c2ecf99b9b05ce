package dev.inboxdesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inboxdesk.client.AuthenticationException;
import dev.inboxdesk.client.DeleteOutcome;
import dev.inboxdesk.client.Exchange;
import dev.inboxdesk.client.InvalidRequestException;
import dev.inboxdesk.client.LoginResult;
import dev.inboxdesk.client.Notification;
import dev.inboxdesk.client.NotificationPage;
import dev.inboxdesk.client.NotificationsClient;
import dev.inboxdesk.client.RateLimitedException;
import dev.inboxdesk.client.ReadFilter;
import dev.inboxdesk.client.Wait;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The notifications client, every call and every typed error, against a {@link Backend}: the
 * contract suite ({@link NotificationsContractTest}) on one deployment ({@link #variant()}), plus
 * paging, refusals before sending and the throttler's {@code 429}. The same tests run on the NestJS
 * peer and on the sandbox.
 */
abstract class NotificationsConformanceTest extends NotificationsContractTest {
  /** Two requests per route and window, so that a test reaches {@code 429} at once. */
  static final Backend.Variant THROTTLED = Backend.Variant.STANDARD.withThrottle(2, Duration.ofSeconds(4));

  abstract Backend backend();

  /** The deployment this class runs the contract on. */
  Backend.Variant variant() {
    return Backend.Variant.STANDARD;
  }

  @BeforeEach
  void freshBackend() {
    backend().reset();
  }

  @Override
  String baseUrl() {
    return backend().notificationsUrl(variant());
  }

  @Override
  boolean hasOptionalRoutes() {
    return variant().optionalRoutes();
  }

  @Override
  boolean envelope404() {
    return variant().envelope();
  }

  @Override
  NotificationsClient client() {
    NotificationsClient client = NotificationsClient.create(backend().config(baseUrl())
        .exchangeListener(exchanges::add).build());
    clients.add(client);
    return client;
  }

  @Override
  String otherUsersNotificationId() {
    try (NotificationsClient bob = NotificationsClient.create(backend().config(baseUrl()).build())) {
      LoginResult login = bob.login("bob@example.com", "bob-demo");
      if (login instanceof LoginResult.TwoFactorRequired step) {
        bob.completeTwoFactor(step.tempToken(), "123456");
      }
      return bob.listPage(ReadFilter.ALL, 1, 1).items().get(0).id();
    }
  }

  @Test
  void pagesOfTenAreDistinctAndTogetherTheWholeList() {
    NotificationsClient client = signedIn();
    List<Notification> all = client.listAll(ReadFilter.ALL);
    assertThat(all).hasSizeGreaterThan(20);

    List<String> paged = new ArrayList<>();
    for (int page = 1; page <= 3; page++) {
      NotificationPage one = client.listPage(ReadFilter.ALL, page, 10);
      assertThat(one.items()).hasSize(10);
      one.items().forEach(n -> paged.add(n.id()));
    }

    assertThat(paged).doesNotHaveDuplicates();
    assertThat(all.stream().map(Notification::id).toList()).containsSequence(paged);
  }

  @Test
  void theReadFilterSplitsTheListInTwo() {
    NotificationsClient client = signedIn();

    List<Notification> read = client.listAll(ReadFilter.READ);
    List<Notification> unread = client.listAll(ReadFilter.UNREAD);

    assertThat(read).isNotEmpty().allMatch(Notification::read);
    assertThat(unread).isNotEmpty().noneMatch(Notification::read);
    Set<String> both = new HashSet<>();
    read.forEach(n -> both.add(n.id()));
    unread.forEach(n -> both.add(n.id()));
    assertThat(both).hasSize(client.listAll(ReadFilter.ALL).size());
  }

  @Test
  void aMalformedIdIsRefusedBeforeSending() {
    NotificationsClient client = signedIn();
    exchanges.clear();

    assertThatThrownBy(() -> client.deleteNotification("not-a-uuid")).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> client.deleteNotification("../auth/logout")).isInstanceOf(InvalidRequestException.class);

    assertThat(exchanges).isEmpty();
  }

  @Test
  void aBadTokenIsNotAuthenticatedAndNothingIsDeleted() {
    String id = signedIn().listPage(ReadFilter.ALL, 1, 1).items().get(0).id();
    NotificationsClient stranger = client();
    stranger.useAccessToken("not.a.token");

    assertThatThrownBy(() -> stranger.deleteNotification(id)).isInstanceOf(AuthenticationException.class);
    assertThatThrownBy(() -> stranger.listPage(ReadFilter.ALL, 1, 1)).isInstanceOf(AuthenticationException.class);

    assertThat(signedIn().listAll(ReadFilter.ALL)).extracting(Notification::id).contains(id);
  }

  @Test
  void aDeleteIsGoneForGood() {
    NotificationsClient client = signedIn();
    List<Notification> before = client.listAll(ReadFilter.ALL);

    assertThat(client.deleteNotification(before.get(3).id())).isEqualTo(DeleteOutcome.DELETED);

    assertThat(client.listAll(ReadFilter.ALL)).hasSize(before.size() - 1).extracting(Notification::id)
        .doesNotContain(before.get(3).id());
  }

  // --- the throttler ---

  /** Spends {@code route}'s window on the throttled deployment with raw requests, as another client behind the same address would. */
  private void spendTheWindow(String url, String bearer) {
    for (int i = 0; i < THROTTLED.throttleLimit() + 1; i++) {
      Raw.get(url + "/notifications?page=1&limit=1", "Authorization", bearer);
    }
    HttpResponse<String> spent = Raw.get(url + "/notifications?page=1&limit=1", "Authorization", bearer);
    assertThat(spent.statusCode()).as(spent.body()).isEqualTo(429);
    assertThat(spent.headers().firstValue("Retry-After")).isPresent();
  }

  private String bearerFor(String url) {
    HttpResponse<String> login = Raw.send("POST", url + "/auth/login",
        "{\"email\":\"" + EMAIL + "\",\"password\":\"" + PASSWORD + "\"}", "Content-Type", "application/json");
    java.util.regex.Matcher token = java.util.regex.Pattern.compile("\"accessToken\":\"([^\"]+)\"")
        .matcher(login.body());
    assertThat(token.find()).as(login.body()).isTrue();
    return token.group(1);
  }

  @Test
  void a429IsWaitedOutAsTheServerSaysAndTheCallThenSucceeds() {
    String url = backend().notificationsUrl(THROTTLED);
    String token = bearerFor(url);
    List<Wait> waits = new CopyOnWriteArrayList<>();
    NotificationsClient client = NotificationsClient.create(backend().config(url).waitListener(waits::add)
        .exchangeListener(exchanges::add).build());
    clients.add(client);
    client.useAccessToken(token);
    spendTheWindow(url, "Bearer " + token);

    NotificationPage page = client.listPage(ReadFilter.ALL, 1, 1);

    assertThat(page.items()).hasSize(1);
    assertThat(exchanges).extracting(Exchange::status).contains(429).last().isEqualTo(200);
    assertThat(waits).anySatisfy(wait -> {
      assertThat(wait.reason()).isEqualTo(Wait.Reason.TOO_MANY_REQUESTS);
      assertThat(wait.duration()).isPositive().isLessThanOrEqualTo(THROTTLED.window().plusMinutes(1));
    });
  }

  @Test
  void aRetryAfterLongerThanMaxWaitFailsAtOnceWithTheServersWait() {
    String url = backend().notificationsUrl(THROTTLED);
    String token = bearerFor(url);
    List<Wait> waits = new CopyOnWriteArrayList<>();
    Duration maxWait = Duration.ofMillis(500);
    NotificationsClient client = NotificationsClient.create(backend().config(url).waitListener(waits::add)
        .maxWait(maxWait).exchangeListener(exchanges::add).build());
    clients.add(client);
    client.useAccessToken(token);
    String id = client.listPage(ReadFilter.ALL, 1, 1).items().get(0).id();
    spendTheWindow(url, "Bearer " + token);
    // the delete's own route has a window of its own: spend it too
    for (int i = 0; i < THROTTLED.throttleLimit() + 1; i++) {
      Raw.send("DELETE", url + "/notifications/00000000-0000-4000-8000-00000000000" + i, null,
          "Authorization", "Bearer " + token);
    }
    long start = System.nanoTime();

    assertThatThrownBy(() -> client.deleteNotification(id)).isInstanceOfSatisfying(RateLimitedException.class,
        e -> assertThat(e.retryAfter()).isGreaterThan(maxWait));

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    assertThat(waits).isEmpty();
    assertThat(signedInOn(url).listAll(ReadFilter.ALL)).extracting(Notification::id).contains(id);
  }

  private NotificationsClient signedInOn(String url) {
    NotificationsClient client = NotificationsClient.create(backend().config(url).build());
    clients.add(client);
    backend().reset();
    client.login(EMAIL, PASSWORD);
    return client;
  }
}
