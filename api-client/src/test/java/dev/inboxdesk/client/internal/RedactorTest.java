package dev.inboxdesk.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Secrets are masked by what their names say, in every shape a body or header can take. */
class RedactorTest {
  private static final String SECRET = "s3cr3t-v4lue";

  private static String masked(String body, String type, boolean carriesSecret) {
    return Redactor.body(body.getBytes(StandardCharsets.UTF_8), type, 64 * 1024, carriesSecret,
        Redactor.Mode.MASKED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"access_token", "refresh_token", "id_token", "passwordHash", "hash", "client_secret",
      "apiKey", "api-key", "sessionId", "pass\\u0077ord", "PASSWD", "x-auth-token"})
  void aSecretFieldIsMaskedByWhatItsNameSaysInWholeAndCutBodies(String name) {
    String json = "{\"user\":\"ada\",\"" + name + "\":\"" + SECRET + "\",\"n\":1}";

    assertThat(masked(json, "application/json", false)).doesNotContain(SECRET).contains("ada");
    // Cut off, the body is no JSON any more: the pattern still finds the key, escaped or not.
    String cut = json.substring(0, json.length() - 4);
    assertThat(Redactor.body(cut.getBytes(StandardCharsets.UTF_8), "application/json", cut.length() - 1, false,
        Redactor.Mode.MASKED)).doesNotContain(SECRET.substring(0, 6));
  }

  @Test
  void aTwoFactorCodeIsMaskedWhereTheBodyCarriesASecretAndAnErrorCodeIsNot() {
    assertThat(masked("{\"tempToken\":\"t\",\"code\":\"123456\"}", "application/json", true))
        .doesNotContain("123456");
    assertThat(masked("{\"success\":false,\"error\":{\"code\":\"AUTH_UNAUTHORIZED\"}}", "application/json", false))
        .contains("AUTH_UNAUTHORIZED");
  }

  @Test
  void formFieldsAreMaskedByPatternToo() {
    assertThat(masked("email=a%40b.c&client_secret=" + SECRET + "&csrfToken=x", "application/x-www-form-urlencoded",
        true)).doesNotContain(SECRET).contains("email=a%40b.c");
  }

  @ParameterizedTest
  @ValueSource(strings = {"X-Auth-Token", "X-Api-Key", "Authorization", "Proxy-Authorization", "X-Session"})
  void credentialHeadersAreMaskedByName(String name) {
    assertThat(Redactor.header(name, "Bearer " + SECRET)).doesNotContain(SECRET);
  }

  @Test
  void anExplicitRevealShowsTheUsersOwnTokensButNeverAPasswordAHashOrACode() {
    String answer = "{\"data\":{\"accessToken\":\"" + SECRET + "\",\"password\":\"$2a$10$hash\",\"passwordHash\":"
        + "\"h\",\"code\":\"654321\"}}";

    String revealed = Redactor.body(answer.getBytes(StandardCharsets.UTF_8), "application/json", 64 * 1024, true,
        Redactor.Mode.REVEAL);

    assertThat(revealed).contains(SECRET).doesNotContain("$2a$10$hash").doesNotContain("654321")
        .doesNotContain("\"h\"");
  }
}
