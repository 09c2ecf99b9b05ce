package dev.inboxdesk.app.common;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** "5 min ago" for lists, the exact time for tooltips. */
public final class RelativeTime {
  private RelativeTime() {
  }

  /** In the interface's language (the default locale): "3 min ago", "vor 3 Min.", "1. Mai 2026". */
  public static String relative(Instant time, Instant now) {
    return relative(time, now, Locale.getDefault());
  }

  public static String relative(Instant time, Instant now, Locale locale) {
    if (time == null) {
      return "";
    }
    // No fallback to the default locale: English asked is English given.
    ResourceBundle words = ResourceBundle.getBundle(ErrorPresenter.BUNDLE, locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_DEFAULT));
    Duration age = Duration.between(time, now);
    long seconds = age.toSeconds();
    if (seconds < 45) {
      return words.getString("time.justNow");
    }
    if (seconds < 3600) {
      return MessageFormat.format(words.getString("time.minutes"), Math.max(1, Math.round(seconds / 60.0)));
    }
    if (seconds < 86_400) {
      return MessageFormat.format(words.getString("time.hours"), Math.round(seconds / 3600.0));
    }
    long days = seconds / 86_400;
    if (days < 2) {
      return words.getString("time.yesterday");
    }
    if (days < 7) {
      return MessageFormat.format(words.getString("time.days"), days);
    }
    // The locale's own long date: "May 1, 2026", "1. Mai 2026".
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).withZone(ZoneId.systemDefault())
        .format(time);
  }

  /** Date and time, short enough for a table column. */
  public static String medium(Instant time) {
    if (time == null) {
      return "";
    }
    return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
        .withLocale(Locale.getDefault()).withZone(ZoneId.systemDefault()).format(time);
  }

  public static String exact(Instant time) {
    if (time == null) {
      return "";
    }
    return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.MEDIUM)
        .withLocale(Locale.getDefault()).withZone(ZoneId.systemDefault()).format(time);
  }
}
