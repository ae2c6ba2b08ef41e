package org.iom.mtm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mtm weight} end to end on apiclus1, against R survey's weights (src/test/resources/weight). */
class WeightCommandTest {
  @TempDir Path dir;

  private Path resource(String name) throws IOException {
    Path p = dir.resolve(name);
    try (InputStream in = WeightCommandTest.class.getResourceAsStream("/weight/" + name)) {
      Files.copy(in, p);
    }
    return p;
  }

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  /** The last column of a CSV written by mtm weight (no quoted commas in apiclus1). */
  private static List<Double> lastColumn(Path csv) throws IOException {
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    List<Double> out = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      out.add(Double.parseDouble(line.substring(line.lastIndexOf(',') + 1)));
    }
    return out;
  }

  private List<Double> golden(String column) throws IOException {
    List<String> lines = Files.readAllLines(resource("weights.csv"), StandardCharsets.UTF_8);
    int c = List.of(lines.get(0).split(",")).indexOf(column);
    List<Double> out = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      out.add(Double.parseDouble(line.split(",")[c]));
    }
    return out;
  }

  private static void assertWeights(List<Double> expected, List<Double> actual) {
    assertEquals(expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.get(i), actual.get(i), 1e-10 * expected.get(i), "row " + (i + 1));
    }
  }

  @Test
  void linearCalibrationWritesRsWeightsAndTheReport() throws IOException {
    Path data = resource("apiclus1.csv");
    Path totals = write("totals.csv", "term,total\nstype=E,4421\nstype=H,755\nstype=M,1018\napi99,3914069\n");
    Path out = dir.resolve("out.csv");
    Path report = dir.resolve("report.json");
    MtmTest.Run r = MtmTest.mtm("weight", "--data", data.toString(), "--ids", "dnum", "--weights", "pw", "--fpc", "fpc",
        "--calibrate", "stype,api99", "--totals", totals.toString(), "--out", out.toString(),
        "--report", report.toString(), "--weight-var", "calweight");
    assertEquals(0, r.status(), r.err());
    // R 4.2: weights(calibrate(dclus1, ~stype + api99, pop = c(6194, 755, 1018, 3914069)))
    assertWeights(golden("cal_linear"), lastColumn(out));
    assertTrue(Files.readAllLines(out).get(0).endsWith(",\"fpc\",calweight") || Files.readAllLines(out).get(0).endsWith(",fpc,calweight"),
        Files.readAllLines(out).get(0));
    String json = Files.readString(report);
    assertTrue(json.startsWith("{\"steps\":[{\"method\":\"calibration (linear)\""), json);
    assertTrue(r.out().contains("calibration (linear) (~stype + api99"), r.out());
  }

  @Test
  void rakingWithRsDefaultControl() throws IOException {
    Path data = resource("apiclus1.csv");
    Path types = write("types.csv", "stype,Freq\nE,4421\nH,755\nM,1018\n");
    Path schwide = write("schwide.csv", "sch.wide;Freq\nNo;1072\nYes;5122\n");
    Path out = dir.resolve("raked.csv");
    MtmTest.Run r = MtmTest.mtm("weight", "--data", data.toString(), "--weights", "pw", "--rake", "stype=" + types,
        "--rake", "sch.wide=" + schwide, "--maxit", "10", "--epsilon", "1", "--out", out.toString());
    assertEquals(0, r.status(), r.err());
    // R 4.2: weights(rake(dclus1, list(~stype, ~sch.wide), list(pop.types, pop.schwide)))
    assertWeights(golden("rake2_rdefault"), lastColumn(out));
  }

  @Test
  void calibrationThenStrictTrimming() throws IOException {
    Path data = resource("apiclus1.csv");
    Path totals = write("totals.csv", "stype=E,4421\nstype=H,755\nstype=M,1018\napi99,3914069\n");
    Path out = dir.resolve("trimmed.csv");
    MtmTest.Run r = MtmTest.mtm("weight", "--data", data.toString(), "--weights", "pw", "--calibrate", "stype,api99",
        "--totals", totals.toString(), "--trim", "25:38:strict", "--out", out.toString());
    assertEquals(0, r.status(), r.err());
    // R 4.2: weights(trimWeights(calibrate(...), lower = 25, upper = 38, strict = TRUE))
    assertWeights(golden("trim_strict"), lastColumn(out));
  }

  @Test
  void postStratificationPartialWarnsOnStderr() throws IOException {
    Path data = resource("apiclus1.csv");
    Path types = write("types.csv", "stype,Freq\nE,4421\nH,755\nM,1018\nX,300\n");
    Path out = dir.resolve("ps.csv");
    MtmTest.Run refused = MtmTest.mtm("weight", "--data", data.toString(), "--weights", "pw", "--poststratify", "stype=" + types,
        "--out", out.toString());
    assertEquals(Mtm.EXIT_BAD_INPUT, refused.status());
    assertTrue(refused.err().startsWith("mtm: error: ") && refused.err().contains("X (300)"), refused.err());
    assertEquals(1, refused.err().strip().lines().count(), refused.err());
    assertFalse(Files.exists(out), "a failed run leaves no output");
    MtmTest.Run r = MtmTest.mtm("weight", "--data", data.toString(), "--weights", "pw", "--poststratify", "stype=" + types,
        "--partial", "--out", out.toString());
    assertEquals(0, r.status(), r.err());
    assertTrue(r.err().contains("mtm: warning: post-strata of 'stype' with a population count but no unit"), r.err());
    // R 4.2: weights(postStratify(dclus1, ~stype, pop.types.x, partial = TRUE))
    assertWeights(golden("ps_partial"), lastColumn(out));
  }

  @Test
  void badInputIsOneLine() throws IOException {
    Path data = resource("apiclus1.csv");
    Path out = dir.resolve("x.csv");
    MtmTest.Run r = MtmTest.mtm("weight", "--data", data.toString(), "--weights", "nosuch", "--out", out.toString());
    assertEquals(Mtm.EXIT_BAD_INPUT, r.status());
    assertTrue(r.err().startsWith("mtm: error: ") && r.err().contains("'nosuch'"), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    MtmTest.Run logit = MtmTest.mtm("weight", "--data", data.toString(), "--weights", "pw", "--calibrate", "stype",
        "--totals", write("t.csv", "stype=E,4421\nstype=H,755\nstype=M,1018\n").toString(), "--calfun", "logit",
        "--out", out.toString());
    assertEquals(Mtm.EXIT_BAD_INPUT, logit.status());
    assertTrue(logit.err().contains("logit calibration needs finite bounds"), logit.err());
    assertFalse(Files.exists(out));
  }

  @Test
  void estimateWithCalibrationFlagsGivesRsStandardErrors() throws IOException {
    Path data = resource("apiclus1.csv");
    Path totals = write("totals.csv", "term,total\nstype=E,4421\nstype=H,755\nstype=M,1018\napi99,3914069\n");
    MtmTest.Run r = MtmTest.mtm("estimate", "--data", data.toString(), "--ids", "dnum", "--weights", "pw", "--fpc", "fpc",
        "--calibrate", "stype,api99", "--totals", totals.toString(), "--calfun", "raking", "--mean", "api00",
        "--format", "csv");
    assertEquals(0, r.status(), r.err());
    String row = r.out().lines().filter(l -> l.startsWith("mean,api00")).findFirst().orElseThrow();
    String[] cells = row.split(",");
    // R 4.2: svymean(~api00, calibrate(dclus1, ~stype + api99, pop = c(6194, 755, 1018, 3914069),
    //   calfun = "raking")) is 665.39379600015013 with SE 3.4377535398348669
    assertEquals(665.39379600015013, Double.parseDouble(cells[5]), 1e-9);
    assertEquals(3.4377535398348669, Double.parseDouble(cells[6]), 1e-10);

    Path types = write("types.csv", "stype,Freq\nE,4421\nH,755\nM,1018\n");
    MtmTest.Run ps = MtmTest.mtm("estimate", "--data", data.toString(), "--ids", "dnum", "--weights", "pw", "--fpc", "fpc",
        "--poststratify", "stype=" + types, "--total", "enroll", "--format", "csv");
    assertEquals(0, ps.status(), ps.err());
    String[] t = ps.out().lines().filter(l -> l.startsWith("total,enroll")).findFirst().orElseThrow().split(",");
    // R 4.2: svytotal(~enroll, postStratify(dclus1, ~stype, pop.types)), the oracle's dclus1_ps
    assertEquals(3680892.9451190475, Double.parseDouble(t[5]), 1e-6);
    assertEquals(406292.63629480189, Double.parseDouble(t[6]), 1e-6);
  }

  @Test
  void designWeightsFromBaselineCounts() throws IOException {
    Path data = resource("apistrat.csv");
    Path counts = write("counts.csv", "stype,Freq\nE,4421\nH,755\nM,1018\nX,100\n");
    Path out = dir.resolve("dw.csv");
    MtmTest.Run r = MtmTest.mtm("weight", "--data", data.toString(), "--design-counts", "stype=" + counts, "--out", out.toString());
    assertEquals(0, r.status(), r.err());
    // N_h / n_h = 4421/100, 755/50, 1018/50: R's svydesign(id = ~1, strata = ~stype, fpc = ~fpc) weights
    List<Double> w = lastColumn(out);
    List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
    for (int i = 0; i < w.size(); i++) {
      String stype = lines.get(i + 1).split(",")[1].replace("\"", "");
      double expected = switch (stype) {
        case "E" -> 4421 / 100.0;
        case "H" -> 755 / 50.0;
        default -> 1018 / 50.0;
      };
      assertEquals(expected, w.get(i), 1e-12, "row " + (i + 1));
    }
    assertTrue(r.out().contains("stratum E") && r.out().contains("coverage gap: X (N_h 100"), r.out());
    assertTrue(r.err().contains("mtm: warning: 1 baseline cells without respondents (population 100)"), r.err());

    Path partialCounts = write("partial.csv", "stype,Freq\nE,4421\nH,755\n");
    MtmTest.Run bad = MtmTest.mtm("weight", "--data", data.toString(), "--design-counts", "stype=" + partialCounts, "--out", out.toString());
    assertEquals(Mtm.EXIT_BAD_INPUT, bad.status());
    assertTrue(bad.err().contains("strata with respondents but no baseline count: M (50 respondents)"), bad.err());
  }

  @Test
  void estimateWarnsAboutPartialPostStrata() throws IOException {
    Path data = resource("apiclus1.csv");
    Path types = write("types.csv", "stype,Freq\nE,4421\nH,755\nM,1018\nX,300\n");
    MtmTest.Run r = MtmTest.mtm("estimate", "--data", data.toString(), "--ids", "dnum", "--weights", "pw", "--fpc", "fpc",
        "--poststratify", "stype=" + types, "--partial", "--mean", "api00", "--format", "csv");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.err().contains("mtm: warning: post-strata of 'stype' with a population count but no unit: [X (300)]"), r.err());
    String[] cells = r.out().lines().filter(l -> l.startsWith("mean,api00")).findFirst().orElseThrow().split(",");
    // R 4.2: svymean(~api00, postStratify(dclus1, ~stype, pop.types.x, partial = TRUE))
    assertEquals(642.31078821158212, Double.parseDouble(cells[5]), 1e-9);
    assertEquals(23.920486445090386, Double.parseDouble(cells[6]), 1e-10);
  }
}
