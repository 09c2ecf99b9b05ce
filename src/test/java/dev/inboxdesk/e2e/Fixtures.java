package dev.inboxdesk.e2e;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * Hand-written, stateful MockWebServer fixtures of both services, answering as CONTRACTS.md says
 * for the cases the contract suites share. Written apart from the sandbox: where the two disagree,
 * one of them misreads the contract.
 */
final class Fixtures {
  static final String EMAIL = "ada@example.com";
  static final String PASSWORD = "ada-demo";

  private Fixtures() {
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
  }

  /** The messages app for ada, with a handful of messages. */
  static final class Messages extends Dispatcher {
    /** Storage order: oldest first. */
    private final List<String[]> stored = new ArrayList<>(List.of(
        new String[] {"665f1c2e9b1e8a3d4c5b6a71", "Any tips for beginners?", "2026-05-12T10:01:00.000Z"},
        new String[] {"665f1c2e9b1e8a3d4c5b6a72", "Loved the demo", "2026-05-12T10:02:00.000Z"},
        new String[] {"665f1c2e9b1e8a3d4c5b6a73", "Your talk was great", "2026-05-12T10:03:00.000Z"},
        new String[] {"665f1c2e9b1e8a3d4c5b6a74", "Which keyboard do you use?", "2026-05-12T10:04:00.000Z"}));

    @Override
    public synchronized MockResponse dispatch(RecordedRequest request) {
      String cookie = request.getHeaders().get("Cookie");
      boolean signedIn = cookie != null && cookie.contains("next-auth.session-token=jwe-ada");
      String route = request.getMethod() + " " + request.getUrl().encodedPath();
      switch (route) {
        case "GET /api/auth/csrf":
          return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
              .addHeader("Set-Cookie", "next-auth.csrf-token=c0ffee%7Chash; Path=/; HttpOnly")
              .body("{\"csrfToken\":\"c0ffee\"}").build();
        case "POST /api/auth/callback/credentials": {
          String form = request.getBody().utf8();
          if (!form.contains("csrfToken=c0ffee") || cookie == null || !cookie.contains("csrf-token=c0ffee")) {
            return json(200, "{\"url\":\"http://x/api/auth/signin?csrf=true\"}");
          }
          if (!form.contains("email=ada%40example.com")) {
            return json(401, "{\"url\":\"http://x/api/auth/error?error=User%20not%20found\"}");
          }
          if (!form.contains("password=" + PASSWORD)) {
            return json(401, "{\"url\":\"http://x/api/auth/error?error=Invalid%20password\"}");
          }
          return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
              .addHeader("Set-Cookie", "next-auth.session-token=jwe-ada; Path=/; HttpOnly")
              .body("{\"url\":\"http://x/dashboard\"}").build();
        }
        case "GET /api/auth/session":
          return json(200, signedIn ? "{\"user\":{\"_id\":\"u1\",\"email\":\"ada@example.com\",\"username\":\"ada\","
              + "\"isVerified\":true,\"isAcceptingMessages\":true},\"expires\":\"2026-06-11T10:00:00.000Z\"}" : "{}");
        case "GET /api/get-messages": {
          if (!signedIn) {
            return unauthenticated();
          }
          List<String[]> newestFirst = new ArrayList<>(stored);
          Collections.reverse(newestFirst);
          return json(200, "{\"success\":true,\"messages\":[" + messages(newestFirst) + "]}");
        }
        case "PATCH /api/delete-message": {
          if (!signedIn) {
            return unauthenticated();
          }
          String id = request.getUrl().queryParameter("messageId");
          if (id == null || id.isEmpty()) {
            return json(404, "{\"success\":false,\"message\":\"messageId not found\"}");
          }
          if (!id.matches("[0-9a-fA-F]{24}")) {
            return json(500, "{\"success\":false,\"message\":\"Error while deleting message\"}");
          }
          stored.removeIf(m -> m[0].equals(id));
          return json(201, "{\"success\":true,\"message\":\"Message Deleted Successfully\",\"data\":{\"_id\":\"u1\","
              + "\"username\":\"ada\",\"email\":\"ada@example.com\",\"password\":\"$2a$10$fixturehashfixturehashfix\","
              + "\"isVerified\":true,\"isAcceptingMessages\":true,\"messages\":[" + messages(stored) + "],\"__v\":1}}");
        }
        case "DELETE /api/delete-message":
          // The route exports PATCH only: Next.js answers another method with an empty 405.
          return new MockResponse.Builder().code(405).build();
        default:
          // Next.js's page for a path it has no route for.
          return new MockResponse.Builder().code(404).addHeader("Content-Type", "text/html; charset=utf-8")
              .body("<!DOCTYPE html><html><head><title>404: This page could not be found.</title></head>"
                  + "<body><h1>404</h1><h2>This page could not be found.</h2></body></html>").build();
      }
    }

    private static MockResponse unauthenticated() {
      return json(401, "{\"success\":false,\"message\":\"Not Authenticated\"}");
    }

    private static String messages(List<String[]> list) {
      return String.join(",", list.stream().map(m -> "{\"_id\":\"" + m[0] + "\",\"content\":\"" + m[1]
          + "\",\"createdAt\":\"" + m[2] + "\"}").toList());
    }
  }

  /** The notifications API for ada: 120 notifications, and one of another user. */
  static final class Notifications extends Dispatcher {
    static final String OTHER_USERS_ID = "99999999-9999-4999-8999-999999999999";
    private final List<String> ids = new ArrayList<>();
    private int remaining = 60;

    Notifications() {
      for (int i = 0; i < 120; i++) {
        ids.add(String.format("00000000-0000-4000-8000-%012d", i));
      }
    }

    @Override
    public synchronized MockResponse dispatch(RecordedRequest request) {
      MockResponse response = answer(request);
      if (response.getCode() == 429) {
        return response;
      }
      remaining = Math.max(0, remaining - 1);
      return response.newBuilder().addHeader("X-RateLimit-Limit", 60).addHeader("X-RateLimit-Remaining", remaining)
          .addHeader("X-RateLimit-Reset", 60).build();
    }

    private MockResponse answer(RecordedRequest request) {
      String path = request.getUrl().encodedPath();
      if (path.equals("/api/v1/auth/login")) {
        String body = request.getBody().utf8();
        if (!body.contains("\"email\":\"" + EMAIL + "\"") || !body.contains("\"password\":\"" + PASSWORD + "\"")) {
          return envelope(401, "AUTH_UNAUTHORIZED", "Invalid credentials", "auth.login.invalid_credentials");
        }
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
            .addHeader("Set-Cookie", "biore_refresh=r1; Path=/api/v1/auth; HttpOnly")
            .body("{\"success\":true,\"data\":{\"accessToken\":\"jwt-1\",\"expiresIn\":900}}").build();
      }
      boolean list = request.getMethod().equals("GET") && path.equals("/api/v1/notifications");
      boolean delete = request.getMethod().equals("DELETE") && path.startsWith("/api/v1/notifications/")
          && path.indexOf('/', "/api/v1/notifications/".length()) < 0;
      if (!list && !delete) {
        // As Nest does, an unknown route is answered before any guard runs: no token needed.
        return envelope(404, "NOT_FOUND", "Cannot " + request.getMethod() + " " + path, "error.route.not_found");
      }
      if (!"Bearer jwt-1".equals(request.getHeaders().get("Authorization"))) {
        return envelope(401, "AUTH_UNAUTHORIZED", "Unauthorized", "auth.unauthorized");
      }
      if (list) {
        int page = Integer.parseInt(request.getUrl().queryParameter("page"));
        int limit = Integer.parseInt(request.getUrl().queryParameter("limit"));
        List<String> slice = ids.subList(Math.min(ids.size(), (page - 1) * limit), Math.min(ids.size(), page * limit));
        return json(200, "{\"success\":true,\"data\":{\"items\":[" + String.join(",", slice.stream().map(id ->
            "{\"id\":\"" + id + "\",\"eventKey\":\"new_message_creator\",\"title\":\"New message\",\"body\":\"b\","
                + "\"data\":{},\"read\":false,\"readAt\":null,\"createdAt\":\"2026-05-12T10:00:00.000Z\"}").toList())
            + "],\"page\":" + page + ",\"limit\":" + limit + ",\"total\":" + ids.size() + "}}");
      }
      if (delete) {
        String id = path.substring("/api/v1/notifications/".length());
        if (!id.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) {
          return envelope(400, "VALIDATION_ERROR", "Validation failed (uuid is expected)", "error.validation");
        }
        if (!ids.remove(id)) {
          return envelope(404, "NOT_FOUND", "Notification not found", "error.notification.not_found");
        }
        return json(200, "{\"success\":true}");
      }
      throw new AssertionError("unreachable: " + path);
    }

    private static MockResponse envelope(int status, String code, String message, String i18nKey) {
      return json(status, "{\"success\":false,\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message
          + "\",\"i18nKey\":\"" + i18nKey + "\",\"correlationId\":\"" + UUID.randomUUID() + "\"}}");
    }
  }
}
