package dev.inboxdesk.client;

import dev.inboxdesk.client.AuthenticationException.Reason;
import dev.inboxdesk.client.internal.AccessTokens;
import dev.inboxdesk.client.internal.CallContext;
import dev.inboxdesk.client.internal.ErrorMapper;
import dev.inboxdesk.client.internal.HttpAnswer;
import dev.inboxdesk.client.internal.HttpTransport;
import dev.inboxdesk.client.internal.Ids;
import dev.inboxdesk.client.internal.Json;
import dev.inboxdesk.client.internal.NotificationsJson;
import dev.inboxdesk.client.internal.NotificationsJson.TokenAnswer;
import dev.inboxdesk.client.internal.RateLimiter;
import dev.inboxdesk.client.internal.RequestSpec;
import dev.inboxdesk.client.internal.StreamedRead;
import dev.inboxdesk.client.internal.Resender;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import okhttp3.HttpUrl;

/**
 * Client for the notifications service (a NestJS API with Bearer JWTs and
 * {@code @nestjs/throttler}).
 *
 * <pre>{@code
 * try (NotificationsClient notifications =
 *          NotificationsClient.create(ClientConfig.builder("https://api.example.com/api/v1").build())) {
 *   if (notifications.login("ada@example.com", password) instanceof LoginResult.TwoFactorRequired step) {
 *     notifications.completeTwoFactor(step.tempToken(), codeFromAuthenticator);
 *   }
 *   for (Notification n : notifications.listAll(ReadFilter.UNREAD)) {
 *     System.out.println(n.title());
 *   }
 *   notifications.deleteNotification("3f2b8c1e-0d4a-4e7b-9c61-5a8f2e9d0b17");
 * }
 * }</pre>
 *
 * <p>Requests are paced under the server's per-route limit (60 a minute unless its headers say
 * otherwise), so a long run of deletes does not provoke {@code 429}. An expired access token is
 * refreshed once, through the {@code biore_refresh} cookie, however many calls notice at the same
 * time: the server revokes every session when a refresh token is used twice.
 *
 * <p>One instance per server and account; thread-safe. Failures are {@link ApiException}s.
 */
public final class NotificationsClient implements AutoCloseable {
  /** The cookie the server keeps the refresh token in. */
  public static final String REFRESH_COOKIE = "biore_refresh";
  /** The most items a page may hold. */
  public static final int MAX_PAGE_SIZE = 50;
  private static final int DEFAULT_QUOTA_PER_MINUTE = 60;
  /** Refresh this long before the access token expires, so calls do not hit the 401 first. */
  private static final Duration REFRESH_AHEAD = Duration.ofSeconds(30);
  /**
   * A listing gives up after this many requests (100,000 notifications at 50 a page, and some):
   * a server that keeps sending full pages forever ends in an unexpected response, not a hang.
   */
  private static final int MAX_PAGES = 2_500;

  private final HttpTransport transport;
  private final HttpUrl base;
  private final Object refreshLock = new Object();
  /** Listings hold it shared, deletes exclusively: a delete between two pages would shift items past them. */
  private final ReentrantReadWriteLock listing = new ReentrantReadWriteLock();
  private volatile AccessTokens.Token token;
  private volatile Runnable sessionListener = () -> { };

  private NotificationsClient(ClientConfig config) {
    this.base = config.baseUrl();
    this.transport = new HttpTransport("notifications", config,
        RateLimiter.withDefaultQuota(config.clock(), DEFAULT_QUOTA_PER_MINUTE));
  }

  /**
   * A client for the API at the configuration's base URL (ending in {@code /api/v1}).
   *
   * @param config the settings; its base URL ends in {@code /api/v1}
   * @return a new client, signed out; close it when done
   */
  public static NotificationsClient create(ClientConfig config) {
    return new NotificationsClient(Objects.requireNonNull(config, "config"));
  }

  /**
   * Logs in. A two-factor account answers {@link LoginResult.TwoFactorRequired}; that is not an error.
   *
   * @param email the account's e-mail
   * @param password the account's password
   * @return signed in, or the second step a two-factor account needs
   * @throws AuthenticationException with {@link Reason#INVALID_CREDENTIALS}, {@link Reason#ACCOUNT_LOCKED},
   *     {@link Reason#EMAIL_NOT_VERIFIED} and the like
   */
  public LoginResult login(String email, String password) {
    return transport.sync(context -> login(email, password, context));
  }

  /**
   * The same as {@link #login(String, String)}, on the client's threads (or the configured executor).
   *
   * @param email the account's e-mail
   * @param password the account's password
   * @return a future that completes with the login result, or exceptionally with the
   *     {@link ApiException} the blocking form throws; already failed with
   *     {@link IllegalStateException} once the client is closed. Cancelling it aborts the request
   *     in flight and any wait, and completes it with a {@link java.util.concurrent.CancellationException}
   */
  public CompletableFuture<LoginResult> loginAsync(String email, String password) {
    return transport.async(context -> login(email, password, context));
  }

  /**
   * The second login step, with the ticket from {@link LoginResult.TwoFactorRequired}.
   *
   * @param tempToken the ticket from the first step
   * @param code the authenticator's code
   * @return signed in
   * @throws AuthenticationException when the code or the ticket is refused
   */
  public LoginResult completeTwoFactor(String tempToken, String code) {
    return transport.sync(context -> completeTwoFactor(tempToken, code, context));
  }

  /**
   * The same as {@link #completeTwoFactor(String, String)}, on the client's threads (or the configured executor).
   *
   * @param tempToken the ticket from the first step
   * @param code the authenticator's code
   * @return a future that completes with the login result, or exceptionally with the
   *     {@link ApiException} the blocking form throws; already failed with
   *     {@link IllegalStateException} once the client is closed. Cancelling it aborts the request
   *     in flight and any wait, and completes it with a {@link java.util.concurrent.CancellationException}
   */
  public CompletableFuture<LoginResult> completeTwoFactorAsync(String tempToken, String code) {
    return transport.async(context -> completeTwoFactor(tempToken, code, context));
  }

  /**
   * Uses an access token the user pasted (for deployments whose login needs a captcha). Its
   * expiry is read from the token when it is a JWT. Without a refresh cookie it cannot be renewed.
   *
   * @param accessToken the token, with or without {@code Bearer }
   * @throws IllegalArgumentException if it is blank or holds spaces
   */
  public void useAccessToken(String accessToken) {
    Objects.requireNonNull(accessToken, "accessToken");
    String value = accessToken.strip();
    if (value.startsWith("Bearer ")) {
      value = value.substring("Bearer ".length()).strip();
    }
    if (value.isEmpty() || value.chars().anyMatch(c -> c <= ' ')) {
      throw new IllegalArgumentException("An access token is one word without spaces");
    }
    token = new AccessTokens.Token(value, AccessTokens.expiryOf(value));
  }

  /** {@return true while an access token is held (it may have expired)} */
  public boolean isSignedIn() {
    return token != null;
  }

  /** {@return when the held access token expires, if known} */
  public Optional<Instant> accessTokenExpiresAt() {
    AccessTokens.Token current = token;
    return current == null ? Optional.empty() : Optional.ofNullable(current.expiresAt());
  }

  /**
   * The refresh token held now, for keeping it in a keyring between runs; empty when none. It
   * rotates on every refresh: listen with {@link #onSessionChanged} and store the new one each
   * time, or the next run presents a used token and the server revokes every session.
   * A secret: never log or display it.
   *
   * @return the refresh token, or empty
   */
  public Optional<String> refreshToken() {
    return Optional.ofNullable(transport.cookies().value(url("auth/refresh"), REFRESH_COOKIE));
  }

  /**
   * Uses a refresh token kept from an earlier run; call {@link #refresh()} to get an access token
   * with it. Nothing is sent here.
   *
   * @param refreshToken the token kept earlier
   * @throws IllegalArgumentException if it is blank or holds spaces, semicolons or commas
   */
  public void useRefreshToken(String refreshToken) {
    Objects.requireNonNull(refreshToken, "refreshToken");
    String value = refreshToken.strip();
    if (value.isEmpty() || value.chars().anyMatch(c -> c <= ' ' || c == ';' || c == ',')) {
      throw new IllegalArgumentException("A refresh token is one word without spaces, semicolons or commas");
    }
    HttpUrl authUrl = url("auth");
    okhttp3.Cookie.Builder cookie = new okhttp3.Cookie.Builder().name(REFRESH_COOKIE).value(value)
        .hostOnlyDomain(base.host()).path(authUrl.encodedPath()).httpOnly();
    if (base.isHttps()) {
      cookie.secure();
    }
    transport.cookies().put(authUrl, cookie.build());
  }

  /**
   * Called (on the calling thread) after every login, refresh and logout, when the tokens the
   * client holds have changed.
   *
   * @param listener replaces the one before; a no-op by default
   */
  public void onSessionChanged(Runnable listener) {
    this.sessionListener = Objects.requireNonNull(listener, "listener");
  }

  /** {@return true when a refresh cookie is held, so an expired access token can be renewed} */
  public boolean canRefresh() {
    return transport.cookies().has(url("auth/refresh"), REFRESH_COOKIE::equals);
  }

  /**
   * Renews the access token now (single-flight with any refresh already running).
   *
   * @throws AuthenticationException with {@link Reason#REFRESH_UNAVAILABLE} when no refresh token is
   *     held, {@link Reason#REFRESH_TOKEN_REUSED} when the server revoked the sessions
   */
  public void refresh() {
    transport.sync(context -> refreshReplacing(token, context));
  }

  /**
   * The same as {@link #refresh()}, on the client's threads (or the configured executor).
   *
   * @return a future that completes with null once a new access token is held, or exceptionally with the
   *     {@link ApiException} the blocking form throws; already failed with
   *     {@link IllegalStateException} once the client is closed. Cancelling it aborts the request
   *     in flight and any wait, and completes it with a {@link java.util.concurrent.CancellationException}
   */
  public CompletableFuture<Void> refreshAsync() {
    AccessTokens.Token stale = token;
    return transport.async(context -> {
      refreshReplacing(stale, context);
      return null;
    });
  }

  /** Logs out on the server (best effort; the call is idempotent) and forgets the tokens here. */
  public void logout() {
    transport.sync(this::logout);
  }

  /**
   * The same as {@link #logout()}, on the client's threads (or the configured executor).
   *
   * @return a future that completes with null once the tokens are forgotten here, or exceptionally with the
   *     {@link ApiException} the blocking form throws; already failed with
   *     {@link IllegalStateException} once the client is closed. Cancelling it aborts the request
   *     in flight and any wait, and completes it with a {@link java.util.concurrent.CancellationException}
   */
  public CompletableFuture<Void> logoutAsync() {
    return transport.async(this::logout);
  }

  /**
   * One page of notifications, newest first.
   *
   * @param page from 1
   * @param limit 1 to {@value #MAX_PAGE_SIZE}
   * @param filter which notifications: all, read or unread
   * @return the page; fewer than {@code limit} items means the last page
   */
  public NotificationPage listPage(ReadFilter filter, int page, int limit) {
    return transport.sync(context -> bounded(listPage(filter, page, limit, context), filter, limit));
  }

  /**
   * The same as {@link #listPage(ReadFilter, int, int)}, on the client's threads (or the configured executor).
   *
   * @param filter which notifications: all, read or unread
   * @param page from 1
   * @param limit 1 to {@value #MAX_PAGE_SIZE}
   * @return a future that completes with the page, or exceptionally with the
   *     {@link ApiException} the blocking form throws; already failed with
   *     {@link IllegalStateException} once the client is closed. Cancelling it aborts the request
   *     in flight and any wait, and completes it with a {@link java.util.concurrent.CancellationException}
   */
  public CompletableFuture<NotificationPage> listPageAsync(ReadFilter filter, int page, int limit) {
    return transport.async(context -> bounded(listPage(filter, page, limit, context), filter, limit));
  }

  /**
   * Every notification the filter selects, newest first, paging until a short page.
   *
   * @param filter which notifications: all, read or unread
   * @return every notification selected, newest first
   */
  public List<Notification> listAll(ReadFilter filter) {
    return listAll(filter, Function.identity());
  }

  /**
   * The same, each notification turned into what the caller keeps as its page arrives: with
   * 100,000 notifications, only one page of them is alive at a time, not all of them beside the
   * converted list.
   *
   * @param <T> what the caller keeps of each notification
   * @param filter which notifications: all, read or unread
   * @param convert turns each notification into what is kept, in the order read
   * @return the converted notifications, newest first
   */
  public <T> List<T> listAll(ReadFilter filter, Function<Notification, T> convert) {
    Objects.requireNonNull(convert, "convert");
    return transport.sync(context -> listAll(filter, convert, context));
  }

  /**
   * The same as {@link #listAll(ReadFilter)}, on the client's threads (or the configured executor).
   *
   * @param filter which notifications: all, read or unread
   * @return a future that completes with every notification selected, newest first, or exceptionally with the
   *     {@link ApiException} the blocking form throws; already failed with
   *     {@link IllegalStateException} once the client is closed. Cancelling it aborts the request
   *     in flight and any wait, and completes it with a {@link java.util.concurrent.CancellationException}
   */
  public CompletableFuture<List<Notification>> listAllAsync(ReadFilter filter) {
    return transport.async(context -> listAll(filter, Function.identity(), context));
  }

  /**
   * Deletes one notification for good (the server has no undo).
   *
   * @param id a UUID; anything else is refused before sending
   * @return {@link DeleteOutcome#ALREADY_GONE} when a retry after a broken connection found it gone
   * @throws NotFoundException when it does not exist or is someone else's: either way not in this list
   */
  public DeleteOutcome deleteNotification(String id) {
    return transport.sync(context -> deleteNotification(id, context));
  }

  /**
   * The same as {@link #deleteNotification(String)}, on the client's threads (or the configured executor).
   *
   * @param id a UUID
   * @return a future that completes with the outcome, or exceptionally with the
   *     {@link ApiException} the blocking form throws; already failed with
   *     {@link IllegalStateException} once the client is closed. Cancelling it aborts the request
   *     in flight and any wait, and completes it with a {@link java.util.concurrent.CancellationException}
   */
  public CompletableFuture<DeleteOutcome> deleteNotificationAsync(String id) {
    return transport.async(context -> deleteNotification(id, context));
  }

  /**
   * Sends a recorded request again, as a tester edited it, through this signed-in client: a masked
   * {@code Authorization} is filled in with the current access token, cookies come from the session.
   * Sent once, not retried.
   *
   * @param request the edited request; its address must be on this client's server
   * @return the answer, masked
   * @throws InvalidRequestException when the address is another server's
   */
  public Resent resend(ResendRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.sync(context -> {
      AccessTokens.Token current = token;
      return Resender.send(transport, base, request, current == null ? null : current.value(), context);
    });
  }

  /**
   * Marks one notification read.
   *
   * @param id a UUID; anything else is refused before sending
   * @throws NotFoundException when it does not exist or is someone else's
   * @throws RouteUnavailableException when this server has no route to mark one read
   */
  public void markRead(String id) {
    transport.sync(context -> markRead(id, context));
  }

  /**
   * The same as {@link #markRead(String)}, on the client's threads (or the configured executor).
   *
   * @param id a UUID
   * @return a future that completes with null once marked, or exceptionally with the
   *     {@link ApiException} the blocking form throws; already failed with
   *     {@link IllegalStateException} once the client is closed. Cancelling it aborts the request
   *     in flight and any wait, and completes it with a {@link java.util.concurrent.CancellationException}
   */
  public CompletableFuture<Void> markReadAsync(String id) {
    return transport.async(context -> markRead(id, context));
  }

  /** {@return marks every notification read; returns how many changed} */
  public int markAllRead() {
    return transport.sync(this::markAllRead);
  }

  /**
   * The same as {@link #markAllRead()}, on the client's threads (or the configured executor).
   *
   * @return a future that completes with how many changed, or exceptionally with the
   *     {@link ApiException} the blocking form throws; already failed with
   *     {@link IllegalStateException} once the client is closed. Cancelling it aborts the request
   *     in flight and any wait, and completes it with a {@link java.util.concurrent.CancellationException}
   */
  public CompletableFuture<Integer> markAllReadAsync() {
    return transport.async(this::markAllRead);
  }

  /** {@return deletes every read notification for good; returns how many} */
  public int clearRead() {
    return transport.sync(this::clearRead);
  }

  /**
   * The same as {@link #clearRead()}, on the client's threads (or the configured executor).
   *
   * @return a future that completes with how many were deleted, or exceptionally with the
   *     {@link ApiException} the blocking form throws; already failed with
   *     {@link IllegalStateException} once the client is closed. Cancelling it aborts the request
   *     in flight and any wait, and completes it with a {@link java.util.concurrent.CancellationException}
   */
  public CompletableFuture<Integer> clearReadAsync() {
    return transport.async(this::clearRead);
  }

  /** {@return how many notifications are unread} */
  public int unreadCount() {
    return transport.sync(this::unreadCount);
  }

  /**
   * The same as {@link #unreadCount()}, on the client's threads (or the configured executor).
   *
   * @return a future that completes with the number of unread notifications, or exceptionally with the
   *     {@link ApiException} the blocking form throws; already failed with
   *     {@link IllegalStateException} once the client is closed. Cancelling it aborts the request
   *     in flight and any wait, and completes it with a {@link java.util.concurrent.CancellationException}
   */
  public CompletableFuture<Integer> unreadCountAsync() {
    return transport.async(this::unreadCount);
  }

  @Override
  public void close() {
    transport.close();
  }

  private LoginResult login(String email, String password, CallContext context) {
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(password, "password");
    String body = Json.object("email", email, "password", password);
    HttpAnswer answer;
    try {
      answer = transport.send(RequestSpec.of("POST", url("auth/login"), "POST /auth/login", false)
          .withJson(body, true), context);
    } catch (AuthenticationException refused) {
      throw asLoginRefusal(refused);
    }
    return accept(Json.parse(answer, "the login answer", NotificationsJson::tokens));
  }

  /**
   * A login refused with {@code 401} and no key naming why (Nest's default body, without the API's
   * envelope) is a wrong e-mail or password, not an ended session: nobody had signed in yet.
   */
  private static AuthenticationException asLoginRefusal(AuthenticationException refused) {
    if (refused.status() == 401 && refused.reason() == Reason.NOT_AUTHENTICATED && refused.i18nKey() == null
        && refused.code() == null) {
      return new AuthenticationException(Reason.INVALID_CREDENTIALS, refused.serverDetails());
    }
    return refused;
  }

  private LoginResult completeTwoFactor(String tempToken, String code, CallContext context) {
    Objects.requireNonNull(tempToken, "tempToken");
    Objects.requireNonNull(code, "code");
    String body = Json.object("tempToken", tempToken, "code", code);
    HttpAnswer answer = transport.send(RequestSpec.of("POST", url("auth/login/2fa"), "POST /auth/login/2fa", false)
        .withJson(body, true), context);
    return accept(Json.parse(answer, "the two-factor answer", NotificationsJson::tokens));
  }

  private LoginResult accept(TokenAnswer answer) {
    if (answer.requiresTwoFactor()) {
      return new LoginResult.TwoFactorRequired(answer.tempToken());
    }
    token = tokenFrom(answer);
    sessionListener.run();
    return new LoginResult.SignedIn(token.expiresAt());
  }

  private AccessTokens.Token tokenFrom(TokenAnswer answer) {
    Instant expiresAt = answer.expiresInSeconds() != null
        ? transport.config().clock().instant().plusSeconds(answer.expiresInSeconds())
        : AccessTokens.expiryOf(answer.accessToken());
    return new AccessTokens.Token(answer.accessToken(), expiresAt);
  }

  /**
   * Refreshes unless someone already replaced {@code stale}: callers that saw the same expired
   * token wait on the lock, then find the new token and send nothing. Exactly one refresh request.
   */
  private AccessTokens.Token refreshReplacing(AccessTokens.Token stale, CallContext context) {
    synchronized (refreshLock) {
      AccessTokens.Token current = token;
      if (current != null && current != stale) {
        return current;
      }
      if (!canRefresh()) {
        throw new AuthenticationException(Reason.REFRESH_UNAVAILABLE,
            ServerDetails.clientSide(null, "The access token expired and there is no refresh token; sign in again"));
      }
      HttpAnswer answer = transport.exchange(RequestSpec.of("POST", url("auth/refresh"), "POST /auth/refresh", false),
          context);
      if (!answer.isSuccess()) {
        ApiException error = ErrorMapper.toException(answer);
        if (error instanceof RouteUnavailableException) {
          // A deployment without the refresh route: the token cannot be renewed; sign in again.
          transport.cookies().remove(REFRESH_COOKIE::equals);
          throw new AuthenticationException(Reason.REFRESH_UNAVAILABLE, ServerDetails.clientSide(null,
              "This server cannot renew the session (no refresh route); sign in again"));
        }
        if (error instanceof AuthenticationException) {
          // Rejected (expired, or reused and every session revoked): only a new sign-in helps.
          token = null;
          transport.cookies().remove(REFRESH_COOKIE::equals);
          sessionListener.run();
        }
        throw error;
      }
      AccessTokens.Token fresh = tokenFrom(Json.parse(answer, "the refresh answer", NotificationsJson::tokens));
      token = fresh;
      sessionListener.run();
      return fresh;
    }
  }

  /** Sends with the access token, refreshing it first when due and once after a {@code 401}. */
  private HttpAnswer authorized(RequestSpec spec, CallContext context) {
    return authorized(spec, context, null);
  }

  /** As {@link #authorized(RequestSpec, CallContext)}, with a success's body parsed by {@code read} as it arrives. */
  private HttpAnswer authorized(RequestSpec spec, CallContext context, StreamedRead<?> read) {
    AccessTokens.Token current = token;
    if (current == null) {
      throw new AuthenticationException(Reason.NOT_AUTHENTICATED,
          ServerDetails.clientSide(null, "Not signed in to the notifications service"));
    }
    Instant now = transport.config().clock().instant();
    if (current.expiresAt() != null && now.isAfter(current.expiresAt().minus(REFRESH_AHEAD)) && canRefresh()) {
      current = refreshReplacing(current, context);
    }
    HttpAnswer answer = transport.exchange(spec.withBearer(current.value()), context, read);
    if (answer.status() == 401 && (canRefresh() || token != current)) {
      current = refreshReplacing(current, context);
      answer = transport.exchange(spec.withBearer(current.value()), context, read);
    }
    return answer;
  }

  private Void logout(CallContext context) {
    AccessTokens.Token current = token;
    try {
      if (current != null || canRefresh()) {
        RequestSpec spec = RequestSpec.of("POST", url("auth/logout"), "POST /auth/logout", true);
        transport.exchange(current == null ? spec : spec.withBearer(current.value()), context);
      }
    } catch (ApiException unreachable) {
      // Forgetting the tokens here matters more than telling the server.
    } finally {
      token = null;
      transport.cookies().clear();
      sessionListener.run();
    }
    return null;
  }

  private NotificationPage listPage(ReadFilter filter, int page, int limit, CallContext context) {
    Objects.requireNonNull(filter, "filter");
    if (page < 1 || limit < 1 || limit > MAX_PAGE_SIZE) {
      throw InvalidRequestException.refusedBeforeSending(InvalidRequestException.INVALID_ARGUMENT,
          "page must be at least 1 and limit between 1 and " + MAX_PAGE_SIZE + ", got page " + page
              + " and limit " + limit);
    }
    HttpUrl.Builder url = url("notifications").newBuilder();
    if (filter != ReadFilter.ALL) {
      url.addQueryParameter("read", filter == ReadFilter.READ ? "true" : "false");
    }
    url.addQueryParameter("page", Integer.toString(page)).addQueryParameter("limit", Integer.toString(limit));
    // A deployment that ignores the limit may send every notification at once: parsed as it arrives.
    StreamedRead<NotificationPage> read = new StreamedRead<>("the notification list", NotificationsJson::page);
    ErrorMapper.requireSuccess(authorized(RequestSpec.of("GET", url.build(), "GET /notifications", true), context, read));
    return read.value();
  }

  /** A page as asked for: the filter and the size bound applied here too, whatever the server did. */
  private static NotificationPage bounded(NotificationPage answer, ReadFilter filter, int limit) {
    List<Notification> kept = answer.items().stream().filter(filter::matches).limit(limit).toList();
    return kept.size() == answer.items().size() ? answer
        : new NotificationPage(kept, answer.page(), answer.limit(), answer.total());
  }

  /**
   * Pages through the list so that nothing is skipped or repeated: each id is kept once; the
   * filter is applied here too; a page the server makes shorter than asked for ends the listing
   * only when the server's own page size or total says so; and when the total shrinks between two
   * pages (something was deleted meanwhile, shifting items to earlier pages), the previous page is
   * read again. This client's own deletes wait while a listing pages.
   */
  private <T> List<T> listAll(ReadFilter filter, Function<Notification, T> convert, CallContext context) {
    listing.readLock().lock();
    try {
      List<T> all = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      Integer lastTotal = null;
      for (int page = 1, requests = 0; requests < MAX_PAGES; page++, requests++) {
        NotificationPage current = listPage(filter, page, MAX_PAGE_SIZE, context);
        if (page > 1 && shrank(lastTotal, current.total())) {
          requests++;
          keepNew(listPage(filter, page - 1, MAX_PAGE_SIZE, context), filter, convert, seen, all);
        }
        int fresh = keepNew(current, filter, convert, seen, all);
        lastTotal = current.total();
        if (fresh == 0 || isLastPage(current, seen.size())) {
          return all;
        }
      }
      throw new UnexpectedResponseException(UnexpectedResponseException.Kind.TOO_LARGE,
          "the notification list did not end after " + MAX_PAGES + " pages", ServerDetails.NONE);
    } finally {
      listing.readLock().unlock();
    }
  }

  private static <T> int keepNew(NotificationPage page, ReadFilter filter, Function<Notification, T> convert,
      Set<String> seen, List<T> into) {
    int fresh = 0;
    for (Notification notification : page.items()) {
      if (seen.add(notification.id())) {
        fresh++;
        if (filter.matches(notification)) {
          into.add(convert.apply(notification));
        }
      }
    }
    return fresh;
  }

  private static boolean shrank(Integer before, Integer now) {
    return before != null && now != null && now < before;
  }

  /** A short page ends the list, unless the server pages by a smaller size of its own or counts more. */
  private static boolean isLastPage(NotificationPage page, int seenSoFar) {
    if (page.total() != null) {
      return seenSoFar >= page.total();
    }
    int size = page.items().size();
    boolean serverPagesSmaller = page.limit() != null && page.limit() < MAX_PAGE_SIZE && size >= page.limit();
    return size < MAX_PAGE_SIZE && !serverPagesSmaller;
  }

  private DeleteOutcome deleteNotification(String id, CallContext context) {
    HttpUrl url = url("notifications").newBuilder().addPathSegment(Ids.requireUuid(id)).build();
    HttpAnswer answer;
    listing.writeLock().lock();
    try {
      answer = authorized(RequestSpec.of("DELETE", url, "DELETE /notifications/:id", true), context);
    } finally {
      listing.writeLock().unlock();
    }
    if (answer.status() == 404 && answer.replayedAfterConnectionFailure() && ErrorMapper.isMissingItem(answer)) {
      return DeleteOutcome.ALREADY_GONE;
    }
    ErrorMapper.requireSuccess(answer);
    Json.parse(answer, "the delete answer", NotificationsJson::success);
    return DeleteOutcome.DELETED;
  }

  private Void markRead(String id, CallContext context) {
    HttpUrl url = url("notifications").newBuilder().addPathSegment(Ids.requireUuid(id)).addPathSegment("read").build();
    HttpAnswer answer = ErrorMapper.requireSuccess(
        authorized(RequestSpec.of("PATCH", url, "PATCH /notifications/:id/read", true), context));
    Json.parse(answer, "the mark-read answer", NotificationsJson::success);
    return null;
  }

  private Integer markAllRead(CallContext context) {
    HttpAnswer answer = ErrorMapper.requireSuccess(authorized(
        RequestSpec.of("POST", url("notifications/read-all"), "POST /notifications/read-all", true), context));
    return Json.parse(answer, "the read-all answer", p -> NotificationsJson.dataCount(p, "updated"));
  }

  private Integer clearRead(CallContext context) {
    HttpAnswer answer;
    listing.writeLock().lock();
    try {
      answer = authorized(
          RequestSpec.of("DELETE", url("notifications/clear-read"), "DELETE /notifications/clear-read", true), context);
    } finally {
      listing.writeLock().unlock();
    }
    if (answer.status() == 400) {
      ApiException refused = ErrorMapper.toException(answer);
      if (refused instanceof InvalidRequestException && namesAUuid(refused.serverDetails())) {
        // Without a clear-read route of its own, Nest routes the path to DELETE /notifications/:id,
        // whose ParseUUIDPipe refuses "clear-read": the route is missing, no id was wrong.
        throw new RouteUnavailableException(answer.route(), refused.serverDetails());
      }
      throw refused;
    }
    ErrorMapper.requireSuccess(answer);
    return Json.parse(answer, "the clear-read answer", p -> NotificationsJson.dataCount(p, "deleted"));
  }

  private static boolean namesAUuid(ServerDetails details) {
    List<String> said = new ArrayList<>(details.details());
    said.add(details.message() == null ? "" : details.message());
    return said.stream().anyMatch(line -> line != null && line.toLowerCase(java.util.Locale.ROOT).contains("uuid"));
  }

  private Integer unreadCount(CallContext context) {
    HttpAnswer answer = ErrorMapper.requireSuccess(authorized(
        RequestSpec.of("GET", url("notifications/unread-count"), "GET /notifications/unread-count", true), context));
    return Json.parse(answer, "the unread count", p -> NotificationsJson.dataCount(p, "count"));
  }

  private HttpUrl url(String path) {
    return base.newBuilder().addPathSegments(path).build();
  }
}
