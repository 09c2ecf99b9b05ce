package dev.inboxdesk.client;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Lenient ISO-8601 parsing for server timestamps. */
final class Timestamps {
  private Timestamps() {
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
