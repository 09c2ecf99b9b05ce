package dev.inboxdesk.app.common;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** "5 min ago" for lists, the exact time for tooltips. */
public final class RelativeTime {
  private RelativeTime() {
  }

  public static String relative(Instant time, Instant now) {
    if (time == null) {
      return "";
    }
    Duration age = Duration.between(time, now);
    long seconds = age.toSeconds();
    if (seconds < 45) {
      return "just now";
    }
    if (seconds < 3600) {
      return Math.max(1, Math.round(seconds / 60.0)) + " min ago";
    }
    if (seconds < 86_400) {
      return Math.round(seconds / 3600.0) + " h ago";
    }
    long days = seconds / 86_400;
    if (days < 2) {
      return "yesterday";
    }
    if (days < 7) {
      return days + " days ago";
    }
    return DateTimeFormatter.ofPattern("d MMM yyyy", Locale.getDefault()).withZone(ZoneId.systemDefault())
        .format(time);
  }

  public static String exact(Instant time) {
    if (time == null) {
      return "";
    }
    return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.MEDIUM)
        .withLocale(Locale.getDefault()).withZone(ZoneId.systemDefault()).format(time);
  }
}
