package dev.inboxdesk.client.internal;

import dev.inboxdesk.client.ClientConfig;
import dev.inboxdesk.client.ConnectionFailureException;
import dev.inboxdesk.client.ConnectionFailureException.Kind;
import dev.inboxdesk.client.Exchange;
import dev.inboxdesk.client.ExchangeListener;
import dev.inboxdesk.client.InvalidRequestException;
import dev.inboxdesk.client.RateLimitedException;
import dev.inboxdesk.client.RateLimitInfo;
import dev.inboxdesk.client.ServerDetails;
import dev.inboxdesk.client.UnexpectedResponseException;
import dev.inboxdesk.client.Wait;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import javax.net.ssl.SSLException;
import okhttp3.Call;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

/**
 * Sends requests for one client: paces them under the rate limit, retries what is safe to retry,
 * reads bodies within a size limit, tells the exchange listener, and turns wire failures into
 * {@link ConnectionFailureException}. Answers that are not a success come back as they are;
 * {@link ErrorMapper} turns them into errors.
 */
public final class HttpTransport implements AutoCloseable {
  private static final AtomicInteger THREADS = new AtomicInteger();
  /** What an answer of declared length gets before its bytes arrive. */
  private static final int FIRST_CHUNK = 256 * 1024;

  private final String service;
  private final ClientConfig config;
  private final MemoryCookieJar cookies = new MemoryCookieJar();
  private final RateLimiter limiter;
  private final OkHttpClient http;
  private final boolean ownsHttp;
  /** The pool this client made, or null when the caller gave an executor. */
  private final ThreadPoolExecutor ownExecutor;
  private final Executor executor;
  private volatile boolean closed;

  public HttpTransport(String service, ClientConfig config, RateLimiter limiter) {
    this.service = service;
    this.config = config;
    this.limiter = limiter;
    OkHttpClient given = config.okHttpClient().orElse(null);
    // From the caller's client: its pool, dispatcher, proxy, TLS and interceptors are kept (newBuilder
    // shares pool and dispatcher); the cookie jar, retries and redirects are ours.
    OkHttpClient.Builder builder = given == null ? new OkHttpClient.Builder() : given.newBuilder();
    if (given == null && !config.baseUrl().isHttps()) {
      // Plain http (loopback only): every request goes to that origin (no redirects are followed), so
      // OkHttp need not set up TLS, which it otherwise does when the client is built (the JDK's
      // trust store read, a few hundred classes loaded: noticeable at start on the sandbox).
      builder.connectionSpecs(List.of(ConnectionSpec.CLEARTEXT));
    }
    this.http = builder
        .cookieJar(cookies)
        .connectTimeout(config.connectTimeout())
        .readTimeout(config.readTimeout())
        // Writes get the read timeout, unless a caller's client keeps its own (no read timeout set here).
        .writeTimeout(given != null && given.readTimeoutMillis() == config.readTimeout().toMillis()
            ? Duration.ofMillis(given.writeTimeoutMillis()) : config.readTimeout())
        .callTimeout(config.callTimeout())
        // We retry ourselves, so that a replayed delete is known to be a replay.
        .retryOnConnectionFailure(false)
        // A redirect is never part of these contracts; following one could carry cookies elsewhere.
        .followRedirects(false)
        .followSslRedirects(false)
        .addNetworkInterceptor(HttpTransport::keepRetryHintFromOkHttp)
        .addNetworkInterceptor(this::captureAsSent)
        .build();
    this.ownsHttp = given == null;
    Executor callerExecutor = config.executor().orElse(null);
    this.ownExecutor = callerExecutor == null ? boundedPool(service) : null;
    this.executor = callerExecutor == null ? ownExecutor : callerExecutor;
  }

  /**
   * The client's own threads for the {@code …Async} calls: at most {@link #MAX_THREADS}, daemons,
   * ended after a while idle; calls beyond that wait their turn in order.
   */
  private static ThreadPoolExecutor boundedPool(String service) {
    ThreadPoolExecutor pool = new ThreadPoolExecutor(MAX_THREADS, MAX_THREADS, 30, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), task -> {
          Thread thread = new Thread(task, "inboxdesk-" + service + "-" + THREADS.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  /** The most threads a client's own pool runs at once. */
  public static final int MAX_THREADS = 4;

  /** The OkHttp client requests go through (derived from the caller's, when one was given). */
  public OkHttpClient http() {
    return http;
  }

  /** Whether {@link #close()} has been called. */
  public boolean isClosed() {
    return closed;
  }

  public MemoryCookieJar cookies() {
    return cookies;
  }

  public ClientConfig config() {
    return config;
  }

  public RateLimiter limiter() {
    return limiter;
  }

  /** The header a {@code 503}'s {@code Retry-After} is kept under (see {@link #keepRetryHintFromOkHttp}). */
  static final String SERVER_RETRY_HINT = "X-InboxDesk-Retry-After";

  /**
   * OkHttp reads a {@code 503}'s {@code Retry-After} itself: "0" makes it silently replay the request
   * (a delete or a login included) and a number too big for an int throws out of its interceptor.
   * We do our own retrying, so the hint is kept under another name, still visible in the log.
   */
  private static Response keepRetryHintFromOkHttp(okhttp3.Interceptor.Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    String hint = response.header("Retry-After");
    if (response.code() != 503 || hint == null) {
      return response;
    }
    return response.newBuilder().removeHeader("Retry-After").header(SERVER_RETRY_HINT, hint).build();
  }

  /** Connections already used by an earlier request: an attempt over one of them went over a kept-alive connection. */
  private final java.util.Map<okhttp3.Connection, Boolean> usedConnections =
      java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

  /**
   * Keeps each attempt's request as it goes onto the wire, so that the log, --verbose, the
   * inspector, HAR and cURL show what was sent, not a reconstruction (the Cookie header is added by
   * OkHttp from the jar; Content-Type from the body).
   */
  private Response captureAsSent(okhttp3.Interceptor.Chain chain) throws IOException {
    Request request = chain.request();
    SentRequest sent = request.tag(SentRequest.class);
    if (sent != null) {
      okhttp3.Connection connection = chain.connection();
      boolean reused = connection != null && usedConnections.put(connection, Boolean.TRUE) != null;
      sent.sent(request.headers(), reused);
    }
    return chain.proceed(request);
  }

  /** Sends and insists on a {@code 2xx}: anything else is thrown as its typed error. */
  public HttpAnswer send(RequestSpec spec, CallContext context) {
    return ErrorMapper.requireSuccess(exchange(spec, context));
  }

  /**
   * Sends, insists on a {@code 2xx}, and returns its body as {@code read} parses it while it
   * arrives (for answers that can be large).
   */
  public <T> T send(RequestSpec spec, CallContext context, StreamedRead<T> read) {
    ErrorMapper.requireSuccess(exchange(spec, context, read));
    return read.value();
  }

  /**
   * Sends, waiting for rate-limit quota first; retries a {@code 429} (bounded) and, for replayable
   * requests, a connection failure (bounded). Returns whatever final answer came.
   */
  public HttpAnswer exchange(RequestSpec spec, CallContext context) {
    return exchange(spec, context, null);
  }

  /**
   * As {@link #exchange(RequestSpec, CallContext)}, with a success's body parsed by {@code read}
   * while it arrives: the answer returned then has an empty body, and {@code read} has the value.
   *
   * @param read null to read every body whole
   */
  public HttpAnswer exchange(RequestSpec spec, CallContext context, StreamedRead<?> read) {
    refuseInsecureSecrets(spec);
    int rateLimitRetries = 0;
    int unavailableRetries = 0;
    int connectionRetries = 0;
    boolean replayed = false;
    int attempt = 0;
    Wait.Reason quotaWait = Wait.Reason.QUOTA_SPENT;
    long budgetNanos = config.operationTimeout().toNanos();
    while (true) {
      awaitQuota(spec, context, quotaWait);
      if (budgetNanos <= 0) {
        throw new ConnectionFailureException(Kind.TIMEOUT, replayed, "No answer within "
            + config.operationTimeout().toSeconds() + " s, retries included", null);
      }
      attempt++;
      HttpAnswer answer;
      long started = System.nanoTime();
      try {
        answer = once(spec, context, attempt, Duration.ofNanos(budgetNanos), read).replayed(replayed);
      } catch (ConnectionFailureException failure) {
        budgetNanos -= System.nanoTime() - started;
        if (!spec.replayable() || connectionRetries >= config.maxConnectionRetries() || context.isCancelled()
            || budgetNanos <= 0) {
          throw replayed && !failure.mayHaveReachedServer()
              // This attempt never left, but an earlier one may have been applied.
              ? new ConnectionFailureException(failure.kind(), true, "The connection broke, then the retry failed",
                  failure)
              : failure;
        }
        connectionRetries++;
        // Only a request that changes something can have had an effect the retry's answer hides.
        replayed |= failure.mayHaveReachedServer() && !spec.method().equals("GET");
        pause(spec, context, Backoff.afterConnectionFailure(connectionRetries), Wait.Reason.CONNECTION_RETRY);
        continue;
      }
      budgetNanos -= System.nanoTime() - started;
      if (answer.status() == 503) {
        // A 503 with Retry-After says "not now, later": the request was not served, so it may go again.
        Duration hint = serverRetryHint(answer);
        if (hint == null || unavailableRetries >= config.maxRateLimitRetries() || exceedsCap(hint)) {
          return answer;
        }
        unavailableRetries++;
        pause(spec, context, hint, Wait.Reason.SERVICE_UNAVAILABLE);
        continue;
      }
      if (answer.status() != 429) {
        limiter.onAnswer(spec.route(), answer.rateLimit());
        return answer;
      }
      Duration wait = answer.rateLimit().retryAfter() != null ? answer.rateLimit().retryAfter()
          : Backoff.afterThrottle(rateLimitRetries + 1);
      limiter.onThrottled(spec.route(), wait);
      if (rateLimitRetries >= config.maxRateLimitRetries() || exceedsCap(wait)) {
        throw ErrorMapper.toException(answer);
      }
      rateLimitRetries++;
      quotaWait = Wait.Reason.TOO_MANY_REQUESTS;
    }
  }

  /**
   * Runs {@code work} on the client's threads (or the caller's executor); cancelling the future
   * cancels the call. After {@link #close()}, or when the executor refuses the task, the future
   * comes back already failed: {@link IllegalStateException} for a closed client, the executor's
   * {@link RejectedExecutionException} otherwise.
   */
  public <T> CompletableFuture<T> async(Function<CallContext, T> work) {
    if (closed) {
      return CompletableFuture.failedFuture(closedException());
    }
    CallContext context = new CallContext();
    CompletableFuture<T> future = new CompletableFuture<>() {
      @Override
      public boolean cancel(boolean mayInterruptIfRunning) {
        context.cancel();
        return super.cancel(mayInterruptIfRunning);
      }
    };
    try {
      executor.execute(new Task<>(future, context, work));
    } catch (RejectedExecutionException refused) {
      future.completeExceptionally(closed ? closedException() : refused);
    }
    return future;
  }

  /** One {@code …Async} call waiting for or running on a thread. */
  private static final class Task<T> implements Runnable {
    private final CompletableFuture<T> future;
    private final CallContext context;
    private final Function<CallContext, T> work;

    Task(CompletableFuture<T> future, CallContext context, Function<CallContext, T> work) {
      this.future = future;
      this.context = context;
      this.work = work;
    }

    @Override
    public void run() {
      if (future.isDone()) {
        return; // cancelled while it waited for a thread
      }
      context.bind(Thread.currentThread());
      try {
        future.complete(work.apply(context));
      } catch (Throwable failure) {
        future.completeExceptionally(failure);
      } finally {
        context.unbind();
      }
    }

    /** The client closed before a thread took this call: it never started. */
    void abandon() {
      future.completeExceptionally(closedException());
    }
  }

  private static IllegalStateException closedException() {
    return new IllegalStateException("client is closed");
  }

  /** Runs {@code work} on the calling thread. */
  public <T> T sync(Function<CallContext, T> work) {
    CallContext context = new CallContext();
    context.bind(Thread.currentThread());
    try {
      return work.apply(context);
    } finally {
      context.unbind();
    }
  }

  /** Waits until the route's window has quota; a wait over the cap fails at once instead. */
  private void awaitQuota(RequestSpec spec, CallContext context, Wait.Reason reason) {
    Duration wait;
    while (!(wait = limiter.reserve(spec.route())).isZero()) {
      if (exceedsCap(wait)) {
        throw new RateLimitedException(ServerDetails.clientSide(null, "The wait for " + spec.route() + " ("
            + wait.toSeconds() + " s) is longer than the " + config.maxWait().toSeconds() + " s this client waits"),
            wait, null, limiter.remaining(spec.route()));
      }
      pause(spec, context, wait, reason);
    }
    context.throwIfCancelled();
  }

  /** Announces a wait, then makes it. */
  private void pause(RequestSpec spec, CallContext context, Duration wait, Wait.Reason reason) {
    try {
      config.waitListener().onWait(new Wait(service, spec.route(), wait, config.clock().instant().plus(wait), reason));
    } catch (RuntimeException listenerBug) {
      // A faulty listener must not break the call it watches.
    }
    context.sleep(config.sleeper(), wait);
  }

  private boolean exceedsCap(Duration wait) {
    return wait.compareTo(config.maxWait()) > 0;
  }

  /** A {@code 503}'s {@code Retry-After}, kept under {@link #SERVER_RETRY_HINT}; null when none or unreadable. */
  private Duration serverRetryHint(HttpAnswer answer) {
    String hint = answer.headers().get(SERVER_RETRY_HINT);
    return hint == null ? null : RateLimitHeaders.retryAfter(hint, config.clock());
  }

  private void refuseInsecureSecrets(RequestSpec spec) {
    if (spec.url().isHttps() || config.allowInsecureHttp() || Hosts.isLoopback(spec.url())) {
      return;
    }
    boolean sendsCredentials = spec.bearerToken() != null || spec.carriesSecret()
        || !cookies.loadForRequest(spec.url()).isEmpty();
    if (sendsCredentials) {
      throw InvalidRequestException.refusedBeforeSending(InvalidRequestException.INSECURE_TRANSPORT,
          "Refusing to send credentials over plain http to " + spec.url().host()
              + "; use https, or allow insecure http explicitly");
    }
  }

  private HttpAnswer once(RequestSpec spec, CallContext context, int attempt, Duration budget, StreamedRead<?> read) {
    SentRequest sent = new SentRequest();
    Request request = toRequest(spec).newBuilder().tag(SentRequest.class, sent).build();
    Instant startedAt = config.clock().instant();
    long start = System.nanoTime();
    Call call = http.newCall(request);
    // This attempt may use what is left of the request's whole budget, and no more.
    if (config.callTimeout().isZero() || budget.compareTo(config.callTimeout()) < 0) {
      call.timeout().timeout(Math.max(1, budget.toMillis()), java.util.concurrent.TimeUnit.MILLISECONDS);
    }
    context.attach(call);
    Response response = null;
    try {
      response = call.execute();
      Headers headers = response.headers();
      String contentType = headers.get("Content-Type");
      if (read != null && response.isSuccessful()) {
        BodyStream body = openBody(response.body());
        read.readFrom(body, response.code(), contentType);
        HttpAnswer answer = new HttpAnswer(response.code(), headers, new byte[0], contentType,
            RateLimitHeaders.parse(headers, config.clock()), false, spec.route());
        record(spec, sent, startedAt, attempt, answer, body.head(), body.count(), start, null);
        return answer;
      }
      byte[] body = readBody(response.body());
      HttpAnswer answer = new HttpAnswer(response.code(), headers, body, contentType,
          RateLimitHeaders.parse(headers, config.clock()), false, spec.route());
      record(spec, sent, startedAt, attempt, answer, body, body.length, start, null);
      return answer;
    } catch (BodyStream.TooLargeException e) {
      UnexpectedResponseException tooLarge = tooLarge(-1);
      record(spec, sent, startedAt, attempt, null, null, 0, start, tooLarge.getMessage());
      throw tooLarge;
    } catch (IOException e) {
      if (context.isCancelled()) {
        throw new CancellationException("Cancelled");
      }
      ConnectionFailureException failure = connectionFailure(e, response != null);
      record(spec, sent, startedAt, attempt, null, null, 0, start, failureText(failure, sent, response != null));
      throw failure;
    } catch (UnexpectedResponseException tooLarge) {
      record(spec, sent, startedAt, attempt, null, null, 0, start, tooLarge.getMessage());
      throw tooLarge;
    } finally {
      if (response != null) {
        response.close();
      }
    }
  }

  private Request toRequest(RequestSpec spec) {
    RequestBody body = null;
    if (spec.body() != null) {
      body = RequestBody.create(spec.body(), spec.contentType() == null ? null : MediaType.get(spec.contentType()));
    } else if (!spec.method().equals("GET") && !spec.method().equals("DELETE") && !spec.method().equals("HEAD")) {
      body = RequestBody.create(new byte[0], null);
    }
    Request.Builder builder = new Request.Builder()
        .url(spec.url())
        .method(spec.method(), body)
        .header("User-Agent", config.userAgent())
        .header("Accept", "application/json");
    for (String[] header : spec.extraHeaders()) {
      builder.header(header[0], header[1]);
    }
    if (spec.bearerToken() != null) {
      builder.header("Authorization", "Bearer " + spec.bearerToken());
    }
    return builder.build();
  }

  /** A success's body, to be parsed as it arrives; refused at once when it declares more than the limit. */
  private BodyStream openBody(ResponseBody body) {
    if (body.contentLength() > config.maxResponseBytes()) {
      throw tooLarge(body.contentLength());
    }
    // The log shows the body's start; nothing else needs it.
    boolean logged = config.exchangeListener() != ExchangeListener.NONE;
    return new BodyStream(body.source(), config.maxResponseBytes(), logged ? config.maxLoggedBodyChars() : 0);
  }

  private byte[] readBody(ResponseBody body) throws IOException {
    long limit = config.maxResponseBytes();
    if (body.contentLength() > limit) {
      throw tooLarge(body.contentLength());
    }
    BufferedSource source = body.source();
    long declared = body.contentLength();
    if (declared >= 0) {
      return readDeclared(source, (int) declared);
    }
    Buffer buffer = new Buffer();
    while (source.read(buffer, 64 * 1024) != -1) {
      if (buffer.size() > limit) {
        throw tooLarge(-1);
      }
    }
    return buffer.readByteArray();
  }

  /**
   * Reads an answer of declared length into one array of that length, grown as the bytes arrive:
   * a server that declares 64 MB and sends nothing costs nothing, and a large answer that does
   * arrive is still held once, not in a buffer and then a copy.
   */
  private static byte[] readDeclared(BufferedSource source, int declared) throws IOException {
    byte[] bytes = new byte[Math.min(declared, FIRST_CHUNK)];
    int filled = 0;
    while (filled < declared) {
      if (filled == bytes.length) {
        bytes = java.util.Arrays.copyOf(bytes, nextCapacity(filled, declared));
      }
      int read = source.read(bytes, filled, bytes.length - filled);
      if (read == -1) {
        throw new java.io.EOFException("The answer ended after " + filled + " of " + declared + " bytes");
      }
      filled += read;
    }
    return bytes;
  }

  /**
   * How far to grow the array for an answer of {@code declared} bytes once {@code filled} have
   * arrived: twice that, until a thirty-second of the declared length has come, then the whole of
   * it. So a server must send 2 MB of the 64 MB it may declare before the whole is reserved, and a
   * large answer is copied once more at most, at a small size (16.6 MB took 33 MB at once when the
   * array doubled to the end; now 17.6 MB).
   */
  static int nextCapacity(int filled, int declared) {
    long next = filled >= declared / 32 ? declared : Math.max(FIRST_CHUNK, 2L * filled);
    return (int) Math.min(declared, next);
  }

  private UnexpectedResponseException tooLarge(long declared) {
    return new UnexpectedResponseException(UnexpectedResponseException.Kind.TOO_LARGE,
        "the body is larger than " + config.maxResponseBytes() + " bytes"
            + (declared > 0 ? " (" + declared + " declared)" : ""), ServerDetails.NONE);
  }

  /** Names what happened on the wire, and whether the server may have seen the request. */
  static ConnectionFailureException connectionFailure(IOException e, boolean answerStarted) {
    if (e instanceof UnknownHostException) {
      return new ConnectionFailureException(Kind.UNKNOWN_HOST, false, "Unknown host", e);
    }
    if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
      boolean timedOut = e.getMessage() != null && e.getMessage().toLowerCase().contains("timed out");
      return new ConnectionFailureException(timedOut ? Kind.TIMEOUT : Kind.REFUSED, false,
          timedOut ? "Connecting timed out" : "Connection refused", e);
    }
    if (e instanceof SSLException) {
      return new ConnectionFailureException(Kind.TLS, answerStarted, "Secure connection failed", e);
    }
    if (e instanceof SocketTimeoutException && "connect timed out".equals(e.getMessage())) {
      return new ConnectionFailureException(Kind.TIMEOUT, false, "Connecting timed out", e);
    }
    if (e instanceof InterruptedIOException) {
      return new ConnectionFailureException(Kind.TIMEOUT, true, "No answer in time", e);
    }
    return new ConnectionFailureException(Kind.RESET, true,
        answerStarted ? "Connection dropped while the answer arrived" : "Connection dropped", e);
  }

  /**
   * What a failed attempt's row says. An attempt over a kept-alive connection that the server had
   * already closed broke before any answer: the server most likely never saw it.
   */
  private static String failureText(ConnectionFailureException failure, SentRequest sent, boolean answerStarted) {
    if (!sent.reachedNetwork()) {
      return failure.getMessage() + " (nothing was sent)";
    }
    if (sent.reusedConnection() && !answerStarted && failure.kind() == Kind.RESET) {
      return "The kept-alive connection had been closed by the server; this attempt most likely never reached it";
    }
    return failure.getMessage();
  }

  /**
   * Tells the exchange listener about one attempt.
   *
   * @param body the answer's body, or as much of its start as was kept when it was parsed as it arrived
   * @param bodyLength the whole body's length
   */
  private void record(RequestSpec spec, SentRequest sent, Instant startedAt, int attempt, HttpAnswer answer,
      byte[] body, long bodyLength, long startNanos, String failure) {
    ExchangeListener listener = config.exchangeListener();
    if (listener == ExchangeListener.NONE) {
      return;
    }
    Duration duration = Duration.ofNanos(System.nanoTime() - startNanos);
    int maxChars = config.maxLoggedBodyChars();
    // The headers as they went on the wire; nothing at all when the attempt never got there.
    Headers sentHeaders = sent.reachedNetwork() ? sent.headers() : Headers.of();
    String requestBody = spec.body() == null ? ""
        : Redactor.body(spec.body(), spec.contentType(), maxChars, spec.carriesSecret(), Redactor.Mode.MASKED);
    String responseBody = answer == null ? ""
        : Redactor.body(body, bodyLength, answer.contentType(), maxChars, false, Redactor.Mode.MASKED);
    Exchange.Unmasked unmasked = null;
    if (config.captureUnmasked()) {
      // The user's own token and cookies, for an explicit reveal; never a password, a hash or a code.
      unmasked = new Exchange.Unmasked(plain(sentHeaders), spec.body() == null ? ""
          : oneCopy(requestBody, Redactor.body(spec.body(), spec.contentType(), maxChars, spec.carriesSecret(),
              Redactor.Mode.REVEAL)),
          answer == null ? List.of() : plain(answer.headers()), answer == null ? ""
          : oneCopy(responseBody, Redactor.body(body, bodyLength, answer.contentType(), maxChars, false,
              Redactor.Mode.REVEAL)));
    }
    Exchange exchange;
    if (answer == null) {
      exchange = new Exchange(service, startedAt, attempt, spec.method(), spec.url().toString(),
          Redactor.headers(sentHeaders), requestBody, 0, List.of(), "", 0, duration, RateLimitInfo.NONE,
          null, failure, unmasked);
    } else {
      ServerDetails error = answer.isSuccess() ? null : ErrorBodies.parse(answer);
      String correlationId = error != null && error.correlationId() != null ? error.correlationId()
          : ErrorBodies.correlationIdHeader(answer.headers());
      exchange = new Exchange(service, startedAt, attempt, spec.method(), spec.url().toString(),
          Redactor.headers(sentHeaders), requestBody, answer.status(), Redactor.headers(answer.headers()),
          responseBody, bodyLength, duration,
          answer.rateLimit(), correlationId, failure, unmasked);
    }
    try {
      listener.onExchange(exchange);
    } catch (RuntimeException listenerBug) {
      // A faulty listener must not break the call it observes.
    }
  }

  /**
   * The revealed body, or the masked one when they are the same: most bodies have nothing to mask,
   * and a request inspector keeps hundreds of exchanges.
   */
  private static String oneCopy(String masked, String revealed) {
    return revealed.equals(masked) ? masked : revealed;
  }

  private static List<Exchange.Header> plain(Headers headers) {
    List<Exchange.Header> list = new java.util.ArrayList<>(headers.size());
    for (int i = 0; i < headers.size(); i++) {
      list.add(new Exchange.Header(headers.name(i), headers.value(i)));
    }
    return list;
  }

  /**
   * Releases what this client made: its own thread pool (calls queued there fail with "client is
   * closed", calls running are cancelled) and, when no OkHttp client was given, OkHttp's dispatcher
   * and idle connections. A caller's OkHttp client and executor are left as they are.
   */
  @Override
  public void close() {
    closed = true;
    if (ownExecutor != null) {
      for (Runnable queued : ownExecutor.shutdownNow()) {
        // Calls still waiting for a thread never start; their futures must not hang.
        if (queued instanceof Task<?> task) {
          task.abandon();
        }
      }
    }
    if (ownsHttp) {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  /** Waits between retries. */
  static final class Backoff {
    private Backoff() {
    }

    /** 250 ms, 500 ms, 1 s… with jitter, so that many clients do not retry in step. */
    static Duration afterConnectionFailure(int retry) {
      return jittered(Duration.ofMillis(250L << Math.min(retry - 1, 6)));
    }

    /** 1 s, 2 s, 4 s… up to the 60 s a throttler window lasts, with jitter. */
    static Duration afterThrottle(int retry) {
      long seconds = Math.min(60, 1L << Math.min(retry - 1, 6));
      return jittered(Duration.ofSeconds(seconds));
    }

    /** Between half and all of {@code base}. */
    static Duration jittered(Duration base) {
      long half = base.toMillis() / 2;
      return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
    }
  }
}
