package dev.inboxdesk.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The sandbox writes and reads its trees without data binding, exactly as data binding would. */
class SandboxJsonTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "{}",
      "[]",
      "{\"a\":1,\"b\":-2147483649,\"c\":123456789012345678901234567890,\"d\":1.5,\"e\":-0.0,\"f\":1.0E300}",
      "{\"s\":\"text \\u00e9 \\\"q\\\" \\\\ \\n\\u0001 \uD83D\uDE00\",\"t\":true,\"f\":false,\"n\":null}",
      "{\"nested\":{\"list\":[1,\"two\",[3,{\"four\":4}],null,{}],\"empty\":[]},\"z\":0}",
      "{\"dup\":1,\"dup\":2,\"order\":{\"b\":1,\"a\":2}}",
      "\"just a string\"",
      "  [1, 2.25, true]  "})
  void readsAndWritesAsDataBindingDoes(String json) throws Exception {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    JsonNode bound = SandboxJson.mapper().readTree(body);

    JsonNode read = SandboxJson.parseOrNull(body);

    assertThat(read).isEqualTo(bound);
    assertThat(new String(SandboxJson.bytes(read), StandardCharsets.UTF_8))
        .isEqualTo(new String(SandboxJson.mapper().writeValueAsBytes(bound), StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "not json", "{\"a\":", "{\"a\":1} trailing", "{\"a\":1}{\"b\":2}"})
  void aBodyThatIsNotOneJsonValueIsNull(String body) {
    assertThat(SandboxJson.parseOrNull(body.getBytes(StandardCharsets.UTF_8))).isNull();
  }

  @Test
  void aMapBecomesTheTreeDataBindingMakes() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("text", "hello");
    data.put("int", 7);
    data.put("long", 1L << 40);
    data.put("double", 2.5);
    data.put("big", new BigInteger("123456789012345678901234567890"));
    data.put("decimal", new BigDecimal("1.10"));
    data.put("flag", true);
    data.put("nothing", null);
    data.put("list", List.of(1, "two", Map.of("three", 3)));
    data.put("array", Arrays.asList("a", null));

    assertThat(SandboxJson.tree(data)).isEqualTo(SandboxJson.mapper().valueToTree(data));
    assertThat(SandboxJson.tree(null)).isEqualTo(SandboxJson.mapper().valueToTree(null));
  }
}
