package dev.inboxdesk.client;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * A server timestamp kept as text and parsed on first use: parsing thousands of dates eagerly
 * costs several times the rest of a parse. Lenient: an unreadable time reads as null.
 */
final class Timestamps {
  private final String text;
  private volatile Instant parsed;

  Timestamps(String text) {
    this.text = text;
  }

  String text() {
    return text;
  }

  Instant instant() {
    Instant value = parsed;
    if (value == null && text != null) {
      value = parseOrNull(text);
      parsed = value;
    }
    return value;
  }

  static Instant parseOrNull(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException notUtc) {
      try {
        return OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException unreadable) {
        return null;
      }
    }
  }
}
