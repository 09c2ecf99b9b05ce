package dev.inboxdesk.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * Small stateful stand-ins for the two services, answering as CONTRACTS.md says, so that a whole
 * session (sign in, list, delete, list again) can run end to end over real HTTP.
 */
final class ScriptedServices {
  private ScriptedServices() {
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
  }

  /** The messages app: one user, "ada" / "pw", a few messages. */
  static final class Messages extends Dispatcher {
    final List<String[]> inbox = new ArrayList<>(List.of(
        new String[] {"665f1c2e9b1e8a3d4c5b6a73", "Your talk was great", "2026-05-12T10:03:00.000Z"},
        new String[] {"665f1c2e9b1e8a3d4c5b6a72", "Loved the demo", "2026-05-12T10:02:00.000Z"},
        new String[] {"665f1c2e9b1e8a3d4c5b6a71", "Any tips for beginners?", "2026-05-12T10:01:00.000Z"}));

    @Override
    public synchronized MockResponse dispatch(RecordedRequest request) {
      String path = request.getUrl().encodedPath();
      String cookie = request.getHeaders().get("Cookie");
      boolean signedIn = cookie != null && cookie.contains("next-auth.session-token=");
      switch (request.getMethod() + " " + path) {
        case "GET /api/auth/csrf":
          return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
              .addHeader("Set-Cookie", "next-auth.csrf-token=c0ffee%7Chash; Path=/; HttpOnly")
              .body("{\"csrfToken\":\"c0ffee\"}").build();
        case "POST /api/auth/callback/credentials": {
          String form = request.getBody().utf8();
          if (!form.contains("csrfToken=c0ffee") || cookie == null || !cookie.contains("csrf-token=c0ffee")) {
            return json(200, "{\"url\":\"http://x/api/auth/signin?csrf=true\"}");
          }
          if (!form.contains("password=pw")) {
            return json(401, "{\"url\":\"http://x/api/auth/error?error=Invalid%20password\"}");
          }
          return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
              .addHeader("Set-Cookie", "next-auth.session-token=jwe-ada; Path=/; HttpOnly")
              .body("{\"url\":\"http://x/dashboard\"}").build();
        }
        case "GET /api/auth/session":
          return json(200, signedIn ? "{\"user\":{\"_id\":\"u1\",\"email\":\"ada@example.com\",\"username\":\"ada\","
              + "\"isVerified\":true,\"isAcceptingMessages\":true},\"expires\":\"2026-06-11T10:00:00.000Z\"}" : "{}");
        case "GET /api/get-messages":
          return signedIn ? json(200, "{\"success\":true,\"messages\":[" + messages(inbox) + "]}") : unauthenticated();
        case "PATCH /api/delete-message": {
          if (!signedIn) {
            return unauthenticated();
          }
          String id = request.getUrl().queryParameter("messageId");
          inbox.removeIf(m -> m[0].equals(id));
          List<String[]> stored = new ArrayList<>(inbox);
          java.util.Collections.reverse(stored);
          return json(201, "{\"success\":true,\"message\":\"Message Deleted Successfully\",\"data\":{\"_id\":\"u1\","
              + "\"username\":\"ada\",\"email\":\"ada@example.com\",\"password\":\"$2a$10$hash\",\"messages\":["
              + messages(stored) + "]}}");
        }
        default:
          return new MockResponse.Builder().code(405).build();
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

  /** The notifications API: one user, 120 notifications, 60 requests a minute per route. */
  static final class Notifications extends Dispatcher {
    final List<String> ids = new ArrayList<>();
    final AtomicInteger deletes = new AtomicInteger();

    Notifications() {
      for (int i = 0; i < 120; i++) {
        ids.add(String.format("00000000-0000-4000-8000-%012d", i));
      }
    }

    @Override
    public synchronized MockResponse dispatch(RecordedRequest request) {
      String path = request.getUrl().encodedPath();
      if (path.equals("/api/v1/auth/login")) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
            .addHeader("Set-Cookie", "biore_refresh=r1; Path=/api/v1/auth; HttpOnly")
            .body("{\"success\":true,\"data\":{\"accessToken\":\"jwt-1\",\"expiresIn\":900}}").build();
      }
      if (!"Bearer jwt-1".equals(request.getHeaders().get("Authorization"))) {
        return json(401, "{\"success\":false,\"error\":{\"code\":\"AUTH_UNAUTHORIZED\",\"message\":\"Unauthorized\","
            + "\"i18nKey\":\"auth.unauthorized\",\"correlationId\":\"c-1\"}}");
      }
      if (request.getMethod().equals("GET") && path.equals("/api/v1/notifications")) {
        int page = Integer.parseInt(request.getUrl().queryParameter("page"));
        int limit = Integer.parseInt(request.getUrl().queryParameter("limit"));
        List<String> slice = ids.subList(Math.min(ids.size(), (page - 1) * limit), Math.min(ids.size(), page * limit));
        return json(200, "{\"success\":true,\"data\":{\"items\":[" + String.join(",", slice.stream().map(id ->
            "{\"id\":\"" + id + "\",\"eventKey\":\"new_message_creator\",\"title\":\"New message\",\"body\":\"b\","
                + "\"data\":{},\"read\":false,\"readAt\":null,\"createdAt\":\"2026-05-12T10:00:00.000Z\"}").toList())
            + "],\"page\":" + page + ",\"limit\":" + limit + ",\"total\":" + ids.size() + "}}");
      }
      if (request.getMethod().equals("DELETE") && path.startsWith("/api/v1/notifications/")) {
        String id = path.substring("/api/v1/notifications/".length());
        if (!ids.remove(id)) {
          return json(404, "{\"success\":false,\"error\":{\"code\":\"error.notification.not_found\","
              + "\"message\":\"Not found\",\"i18nKey\":\"error.notification.not_found\",\"correlationId\":\"c-2\"}}");
        }
        deletes.incrementAndGet();
        return json(200, "{\"success\":true}");
      }
      return new MockResponse.Builder().code(404).build();
    }
  }
}
