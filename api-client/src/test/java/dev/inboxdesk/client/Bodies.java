package dev.inboxdesk.client;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import mockwebserver3.MockResponse;

/** Answers as CONTRACTS.md describes them. */
final class Bodies {
  static final String PASSWORD_HASH = "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy";
  static final String ACCOUNT_EMAIL = "ada@example.com";
  static final String CSRF = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
  static final String ID_1 = "665f1c2e9b1e8a3d4c5b6a71";
  static final String ID_2 = "665f1c2e9b1e8a3d4c5b6a72";
  static final String ID_3 = "665f1c2e9b1e8a3d4c5b6a73";
  static final String UUID_1 = "3f2b8c1e-0d4a-4e7b-9c61-5a8f2e9d0b17";
  static final String UUID_2 = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
  static final String CORRELATION = "a1b2c3d4-e5f6-7890-abcd-ef1234567890";

  private Bodies() {
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
  }

  static String message(String id, String content, String createdAt) {
    return "{\"_id\":\"" + id + "\",\"content\":\"" + content + "\",\"createdAt\":\"" + createdAt + "\"}";
  }

  static String messageList(String... ids) {
    return "{\"success\":true,\"messages\":[" + IntStream.range(0, ids.length)
        .mapToObj(i -> message(ids[i], "message " + i, "2026-05-12T10:0" + i + ":00.000Z"))
        .collect(Collectors.joining(",")) + "]}";
  }

  /** The 201 delete answer: the whole user document, password hash and e-mail included. */
  static String deleteAnswer(String... remainingIds) {
    return "{\"success\":true,\"message\":\"Message Deleted Successfully\",\"data\":{\"_id\":\"665f0000000000000000abcd\","
        + "\"username\":\"ada\",\"email\":\"" + ACCOUNT_EMAIL + "\",\"password\":\"" + PASSWORD_HASH + "\","
        + "\"isVerified\":true,\"isAcceptingMessages\":true,\"messages\":[" + IntStream.range(0, remainingIds.length)
        .mapToObj(i -> message(remainingIds[i], "message " + i, "2026-05-12T10:0" + i + ":00.000Z"))
        .collect(Collectors.joining(",")) + "],\"__v\":3}}";
  }

  static String envelope(String code, String message, String i18nKey) {
    return "{\"success\":false,\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\",\"i18nKey\":\""
        + i18nKey + "\",\"i18nVars\":{\"field\":\"id\"},\"details\":[{\"message\":\"id must be a UUID\"}],"
        + "\"correlationId\":\"" + CORRELATION + "\"}}";
  }

  static String notification(String id, boolean read) {
    return "{\"id\":\"" + id + "\",\"eventKey\":\"new_message_creator\",\"title\":\"New message\",\"body\":\"Someone"
        + " wrote to you\",\"data\":{\"messageId\":\"m1\"},\"read\":" + read + ",\"readAt\":" + (read
        ? "\"2026-05-12T11:00:00.000Z\"" : "null") + ",\"createdAt\":\"2026-05-12T10:00:00.000Z\"}";
  }

  /** A page of {@code count} notifications with generated UUIDs. */
  static String notificationPage(int page, int count, int limit) {
    return "{\"success\":true,\"data\":{\"items\":[" + IntStream.range(0, count)
        .mapToObj(i -> notification(String.format("00000000-0000-4000-8000-%012d", page * 1000 + i), false))
        .collect(Collectors.joining(",")) + "],\"page\":" + page + ",\"limit\":" + limit + "}}";
  }

  static String login(String token, int expiresIn) {
    return "{\"success\":true,\"data\":{\"accessToken\":\"" + token + "\",\"expiresIn\":" + expiresIn + "}}";
  }
}
