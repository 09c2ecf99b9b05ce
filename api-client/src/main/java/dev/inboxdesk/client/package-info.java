/**
 * InboxDesk's API client: {@link dev.inboxdesk.client.MessagesClient} for the anonymous-messages
 * service, {@link dev.inboxdesk.client.NotificationsClient} for the notifications service, their
 * models, {@link dev.inboxdesk.client.ClientConfig}, and one sealed error family rooted at
 * {@link dev.inboxdesk.client.ApiException}.
 *
 * <h2>Sign in</h2>
 * <p>One client per server and account, built from a {@link dev.inboxdesk.client.ClientConfig}:
 * <pre>{@code
 * try (MessagesClient messages = MessagesClient.create(ClientConfig.builder("https://example.app").build());
 *      NotificationsClient notifications =
 *          NotificationsClient.create(ClientConfig.builder("https://api.example.com/api/v1").build())) {
 *   messages.signIn(email, password);
 *   if (notifications.login(email, password) instanceof LoginResult.TwoFactorRequired step) {
 *     notifications.completeTwoFactor(step.tempToken(), code);
 *   }
 *   ...
 * }
 * }</pre>
 * A token copied from a browser works too ({@code useSessionToken}, {@code useAccessToken}); so does
 * one kept from an earlier run ({@code sessionToken()}, {@code refreshToken()} and
 * {@code onSessionChanged} to keep it current).
 *
 * <h2>List and delete</h2>
 * <p>{@code messages.listMessages()} returns the whole inbox; {@code notifications.listAll(ReadFilter.READ)}
 * pages through every notification the filter selects. Deletes are permanent. Each one reports
 * only what the server proved: {@code deleteMessage} lists the inbox first (the service answers
 * success for any id), {@code deleteListedMessage} skips that for an id just listed, and
 * {@code deleteMessages} lists once for a batch and gives each id its own
 * {@link dev.inboxdesk.client.DeleteResult}. A notification a retried delete found gone is
 * {@link dev.inboxdesk.client.DeleteOutcome#ALREADY_GONE}.
 *
 * <h2>Errors</h2>
 * <p>Every failure is an unchecked {@link dev.inboxdesk.client.ApiException}, a sealed family:
 * the server answered with an error ({@link dev.inboxdesk.client.NotFoundException},
 * {@link dev.inboxdesk.client.RateLimitedException}, {@link dev.inboxdesk.client.AuthenticationException},
 * {@link dev.inboxdesk.client.InvalidRequestException}, {@link dev.inboxdesk.client.ServerErrorException},
 * {@link dev.inboxdesk.client.UnexpectedResponseException}), no answer came
 * ({@link dev.inboxdesk.client.ConnectionFailureException}), the address has no such route
 * ({@link dev.inboxdesk.client.RouteUnavailableException}), or a change may or may not have happened
 * ({@link dev.inboxdesk.client.UnconfirmedException}). On Java 17 test them with an
 * {@code if}/{@code else} chain of {@code instanceof}; on Java 21 a {@code switch} over them needs no
 * {@code default}. Each carries the server's status, {@code code}, {@code i18nKey} and
 * {@code correlationId}, and {@code mayHaveReachedServer()} says whether a failed change may have
 * happened anyway.
 *
 * <h2>Waits</h2>
 * <p>The notifications client paces requests under the server's rate limit, and both wait out a
 * {@code 429} or {@code 503} with {@code Retry-After} and back off after a connection failure, a
 * bounded number of times. Every such wait is announced first to the
 * {@link dev.inboxdesk.client.WaitListener} (a {@link dev.inboxdesk.client.Wait} with its reason and
 * end), and none is longer than {@link dev.inboxdesk.client.ClientConfig#maxWait()} (2 minutes
 * unless set): a server asking for longer fails the call at once with
 * {@link dev.inboxdesk.client.RateLimitedException} and its {@code retryAfter()}.
 *
 * <h2>Threads and closing</h2>
 * <p>Clients are thread-safe. Every call has a blocking form, run on the calling thread, and an
 * {@code …Async} form returning a {@link java.util.concurrent.CompletableFuture}: it completes with
 * the same result or exceptionally with the same {@code ApiException}, and cancelling it aborts the
 * request in flight and any wait. The async forms run on the client's own pool (at most four
 * daemon threads) or on the {@link java.util.concurrent.Executor} given to
 * {@link dev.inboxdesk.client.ClientConfig.Builder#executor(java.util.concurrent.Executor)}.
 * Requests go through an OkHttp client of the library's own, or one derived from the caller's
 * ({@link dev.inboxdesk.client.ClientConfig.Builder#okHttpClient(okhttp3.OkHttpClient)}).
 *
 * <p>{@code close()} releases what the client made (its pool, and its OkHttp dispatcher and idle
 * connections) and never what the caller gave. After it, an {@code …Async} call returns a future
 * already failed with {@link java.lang.IllegalStateException} ("client is closed"), and calls still
 * waiting for one of the client's threads fail the same way.
 *
 * <h2>Conventions</h2>
 * <p>Nulls: parameters must not be null unless documented; return values are never null unless
 * documented (optional values use {@link java.util.Optional} or say "or null"). This is the only
 * exported package of the module {@code dev.inboxdesk.client}; everything else is internal.
 */
package dev.inboxdesk.client;
