package org.iom.mtm.io.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@link JsonInput#read} builds its tree from the parser's tokens without the mapper (whose start
 * costs a short command a good part of a second): the tree must be the mapper's, node for node
 * (the same node types: int, long, BigInteger, double; the last of repeated names).
 */
class JsonTreeProperties {

  @Provide
  Arbitrary<String> json() {
    return value(4);
  }

  private static Arbitrary<String> value(int depth) {
    Arbitrary<String> scalar = Arbitraries.oneOf(
        Arbitraries.of("0", "-1", "2147483647", "2147483648", "-9223372036854775808", "9223372036854775808",
            "123456789012345678901234567890", "1.5", "-0.0", "1e3", "2.5E-3", "1.0", "true", "false", "null"),
        Arbitraries.strings().withChars("ab\"\\/é\u0001😀 ").ofMaxLength(6)
            .map(s -> "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\u0001", "\\u0001") + "\""));
    if (depth == 0) {
      return scalar;
    }
    Arbitrary<String> arrays = value(depth - 1).list().ofMaxSize(4).map(l -> "[" + String.join(",", l) + "]");
    Arbitrary<String> objects = Arbitraries.of("a", "b", "c", "a b").flatMap(k -> value(depth - 1).map(v -> "\"" + k + "\":" + v))
        .list().ofMaxSize(4).map(l -> "{" + String.join(", ", l) + "}");
    return Arbitraries.oneOf(scalar, arrays, objects);
  }

  @Property(tries = 500)
  void theTreeIsTheMappers(@ForAll("json") String text) {
    JsonNode mine = JsonInput.read(new StringReader(text), "t.json");
    JsonNode theirs = JsonInput.mapper().readTree(text);
    assertEquals(theirs, mine);
    assertEquals(theirs.toString(), mine.toString());
  }

  @Test
  void theFixturesReadAsTheMapperReadsThem() throws IOException {
    for (String f : List.of("or_other.json", "long_unicode_labels.json", "dietary_needs.json", "grouped_repeatable.json")) {
      String path = "/fixtures/kobo-formpack/" + f;
      JsonNode mine;
      JsonNode theirs;
      try (InputStream in = getClass().getResourceAsStream(path)) {
        mine = JsonInput.read(in, f);
      }
      try (InputStream in = getClass().getResourceAsStream(path)) {
        theirs = JsonInput.mapper().readTree(in);
      }
      assertEquals(theirs, mine, f);
    }
  }
}
