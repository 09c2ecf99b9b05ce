package dev.inboxdesk.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the client reads and writes without data binding (a notification's free-form {@code data},
 * request bodies, a token's expiry) is what data binding would make of it.
 */
class WithoutDataBindingTest {

  private static Map<String, Object> read(String json) throws IOException {
    try (JsonParser parser = Json.FACTORY.createParser(json)) {
      parser.nextToken();
      return Json.map(parser);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{}",
      "{\"a\":1,\"b\":-2147483649,\"c\":123456789012345678901234567890,\"d\":1.5,\"e\":-0.0,\"f\":1e300}",
      "{\"s\":\"text \\u00e9 \\\"q\\\"\",\"t\":true,\"f\":false,\"n\":null}",
      "{\"nested\":{\"list\":[1,\"two\",[3,{\"four\":4}],null,{}],\"empty\":[]},\"z\":0}",
      "{\"dup\":1,\"dup\":2,\"order\":{\"b\":1,\"a\":2}}"})
  void isWhatDataBindingMakesOfIt(String json) throws IOException {
    @SuppressWarnings("unchecked")
    Map<String, Object> bound = Json.mapper().readValue(json, Map.class);

    Map<String, Object> read = read(json);

    assertThat(read).isEqualTo(bound);
    assertThat(read.keySet()).containsExactlyElementsOf(bound.keySet());
  }

  @Test
  void aRequestBodyOfStringFieldsIsEscapedJson() throws IOException {
    String body = Json.object("email", "a\"b@example.com", "password", "p\\w \u00e9\n\u0000");

    assertThat(Json.mapper().readValue(body, Map.class))
        .containsExactly(Map.entry("email", "a\"b@example.com"), Map.entry("password", "p\\w \u00e9\n\u0000"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"exp\":1893456000}", "{\"sub\":\"x\",\"exp\":1893456000.7,\"n\":{\"exp\":1}}"})
  void aTokensExpiryIsItsExpClaim(String claims) {
    String token = "h." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes(
        java.nio.charset.StandardCharsets.UTF_8)) + ".s";

    assertThat(AccessTokens.expiryOf(token)).isEqualTo(java.time.Instant.ofEpochSecond(1893456000));
  }

  @ParameterizedTest
  @ValueSource(strings = {"{}", "{\"exp\":\"soon\"}", "{\"exp\":123456789012345678901234567890}", "[1]", "not json"})
  void aTokenWithoutAReadableExpiryHasNone(String claims) {
    String token = "h." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes(
        java.nio.charset.StandardCharsets.UTF_8)) + ".s";

    assertThat(AccessTokens.expiryOf(token)).isNull();
  }

  @Test
  void aValueThatIsNotAnObjectIsAnEmptyMap() throws IOException {
    assertThat(read("[1,2]")).isEmpty();
    assertThat(read("\"x\"")).isEmpty();
  }

  @Test
  void nestingBeyondTheLimitIsRefused() {
    String deep = "{\"a\":".repeat(100) + "1" + "}".repeat(100);

    assertThatThrownBy(() -> read(deep)).isInstanceOf(StreamConstraintsException.class);
  }
}
