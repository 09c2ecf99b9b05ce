package dev.inboxdesk.app.inspector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.inboxdesk.client.Exchange;
import dev.inboxdesk.client.RateLimitInfo;
import dev.inboxdesk.client.Wait;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the timeline shows of a paced run: requests, quota, window resets, 429s and waits. */
class TimelineTest {
  private static final Instant NOW = Instant.parse("2026-05-12T10:03:00Z");
  private static final Duration SPAN = Duration.ofMinutes(3);

  private static Exchange exchange(String service, int secondsAgo, int status, RateLimitInfo limit) {
    return new Exchange(service, NOW.minusSeconds(secondsAgo), 1, "DELETE", "https://api/notifications/x",
        List.of(), "", status, List.of(), "", 0, Duration.ofMillis(20), limit, null, status == 0 ? "dropped" : null,
        null);
  }

  @Test
  void requestsSitWhereTheyHappenedWithTheQuotaTheyLeftAndTheWindowsReset() {
    Exchange allowed = exchange("notifications", 90, 200, new RateLimitInfo(60, 15, Duration.ofSeconds(30), null));
    Exchange throttled = exchange("notifications", 30, 429, new RateLimitInfo(null, null, null, Duration.ofSeconds(20)));

    Timeline.Picture picture = Timeline.of(List.of(allowed, throttled), List.of(), NOW, SPAN, null);

    assertThat(picture.requests()).hasSize(2);
    assertThat(picture.requests().get(0).at()).isCloseTo(0.5, within(0.001));
    assertThat(picture.requests().get(0).quotaLeft()).isCloseTo(0.25, within(0.001));
    assertThat(picture.requests().get(1).outcome()).isEqualTo(Timeline.Outcome.TOO_MANY_REQUESTS);
    assertThat(picture.requests().get(1).quotaLeft()).isNull();
    assertThat(picture.windowResets()).singleElement().satisfies(x -> assertThat(x).isCloseTo(120 / 180.0,
        within(0.001)));
  }

  @Test
  void waitsAreSpansAndOldOrOtherServicesRequestsAreLeftOut() {
    Wait wait = new Wait("notifications", "DELETE /notifications/:id", Duration.ofSeconds(45), NOW.minusSeconds(15),
        Wait.Reason.QUOTA_SPENT);

    Timeline.Picture picture = Timeline.of(List.of(exchange("notifications", 400, 200, RateLimitInfo.NONE),
        exchange("messages", 10, 500, RateLimitInfo.NONE)), List.of(wait), NOW, SPAN, "notifications");

    assertThat(picture.requests()).isEmpty();
    assertThat(picture.waits()).singleElement().satisfies(span -> {
      assertThat(span.from()).isCloseTo(120 / 180.0, within(0.001));
      assertThat(span.to()).isCloseTo(165 / 180.0, within(0.001));
      assertThat(span.reason()).isEqualTo(Wait.Reason.QUOTA_SPENT);
    });
  }
}
