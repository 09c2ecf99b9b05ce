package dev.inboxdesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inboxdesk.client.ClientConfig;
import dev.inboxdesk.client.DeleteOutcome;
import dev.inboxdesk.client.Message;
import dev.inboxdesk.client.MessagesClient;
import dev.inboxdesk.e2e.peers.TlsProxy;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * {@link MessagesConformanceTest} on the Next.js 16 + NextAuth 4 peer, and behind a
 * TLS-terminating proxy, which only a real server shows: the app sets the cookie names of its own
 * plain-http URL to an https client.
 */
class MessagesOnPeersConformanceTest extends MessagesConformanceTest {
  private static final Backend.OnPeers BACKEND = new Backend.OnPeers();

  @Override
  Backend backend() {
    return BACKEND;
  }

  /**
   * A real cut-off answer promises its full length and closes short of it: the client sees the
   * connection fail, not a malformed body, and sends the delete again; before acting, that second
   * PATCH is the one that deletes.
   */
  @Test
  void anAnswerCutOffBeforeActingIsAConnectionFailureRetriedIntoADelete() {
    MessagesClient client = signedIn();
    String id = serverInbox().get(2);
    fault(dev.inboxdesk.e2e.peers.Fault.before(DELETE_ROUTE).cutoff());

    assertThat(client.deleteMessage(id).outcome()).isEqualTo(DeleteOutcome.DELETED);

    assertThat(deleteMethods()).containsExactly("PATCH", "PATCH");
    assertThat(BACKEND.requests(baseUrl()).findValuesAsText("fault")).contains("before cutoff");
    assertThat(serverInbox()).doesNotContain(id);
  }

  @Test
  void behindATlsTerminatingProxySignInListAndDeleteWorkUnderTheCookieNameTheServerSet() {
    try (TlsProxy proxy = TlsProxy.start(BACKEND.messagesPeer())) {
      // Trusting the proxy's throwaway certificate is this test's business only.
      OkHttpClient trusting = new OkHttpClient.Builder()
          .sslSocketFactory(proxy.sslContext().getSocketFactory(), proxy.trustManager()).build();
      try (MessagesClient client = MessagesClient.create(ClientConfig.builder(proxy.baseUrl())
          .okHttpClient(trusting).exchangeListener(exchanges::add).build())) {

        assertThat(client.signIn(EMAIL, PASSWORD).username()).isEqualTo("ada");
        assertThat(client.sessionCookieName()).isEqualTo("next-auth.session-token");
        List<Message> inbox = client.listMessages();
        assertThat(inbox).hasSizeGreaterThan(2);
        assertThat(client.deleteMessage(inbox.get(0).id()).outcome()).isEqualTo(DeleteOutcome.DELETED);

        assertThat(client.listMessages()).extracting(Message::id).doesNotContain(inbox.get(0).id());
        assertThat(exchanges).allSatisfy(e -> assertThat(e.url()).startsWith("https://"));
      } finally {
        trusting.dispatcher().executorService().shutdown();
        trusting.connectionPool().evictAll();
      }
    }
  }
}
