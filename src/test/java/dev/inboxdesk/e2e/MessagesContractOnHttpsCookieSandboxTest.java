package dev.inboxdesk.e2e;

import dev.inboxdesk.sandbox.Deployment;

/**
 * The messages contract on an app that believes it is served over https (a TLS-terminating proxy in front) and so sets the {@code __Secure-} and {@code __Host-} cookie names, reached over plain http.
 */
class MessagesContractOnHttpsCookieSandboxTest extends MessagesContractOnSandboxTest {
  @Override
  Deployment deployment() {
    return Deployment.STANDARD.withCookieScheme("https");
  }
}
