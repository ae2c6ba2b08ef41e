package org.iom.mtm.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynthCommandTest {

  @TempDir Path dir;

  @Test
  void sameSeedSameBytes() throws IOException {
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    assertEquals(0, MtmTest.mtm("synth", "--respondents", "300", "--seed", "5", "--out", a.toString()).status());
    assertEquals(0, MtmTest.mtm("synth", "--respondents", "300", "--seed", "5", "--out", b.toString()).status());
    for (String f : List.of("form.json", "survey.csv", "baseline.csv")) {
      assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
    }
    List<String> survey = Files.readAllLines(a.resolve("survey.csv"), StandardCharsets.UTF_8);
    assertEquals(301, survey.size());
    assertTrue(survey.get(0).startsWith("_index;_uuid;region;"), survey.get(0));
    assertTrue(survey.get(0).contains(";obstacles;obstacles/poor_conditions;"), survey.get(0));
    List<String> baseline = Files.readAllLines(a.resolve("baseline.csv"), StandardCharsets.UTF_8);
    assertEquals(
        "admin1_pcode,admin1_name,admin2_pcode,admin2_name,population_type,nationality,year,count,informant_id",
        baseline.get(0));
    String form = Files.readString(a.resolve("form.json"));
    assertTrue(form.contains("\"select_multiple obstacles\""), form);
    try (var files = Files.list(a)) {
      assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")));
    }
  }

  @Test
  void badCountIsBadInput() {
    MtmTest.Run r = MtmTest.mtm("synth", "--respondents", "-3", "--seed", "1", "--out", dir.toString());
    assertEquals(2, r.status());
    assertTrue(r.err().startsWith("mtm: error: ") && r.err().contains("-3"), r.err());
  }

  @Test
  void synthesisedFilesPassValidateBaselineAndEstimate() {
    Path out = dir.resolve("s");
    assertEquals(0, MtmTest.mtm("synth", "--respondents", "500", "--seed", "9", "--out", out.toString()).status());
    MtmTest.Run v = MtmTest.mtm("validate", "--form", out.resolve("form.json").toString(), "--data", out.resolve("survey.csv").toString());
    assertEquals(0, v.status(), v.out() + v.err());
    MtmTest.Run b = MtmTest.mtm("baseline", "--data", out.resolve("baseline.csv").toString(), "--format", "csv");
    assertEquals(0, b.status(), b.err());
    assertTrue(b.out().contains("count @/@ migrant_worker %/% 2022 @/@ NA %/% NA"), b.out());
    MtmTest.Run e = MtmTest.mtm("estimate", "--data", out.resolve("survey.csv").toString(), "--form",
        out.resolve("form.json").toString(), "--strata", "region", "--ids", "site", "--multi", "job_search", "--format", "csv");
    assertEquals(0, e.status(), e.err());
    // job_search is asked of the unemployed only: its denominator is those who answered.
    String row = e.out().lines().filter(l -> l.startsWith("prop_select_multiple,job_search,internet,")).findFirst().orElseThrow();
    long nTotal = Long.parseLong(row.split(",")[12]);
    assertTrue(nTotal > 0 && nTotal < 100, row);
  }
}
