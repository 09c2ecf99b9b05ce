package dev.inboxdesk.client.internal;

import dev.inboxdesk.client.RateLimitInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import okhttp3.Headers;

/**
 * Reads {@code @nestjs/throttler}'s headers: {@code X-RateLimit-Limit/Remaining/Reset} (reset in
 * seconds from now, not a timestamp) and {@code Retry-After} (seconds, or an HTTP date). A named
 * limit adds a suffix ({@code X-RateLimit-Remaining-short}); with several limits the most
 * restrictive one counts.
 */
final class RateLimitHeaders {
  private static final String PREFIX = "x-ratelimit-";

  private RateLimitHeaders() {
  }

  static RateLimitInfo parse(Headers headers, Clock clock) {
    Map<String, Integer[]> bySuffix = new HashMap<>();
    Duration retryAfter = null;
    for (int i = 0; i < headers.size(); i++) {
      String name = headers.name(i).toLowerCase(Locale.ROOT);
      String value = headers.value(i).trim();
      if (name.equals("retry-after") || name.startsWith("retry-after-")) {
        Duration wait = retryAfter(value, clock);
        if (wait != null && (retryAfter == null || wait.compareTo(retryAfter) > 0)) {
          retryAfter = wait;
        }
      } else if (name.startsWith(PREFIX)) {
        String rest = name.substring(PREFIX.length());
        int field = rest.startsWith("limit") ? 0 : rest.startsWith("remaining") ? 1 : rest.startsWith("reset") ? 2 : -1;
        if (field < 0) {
          continue;
        }
        String suffix = rest.substring(new String[] {"limit", "remaining", "reset"}[field].length());
        Integer number = integer(value);
        if (number != null) {
          bySuffix.computeIfAbsent(suffix, s -> new Integer[3])[field] = number;
        }
      }
    }
    Integer[] tightest = null;
    for (Integer[] group : bySuffix.values()) {
      if (tightest == null || remaining(group) < remaining(tightest)) {
        tightest = group;
      }
    }
    if (tightest == null) {
      return retryAfter == null ? RateLimitInfo.NONE : new RateLimitInfo(null, null, null, retryAfter);
    }
    Duration reset = tightest[2] == null ? null : Duration.ofSeconds(Math.max(0, tightest[2]));
    return new RateLimitInfo(tightest[0], tightest[1], reset, retryAfter);
  }

  private static int remaining(Integer[] group) {
    return group[1] == null ? Integer.MAX_VALUE : group[1];
  }

  static Duration retryAfter(String value, Clock clock) {
    Integer seconds = integer(value);
    if (seconds != null) {
      return Duration.ofSeconds(Math.max(0, seconds));
    }
    try {
      ZonedDateTime when = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration wait = Duration.between(clock.instant(), when.toInstant());
      return wait.isNegative() ? Duration.ZERO : wait;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static Integer integer(String value) {
    try {
      return (int) Math.ceil(Double.parseDouble(value));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
