package org.iom.mtm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KAnonymityCommandTest {

  @TempDir Path dir;

  @Test
  void smallClassesAreListedByRecordNumberOnly() {
    assertEquals(0, MtmTest.mtm("synth", "--respondents", "400", "--seed", "3", "--out", dir.toString()).status());
    MtmTest.Run r = MtmTest.mtm("validate", "--form", dir.resolve("form.json").toString(), "--data",
        dir.resolve("survey.csv").toString(), "--k-anonymity", "5", "--quasi", "sex,nationality,region");
    assertEquals(0, r.status(), r.err());
    List<String> lines = r.out().lines().toList();
    int header = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains("records are in classes smaller than 5 on sex, nationality, region")) {
        header = i;
      }
    }
    assertTrue(header >= 0, r.out());
    int risky = Integer.parseInt(lines.get(header).split(" ")[0]);
    // 2 sexes x 9 nationalities x 12 regions for 400 records: rare combinations must exist.
    assertTrue(risky > 0, lines.get(header));
    List<String> listed = lines.subList(header + 1, header + 1 + risky);
    for (String l : listed) {
      assertTrue(l.matches("  record \\d+: class of [1-4]"), l);
    }
  }

  @Test
  void quasiIdentifiersAreRequiredAndNamed() {
    assertEquals(0, MtmTest.mtm("synth", "--respondents", "50", "--seed", "3", "--out", dir.toString()).status());
    MtmTest.Run r = MtmTest.mtm("validate", "--form", dir.resolve("form.json").toString(), "--data",
        dir.resolve("survey.csv").toString(), "--k-anonymity", "5");
    assertEquals(2, r.status());
    assertTrue(r.err().contains("--quasi"), r.err());
    r = MtmTest.mtm("validate", "--form", dir.resolve("form.json").toString(), "--data",
        dir.resolve("survey.csv").toString(), "--k-anonymity", "5", "--quasi", "sex,nosuch");
    assertEquals(2, r.status());
    assertTrue(r.err().contains("'nosuch'"), r.err());
  }
}
