package org.iom.mtm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.iom.mtm.indicators.result.ResultRow;
import org.iom.mtm.io.result.ResultReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Design weights straight from the baseline: N_h / n_h per region, N_h as sample-size reads it. */
class WeightFromBaselineTest {

  @TempDir Path dir;

  @Test
  void weightsOfEachRegionAddUpToItsBaselineCount() throws IOException {
    assertEquals(0, MtmTest.mtm("synth", "--respondents", "600", "--seed", "4", "--out", dir.toString()).status());
    Path weighted = dir.resolve("weighted.csv");
    MtmTest.Run w = MtmTest.mtm("weight", "--data", dir.resolve("survey.csv").toString(), "--out", weighted.toString(),
        "--baseline", dir.resolve("baseline.csv").toString(), "--baseline-strata", "region=admin1");
    assertEquals(0, w.status(), w.err());
    // N_h as mtm sample-size reads the same baseline (2022, informants' median, by admin1).
    MtmTest.Run n = MtmTest.mtm("sample-size", "--baseline", dir.resolve("baseline.csv").toString(), "--strata",
        "admin1", "--moe", "0.05", "--format", "csv");
    assertEquals(0, n.status(), n.err());
    Map<String, Double> population = new HashMap<>();
    for (ResultRow r : ResultReader.readCsv(new StringReader(n.out()), "stdout").rows()) {
      if (!r.groupValues().isEmpty()) {
        population.put(r.groupValues().get(0), r.nW());
      }
    }
    List<String> lines = Files.readAllLines(weighted);
    List<String> header = List.of(lines.get(0).split(";", -1));
    int region = header.indexOf("region");
    int weight = header.indexOf("weight");
    Map<String, Double> sums = new HashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] c = line.split(";", -1);
      sums.merge(c[region], Double.parseDouble(c[weight]), Double::sum);
    }
    assertTrue(!sums.isEmpty());
    for (Map.Entry<String, Double> e : sums.entrySet()) {
      // sample-size rounds N_h to whole people; the weights use the reconciled value itself.
      assertEquals(population.get(e.getKey()), e.getValue(), 0.5 + 1e-6, e.getKey());
    }
  }

  @Test
  void strataAreRequiredAndDimensionsNamed() throws IOException {
    assertEquals(0, MtmTest.mtm("synth", "--respondents", "50", "--seed", "4", "--out", dir.toString()).status());
    MtmTest.Run r = MtmTest.mtm("weight", "--data", dir.resolve("survey.csv").toString(), "--out",
        dir.resolve("w.csv").toString(), "--baseline", dir.resolve("baseline.csv").toString());
    assertEquals(2, r.status());
    assertTrue(r.err().contains("--baseline-strata"), r.err());
    r = MtmTest.mtm("weight", "--data", dir.resolve("survey.csv").toString(), "--out", dir.resolve("w.csv").toString(),
        "--baseline", dir.resolve("baseline.csv").toString(), "--baseline-strata", "region=sex");
    assertEquals(2, r.status());
    assertTrue(r.err().contains("sex"), r.err());
  }
}
