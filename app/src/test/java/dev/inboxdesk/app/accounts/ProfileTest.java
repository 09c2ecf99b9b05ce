package dev.inboxdesk.app.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProfileTest {

  private static Profile at(String url) {
    return Profile.create("p", Connection.Service.MESSAGES, url);
  }

  @Test
  void httpsNeedsNoConsent() {
    assertThat(at("https://example.app").problem()).isNull();
  }

  @Test
  void plainHttpToThisMachineNeedsNoConsent() {
    assertThat(at("http://127.0.0.1:8080").problem()).isNull();
    assertThat(at("http://localhost:8080").problem()).isNull();
  }

  @Test
  void plainHttpToAnotherMachineNeedsExplicitConsent() {
    Profile profile = at("http://staging.internal:3000");

    assertThat(profile.needsInsecureConsent()).isTrue();
    assertThat(profile.problem()).contains("unencrypted");
    assertThat(profile.withInsecureHttp(true).problem()).isNull();
  }

  @Test
  void anAddressThatIsNotHttpIsRefused() {
    assertThat(at("ftp://example.app").problem()).contains("https://");
    assertThat(at("example.app").problem()).contains("https://");
  }
}
