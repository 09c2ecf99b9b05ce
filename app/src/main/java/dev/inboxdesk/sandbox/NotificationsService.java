package dev.inboxdesk.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.inboxdesk.sandbox.DemoData.StoredNotification;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The notifications API (NestJS): short-lived Bearer JWTs, a rotating {@code biore_refresh} cookie
 * whose reuse revokes every session of the user, an optional two-factor step, the error envelope
 * with a fresh correlation id, and {@code @nestjs/throttler}'s fixed windows and headers.
 */
final class NotificationsService implements Service {
  static final String PREFIX = "/api/v1";
  static final String REFRESH_COOKIE = "biore_refresh";
  private static final Pattern UUID_PATTERN = Pattern.compile(
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Pattern ITEM = Pattern.compile(PREFIX + "/notifications/([^/]+)(/read)?");
  private static final Duration REFRESH_LIFETIME = Duration.ofDays(7);

  private final Clock clock;
  private final Throttler throttler;
  private final long seed;
  private final int size;
  private final int perMinute;
  private final Duration accessTokenTtl;
  private final java.util.function.Supplier<Deployment> deployment;
  private final SecureRandom random = new SecureRandom();
  private final byte[] jwtKey = new byte[32];
  private final Map<String, NUser> usersByEmail = new LinkedHashMap<>();
  private final Map<String, NUser> usersById = new HashMap<>();
  private final Map<String, String> sessionOwners = new HashMap<>();
  private final Map<String, RefreshToken> refreshTokens = new HashMap<>();
  private final Map<String, TwoFactorTicket> tickets = new HashMap<>();

  NotificationsService(Clock clock, long seed, int size, int perMinute, Duration accessTokenTtl,
      java.util.function.Supplier<Deployment> deployment) {
    this.clock = clock;
    this.deployment = deployment;
    this.throttler = new Throttler(clock);
    this.seed = seed;
    this.size = size;
    this.perMinute = perMinute;
    this.accessTokenTtl = accessTokenTtl;
    random.nextBytes(jwtKey);
    int index = 0;
    for (DemoAccount account : DemoData.ACCOUNTS) {
      if (account.service().equals(name())) {
        NUser user = new NUser(new UUID(0x1DE5L, 0xA000L + index++).toString(), account);
        usersByEmail.put(account.email(), user);
        usersById.put(user.id, user);
      }
    }
    resetData();
  }

  private static final class NUser {
    final String id;
    final DemoAccount account;
    List<StoredNotification> notifications = new ArrayList<>();

    NUser(String id, DemoAccount account) {
      this.id = id;
      this.account = account;
    }
  }

  private record RefreshToken(String sessionId, boolean used, Instant expiresAt) {
  }

  private record TwoFactorTicket(String userId, Instant expiresAt) {
  }

  @Override
  public String name() {
    return "notifications";
  }

  @Override
  public synchronized void resetData() {
    int index = 0;
    for (NUser user : usersByEmail.values()) {
      int count = index == 0 ? size : Math.max(5, size / 7);
      user.notifications = new ArrayList<>(DemoData.notifications(seed + index, count, clock.instant()));
      index++;
    }
    throttler.reset();
  }

  @Override
  public boolean isDataRoute(HttpCall call) {
    return call.path.startsWith(PREFIX + "/notifications");
  }

  @Override
  public Response unactedSuccess(HttpCall call) {
    if (call.method.equals("GET") && call.path.equals(PREFIX + "/notifications")) {
      ObjectNode data = SandboxJson.object();
      data.set("items", SandboxJson.array());
      return success(data.put("page", 1).put("limit", 20).put("total", 0));
    }
    return Response.json(200, SandboxJson.object().put("success", true));
  }

  @Override
  public Response failure(int status) {
    return error(status, "INTERNAL_ERROR", "Internal server error", "error.internal", null);
  }

  @Override
  public Response unauthorized() {
    return error(401, "AUTH_UNAUTHORIZED", "Unauthorized", "auth.unauthorized", null);
  }

  @Override
  public Response throttled(int retryAfterSeconds) {
    return error(429, "RATE_LIMITED", "ThrottlerException: Too Many Requests", "error.rate_limit.exceeded", null)
        .header("Retry-After", Integer.toString(retryAfterSeconds));
  }

  @Override
  public Response handle(HttpCall call) {
    String path = call.path.endsWith("/") && call.path.length() > 1 ? call.path.substring(0, call.path.length() - 1)
        : call.path;
    String route = routeOf(call.method, path, deployment.get().minimal());
    if (route == null) {
      return routeNotFound(call);
    }
    Throttler.Decision decision = throttle(call, route);
    if (!decision.allowed()) {
      // A 429 carries only Retry-After, never the X-RateLimit headers.
      return throttled((int) decision.secondsToReset());
    }
    Response response = dispatch(call, route, path);
    return response.header("X-RateLimit-Limit", Integer.toString(decision.limit()))
        .header("X-RateLimit-Remaining", Integer.toString(decision.remaining()))
        .header("X-RateLimit-Reset", Long.toString(decision.secondsToReset()));
  }

  /**
   * The route template a request matches, as the throttler keys it, or null. A minimal deployment
   * has only the documented routes; as in Nest, a path one of them captures still goes there: a
   * {@code DELETE /notifications/clear-read} without its own route is {@code DELETE /notifications/:id}
   * with an id that is no UUID (400), not an unknown route.
   */
  private static String routeOf(String method, String path, boolean minimal) {
    String rest = path.startsWith(PREFIX) ? path.substring(PREFIX.length()) : null;
    if (rest == null) {
      return null;
    }
    String key = method + " " + rest;
    switch (key) {
      case "POST /auth/login", "GET /notifications":
        return key;
      case "POST /auth/login/2fa", "POST /auth/refresh", "POST /auth/logout", "GET /notifications/unread-count",
          "GET /notifications/preferences", "POST /notifications/read-all", "DELETE /notifications/clear-read":
        if (!minimal) {
          return key;
        }
        break;
      default:
        break;
    }
    Matcher item = ITEM.matcher(path);
    if (item.matches()) {
      if (item.group(2) != null && method.equals("PATCH") && !minimal) {
        return "PATCH /notifications/:id/read";
      }
      if (item.group(2) == null && method.equals("DELETE")) {
        return "DELETE /notifications/:id";
      }
    }
    return null;
  }

  private Throttler.Decision throttle(HttpCall call, String route) {
    String key = route + "|" + call.clientKey();
    return switch (route) {
      case "POST /auth/login", "POST /auth/login/2fa" -> throttler.hit(key, 20, Duration.ofHours(1));
      case "POST /auth/refresh" -> throttler.hit(key, 60, Duration.ofHours(1));
      default -> throttler.hit(key, perMinute, Duration.ofMinutes(1));
    };
  }

  private Response dispatch(HttpCall call, String route, String path) {
    switch (route) {
      case "POST /auth/login":
        return login(call);
      case "POST /auth/login/2fa":
        return secondFactor(call);
      case "POST /auth/refresh":
        return refresh(call);
      case "POST /auth/logout":
        return logout(call);
      default:
        break;
    }
    NUser user = authenticated(call);
    if (user == null) {
      return unauthorized();
    }
    return switch (route) {
      case "GET /notifications" -> list(call, user);
      case "GET /notifications/unread-count" -> count(user);
      case "GET /notifications/preferences" -> preferences();
      case "POST /notifications/read-all" -> readAll(user);
      case "DELETE /notifications/clear-read" -> clearRead(user);
      case "PATCH /notifications/:id/read" -> markRead(user, itemId(path));
      case "DELETE /notifications/:id" -> delete(user, itemId(path));
      default -> unauthorized();
    };
  }

  // --- auth ---

  private Response login(HttpCall call) {
    JsonNode body = SandboxJson.parseOrNull(call.body);
    List<String> problems = new ArrayList<>();
    String email = body == null ? null : text(body, "email");
    String password = body == null ? null : text(body, "password");
    if (email == null || !email.contains("@")) {
      problems.add("email must be an email");
    }
    if (password == null || password.isEmpty()) {
      problems.add("password should not be empty");
    }
    if (!problems.isEmpty()) {
      return validation("Validation failed", problems);
    }
    NUser user;
    synchronized (this) {
      user = usersByEmail.get(email.toLowerCase(java.util.Locale.ROOT));
    }
    if (user == null || !user.account.password().equals(password)) {
      return error(401, "AUTH_UNAUTHORIZED", "Invalid credentials", "auth.login.invalid_credentials", null);
    }
    if (user.account.twoFactorCode() != null && !deployment.get().minimal()) {
      String ticket = UUID.randomUUID().toString();
      synchronized (this) {
        tickets.put(ticket, new TwoFactorTicket(user.id, clock.instant().plus(Duration.ofMinutes(5))));
      }
      ObjectNode data = SandboxJson.object().put("requiresTwoFactor", true).put("tempToken", ticket);
      return success(data);
    }
    return issueTokens(user, newSession(user));
  }

  private Response secondFactor(HttpCall call) {
    JsonNode body = SandboxJson.parseOrNull(call.body);
    String ticketId = body == null ? null : text(body, "tempToken");
    String code = body == null ? null : text(body, "code");
    if (ticketId == null || code == null) {
      return validation("Validation failed", List.of("tempToken and code are required"));
    }
    TwoFactorTicket ticket;
    synchronized (this) {
      ticket = tickets.get(ticketId);
    }
    if (ticket == null || !clock.instant().isBefore(ticket.expiresAt())) {
      return error(401, "AUTH_UNAUTHORIZED", "Two-factor session expired", "auth.2fa.invalid_temp_token", null);
    }
    NUser user = usersById.get(ticket.userId());
    if (!user.account.twoFactorCode().equals(code)) {
      return error(401, "AUTH_UNAUTHORIZED", "Invalid two-factor code", "auth.2fa.invalid_code", null);
    }
    synchronized (this) {
      tickets.remove(ticketId);
    }
    return issueTokens(user, newSession(user));
  }

  private Response refresh(HttpCall call) {
    String presented = call.cookies.get(REFRESH_COOKIE);
    if (presented == null) {
      JsonNode body = SandboxJson.parseOrNull(call.body);
      presented = body == null ? null : text(body, "refreshToken");
    }
    String sessionId;
    NUser user;
    synchronized (this) {
      RefreshToken token = presented == null ? null : refreshTokens.get(presented);
      String owner = token == null ? null : sessionOwners.get(token.sessionId());
      if (token != null && token.used()) {
        // Reuse means the token leaked: revoke every session of its user.
        if (owner != null) {
          sessionOwners.values().removeIf(owner::equals);
        }
        return error(401, "AUTH_TOKEN_REUSE", "Refresh token reuse detected", "auth.refresh.token_reuse_detected",
            null).cookie(clearedRefreshCookie());
      }
      if (token == null || owner == null || !clock.instant().isBefore(token.expiresAt())) {
        return error(401, "AUTH_UNAUTHORIZED", "Invalid refresh token", "auth.refresh.invalid", null)
            .cookie(clearedRefreshCookie());
      }
      refreshTokens.put(presented, new RefreshToken(token.sessionId(), true, token.expiresAt()));
      sessionId = token.sessionId();
      user = usersById.get(owner);
    }
    return issueTokens(user, sessionId);
  }

  private Response logout(HttpCall call) {
    String presented = call.cookies.get(REFRESH_COOKIE);
    synchronized (this) {
      RefreshToken token = presented == null ? null : refreshTokens.get(presented);
      if (token != null) {
        sessionOwners.remove(token.sessionId());
      }
      String sid = sessionOfAccessToken(call);
      if (sid != null) {
        sessionOwners.remove(sid);
      }
    }
    return Response.json(200, SandboxJson.object().put("success", true)).cookie(clearedRefreshCookie());
  }

  private synchronized String newSession(NUser user) {
    String sessionId = UUID.randomUUID().toString();
    sessionOwners.put(sessionId, user.id);
    return sessionId;
  }

  private Response issueTokens(NUser user, String sessionId) {
    Instant now = clock.instant();
    String refresh = randomToken();
    synchronized (this) {
      refreshTokens.put(refresh, new RefreshToken(sessionId, false, now.plus(REFRESH_LIFETIME)));
    }
    ObjectNode data = SandboxJson.object().put("accessToken", accessToken(user, sessionId, now))
        .put("expiresIn", accessTokenTtl.toSeconds());
    if (deployment.get().minimal()) {
      // No refresh route, so no refresh token: the access token is all a client gets.
      return success(data);
    }
    return success(data).cookie(REFRESH_COOKIE + "=" + refresh + "; Path=" + PREFIX + "/auth; Max-Age="
        + REFRESH_LIFETIME.toSeconds() + "; HttpOnly; SameSite=Strict");
  }

  private static String clearedRefreshCookie() {
    return REFRESH_COOKIE + "=; Path=" + PREFIX + "/auth; Max-Age=0; HttpOnly; SameSite=Strict";
  }

  private String accessToken(NUser user, String sessionId, Instant now) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String header = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    ObjectNode claims = SandboxJson.object().put("sub", user.id).put("sid", sessionId)
        .put("iat", now.getEpochSecond()).put("exp", now.plus(accessTokenTtl).getEpochSecond())
        .put("jti", UUID.randomUUID().toString());
    String payload = b64.encodeToString(SandboxJson.bytes(claims));
    return header + "." + payload + "." + b64.encodeToString(hmac(header + "." + payload));
  }

  /** The user of a valid, unexpired access token whose session is still alive, or null. */
  private NUser authenticated(HttpCall call) {
    String sid = sessionOfAccessToken(call);
    if (sid == null) {
      return null;
    }
    synchronized (this) {
      String owner = sessionOwners.get(sid);
      return owner == null ? null : usersById.get(owner);
    }
  }

  private String sessionOfAccessToken(HttpCall call) {
    String header = call.header("Authorization");
    if (header == null || !header.startsWith("Bearer ")) {
      return null;
    }
    String[] parts = header.substring("Bearer ".length()).trim().split("\\.");
    if (parts.length != 3) {
      return null;
    }
    byte[] expected = hmac(parts[0] + "." + parts[1]);
    byte[] given;
    try {
      given = Base64.getUrlDecoder().decode(parts[2]);
    } catch (IllegalArgumentException garbage) {
      return null;
    }
    if (!MessageDigest.isEqual(expected, given)) {
      return null;
    }
    JsonNode claims = SandboxJson.parseOrNull(Base64.getUrlDecoder().decode(parts[1]));
    if (claims == null || clock.instant().getEpochSecond() >= claims.path("exp").asLong(0)) {
      return null;
    }
    return claims.path("sid").asText(null);
  }

  // --- notifications ---

  private Response list(HttpCall call, NUser user) {
    boolean ignoreFilters = deployment.get().ignoreFilters();
    List<String> problems = new ArrayList<>();
    Integer page = intParam(call, "page", 1, problems);
    // A server that ignores the filters does not read them either: no validation, its own page size.
    Integer limit = ignoreFilters ? Deployment.SERVER_PAGE_SIZE : intParam(call, "limit", 20, problems);
    String read = ignoreFilters ? null : call.query.get("read");
    if (page != null && page < 1) {
      problems.add("page must not be less than 1");
    }
    if (limit != null && (limit < 1 || limit > 50)) {
      problems.add(limit < 1 ? "limit must not be less than 1" : "limit must not be greater than 50");
    }
    if (read != null && !read.equals("true") && !read.equals("false")) {
      problems.add("read must be a boolean value");
    }
    if (!problems.isEmpty()) {
      return validation("Validation failed", problems);
    }
    List<StoredNotification> selected;
    synchronized (this) {
      selected = read == null ? user.notifications
          : user.notifications.stream().filter(n -> n.read() == read.equals("true")).toList();
      int from = Math.min(selected.size(), (page - 1) * limit);
      int to = Math.min(selected.size(), from + limit);
      ArrayNode items = SandboxJson.array();
      boolean typeField = deployment.get().kindField().equals("type");
      for (StoredNotification n : selected.subList(from, to)) {
        items.add(item(n, typeField));
      }
      ObjectNode data = SandboxJson.object();
      data.set("items", items);
      data.put("page", page).put("limit", limit).put("total", selected.size());
      return success(data);
    }
  }

  private synchronized Response count(NUser user) {
    long unread = user.notifications.stream().filter(n -> !n.read()).count();
    return success(SandboxJson.object().put("count", unread));
  }

  private Response preferences() {
    ArrayNode rows = SandboxJson.array();
    String[] keys = {"new_message_creator", "message_reply", "follower_new", "payout_sent", "security_login",
        "weekly_digest", "mention", "subscription_renewed"};
    for (String key : keys) {
      boolean security = key.equals("security_login");
      rows.add(SandboxJson.object().put("eventKey", key).put("email", security || key.equals("payout_sent"))
          .put("push", true).put("inApp", true).put("webPush", false).put("sms", security)
          .put("customized", key.equals("weekly_digest")));
    }
    ObjectNode body = SandboxJson.object().put("success", true);
    body.set("data", rows);
    return Response.json(200, body);
  }

  private synchronized Response readAll(NUser user) {
    Instant now = clock.instant();
    int updated = 0;
    for (int i = 0; i < user.notifications.size(); i++) {
      StoredNotification n = user.notifications.get(i);
      if (!n.read()) {
        user.notifications.set(i, n.markedRead(now));
        updated++;
      }
    }
    return success(SandboxJson.object().put("updated", updated));
  }

  private synchronized Response clearRead(NUser user) {
    int before = user.notifications.size();
    user.notifications.removeIf(StoredNotification::read);
    return success(SandboxJson.object().put("deleted", before - user.notifications.size()));
  }

  private Response markRead(NUser user, String id) {
    if (!UUID_PATTERN.matcher(id).matches()) {
      return uuidExpected();
    }
    synchronized (this) {
      for (int i = 0; i < user.notifications.size(); i++) {
        StoredNotification n = user.notifications.get(i);
        if (n.id().equalsIgnoreCase(id)) {
          user.notifications.set(i, n.markedRead(clock.instant()));
          return Response.json(200, SandboxJson.object().put("success", true));
        }
      }
    }
    return notFound();
  }

  private Response delete(NUser user, String id) {
    if (!UUID_PATTERN.matcher(id).matches()) {
      return uuidExpected();
    }
    synchronized (this) {
      // findFirst({ id, userId }): someone else's id is as missing as an unknown one.
      if (!user.notifications.removeIf(n -> n.id().equalsIgnoreCase(id))) {
        return notFound();
      }
    }
    return Response.json(200, SandboxJson.object().put("success", true));
  }

  // --- answers ---

  /** One item; with {@code typeField}, the kind is named {@code type} and empty fields are left out. */
  private static ObjectNode item(StoredNotification n, boolean typeField) {
    ObjectNode item = SandboxJson.object().put("id", n.id()).put(typeField ? "type" : "eventKey", n.eventKey())
        .put("title", n.title()).put("body", n.body());
    if (!typeField || n.data() != null && !n.data().isEmpty()) {
      item.set("data", SandboxJson.tree(n.data()));
    }
    item.put("read", n.read());
    if (n.readAt() != null) {
      item.put("readAt", SandboxJson.iso(n.readAt()));
    } else if (!typeField) {
      item.putNull("readAt");
    }
    item.put("createdAt", SandboxJson.iso(n.createdAt()));
    return item;
  }

  private static Response success(ObjectNode data) {
    ObjectNode body = SandboxJson.object().put("success", true);
    body.set("data", data);
    return Response.json(200, body);
  }

  private Response notFound() {
    if (deployment.get().nestDefault404()) {
      return nestDefault(404, "Notification not found", "Not Found");
    }
    return error(404, "NOT_FOUND", "Notification not found", "error.notification.not_found", null);
  }

  /**
   * What Nest answers a request no route matches, {@code Cannot GET /api/v1/nope} with the URL as
   * sent: in the API's envelope when its exception filter is installed, else Nest's default body.
   * No guard ran, so no rate-limit headers.
   */
  Response routeNotFound(HttpCall call) {
    String query = call.exchange.getRequestURI().getRawQuery();
    String message = "Cannot " + call.method + " " + call.path + (query == null ? "" : "?" + query);
    if (deployment.get().nestDefault404()) {
      return nestDefault(404, message, "Not Found");
    }
    return error(404, "NOT_FOUND", message, "error.route.not_found", null);
  }

  /** Nest's own body, as a deployment without the API's exception filter answers. */
  private static Response nestDefault(int status, String message, String error) {
    ObjectNode body = SandboxJson.object().put("message", message).put("error", error).put("statusCode", status);
    return Response.json(status, body);
  }

  private Response uuidExpected() {
    return validation("Validation failed (uuid is expected)", List.of("id must be a UUID"));
  }

  private Response validation(String message, List<String> problems) {
    return error(400, "VALIDATION_ERROR", message, "error.validation", problems);
  }

  /**
   * An error as this deployment answers it: in the API's envelope, or, without its exception
   * filter, in the body Nest's own {@code HttpException} gives ({@code statusCode}, {@code message}
   * and, when the exception names one, {@code error}), which carries no code, key or correlation id.
   */
  private Response error(int status, String code, String message, String i18nKey, List<String> details) {
    if (!deployment.get().nestDefault404()) {
      return envelope(status, code, message, i18nKey, details);
    }
    ObjectNode body = SandboxJson.object().put("statusCode", status).put("message", message);
    // UnauthorizedException() and the throttler's exception name no error; the API's own errors do
    String name = switch (status) {
      case 400 -> "Bad Request";
      case 401 -> message.equals("Unauthorized") ? null : "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      default -> null;
    };
    if (name != null) {
      body.put("error", name);
    }
    return Response.json(status, body);
  }

  /** The envelope every error has, with a fresh correlation id. */
  private static Response envelope(int status, String code, String message, String i18nKey, List<String> details) {
    String correlationId = UUID.randomUUID().toString();
    ObjectNode error = SandboxJson.object().put("code", code).put("message", message).put("i18nKey", i18nKey);
    error.putObject("i18nVars");
    if (details != null) {
      ArrayNode list = error.putArray("details");
      details.forEach(d -> list.add(SandboxJson.object().put("message", d)));
    }
    error.put("correlationId", correlationId);
    ObjectNode body = SandboxJson.object().put("success", false);
    body.set("error", error);
    return Response.json(status, body).header("X-Correlation-Id", correlationId);
  }

  private static String itemId(String path) {
    Matcher item = ITEM.matcher(path);
    item.matches();
    return java.net.URLDecoder.decode(item.group(1), StandardCharsets.UTF_8);
  }

  private static Integer intParam(HttpCall call, String name, int fallback, List<String> problems) {
    String value = call.query.get(name);
    if (value == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException notANumber) {
      problems.add(name + " must be an integer number");
      return fallback;
    }
  }

  private static String text(JsonNode body, String field) {
    JsonNode value = body.get(field);
    return value != null && value.isTextual() ? value.asText() : null;
  }

  private String randomToken() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private byte[] hmac(String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(jwtKey, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException | InvalidKeyException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
