package dev.inboxdesk.client;

import dev.inboxdesk.client.AuthenticationException.Reason;
import dev.inboxdesk.client.UnexpectedResponseException.Kind;
import dev.inboxdesk.client.internal.CallContext;
import dev.inboxdesk.client.internal.ErrorMapper;
import dev.inboxdesk.client.internal.HttpAnswer;
import dev.inboxdesk.client.internal.HttpTransport;
import dev.inboxdesk.client.internal.Ids;
import dev.inboxdesk.client.internal.Json;
import dev.inboxdesk.client.internal.MessagesJson;
import dev.inboxdesk.client.internal.RateLimiter;
import dev.inboxdesk.client.internal.RequestSpec;
import dev.inboxdesk.client.internal.StreamedRead;
import dev.inboxdesk.client.internal.Resender;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
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
  private static final String SECURE_PREFIX = "__Secure-";
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

  /**
   * A client for the service at the configuration's base URL (the app's origin).
   *
   * @param config the settings; its base URL is the app's origin
   * @return a new client, signed out; close it when done
   */
  public static MessagesClient create(ClientConfig config) {
    return new MessagesClient(Objects.requireNonNull(config, "config"));
  }

  /**
   * The session cookie's name as this server set it: {@code __Secure-next-auth.session-token} or
   * {@code next-auth.session-token}. The prefix follows the server's own idea of its URL, not the
   * client's scheme (an app behind a TLS-terminating proxy sets the plain name to an https client),
   * so it is read from the cookies held; before any is held, the usual name for the base URL's scheme.
   *
   * @return the session cookie's name
   */
  public String sessionCookieName() {
    for (String name : List.of(SECURE_PREFIX + SESSION_COOKIE, SESSION_COOKIE)) {
      if (transport.cookies().has(base, held -> held.equals(name) || held.startsWith(name + "."))) {
        return name;
      }
    }
    return base.isHttps() ? SECURE_PREFIX + SESSION_COOKIE : SESSION_COOKIE;
  }

  /** {@return the CSRF cookie's name: {@code __Host-}prefixed over https, plain over http} */
  public String csrfCookieName() {
    return base.isHttps() ? "__Host-" + CSRF_COOKIE : CSRF_COOKIE;
  }

  /**
   * Signs in with e-mail and password through NextAuth's credentials flow and returns who the
   * session belongs to. Success means the server set a session cookie, never just "status 200".
   *
   * @param email the account's e-mail
   * @param password the account's password
   * @return who the new session belongs to
   * @throws AuthenticationException with {@link Reason#UNKNOWN_ACCOUNT}, {@link Reason#WRONG_PASSWORD},
   *     {@link Reason#CREDENTIALS_REQUIRED} or {@link Reason#CSRF_REJECTED}
   */
  public SessionUser signIn(String email, String password) {
    return transport.sync(context -> signIn(email, password, context));
  }

  /**
   * The same as {@link #signIn(String, String)}, on the client's threads (or the configured executor).
   *
   * @param email the account's e-mail
   * @param password the account's password
   * @return a future that completes with who the new session belongs to, or exceptionally with the
   *     {@link ApiException} the blocking form throws; already failed with
   *     {@link IllegalStateException} once the client is closed. Cancelling it aborts the request
   *     in flight and any wait, and completes it with a {@link java.util.concurrent.CancellationException}
   */
  public CompletableFuture<SessionUser> signInAsync(String email, String password) {
    return transport.async(context -> signIn(email, password, context));
  }

  /**
   * Uses a session token the user copied from their browser (the value of the
   * {@code next-auth.session-token} cookie, with or without the {@code __Secure-} prefix). Nothing
   * is sent; call {@link #session()} to check it. The token goes out under both names, since which
   * one a server reads depends on its own configuration, not on the address the client uses.
   *
   * @param token the cookie's value
   * @throws IllegalArgumentException if the token is blank or holds spaces, semicolons or commas
   */
  public void useSessionToken(String token) {
    Objects.requireNonNull(token, "token");
    String value = token.strip();
    if (value.isEmpty() || value.chars().anyMatch(c -> c <= ' ' || c == ';' || c == ',')) {
      throw new IllegalArgumentException("A session token is one word without spaces, semicolons or commas");
    }
    transport.cookies().remove(MessagesClient::isSessionCookie);
    for (String name : List.of(SECURE_PREFIX + SESSION_COOKIE, SESSION_COOKIE)) {
      if (value.length() <= COOKIE_CHUNK) {
        transport.cookies().put(base, sessionCookie(name, value));
        continue;
      }
      for (int i = 0, start = 0; start < value.length(); i++, start += COOKIE_CHUNK) {
        String chunk = value.substring(start, Math.min(value.length(), start + COOKIE_CHUNK));
        transport.cookies().put(base, sessionCookie(name + "." + i, chunk));
      }
    }
  }

  /**
   * The session token held now (the session cookie's value, chunks joined), for keeping it in a
   * keyring between runs; empty when signed out. A secret: never log or display it.
   *
   * @return the token, or empty
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

  /** {@return true while a session cookie is held (it may still have expired on the server)} */
  public boolean hasSession() {
    return transport.cookies().has(base, MessagesClient::isSessionCookie);
  }

  /** {@return who the session belongs to, or empty when the server says there is no session} */
  public Optional<SessionUser> session() {
    return transport.sync(this::session);
  }

  /**
   * The same as {@link #session()}, on the client's threads (or the configured executor).
   *
   * @return a future that completes with who the session belongs to, or empty, or exceptionally with the
   *     {@link ApiException} the blocking form throws; already failed with
   *     {@link IllegalStateException} once the client is closed. Cancelling it aborts the request
   *     in flight and any wait, and completes it with a {@link java.util.concurrent.CancellationException}
   */
  public CompletableFuture<Optional<SessionUser>> sessionAsync() {
    return transport.async(this::session);
  }

  /** Signs out on the server (best effort) and forgets the session here in any case. */
  public void signOut() {
    transport.sync(this::signOut);
  }

  /**
   * The same as {@link #signOut()}, on the client's threads (or the configured executor).
   *
   * @return a future that completes with null once signed out here, or exceptionally with the
   *     {@link ApiException} the blocking form throws; already failed with
   *     {@link IllegalStateException} once the client is closed. Cancelling it aborts the request
   *     in flight and any wait, and completes it with a {@link java.util.concurrent.CancellationException}
   */
  public CompletableFuture<Void> signOutAsync() {
    return transport.async(this::signOut);
  }

  /** {@return the whole inbox, newest first (the service has no paging)} */
  public List<Message> listMessages() {
    return listMessages(Function.identity());
  }

  /**
   * The same, each message turned into what the caller keeps as it is read: with 100,000
   * messages, they are never all alive beside the converted list. {@code convert} runs while the
   * answer arrives, so its time counts against the call's timeouts, and when the connection
   * breaks in the middle and the listing is sent again, it runs again for the messages read
   * before: it should only convert.
   *
   * @param <T> what the caller keeps of each message
   * @param convert turns each message into what is kept, in the order read
   * @return the converted messages, newest first
   */
  public <T> List<T> listMessages(Function<Message, T> convert) {
    Objects.requireNonNull(convert, "convert");
    return transport.sync(context -> listMessages(convert, context));
  }

  /**
   * The same as {@link #listMessages()}, on the client's threads (or the configured executor).
   *
   * @return a future that completes with the whole inbox, newest first, or exceptionally with the
   *     {@link ApiException} the blocking form throws; already failed with
   *     {@link IllegalStateException} once the client is closed. Cancelling it aborts the request
   *     in flight and any wait, and completes it with a {@link java.util.concurrent.CancellationException}
   */
  public CompletableFuture<List<Message>> listMessagesAsync() {
    return transport.async(context -> listMessages(Function.identity(), context));
  }

  /**
   * Deletes one message for good (the server has no undo). The server answers success for any
   * well-formed id, in the inbox or not, so this lists the inbox first (one request): an id that is
   * not in it ends in {@link NotFoundException} and nothing is sent. A caller that has just listed
   * the inbox uses {@link #deleteListedMessage}; for many ids, {@link #deleteMessages} lists once.
   *
   * @param messageId 24 hex digits; anything else is refused before sending
   * @return the outcome and the inbox as the server holds it afterwards
   * @throws NotFoundException when the id is not in this inbox
   * @throws UnconfirmedException when the server answered success unreadably and the check failed
   */
  public MessageDeletion deleteMessage(String messageId) {
    return transport.sync(context -> {
      String id = Ids.requireMessageId(messageId);
      requireInInbox(id, inboxIds(context));
      return deleteListedMessage(id, context);
    });
  }

  /**
   * The same as {@link #deleteMessage(String)}, on the client's threads (or the configured executor).
   *
   * @param messageId 24 hex digits
   * @return a future that completes with the deletion, or exceptionally with {@link NotFoundException} when the id is
   *     not in this inbox, or exceptionally with the
   *     {@link ApiException} the blocking form throws; already failed with
   *     {@link IllegalStateException} once the client is closed. Cancelling it aborts the request
   *     in flight and any wait, and completes it with a {@link java.util.concurrent.CancellationException}
   */
  public CompletableFuture<MessageDeletion> deleteMessageAsync(String messageId) {
    return transport.async(context -> {
      String id = Ids.requireMessageId(messageId);
      requireInInbox(id, inboxIds(context));
      return deleteListedMessage(id, context);
    });
  }

  /**
   * Deletes a message the caller knows is in the inbox (it was in a listing just made): no listing
   * first. The outcome is what the answer proves: {@link DeleteOutcome#DELETED} when the inbox in
   * the answer lacks the id. An answer that cannot be read is checked by listing the inbox; when
   * even that fails, {@link UnconfirmedException}.
   *
   * @param messageId 24 hex digits; anything else is refused before sending
   * @return the outcome and the inbox as the server holds it afterwards
   * @throws UnexpectedResponseException when the message is still in the inbox after a success answer
   * @throws UnconfirmedException when the answer was unreadable and listing to check failed
   */
  public MessageDeletion deleteListedMessage(String messageId) {
    return transport.sync(context -> deleteListedMessage(Ids.requireMessageId(messageId), context));
  }

  /**
   * The same as {@link #deleteListedMessage(String)}, on the client's threads (or the configured executor).
   *
   * @param messageId 24 hex digits
   * @return a future that completes with the deletion, or exceptionally with the
   *     {@link ApiException} the blocking form throws; already failed with
   *     {@link IllegalStateException} once the client is closed. Cancelling it aborts the request
   *     in flight and any wait, and completes it with a {@link java.util.concurrent.CancellationException}
   */
  public CompletableFuture<MessageDeletion> deleteListedMessageAsync(String messageId) {
    return transport.async(context -> deleteListedMessage(Ids.requireMessageId(messageId), context));
  }

  /**
   * Deletes several messages, listing the inbox once first: each id ends with a proved outcome or
   * its own typed error ({@link NotFoundException} when it was not in the inbox, an invalid id's
   * {@link InvalidRequestException}); one failure does not stop the others. Ids are sent one at a
   * time, in the order given.
   *
   * @param messageIds the ids, each 24 hex digits
   * @return one result per id given, in the same order
   * @throws ApiException when listing the inbox first fails (each id's own failure is in its result)
   */
  public List<DeleteResult> deleteMessages(List<String> messageIds) {
    return deleteMessages(messageIds, result -> { });
  }

  /**
   * The same, telling {@code onEach} of every result as it happens (for progress).
   *
   * @param messageIds the ids, each 24 hex digits
   * @param onEach told of each result as it happens, on the calling thread
   * @return one result per id given, in the same order
   * @throws ApiException when listing the inbox first fails
   */
  public List<DeleteResult> deleteMessages(List<String> messageIds, Consumer<DeleteResult> onEach) {
    Objects.requireNonNull(messageIds, "messageIds");
    Objects.requireNonNull(onEach, "onEach");
    return transport.sync(context -> deleteMessages(messageIds, onEach, context));
  }

  /**
   * The same as {@link #deleteMessages(List)}, on the client's threads (or the configured executor).
   *
   * @param messageIds the ids, each 24 hex digits
   * @return a future that completes with one result per id given, in the same order, or exceptionally with the
   *     {@link ApiException} the blocking form throws; already failed with
   *     {@link IllegalStateException} once the client is closed. Cancelling it aborts the request
   *     in flight and any wait, and completes it with a {@link java.util.concurrent.CancellationException}
   */
  public CompletableFuture<List<DeleteResult>> deleteMessagesAsync(List<String> messageIds) {
    Objects.requireNonNull(messageIds, "messageIds");
    return transport.async(context -> deleteMessages(messageIds, result -> { }, context));
  }

  /** {@return whether the account accepts new messages now (the session's copy of the flag is stale)} */
  public boolean isAcceptingMessages() {
    return transport.sync(this::isAcceptingMessages);
  }

  /**
   * The same as {@link #isAcceptingMessages()}, on the client's threads (or the configured executor).
   *
   * @return a future that completes with whether the account accepts new messages, or exceptionally with the
   *     {@link ApiException} the blocking form throws; already failed with
   *     {@link IllegalStateException} once the client is closed. Cancelling it aborts the request
   *     in flight and any wait, and completes it with a {@link java.util.concurrent.CancellationException}
   */
  public CompletableFuture<Boolean> isAcceptingMessagesAsync() {
    return transport.async(this::isAcceptingMessages);
  }

  /**
   * Turns accepting new messages on or off.
   *
   * @param accepting true to accept new messages
   */
  public void setAcceptingMessages(boolean accepting) {
    transport.sync(context -> setAcceptingMessages(accepting, context));
  }

  /**
   * The same as {@link #setAcceptingMessages(boolean)}, on the client's threads (or the configured executor).
   *
   * @param accepting true to accept new messages
   * @return a future that completes with null once the server took the change, or exceptionally with the
   *     {@link ApiException} the blocking form throws; already failed with
   *     {@link IllegalStateException} once the client is closed. Cancelling it aborts the request
   *     in flight and any wait, and completes it with a {@link java.util.concurrent.CancellationException}
   */
  public CompletableFuture<Void> setAcceptingMessagesAsync(boolean accepting) {
    return transport.async(context -> setAcceptingMessages(accepting, context));
  }

  /**
   * Sends an anonymous message to {@code username} through the service's public route: no
   * sign-in needed (for test messages). Not paced: the service has no rate limit.
   *
   * @param username who receives it
   * @param content the message's text
   * @throws NotFoundException when there is no such user
   * @throws AuthenticationException with {@link Reason#FORBIDDEN} when the user does not accept messages now
   */
  public void sendMessage(String username, String content) {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(content, "content");
    transport.sync(context -> sendMessage(username, content, context));
  }

  /**
   * The same, on the client's threads.
   *
   * @param username who receives it
   * @param content the message's text
   * @return a future that completes when the server accepted the message, or fails with the
   *     {@link ApiException} the blocking form throws
   */
  public CompletableFuture<Void> sendMessageAsync(String username, String content) {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(content, "content");
    return transport.async(context -> sendMessage(username, content, context));
  }

  /**
   * Sends a recorded request again, as a tester edited it, through this signed-in client: its
   * cookies come from the session, never from the text. Sent once, not retried.
   *
   * @param request the edited request; its address must be on this client's server
   * @return the answer, masked
   * @throws InvalidRequestException when the address is another server's
   */
  public Resent resend(ResendRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.sync(context -> Resender.send(transport, base, request, null, context));
  }

  /** {@return the HTTP method deletes use now: {@code PATCH}, or {@code DELETE} after a server refused PATCH} */
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
    transport.cookies().remove(MessagesClient::isSessionCookie);
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
    SessionUser user = Json.parse(answer, "the session", MessagesJson::session);
    if (user == null) {
      // The server knows no session for what we sent: whatever session cookies are left (a pasted
      // token's other name, say) are worthless too.
      transport.cookies().remove(MessagesClient::isSessionCookie);
    }
    return Optional.ofNullable(user);
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
    // The whole inbox in one answer (16.6 MB for 100,000 messages): parsed as it arrives, never held whole.
    return transport.send(RequestSpec.of("GET", url("api/get-messages"), "GET /api/get-messages", true), context,
        new StreamedRead<>("the message list", parser -> MessagesJson.messageList(parser, convert)));
  }

  private List<DeleteResult> deleteMessages(List<String> messageIds, Consumer<DeleteResult> onEach,
      CallContext context) {
    List<DeleteResult> results = new ArrayList<>(messageIds.size());
    Set<String> inbox = null;
    for (String given : messageIds) {
      try {
        String id = Ids.requireMessageId(given);
        if (inbox == null) {
          inbox = inboxIds(context);
        }
        requireInInbox(id, inbox);
        results.add(DeleteResult.of(given, deleteListedMessage(id, context).outcome()));
      } catch (ApiException failed) {
        results.add(DeleteResult.failed(given, failed));
      }
      onEach.accept(results.get(results.size() - 1));
    }
    return results;
  }

  private Set<String> inboxIds(CallContext context) {
    return new HashSet<>(listMessages(message -> message.id().toLowerCase(Locale.ROOT), context));
  }

  private static void requireInInbox(String id, Set<String> inbox) {
    if (!inbox.contains(id.toLowerCase(Locale.ROOT))) {
      throw new NotFoundException(ServerDetails.clientSide(null, "Message " + id + " is not in the inbox"));
    }
  }

  private MessageDeletion deleteListedMessage(String id, CallContext context) {
    HttpUrl url = url("api/delete-message").newBuilder().addQueryParameter("messageId", id).build();
    String method = deleteMethod;
    // The answer is the whole user document, every message in it: its ids are read as it arrives.
    StreamedRead<List<String>> read = new StreamedRead<>("the delete answer", MessagesJson::idsAfterDelete);
    HttpAnswer answer = transport.exchange(RequestSpec.of(method, url, "DELETE-MESSAGE /api/delete-message", true),
        context, read);
    if (answer.status() == 405) {
      // Documented as DELETE, deployed as PATCH: whichever this server refuses, try the other once.
      String other = method.equals("PATCH") ? "DELETE" : "PATCH";
      answer = transport.exchange(RequestSpec.of(other, url, "DELETE-MESSAGE /api/delete-message", true), context,
          read);
      if (answer.status() != 405) {
        deleteMethod = other;
      }
    }
    HttpAnswer success = ErrorMapper.requireSuccess(answer);
    List<String> remaining;
    try {
      remaining = read.value();
    } catch (UnexpectedResponseException unreadable) {
      return checkedByListing(id, success, unreadable, context);
    }
    if (containsId(remaining, id)) {
      throw new UnexpectedResponseException(Kind.CONTRADICTORY,
          "the server answered success but message " + id + " is still in the inbox",
          ServerDetails.ofStatus(success.status()));
    }
    return new MessageDeletion(id, DeleteOutcome.DELETED, () -> remaining);
  }

  /**
   * A success whose body cannot be read proves nothing: the server may have failed after its
   * status line, or a proxy may have replaced the body. The inbox says whether the message went.
   */
  private MessageDeletion checkedByListing(String id, HttpAnswer success, UnexpectedResponseException unreadable,
      CallContext context) {
    List<String> inbox;
    try {
      inbox = listMessages(Message::id, context);
    } catch (ApiException checkFailed) {
      throw new UnconfirmedException("message " + id + ": the server answered HTTP " + success.status()
          + " but the answer could not be read (" + unreadable.summary() + "), and listing the inbox to check failed",
          ServerDetails.ofStatus(success.status()), checkFailed);
    }
    if (containsId(inbox, id)) {
      throw new UnexpectedResponseException(unreadable.kind(), "the server answered HTTP " + success.status()
          + " with an unreadable answer, and message " + id + " is still in the inbox",
          ServerDetails.ofStatus(success.status()));
    }
    return new MessageDeletion(id, DeleteOutcome.DELETED, () -> inbox);
  }

  private static boolean containsId(List<String> ids, String id) {
    for (String held : ids) {
      if (held.equalsIgnoreCase(id)) {
        return true;
      }
    }
    return false;
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

  private Void sendMessage(String username, String content, CallContext context) {
    String body = Json.object("username", username, "content", content);
    // Not replayable: sending twice would deliver the message twice.
    transport.send(RequestSpec.of("POST", url("api/send-message"), "POST /api/send-message", false)
        .withJson(body, false), context);
    return null;
  }

  private static boolean isSessionCookie(String name) {
    String plain = name.startsWith(SECURE_PREFIX) ? name.substring(SECURE_PREFIX.length()) : name;
    return plain.equals(SESSION_COOKIE) || plain.startsWith(SESSION_COOKIE + ".");
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
