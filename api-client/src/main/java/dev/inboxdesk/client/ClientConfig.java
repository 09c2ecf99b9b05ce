package dev.inboxdesk.client;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import okhttp3.HttpUrl;

/**
 * Settings shared by both clients. Immutable; build one with {@link #builder(String)}.
 *
 * <pre>{@code
 * ClientConfig config = ClientConfig.builder("https://api.example.com/api/v1")
 *     .readTimeout(Duration.ofSeconds(20))
 *     .exchangeListener(exchange -> log.debug("{} {} -> {}", exchange.method(), exchange.url(), exchange.status()))
 *     .build();
 * }</pre>
 */
public final class ClientConfig {
  /** How long a single wait may be unless the caller says otherwise. */
  public static final Duration DEFAULT_MAX_WAIT = Duration.ofMinutes(2);
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

  private ClientConfig(Builder b) {
    this.baseUrl = b.baseUrl;
    this.connectTimeout = b.connectTimeout;
    this.readTimeout = b.readTimeout;
    this.callTimeout = b.callTimeout;
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
  }

  /**
   * Starts a configuration for a service at {@code baseUrl}: the messages app's origin
   * ({@code https://example.app}) or the notifications API's base ({@code https://api.example.com/api/v1}).
   *
   * @throws IllegalArgumentException if the URL is not an absolute http or https URL
   */
  public static Builder builder(String baseUrl) {
    return new Builder(baseUrl);
  }

  public HttpUrl baseUrl() {
    return baseUrl;
  }

  public Duration connectTimeout() {
    return connectTimeout;
  }

  public Duration readTimeout() {
    return readTimeout;
  }

  public Duration callTimeout() {
    return callTimeout;
  }

  /** The longest one request may take on the wire with all its retries (waits announced apart). */
  public Duration operationTimeout() {
    return operationTimeout;
  }

  /** Whether secrets may cross plain {@code http} to a host that is not loopback. */
  public boolean allowInsecureHttp() {
    return allowInsecureHttp;
  }

  public ExchangeListener exchangeListener() {
    return exchangeListener;
  }

  public Clock clock() {
    return clock;
  }

  public Sleeper sleeper() {
    return sleeper;
  }

  public int maxRateLimitRetries() {
    return maxRateLimitRetries;
  }

  public int maxConnectionRetries() {
    return maxConnectionRetries;
  }

  public long maxResponseBytes() {
    return maxResponseBytes;
  }

  public int maxLoggedBodyChars() {
    return maxLoggedBodyChars;
  }

  public String userAgent() {
    return userAgent;
  }

  /** Whether exchanges also carry their unmasked form (see {@link Exchange#unmaskedView()}). */
  public boolean captureUnmasked() {
    return captureUnmasked;
  }

  /** Builds a {@link ClientConfig}; every setting has a sensible default. */
  /** Told of every wait the client makes on its own. */
  public WaitListener waitListener() {
    return waitListener;
  }

  /** The longest single wait the client sits out now; a longer one fails the call at once. */
  public Duration maxWait() {
    Duration value = maxWait.get();
    return value == null || value.isNegative() ? DEFAULT_MAX_WAIT : value;
  }

  public static final class Builder {
    private final HttpUrl baseUrl;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(30);
    private Duration callTimeout = Duration.ofSeconds(60);
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

    public Builder connectTimeout(Duration value) {
      this.connectTimeout = positive(value, "connectTimeout");
      return this;
    }

    public Builder readTimeout(Duration value) {
      this.readTimeout = positive(value, "readTimeout");
      return this;
    }

    /** The longest one attempt may take, from sending to the end of the answer. */
    public Builder callTimeout(Duration value) {
      this.callTimeout = positive(value, "callTimeout");
      return this;
    }

    /**
     * The longest one request may take on the wire, retries included (default 90 s): without it,
     * retries multiply the per-attempt timeouts. Announced waits (rate limits) are bounded by
     * {@link #maxWait(Duration)} instead.
     */
    public Builder operationTimeout(Duration value) {
      this.operationTimeout = positive(value, "operationTimeout");
      return this;
    }

    /**
     * Allows tokens, session cookies and passwords to cross plain {@code http} to a host that
     * is not loopback. Off by default: anyone on the network path could read them.
     */
    public Builder allowInsecureHttp(boolean value) {
      this.allowInsecureHttp = value;
      return this;
    }

    public Builder exchangeListener(ExchangeListener value) {
      this.exchangeListener = Objects.requireNonNull(value, "exchangeListener");
      return this;
    }

    /** The clock used for rate-limit windows and token expiry (tests pass a fake one). */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /** How waits are done (tests pass one that advances their fake clock). */
    public Builder sleeper(Sleeper value) {
      this.sleeper = Objects.requireNonNull(value, "sleeper");
      return this;
    }

    /** How many times a {@code 429} is waited out and retried before giving up. */
    public Builder maxRateLimitRetries(int value) {
      this.maxRateLimitRetries = notNegative(value, "maxRateLimitRetries");
      return this;
    }

    /** How many times a request safe to repeat is retried after a connection failure. */
    public Builder maxConnectionRetries(int value) {
      this.maxConnectionRetries = notNegative(value, "maxConnectionRetries");
      return this;
    }

    /** Bodies larger than this are refused as {@link UnexpectedResponseException.Kind#TOO_LARGE}. */
    public Builder maxResponseBytes(long value) {
      // A body is held in one array, so the limit cannot pass an array's largest size.
      if (value < 1 || value > Integer.MAX_VALUE - 8) {
        throw new IllegalArgumentException("maxResponseBytes must be 1 to " + (Integer.MAX_VALUE - 8) + ", got "
            + value);
      }
      this.maxResponseBytes = value;
      return this;
    }

    /** How much of each body the {@link ExchangeListener} sees. */
    public Builder maxLoggedBodyChars(int value) {
      this.maxLoggedBodyChars = notNegative(value, "maxLoggedBodyChars");
      return this;
    }

    public Builder userAgent(String value) {
      this.userAgent = Objects.requireNonNull(value, "userAgent");
      return this;
    }

    /**
     * Also hands the listener each exchange unmasked, for an inspector's explicit "reveal". Off by
     * default: a listener that logs must never see secrets.
     */
    public Builder captureUnmasked(boolean value) {
      this.captureUnmasked = value;
      return this;
    }

    /** Told of every wait the client makes on its own (quota, {@code Retry-After}, back-off). */
    public Builder waitListener(WaitListener value) {
      this.waitListener = Objects.requireNonNull(value, "waitListener");
      return this;
    }

    /**
     * The longest single wait the client sits out (default 2 minutes). A server asking for longer
     * (a {@code Retry-After} of an hour) fails the call at once with {@link RateLimitedException}
     * carrying the server's wait, so the caller can say so instead of sleeping without a word.
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
     */
    public Builder maxWait(Supplier<Duration> value) {
      this.maxWait = Objects.requireNonNull(value, "maxWait");
      return this;
    }

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
