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

/** A notification's free-form {@code data}, read off the parser, is what data binding would make of it. */
class JsonMapTest {

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
    Map<String, Object> bound = Json.MAPPER.readValue(json, Map.class);

    Map<String, Object> read = read(json);

    assertThat(read).isEqualTo(bound);
    assertThat(read.keySet()).containsExactlyElementsOf(bound.keySet());
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
