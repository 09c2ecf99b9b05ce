package dev.inboxdesk.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.inboxdesk.sandbox.DemoData.StoredMessage;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The anonymous-messages app: NextAuth v4's credentials flow with a CSRF double-submit cookie and
 * an opaque session cookie, and the app's routes with their quirks: the delete route exports only
 * PATCH, answers 201 with the whole user document (password hash included), and crashes into 500
 * on a malformed id.
 */
final class MessagesService implements Service {
  static final String SESSION_COOKIE = "next-auth.session-token";
  static final String CSRF_COOKIE = "next-auth.csrf-token";
  /** The routes the seeds document: all a minimal deployment has. */
  private static final java.util.Set<String> DOCUMENTED_ROUTES = java.util.Set.of("/api/auth/csrf",
      "/api/auth/callback/credentials", "/api/auth/session", "/api/auth/signout", "/api/get-messages",
      "/api/delete-message");
  private static final String PAGE_404 = "<!DOCTYPE html><html><head><title>404: This page could not be found."
      + "</title></head><body><h1>404</h1><h2>This page could not be found.</h2></body></html>";
  private static final Duration SESSION_LIFETIME = Duration.ofDays(30);
  private static final Pattern OBJECT_ID = Pattern.compile("[0-9a-fA-F]{24}");

  private final Clock clock;
  private final Supplier<String> baseUrl;
  private final boolean acceptDeleteMethod;
  private final Supplier<Deployment> deployment;
  private final long seed;
  private final int size;
  private final SecureRandom random = new SecureRandom();
  private final byte[] csrfSecret = new byte[32];
  private final Map<String, User> usersByEmail = new LinkedHashMap<>();
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();

  MessagesService(Clock clock, Supplier<String> baseUrl, long seed, int size, boolean acceptDeleteMethod,
      Supplier<Deployment> deployment) {
    this.clock = clock;
    this.deployment = deployment;
    this.baseUrl = baseUrl;
    this.seed = seed;
    this.size = size;
    this.acceptDeleteMethod = acceptDeleteMethod;
    random.nextBytes(csrfSecret);
    int index = 0;
    for (DemoAccount account : DemoData.ACCOUNTS) {
      if (account.service().equals(name())) {
        String id = String.format("66%022x", 0xada0 + index++);
        usersByEmail.put(account.email(), new User(id, account));
      }
    }
    resetData();
  }

  private static final class User {
    final String id;
    final DemoAccount account;
    final String passwordHash;
    boolean accepting = true;
    int version;
    List<StoredMessage> messages = new ArrayList<>();

    User(String id, DemoAccount account) {
      this.id = id;
      this.account = account;
      // Looks like bcrypt; lets clients prove they never keep or show it.
      byte[] seed = (account.email() + ":" + account.password()).getBytes(StandardCharsets.UTF_8);
      byte[] digest = new byte[64];
      System.arraycopy(sha256(seed), 0, digest, 0, 32);
      System.arraycopy(sha256(digest), 0, digest, 32, 32);
      this.passwordHash = "$2a$10$" + Base64.getEncoder().withoutPadding().encodeToString(digest)
          .replace('+', '.').substring(0, 53);
    }
  }

  private record Session(String email, Instant expiresAt) {
  }

  @Override
  public String name() {
    return "messages";
  }

  @Override
  public synchronized void resetData() {
    int index = 0;
    for (User user : usersByEmail.values()) {
      int count = index == 0 ? size : Math.max(5, size / 7);
      user.messages = new ArrayList<>(DemoData.messages(seed + index, count, clock.instant()));
      user.accepting = true;
      index++;
    }
  }

  @Override
  public boolean isDataRoute(HttpCall call) {
    return !call.path.startsWith("/api/auth/");
  }

  @Override
  public Response handle(HttpCall call) {
    String route = call.path;
    if (deployment.get().minimal() && !DOCUMENTED_ROUTES.contains(route)) {
      return Response.html(404, PAGE_404);
    }
    return switch (route) {
      case "/api/auth/csrf" -> call.method.equals("GET") ? csrf() : Response.empty(405);
      case "/api/auth/callback/credentials" -> call.method.equals("POST") ? signIn(call) : Response.empty(405);
      case "/api/auth/session" -> call.method.equals("GET") ? session(call) : Response.empty(405);
      case "/api/auth/signout" -> call.method.equals("POST") ? signOut(call) : Response.empty(405);
      case "/api/get-messages" -> call.method.equals("GET") ? listMessages(call) : Response.empty(405);
      case "/api/delete-message" -> deleteMessage(call);
      case "/api/accept-messages" -> switch (call.method) {
        case "GET" -> getAccepting(call);
        case "POST" -> setAccepting(call);
        default -> Response.empty(405);
      };
      case "/api/send-message" -> call.method.equals("POST") ? sendMessage(call) : Response.empty(405);
      default -> Response.html(404, PAGE_404);
    };
  }

  @Override
  public Response unactedSuccess(HttpCall call) {
    return switch (call.path) {
      case "/api/delete-message" -> Response.json(201, result(true, "Message Deleted Successfully"));
      case "/api/get-messages" -> Response.json(200, result(true, null).set("messages", SandboxJson.array()));
      case "/api/send-message" -> Response.json(201, result(true, "Message sent successfully"));
      default -> Response.json(200, result(true, null));
    };
  }

  @Override
  public Response failure(int status) {
    return Response.json(status, result(false, "An unexpected error occurred"));
  }

  @Override
  public Response unauthorized() {
    return Response.json(401, result(false, "Not Authenticated"));
  }

  @Override
  public Response throttled(int retryAfterSeconds) {
    // The real app has no rate limit; a forced 429 looks like a proxy's.
    return Response.json(429, result(false, "Too Many Requests")).header("Retry-After",
        Integer.toString(retryAfterSeconds));
  }

  // --- NextAuth ---

  private Response csrf() {
    String token = newCsrfToken();
    ObjectNode body = SandboxJson.object().put("csrfToken", token);
    return Response.json(200, body).cookie(csrfCookie(token));
  }

  private Response signIn(HttpCall call) {
    Map<String, String> form = call.form();
    String callbackUrl = form.getOrDefault("callbackUrl", baseUrl.get());
    if (!csrfValid(call, form.get("csrfToken"))) {
      // NextAuth redirects to the sign-in page with csrf=true, sets a fresh CSRF cookie, no session.
      return Response.json(200, SandboxJson.object().put("url", baseUrl.get() + "/api/auth/signin?csrf=true"))
          .cookie(csrfCookie(newCsrfToken()));
    }
    String email = form.getOrDefault("email", "").trim();
    String password = form.getOrDefault("password", "");
    String error;
    User user = null;
    if (email.isEmpty() || password.isEmpty()) {
      error = "Email and Password required";
    } else {
      user = user(email);
      error = user == null ? "User not found" : user.account.password().equals(password) ? null : "Invalid password";
    }
    if (error != null) {
      return Response.json(401, SandboxJson.object().put("url", baseUrl.get() + "/api/auth/error?error="
          + URLEncoder.encode(error, StandardCharsets.UTF_8).replace("+", "%20")));
    }
    String token = newSessionToken();
    Instant expires = clock.instant().plus(SESSION_LIFETIME);
    sessions.put(token, new Session(user.account.email(), expires));
    return Response.json(200, SandboxJson.object().put("url", callbackUrl)).cookie(sessionCookie(token, expires));
  }

  private Response session(HttpCall call) {
    String token = call.cookies.get(sessionCookieName());
    User user = signedInUser(call);
    if (user == null) {
      Response signedOut = Response.json(200, SandboxJson.object());
      if (!call.cookies.containsKey(csrfCookieName())) {
        signedOut.cookie(csrfCookie(newCsrfToken()));
      }
      if (token != null) {
        signedOut.cookie(sessionCookieName() + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax");
      }
      return signedOut;
    }
    // The session slides: every read pushes the expiry out again.
    Instant expires = clock.instant().plus(SESSION_LIFETIME);
    sessions.put(token, new Session(user.account.email(), expires));
    ObjectNode body = SandboxJson.object();
    body.set("user", SandboxJson.object().put("_id", user.id).put("email", user.account.email())
        .put("username", user.account.username()).put("isVerified", true)
        .put("isAcceptingMessages", user.accepting));
    body.put("expires", SandboxJson.iso(expires));
    return Response.json(200, body).cookie(sessionCookie(token, expires));
  }

  private Response signOut(HttpCall call) {
    Map<String, String> form = call.form();
    if (!csrfValid(call, form.get("csrfToken"))) {
      return Response.json(200, SandboxJson.object().put("url", baseUrl.get() + "/api/auth/signout?csrf=true"));
    }
    String token = call.cookies.get(sessionCookieName());
    if (token != null) {
      sessions.remove(token);
    }
    return Response.json(200, SandboxJson.object().put("url", baseUrl.get()))
        .cookie(sessionCookieName() + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax");
  }

  // --- the app's routes ---

  private Response listMessages(HttpCall call) {
    User user = signedInUser(call);
    if (user == null) {
      return unauthorized();
    }
    ArrayNode messages = SandboxJson.array();
    synchronized (this) {
      for (int i = user.messages.size() - 1; i >= 0; i--) {
        messages.add(message(user.messages.get(i)));
      }
    }
    ObjectNode body = result(true, null);
    body.set("messages", messages);
    return Response.json(200, body);
  }

  private Response deleteMessage(HttpCall call) {
    if (call.method.equals("DELETE") && !acceptDeleteMethod || !call.method.equals("PATCH")
        && !call.method.equals("DELETE")) {
      // Next.js answers a method the route does not export with an empty 405.
      return Response.empty(405);
    }
    User user = signedInUser(call);
    if (user == null) {
      return unauthorized();
    }
    String messageId = call.query.get("messageId");
    if (messageId == null || messageId.isEmpty()) {
      return Response.json(404, result(false, "messageId not found"));
    }
    if (!OBJECT_ID.matcher(messageId).matches()) {
      // Mongoose throws a CastError before $pull runs; the handler's catch answers 500.
      return Response.json(500, result(false, "Error while deleting message"));
    }
    ObjectNode document;
    synchronized (this) {
      // $pull: removes whatever matches, which may be nothing (already gone, or another user's id).
      if (user.messages.removeIf(m -> m.id().equalsIgnoreCase(messageId))) {
        user.version++;
      }
      document = userDocument(user);
    }
    ObjectNode body = result(true, "Message Deleted Successfully");
    body.set("data", document);
    return Response.json(201, body);
  }

  private Response getAccepting(HttpCall call) {
    User user = signedInUser(call);
    if (user == null) {
      return unauthorized();
    }
    return Response.json(200, result(true, null).put("isAcceptingMessages", user.accepting));
  }

  private Response setAccepting(HttpCall call) {
    User user = signedInUser(call);
    if (user == null) {
      return unauthorized();
    }
    JsonNode body = SandboxJson.parseOrNull(call.body);
    if (body == null) {
      // request.json() throws on an empty body, outside the validation.
      return Response.json(500, result(false, "Error updating message acceptance status"));
    }
    JsonNode flag = body.get("acceptMessage");
    if (flag == null || !flag.isBoolean()) {
      String received = flag == null ? "undefined" : flag.isTextual() ? "string" : flag.getNodeType().name()
          .toLowerCase(java.util.Locale.ROOT);
      return Response.json(400, result(false, "Invalid input: expected boolean, received " + received));
    }
    synchronized (this) {
      user.accepting = flag.booleanValue();
    }
    return Response.json(200, result(true, "Message acceptance status updated successfully"));
  }

  private Response sendMessage(HttpCall call) {
    JsonNode body = SandboxJson.parseOrNull(call.body);
    if (body == null || !body.path("username").isTextual() || !body.path("content").isTextual()) {
      return Response.json(500, result(false, "Error adding message"));
    }
    User recipient = null;
    for (User user : usersByEmail.values()) {
      if (user.account.username().equals(body.get("username").asText())) {
        recipient = user;
      }
    }
    if (recipient == null) {
      return Response.json(404, result(false, "User not found"));
    }
    synchronized (this) {
      if (!recipient.accepting) {
        return Response.json(403, result(false, "User is not accepting messages"));
      }
      Instant now = clock.instant();
      String id = String.format("%08x%016x", now.getEpochSecond() & 0xFFFFFFFFL, random.nextLong());
      recipient.messages.add(new StoredMessage(id, body.get("content").asText(), now));
      recipient.version++;
    }
    return Response.json(201, result(true, "Message sent successfully"));
  }

  // --- helpers ---

  private User signedInUser(HttpCall call) {
    String token = call.cookies.get(sessionCookieName());
    Session session = token == null ? null : sessions.get(token);
    if (session == null || !clock.instant().isBefore(session.expiresAt())) {
      return null;
    }
    return user(session.email());
  }

  private synchronized User user(String email) {
    return usersByEmail.get(email.toLowerCase(java.util.Locale.ROOT));
  }

  private ObjectNode userDocument(User user) {
    ObjectNode document = SandboxJson.object().put("_id", user.id).put("username", user.account.username())
        .put("email", user.account.email()).put("password", user.passwordHash)
        .put("verifyCode", "483920").put("verifyCodeExpiry", SandboxJson.iso(clock.instant()))
        .put("isVerified", true).put("isAcceptingMessages", user.accepting);
    ArrayNode messages = document.putArray("messages");
    for (StoredMessage message : user.messages) {
      messages.add(message(message));
    }
    document.put("__v", user.version);
    return document;
  }

  private static ObjectNode message(StoredMessage message) {
    return SandboxJson.object().put("_id", message.id()).put("content", message.content())
        .put("createdAt", SandboxJson.iso(message.createdAt()));
  }

  private static ObjectNode result(boolean success, String message) {
    ObjectNode node = SandboxJson.object().put("success", success);
    if (message != null) {
      node.put("message", message);
    }
    return node;
  }

  /*
   * NextAuth names its cookies after the scheme of its own URL (NEXTAUTH_URL), not after how the
   * request reached it: behind a TLS-terminating proxy it sets the __Secure-/__Host- names while
   * the hop to it is plain http. It would also mark them Secure; the sandbox leaves that attribute
   * out on purpose, because it is served over plain http on loopback and a cookie jar (OkHttp's,
   * a browser's) never sends a Secure cookie over http. What the variant tests is the names.
   */
  private String sessionCookieName() {
    return deployment.get().secureCookieNames() ? "__Secure-" + SESSION_COOKIE : SESSION_COOKIE;
  }

  private String csrfCookieName() {
    return deployment.get().secureCookieNames() ? "__Host-" + CSRF_COOKIE : CSRF_COOKIE;
  }

  private String newCsrfToken() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private String csrfCookie(String token) {
    String value = URLEncoder.encode(token + "|" + csrfHash(token), StandardCharsets.UTF_8);
    return csrfCookieName() + "=" + value + "; Path=/; HttpOnly; SameSite=Lax";
  }

  /** NextAuth's double submit: the form's token must equal the cookie's, and the cookie's hash must be ours. */
  private boolean csrfValid(HttpCall call, String formToken) {
    String cookie = call.cookies.get(csrfCookieName());
    if (cookie == null || formToken == null) {
      return false;
    }
    String[] parts = URLDecoder.decode(cookie, StandardCharsets.UTF_8).split("\\|");
    return parts.length == 2 && parts[0].equals(formToken) && parts[1].equals(csrfHash(parts[0]));
  }

  private String csrfHash(String token) {
    byte[] input = (token + HexFormat.of().formatHex(csrfSecret)).getBytes(StandardCharsets.UTF_8);
    return HexFormat.of().formatHex(sha256(input));
  }

  private String newSessionToken() {
    byte[] iv = new byte[12];
    byte[] cipher = new byte[180];
    byte[] tag = new byte[16];
    random.nextBytes(iv);
    random.nextBytes(cipher);
    random.nextBytes(tag);
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    // Shaped like NextAuth's JWE ("dir" + A256GCM); opaque to clients, as the real one is.
    return "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0.." + b64.encodeToString(iv) + "." + b64.encodeToString(cipher)
        + "." + b64.encodeToString(tag);
  }

  private String sessionCookie(String token, Instant expires) {
    return sessionCookieName() + "=" + token + "; Path=/; Expires="
        + java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(expires.atZone(java.time.ZoneOffset.UTC))
        + "; HttpOnly; SameSite=Lax";
  }

  static byte[] sha256(byte[] input) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(input);
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
