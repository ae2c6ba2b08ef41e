package org.iom.mtm.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The committed example files are exactly what the seeded generator writes. To regenerate them
 * after a deliberate change of the generator, run this test with {@code
 * -Dmtm.examples.write=mtm-cli/src/main/resources/org/iom/mtm/cli/examples/kazakhstan-2023}
 * (relative to the module directory: {@code src/main/resources/...}).
 */
class ExampleFilesTest {

  @Test
  void committedFilesAreTheGeneratorsBytes() throws IOException {
    Map<String, byte[]> generated = ExampleFiles.generateKazakhstan2023();
    String target = System.getProperty("mtm.examples.write");
    if (target != null) {
      Path dir = Path.of(target);
      Files.createDirectories(dir);
      for (Map.Entry<String, byte[]> e : generated.entrySet()) {
        Files.write(dir.resolve(e.getKey()), e.getValue());
      }
    }
    assertEquals(3, generated.size());
    for (Map.Entry<String, byte[]> e : generated.entrySet()) {
      assertArrayEquals(e.getValue(), ExampleFiles.read(ExampleFiles.KAZAKHSTAN_2023, e.getKey()), e.getKey());
    }
    String survey = new String(generated.get(ExampleFiles.SURVEY), StandardCharsets.UTF_8);
    assertEquals(1132, survey.lines().count());
    assertTrue(survey.startsWith("_index;_uuid;region;site;sex;age;nationality;"), survey.substring(0, 80));
  }

  @Test
  void unknownExampleIsBadInput() {
    InputException e = org.junit.jupiter.api.Assertions.assertThrows(InputException.class,
        () -> ExampleFiles.read("atlantis-1999", ExampleFiles.FORM));
    assertTrue(e.getMessage().contains("atlantis-1999"), e.getMessage());
  }
}
