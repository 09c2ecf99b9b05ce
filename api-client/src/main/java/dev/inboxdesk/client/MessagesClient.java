package dev.inboxdesk.client;

import dev.inboxdesk.client.AuthenticationException.Reason;
import dev.inboxdesk.client.UnexpectedResponseException.Kind;
import dev.inboxdesk.client.internal.Bytes;
import dev.inboxdesk.client.internal.CallContext;
import dev.inboxdesk.client.internal.ErrorMapper;
import dev.inboxdesk.client.internal.HttpAnswer;
import dev.inboxdesk.client.internal.HttpTransport;
import dev.inboxdesk.client.internal.Ids;
import dev.inboxdesk.client.internal.Json;
import dev.inboxdesk.client.internal.MessagesJson;
import dev.inboxdesk.client.internal.RateLimiter;
import dev.inboxdesk.client.internal.RequestSpec;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import okhttp3.Cookie;
import okhttp3.FormBody;
import okhttp3.HttpUrl;

/**
 * Client for the anonymous-messages service (a Next.js app with NextAuth v4 sessions).
 *
 * <pre>{@code
 * try (MessagesClient messages = MessagesClient.create(ClientConfig.builder("https://example.app").build())) {
 *   messages.signIn("ada@example.com", password);
 *   for (Message m : messages.listMessages()) {
 *     System.out.println(m.createdAt() + "  " + m.content());
 *   }
 *   MessageDeletion deletion = messages.deleteMessage("665f1c2e9b1e8a3d4c5b6a79");
 * }
 * }</pre>
 *
 * <p>One instance per server and account; thread-safe. Every call has a blocking form and an
 * {@code …Async} form whose future can be cancelled. Failures are {@link ApiException}s.
 */
public final class MessagesClient implements AutoCloseable {
  private static final String SESSION_COOKIE = "next-auth.session-token";
  private static final String CSRF_COOKIE = "next-auth.csrf-token";
  /** NextAuth splits a session token longer than this into {@code .0}, {@code .1}, … cookies. */
  private static final int COOKIE_CHUNK = 3936;

  private final HttpTransport transport;
  private final HttpUrl base;
  /** The deployed route exports PATCH; a server that answers 405 to it gets DELETE from then on. */
  private volatile String deleteMethod = "PATCH";

  private MessagesClient(ClientConfig config) {
    this.base = config.baseUrl();
    this.transport = new HttpTransport("messages", config, RateLimiter.withoutDefaultQuota(config.clock()));
  }

  /** A client for the service at the configuration's base URL (the app's origin). */
  public static MessagesClient create(ClientConfig config) {
    return new MessagesClient(Objects.requireNonNull(config, "config"));
  }

  /** The session cookie's name: {@code __Secure-}prefixed over https, plain over http. */
  public String sessionCookieName() {
    return base.isHttps() ? "__Secure-" + SESSION_COOKIE : SESSION_COOKIE;
  }

  /** The CSRF cookie's name: {@code __Host-}prefixed over https, plain over http. */
  public String csrfCookieName() {
    return base.isHttps() ? "__Host-" + CSRF_COOKIE : CSRF_COOKIE;
  }

  /**
   * Signs in with e-mail and password through NextAuth's credentials flow and returns who the
   * session belongs to. Success means the server set a session cookie, never just "status 200".
   *
   * @throws AuthenticationException with {@link Reason#UNKNOWN_ACCOUNT}, {@link Reason#WRONG_PASSWORD},
   *     {@link Reason#CREDENTIALS_REQUIRED} or {@link Reason#CSRF_REJECTED}
   */
  public SessionUser signIn(String email, String password) {
    return transport.sync(context -> signIn(email, password, context));
  }

  public CompletableFuture<SessionUser> signInAsync(String email, String password) {
    return transport.async(context -> signIn(email, password, context));
  }

  /**
   * Uses a session token the user copied from their browser (the value of the
   * {@link #sessionCookieName()} cookie). Nothing is sent; call {@link #session()} to check it.
   */
  public void useSessionToken(String token) {
    Objects.requireNonNull(token, "token");
    String value = token.strip();
    if (value.isEmpty() || value.chars().anyMatch(c -> c <= ' ' || c == ';' || c == ',')) {
      throw new IllegalArgumentException("A session token is one word without spaces, semicolons or commas");
    }
    transport.cookies().remove(this::isSessionCookie);
    if (value.length() <= COOKIE_CHUNK) {
      transport.cookies().put(base, sessionCookie(sessionCookieName(), value));
      return;
    }
    for (int i = 0, start = 0; start < value.length(); i++, start += COOKIE_CHUNK) {
      String chunk = value.substring(start, Math.min(value.length(), start + COOKIE_CHUNK));
      transport.cookies().put(base, sessionCookie(sessionCookieName() + "." + i, chunk));
    }
  }

  /**
   * The session token held now (the session cookie's value, chunks joined), for keeping it in a
   * keyring between runs; empty when signed out. A secret: never log or display it.
   */
  public Optional<String> sessionToken() {
    java.util.List<okhttp3.Cookie> cookies = transport.cookies().loadForRequest(base);
    for (okhttp3.Cookie cookie : cookies) {
      if (cookie.name().equals(sessionCookieName())) {
        return Optional.of(cookie.value());
      }
    }
    StringBuilder joined = new StringBuilder();
    for (int i = 0; ; i++) {
      String chunk = transport.cookies().value(base, sessionCookieName() + "." + i);
      if (chunk == null) {
        break;
      }
      joined.append(chunk);
    }
    return joined.length() == 0 ? Optional.empty() : Optional.of(joined.toString());
  }

  /** True while a session cookie is held (it may still have expired on the server). */
  public boolean hasSession() {
    return transport.cookies().has(base, this::isSessionCookie);
  }

  /** Who the session belongs to, or empty when the server says there is no session. */
  public Optional<SessionUser> session() {
    return transport.sync(this::session);
  }

  public CompletableFuture<Optional<SessionUser>> sessionAsync() {
    return transport.async(this::session);
  }

  /** Signs out on the server (best effort) and forgets the session here in any case. */
  public void signOut() {
    transport.sync(this::signOut);
  }

  public CompletableFuture<Void> signOutAsync() {
    return transport.async(this::signOut);
  }

  /** The whole inbox, newest first (the service has no paging). */
  public List<Message> listMessages() {
    return listMessages(Function.identity());
  }

  /**
   * The same, each message turned into what the caller keeps as it is read: with 100,000
   * messages, they are never all alive beside the converted list.
   */
  public <T> List<T> listMessages(Function<Message, T> convert) {
    Objects.requireNonNull(convert, "convert");
    return transport.sync(context -> listMessages(convert, context));
  }

  public CompletableFuture<List<Message>> listMessagesAsync() {
    return transport.async(context -> listMessages(Function.identity(), context));
  }

  /**
   * Deletes one message. There is no undo on the server. A well-formed id that matches nothing
   * (already deleted, or someone else's) also ends {@link DeleteOutcome#DELETED}: either way it is
   * not in this inbox.
   *
   * @param messageId 24 hex digits; anything else is refused before sending
   * @return the outcome and the inbox as the server holds it afterwards
   */
  public MessageDeletion deleteMessage(String messageId) {
    return transport.sync(context -> deleteMessage(messageId, context));
  }

  public CompletableFuture<MessageDeletion> deleteMessageAsync(String messageId) {
    return transport.async(context -> deleteMessage(messageId, context));
  }

  /** Whether the account accepts new messages now (the session's copy of the flag is stale). */
  public boolean isAcceptingMessages() {
    return transport.sync(this::isAcceptingMessages);
  }

  public CompletableFuture<Boolean> isAcceptingMessagesAsync() {
    return transport.async(this::isAcceptingMessages);
  }

  /** Turns accepting new messages on or off. */
  public void setAcceptingMessages(boolean accepting) {
    transport.sync(context -> setAcceptingMessages(accepting, context));
  }

  public CompletableFuture<Void> setAcceptingMessagesAsync(boolean accepting) {
    return transport.async(context -> setAcceptingMessages(accepting, context));
  }

  /** The HTTP method deletes use now: {@code PATCH}, or {@code DELETE} after a server refused PATCH. */
  public String deleteMethod() {
    return deleteMethod;
  }

  @Override
  public void close() {
    transport.close();
  }

  private SessionUser signIn(String email, String password, CallContext context) {
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(password, "password");
    String csrfToken = csrfToken(context);
    transport.cookies().remove(this::isSessionCookie);
    FormBody form = new FormBody.Builder()
        .add("email", email)
        .add("password", password)
        .add("csrfToken", csrfToken)
        .add("callbackUrl", url("dashboard").toString())
        .add("json", "true")
        .build();
    HttpAnswer answer = transport.exchange(
        RequestSpec.of("POST", url("api/auth/callback/credentials"), "POST /api/auth/callback/credentials", false)
            .withForm(form, true), context);
    if (answer.status() == 401) {
      throw signInRefused(answer);
    }
    ErrorMapper.requireSuccess(answer);
    if (!hasSession()) {
      // NextAuth answers a failed CSRF check with 200 and a sign-in URL, but sets no session cookie.
      throw new AuthenticationException(Reason.CSRF_REJECTED, ServerDetails.clientSide(null,
          "The server did not create a session (CSRF check failed); try again"));
    }
    return session(context).orElseThrow(() -> new AuthenticationException(Reason.NOT_AUTHENTICATED,
        ServerDetails.clientSide(null, "Signed in, but the server reports no session")));
  }

  private AuthenticationException signInRefused(HttpAnswer answer) {
    String errorUrl = null;
    try {
      errorUrl = Json.parse(answer, "the sign-in answer", MessagesJson::callbackUrl);
    } catch (UnexpectedResponseException notNextAuth) {
      throw ErrorMapper.toException(answer);
    }
    HttpUrl parsed = errorUrl == null ? null : HttpUrl.parse(errorUrl);
    String error = parsed == null ? null : parsed.queryParameter("error");
    if (error == null) {
      throw ErrorMapper.toException(answer);
    }
    Reason reason = switch (error) {
      case "User not found" -> Reason.UNKNOWN_ACCOUNT;
      case "Invalid password" -> Reason.WRONG_PASSWORD;
      case "Email and Password required" -> Reason.CREDENTIALS_REQUIRED;
      default -> Reason.INVALID_CREDENTIALS;
    };
    return new AuthenticationException(reason, new ServerDetails(401, null, error, null, java.util.Map.of(),
        List.of(), null));
  }

  private String csrfToken(CallContext context) {
    HttpAnswer answer = transport.send(RequestSpec.of("GET", url("api/auth/csrf"), "GET /api/auth/csrf", true),
        context);
    return Json.parse(answer, "the CSRF answer", MessagesJson::csrfToken);
  }

  private Optional<SessionUser> session(CallContext context) {
    HttpAnswer answer = transport.send(
        RequestSpec.of("GET", url("api/auth/session"), "GET /api/auth/session", true), context);
    return Optional.ofNullable(Json.parse(answer, "the session", MessagesJson::session));
  }

  private Void signOut(CallContext context) {
    try {
      if (hasSession()) {
        FormBody form = new FormBody.Builder().add("csrfToken", csrfToken(context)).add("json", "true").build();
        transport.exchange(RequestSpec.of("POST", url("api/auth/signout"), "POST /api/auth/signout", false)
            .withForm(form, true), context);
      }
    } catch (ApiException unreachable) {
      // Signing out locally matters more than telling the server; the cookie is gone below either way.
    } finally {
      transport.cookies().clear();
    }
    return null;
  }

  private <T> List<T> listMessages(Function<Message, T> convert, CallContext context) {
    HttpAnswer answer = transport.send(RequestSpec.of("GET", url("api/get-messages"), "GET /api/get-messages", true),
        context);
    return Json.parse(answer, "the message list", parser -> MessagesJson.messageList(parser, convert));
  }

  private MessageDeletion deleteMessage(String messageId, CallContext context) {
    String id = Ids.requireMessageId(messageId);
    HttpUrl url = url("api/delete-message").newBuilder().addQueryParameter("messageId", id).build();
    String method = deleteMethod;
    HttpAnswer answer = transport.exchange(RequestSpec.of(method, url, "DELETE-MESSAGE /api/delete-message", true),
        context);
    if (answer.status() == 405 && method.equals("PATCH")) {
      // Documented as DELETE, deployed as PATCH: whichever this server refuses, try the other once.
      deleteMethod = "DELETE";
      answer = transport.exchange(RequestSpec.of("DELETE", url, "DELETE-MESSAGE /api/delete-message", true), context);
      if (answer.status() == 405) {
        deleteMethod = "PATCH";
      }
    }
    if (answer.status() == 404 && answer.replayedAfterConnectionFailure()) {
      return new MessageDeletion(id, DeleteOutcome.ALREADY_GONE, List::of);
    }
    HttpAnswer success = ErrorMapper.requireSuccess(answer);
    Json.requireJson(success, "the delete answer");
    Supplier<List<String>> remaining = () -> Json.parse(success, "the delete answer", MessagesJson::idsAfterDelete);
    // Only an answer that mentions the id at all can still list it; reading the ids costs more than
    // the whole rest of a delete in a large inbox, so the bytes are scanned first.
    if (Bytes.containsIgnoringAsciiCase(success.body(), "\"" + id + "\"")) {
      String wanted = id.toLowerCase(Locale.ROOT);
      for (String left : remaining.get()) {
        if (left.toLowerCase(Locale.ROOT).equals(wanted)) {
          throw new UnexpectedResponseException(Kind.CONTRADICTORY,
              "the server answered success but message " + id + " is still in the inbox",
              ServerDetails.ofStatus(success.status()));
        }
      }
    }
    return new MessageDeletion(id, DeleteOutcome.DELETED, remaining);
  }

  private Boolean isAcceptingMessages(CallContext context) {
    HttpAnswer answer = transport.send(
        RequestSpec.of("GET", url("api/accept-messages"), "GET /api/accept-messages", true), context);
    return Json.parse(answer, "the accept-messages answer", MessagesJson::acceptingMessages);
  }

  private Void setAcceptingMessages(boolean accepting, CallContext context) {
    transport.send(RequestSpec.of("POST", url("api/accept-messages"), "POST /api/accept-messages", true)
        .withJson("{\"acceptMessage\":" + accepting + "}", false), context);
    return null;
  }

  private boolean isSessionCookie(String name) {
    return name.equals(sessionCookieName()) || name.startsWith(sessionCookieName() + ".");
  }

  private Cookie sessionCookie(String name, String value) {
    Cookie.Builder cookie = new Cookie.Builder().name(name).value(value).hostOnlyDomain(base.host()).path("/")
        .httpOnly();
    if (base.isHttps()) {
      cookie.secure();
    }
    return cookie.build();
  }

  private HttpUrl url(String path) {
    return base.newBuilder().addPathSegments(path).build();
  }
}
