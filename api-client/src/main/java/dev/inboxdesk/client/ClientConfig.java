package dev.inboxdesk.client;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Settings for one client. Immutable; build one with {@link #builder(String)}.
 *
 * <pre>{@code
 * ClientConfig config = ClientConfig.builder("https://api.example.com/api/v1")
 *     .readTimeout(Duration.ofSeconds(20))
 *     .exchangeListener(exchange -> log.debug("{} {} -> {}", exchange.method(), exchange.url(), exchange.status()))
 *     .build();
 * }</pre>
 *
 * <h2>Who owns what</h2>
 * <p>Without {@link Builder#okHttpClient(OkHttpClient)}, each client makes its own OkHttp client and
 * {@link AutoCloseable#close() close()} shuts down its dispatcher and evicts its idle connections. With
 * one, the client derives its own from it ({@link OkHttpClient#newBuilder()}), so it shares the
 * caller's connection pool, dispatcher, proxy, TLS settings and interceptors; closing the library's
 * client then leaves them alone, and shutting them down stays the caller's job.
 *
 * <p>Without {@link Builder#executor(Executor)}, the {@code …Async} calls run on the client's own
 * pool: at most four daemon threads, which end after 30 seconds idle; further calls wait their turn.
 * {@code close()} shuts that pool down. A caller's executor is used as given and never shut down.
 */
public final class ClientConfig {
  /** How long a single wait may be unless the caller says otherwise. */
  public static final Duration DEFAULT_MAX_WAIT = Duration.ofMinutes(2);
  private static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);
  private final HttpUrl baseUrl;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final Duration callTimeout;
  private final Duration operationTimeout;
  private final boolean allowInsecureHttp;
  private final ExchangeListener exchangeListener;
  private final Clock clock;
  private final Sleeper sleeper;
  private final int maxRateLimitRetries;
  private final int maxConnectionRetries;
  private final long maxResponseBytes;
  private final int maxLoggedBodyChars;
  private final String userAgent;
  private final boolean captureUnmasked;
  private final WaitListener waitListener;
  private final Supplier<Duration> maxWait;
  private final OkHttpClient okHttpClient;
  private final Executor executor;

  private ClientConfig(Builder b) {
    this.baseUrl = b.baseUrl;
    OkHttpClient given = b.okHttpClient;
    this.connectTimeout = b.connectTimeout != null ? b.connectTimeout
        : given != null ? Duration.ofMillis(given.connectTimeoutMillis()) : DEFAULT_CONNECT_TIMEOUT;
    this.readTimeout = b.readTimeout != null ? b.readTimeout
        : given != null ? Duration.ofMillis(given.readTimeoutMillis()) : DEFAULT_READ_TIMEOUT;
    this.callTimeout = b.callTimeout != null ? b.callTimeout
        : given != null ? Duration.ofMillis(given.callTimeoutMillis()) : DEFAULT_CALL_TIMEOUT;
    this.operationTimeout = b.operationTimeout;
    this.allowInsecureHttp = b.allowInsecureHttp;
    this.exchangeListener = b.exchangeListener;
    this.clock = b.clock;
    this.sleeper = b.sleeper;
    this.maxRateLimitRetries = b.maxRateLimitRetries;
    this.maxConnectionRetries = b.maxConnectionRetries;
    this.maxResponseBytes = b.maxResponseBytes;
    this.maxLoggedBodyChars = b.maxLoggedBodyChars;
    this.userAgent = b.userAgent;
    this.captureUnmasked = b.captureUnmasked;
    this.waitListener = b.waitListener;
    this.maxWait = b.maxWait;
    this.okHttpClient = given;
    this.executor = b.executor;
  }

  /**
   * Starts a configuration for a service at {@code baseUrl}: the messages app's origin
   * ({@code https://example.app}) or the notifications API's base ({@code https://api.example.com/api/v1}).
   *
   * @param baseUrl an absolute {@code http} or {@code https} URL; a trailing slash is dropped
   * @return a builder with every other setting at its default
   * @throws IllegalArgumentException if the URL is not an absolute http or https URL
   */
  public static Builder builder(String baseUrl) {
    return new Builder(baseUrl);
  }

  /**
   * The service's base URL, without a trailing slash.
   *
   * @return the base URL
   */
  public HttpUrl baseUrl() {
    return baseUrl;
  }

  /**
   * How long connecting may take.
   *
   * @return the connect timeout: as set, else the given OkHttp client's, else 10 seconds
   */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /**
   * How long the client waits for the next bytes of an answer (and to write a request).
   *
   * @return the read timeout: as set, else the given OkHttp client's, else 30 seconds
   */
  public Duration readTimeout() {
    return readTimeout;
  }

  /**
   * The longest one attempt may take, from sending to the end of the answer.
   *
   * @return the call timeout: as set, else the given OkHttp client's (zero: none), else 60 seconds
   */
  public Duration callTimeout() {
    return callTimeout;
  }

  /**
   * The longest one request may take on the wire with all its retries (waits announced apart).
   *
   * @return the operation timeout: as set, else 90 seconds
   */
  public Duration operationTimeout() {
    return operationTimeout;
  }

  /**
   * Whether secrets may cross plain {@code http} to a host that is not loopback.
   *
   * @return true when allowed (off by default)
   */
  public boolean allowInsecureHttp() {
    return allowInsecureHttp;
  }

  /**
   * Who is told of every request and answer.
   *
   * @return the listener; {@link ExchangeListener#NONE} by default
   */
  public ExchangeListener exchangeListener() {
    return exchangeListener;
  }

  /**
   * The clock for rate-limit windows and token expiry.
   *
   * @return the clock; the system's UTC clock by default
   */
  public Clock clock() {
    return clock;
  }

  /**
   * How the client waits.
   *
   * @return the sleeper; {@link Sleeper#SYSTEM} by default
   */
  public Sleeper sleeper() {
    return sleeper;
  }

  /**
   * How many times a {@code 429} (or a {@code 503} with {@code Retry-After}) is waited out.
   *
   * @return the number of retries; 3 by default
   */
  public int maxRateLimitRetries() {
    return maxRateLimitRetries;
  }

  /**
   * How many times a request safe to repeat is retried after a connection failure.
   *
   * @return the number of retries; 2 by default
   */
  public int maxConnectionRetries() {
    return maxConnectionRetries;
  }

  /**
   * The largest answer body read.
   *
   * @return the limit in bytes; 64 MiB by default
   */
  public long maxResponseBytes() {
    return maxResponseBytes;
  }

  /**
   * How much of each body the {@link ExchangeListener} sees.
   *
   * @return the limit in characters; 64 Ki by default
   */
  public int maxLoggedBodyChars() {
    return maxLoggedBodyChars;
  }

  /**
   * The {@code User-Agent} header sent.
   *
   * @return the user agent; {@code InboxDesk} by default
   */
  public String userAgent() {
    return userAgent;
  }

  /**
   * Whether exchanges also carry their unmasked form (see {@link Exchange#unmaskedView()}).
   *
   * @return true when captured (off by default)
   */
  public boolean captureUnmasked() {
    return captureUnmasked;
  }

  /**
   * Told of every wait the client makes on its own.
   *
   * @return the listener; {@link WaitListener#NONE} by default
   */
  public WaitListener waitListener() {
    return waitListener;
  }

  /**
   * The longest single wait the client sits out now; a longer one fails the call at once.
   *
   * @return the current cap, read again at every call
   */
  public Duration maxWait() {
    Duration value = maxWait.get();
    return value == null || value.isNegative() ? DEFAULT_MAX_WAIT : value;
  }

  /**
   * The caller's OkHttp client the library's own is derived from.
   *
   * @return the client given to {@link Builder#okHttpClient(OkHttpClient)}, or empty
   */
  public Optional<OkHttpClient> okHttpClient() {
    return Optional.ofNullable(okHttpClient);
  }

  /**
   * The caller's executor for the {@code …Async} calls.
   *
   * @return the executor given to {@link Builder#executor(Executor)}, or empty when the client uses its own threads
   */
  public Optional<Executor> executor() {
    return Optional.ofNullable(executor);
  }

  /**
   * Builds a {@link ClientConfig}; every setting has a sensible default. Not thread-safe; each
   * setter returns this builder.
   */
  public static final class Builder {
    private final HttpUrl baseUrl;
    private Duration connectTimeout;
    private Duration readTimeout;
    private Duration callTimeout;
    private Duration operationTimeout = Duration.ofSeconds(90);
    private boolean allowInsecureHttp;
    private ExchangeListener exchangeListener = ExchangeListener.NONE;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.SYSTEM;
    private int maxRateLimitRetries = 3;
    private int maxConnectionRetries = 2;
    private long maxResponseBytes = 64L * 1024 * 1024;
    private int maxLoggedBodyChars = 64 * 1024;
    private String userAgent = "InboxDesk";
    private boolean captureUnmasked;
    private WaitListener waitListener = WaitListener.NONE;
    private Supplier<Duration> maxWait = () -> DEFAULT_MAX_WAIT;
    private OkHttpClient okHttpClient;
    private Executor executor;

    private Builder(String baseUrl) {
      Objects.requireNonNull(baseUrl, "baseUrl");
      HttpUrl parsed = HttpUrl.parse(baseUrl.strip());
      if (parsed == null) {
        throw new IllegalArgumentException("Base URL must be an absolute http:// or https:// URL, got: " + baseUrl);
      }
      // A trailing slash would double up when paths are appended.
      String text = parsed.toString();
      this.baseUrl = text.endsWith("/") && parsed.pathSize() > 1 ? HttpUrl.get(text.substring(0, text.length() - 1)) : parsed;
    }

    /**
     * How long connecting may take (default 10 seconds, or the given OkHttp client's).
     *
     * @param value a positive duration
     * @return this builder
     * @throws IllegalArgumentException if the duration is zero or negative
     */
    public Builder connectTimeout(Duration value) {
      this.connectTimeout = positive(value, "connectTimeout");
      return this;
    }

    /**
     * How long the client waits for the next bytes of an answer, and to write a request (default
     * 30 seconds, or the given OkHttp client's read and write timeouts).
     *
     * @param value a positive duration
     * @return this builder
     * @throws IllegalArgumentException if the duration is zero or negative
     */
    public Builder readTimeout(Duration value) {
      this.readTimeout = positive(value, "readTimeout");
      return this;
    }

    /**
     * The longest one attempt may take, from sending to the end of the answer (default 60 seconds,
     * or the given OkHttp client's).
     *
     * @param value a positive duration
     * @return this builder
     * @throws IllegalArgumentException if the duration is zero or negative
     */
    public Builder callTimeout(Duration value) {
      this.callTimeout = positive(value, "callTimeout");
      return this;
    }

    /**
     * The longest one request may take on the wire, retries included (default 90 s): without it,
     * retries multiply the per-attempt timeouts. Announced waits (rate limits) are bounded by
     * {@link #maxWait(Duration)} instead.
     *
     * @param value a positive duration
     * @return this builder
     */
    public Builder operationTimeout(Duration value) {
      this.operationTimeout = positive(value, "operationTimeout");
      return this;
    }

    /**
     * Allows tokens, session cookies and passwords to cross plain {@code http} to a host that
     * is not loopback. Off by default: anyone on the network path could read them.
     *
     * @param value true to allow
     * @return this builder
     */
    public Builder allowInsecureHttp(boolean value) {
      this.allowInsecureHttp = value;
      return this;
    }

    /**
     * Who is told of every request and answer, secrets masked. It is called on the thread that
     * made the request; an exception it throws is ignored.
     *
     * @param value the listener
     * @return this builder
     */
    public Builder exchangeListener(ExchangeListener value) {
      this.exchangeListener = Objects.requireNonNull(value, "exchangeListener");
      return this;
    }

    /**
     * The clock used for rate-limit windows and token expiry (tests pass a fake one).
     *
     * @param value the clock
     * @return this builder
     */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /**
     * How waits are done (tests pass one that advances their fake clock).
     *
     * @param value the sleeper
     * @return this builder
     */
    public Builder sleeper(Sleeper value) {
      this.sleeper = Objects.requireNonNull(value, "sleeper");
      return this;
    }

    /**
     * How many times a {@code 429} is waited out and retried before giving up (default 3).
     *
     * @param value zero or more
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    public Builder maxRateLimitRetries(int value) {
      this.maxRateLimitRetries = notNegative(value, "maxRateLimitRetries");
      return this;
    }

    /**
     * How many times a request safe to repeat is retried after a connection failure (default 2).
     *
     * @param value zero or more
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    public Builder maxConnectionRetries(int value) {
      this.maxConnectionRetries = notNegative(value, "maxConnectionRetries");
      return this;
    }

    /**
     * Bodies larger than this are refused as {@link UnexpectedResponseException.Kind#TOO_LARGE}
     * (default 64 MiB).
     *
     * @param value 1 to {@code Integer.MAX_VALUE - 8} bytes
     * @return this builder
     * @throws IllegalArgumentException if out of that range
     */
    public Builder maxResponseBytes(long value) {
      // A body is held in one array, so the limit cannot pass an array's largest size.
      if (value < 1 || value > Integer.MAX_VALUE - 8) {
        throw new IllegalArgumentException("maxResponseBytes must be 1 to " + (Integer.MAX_VALUE - 8) + ", got "
            + value);
      }
      this.maxResponseBytes = value;
      return this;
    }

    /**
     * How much of each body the {@link ExchangeListener} sees (default 64 Ki characters).
     *
     * @param value zero or more characters
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    public Builder maxLoggedBodyChars(int value) {
      this.maxLoggedBodyChars = notNegative(value, "maxLoggedBodyChars");
      return this;
    }

    /**
     * The {@code User-Agent} header sent with every request (default {@code InboxDesk}).
     *
     * @param value the header's value
     * @return this builder
     */
    public Builder userAgent(String value) {
      this.userAgent = Objects.requireNonNull(value, "userAgent");
      return this;
    }

    /**
     * Also hands the listener each exchange unmasked, for an inspector's explicit "reveal". Off by
     * default: a listener that logs must never see secrets.
     *
     * @param value true to capture
     * @return this builder
     */
    public Builder captureUnmasked(boolean value) {
      this.captureUnmasked = value;
      return this;
    }

    /**
     * Told of every wait the client makes on its own (quota, {@code Retry-After}, back-off), before
     * it starts.
     *
     * @param value the listener
     * @return this builder
     */
    public Builder waitListener(WaitListener value) {
      this.waitListener = Objects.requireNonNull(value, "waitListener");
      return this;
    }

    /**
     * The longest single wait the client sits out (default 2 minutes). A server asking for longer
     * (a {@code Retry-After} of an hour) fails the call at once with {@link RateLimitedException}
     * carrying the server's wait, so the caller can say so instead of sleeping without a word.
     *
     * @param value zero or more; zero means never wait
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    public Builder maxWait(Duration value) {
      Objects.requireNonNull(value, "maxWait");
      if (value.isNegative()) {
        throw new IllegalArgumentException("maxWait must not be negative, got " + value);
      }
      this.maxWait = () -> value;
      return this;
    }

    /**
     * The same, read again at every wait, so that an application's setting applies to clients
     * already running. A null or negative answer means the default.
     *
     * @param value asked for the cap at every wait
     * @return this builder
     */
    public Builder maxWait(Supplier<Duration> value) {
      this.maxWait = Objects.requireNonNull(value, "maxWait");
      return this;
    }

    /**
     * Sends through the caller's OkHttp client: its proxy, TLS settings (trust store, certificate
     * pinning), interceptors, connection pool and dispatcher. The client derives its own from it
     * with {@link OkHttpClient#newBuilder()}, which shares the pool and the dispatcher, and changes
     * only this: its own cookie jar (each client holds its own session), no redirects followed, no
     * silent retries (it retries itself), and one network interceptor of its own. Timeouts set on
     * this builder apply; those not set stay the given client's.
     *
     * <p>The caller keeps owning it: closing the library's client neither shuts down its
     * dispatcher nor evicts its connection pool.
     *
     * @param value the caller's OkHttp client
     * @return this builder
     */
    public Builder okHttpClient(OkHttpClient value) {
      this.okHttpClient = Objects.requireNonNull(value, "okHttpClient");
      return this;
    }

    /**
     * Runs the {@code …Async} calls on the caller's executor instead of the client's own pool. A
     * call takes one of its threads for its whole length, waits for rate-limit windows included.
     * The caller keeps owning it: closing the client does not shut it down. If it refuses a task,
     * the call's future fails with its {@link java.util.concurrent.RejectedExecutionException}.
     *
     * @param value the executor
     * @return this builder
     */
    public Builder executor(Executor value) {
      this.executor = Objects.requireNonNull(value, "executor");
      return this;
    }

    /**
     * Builds the configuration.
     *
     * @return an immutable configuration
     */
    public ClientConfig build() {
      return new ClientConfig(this);
    }

    private static Duration positive(Duration value, String name) {
      Objects.requireNonNull(value, name);
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, got " + value);
      }
      return value;
    }

    private static int notNegative(int value, String name) {
      if (value < 0) {
        throw new IllegalArgumentException(name + " must not be negative, got " + value);
      }
      return value;
    }
  }
}
