package dev.inboxdesk.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inboxdesk.client.ClientConfig;
import java.time.Clock;
import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** TLS is set up only for a server that needs it, and a caller's own client keeps its settings. */
class HttpTransportTlsTest {

  @Test
  void aPlainHttpLoopbackServerGetsAClientWithoutTls() {
    HttpTransport plain = transport(ClientConfig.builder("http://127.0.0.1:3000").build());

    assertThat(plain.http().connectionSpecs()).containsExactly(ConnectionSpec.CLEARTEXT);
    plain.close();
  }

  @Test
  void anHttpsServerGetsTls() {
    HttpTransport secure = transport(ClientConfig.builder("https://example.app").build());

    assertThat(secure.http().connectionSpecs()).contains(ConnectionSpec.MODERN_TLS);
    assertThat(secure.http().x509TrustManager()).isNotNull();
    secure.close();
  }

  @Test
  void aCallersClientKeepsItsConnectionSpecsEvenOnPlainHttp() {
    OkHttpClient caller = new OkHttpClient();
    HttpTransport given = transport(ClientConfig.builder("http://127.0.0.1:3000").okHttpClient(caller).build());

    assertThat(given.http().connectionSpecs()).isEqualTo(caller.connectionSpecs());
    given.close();
  }

  private static HttpTransport transport(ClientConfig config) {
    return new HttpTransport("messages", config, RateLimiter.withoutDefaultQuota(Clock.systemUTC()));
  }
}
