package org.iom.mtm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.iom.mtm.indicators.result.ResultRow;
import org.iom.mtm.indicators.result.ResultTable;
import org.iom.mtm.io.result.ResultReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `mtm estimate` end to end on R's API samples; reference values from R 4.2.2, survey 4.1-1. */
class EstimateCommandTest {

  @TempDir Path dir;
  Path strat;
  Path clus1;

  @BeforeEach
  void copyData() throws IOException {
    strat = copy("apistrat.csv");
    clus1 = copy("apiclus1.csv");
  }

  private Path copy(String name) throws IOException {
    Path p = dir.resolve(name);
    try (InputStream in = EstimateCommandTest.class.getResourceAsStream("/oracle/" + name)) {
      Files.copy(in, p, StandardCopyOption.REPLACE_EXISTING);
    }
    return p;
  }

  private static ResultTable csv(String... args) {
    List<String> a = new ArrayList<>(List.of("estimate"));
    a.addAll(List.of(args));
    a.addAll(List.of("--format", "csv"));
    MtmTest.Run r = MtmTest.mtm(a.toArray(String[]::new));
    assertEquals(0, r.status(), r.err());
    return ResultReader.readCsv(new StringReader(r.out()), "stdout");
  }

  private static void close(double expected, Double actual) {
    assertNotNull(actual);
    assertEquals(expected, actual, Math.abs(expected) * 1e-10);
  }

  @Test
  void stratifiedMean() {
    // R 4.2: svymean(~api00, svydesign(id = ~1, strata = ~stype, weights = ~pw, data = apistrat, fpc = ~fpc))
    ResultTable t = csv("--data", strat.toString(), "--strata", "stype", "--weights", "pw", "--fpc", "fpc", "--mean", "api00");
    ResultRow r = t.rows().get(0);
    assertEquals("mean @/@ api00 %/% NA @/@ NA %/% NA", r.analysisKey());
    close(662.287363159321, r.stat());
    close(9.40894080278458, r.se());
    assertEquals(200, r.nTotal());
    close(197, r.df());
  }

  @Test
  void clusterMeanWithDesignEffect() {
    // R 4.2: svymean(~api00, svydesign(id = ~dnum, weights = ~pw, data = apiclus1, fpc = ~fpc), deff = TRUE)
    ResultTable t = csv("--data", clus1.toString(), "--ids", "dnum", "--weights", "pw", "--fpc", "fpc", "--mean", "api00", "--deff");
    ResultRow r = t.rows().get(0);
    close(644.169398907104, r.stat());
    close(23.542240693781, r.se());
    close(9.34586945059095, r.deff());
    close(14, r.df());
  }

  @Test
  void proportionsByDomainCarryHonestDenominators() {
    // R 4.2: svyby(~awards, ~stype, dstrat, svymean): within each stype the levels sum to 1.
    ResultTable t = csv("--data", strat.toString(), "--strata", "stype", "--weights", "pw", "--fpc", "fpc", "--prop", "awards", "--by", "stype");
    double sumE = 0;
    for (ResultRow r : t.rows()) {
      if (r.groupValues().equals(List.of("E"))) {
        sumE += r.stat();
        assertEquals(100, r.nTotal());
      }
    }
    assertEquals(1, sumE, 1e-12);
  }

  @Test
  void flagsAndSuppression() {
    ResultTable t = csv("--data", strat.toString(), "--strata", "stype", "--weights", "pw", "--fpc", "fpc",
        "--prop", "awards", "--by", "stype", "--min-n", "60", "--suppress");
    // H and M have 50 schools each, below 60: withheld, n kept.
    for (ResultRow r : t.rows()) {
      if (!r.groupValues().equals(List.of("E"))) {
        assertTrue(r.stat() == null && r.flagCodes().contains("low_n") && r.flagCodes().contains("suppressed"), r.toString());
        assertEquals(50, r.nTotal());
      }
    }
  }

  @Test
  void anyThreadCountPrintsTheSameTable() {
    String[] args = {"estimate", "--data", clus1.toString(), "--ids", "dnum", "--weights", "pw", "--fpc", "fpc",
        "--mean", "api00", "--prop", "stype", "--by", "both", "--deff", "--format", "csv"};
    String one = MtmTest.mtm(concat(args, "--threads", "1")).out();
    assertTrue(one.contains("api00"), one);
    assertEquals(one, MtmTest.mtm(concat(args, "--threads", "4")).out());
    assertEquals(one, MtmTest.mtm(args).out());
  }

  private static String[] concat(String[] a, String... b) {
    List<String> l = new ArrayList<>(List.of(a));
    l.addAll(List.of(b));
    return l.toArray(String[]::new);
  }

  @Test
  void badInputEndsWithOneLineNamingTheProblem() {
    assertBad("'nosuch'", "--data", strat.toString(), "--mean", "nosuch");
    assertBad("'nosuchby'", "--data", strat.toString(), "--mean", "api00", "--by", "nosuchby");
    assertBad("no such file", "--data", dir.resolve("absent.csv").toString(), "--mean", "api00");
    assertBad("nothing to estimate", "--data", strat.toString());
    assertBad("--ci", "--data", strat.toString(), "--mean", "api00", "--ci", "bogus");
    assertBad("--threads must be at least 1, got 0", "--data", strat.toString(), "--mean", "api00", "--threads", "0");
  }

  @Test
  void textWhereNumbersAreNeededIsNamedWithItsLine() throws IOException {
    // no form: y is read as text because of one cell, which the error names with its line
    Path f = dir.resolve("text.csv");
    Files.writeString(f, "id;w;y\n1;2;3\n2;1;4,5\n3;1;5\n");
    assertBad("text.csv:3: column 'y': value '4,5' is not a number", "--data", f.toString(), "--weights", "w", "--mean", "y");
    Path g = dir.resolve("textweight.csv");
    Files.writeString(g, "id,w,y\n1,2,3\n2,1,4\n3,n/a,5\n");
    assertBad("textweight.csv:4: column 'w': no value (MISSING); --weights needs one on every row",
        "--data", g.toString(), "--weights", "w", "--mean", "y");
    Path h = dir.resolve("wordweight.csv");
    Files.writeString(h, "id,w,y\n1,2,3\n2,heavy,4\n3,1,5\n");
    assertBad("wordweight.csv:3: column 'w': value 'heavy' is not a number", "--data", h.toString(), "--weights", "w", "--mean", "y");
  }

  @Test
  void negativeWeightIsNamed() throws IOException {
    String text = "id,w,y\n1,2,3\n2,-1,4\n3,1,5\n";
    Path f = dir.resolve("neg.csv");
    Files.writeString(f, text);
    MtmTest.Run r = MtmTest.mtm("estimate", "--data", f.toString(), "--weights", "w", "--mean", "y");
    assertEquals(2, r.status(), r.out());
    assertTrue(r.err().contains("'w'") && r.err().contains("-1"), r.err());
  }

  @Test
  void lonelyPsuFailsNamingTheStratum() throws IOException {
    String text = "s,psu,w,y\na,1,1,3\na,2,1,4\nb,3,1,5\n";
    Path f = dir.resolve("lonely.csv");
    Files.writeString(f, text);
    MtmTest.Run r = MtmTest.mtm("estimate", "--data", f.toString(), "--strata", "s", "--ids", "psu", "--weights", "w", "--mean", "y");
    assertEquals(2, r.status(), r.out());
    assertTrue(r.err().contains("'b'") || r.err().contains(" b"), r.err());
    MtmTest.Run ok = MtmTest.mtm("estimate", "--data", f.toString(), "--strata", "s", "--ids", "psu", "--weights", "w",
        "--mean", "y", "--lonely-psu", "certainty");
    assertEquals(0, ok.status(), ok.err());
  }

  @Test
  void outFileIsWrittenWholeOrNotAtAll() {
    Path out = dir.resolve("r.json");
    MtmTest.Run r = MtmTest.mtm("estimate", "--data", strat.toString(), "--mean", "nosuch", "--out", out.toString(), "--format", "json");
    assertEquals(2, r.status());
    assertFalse(Files.exists(out));
    MtmTest.Run ok = MtmTest.mtm("estimate", "--data", strat.toString(), "--mean", "api00", "--out", out.toString(), "--format", "json");
    assertEquals(0, ok.status(), ok.err());
    assertTrue(Files.exists(out));
  }

  private static void assertBad(String mention, String... args) {
    List<String> a = new ArrayList<>(List.of("estimate"));
    a.addAll(List.of(args));
    MtmTest.Run r = MtmTest.mtm(a.toArray(String[]::new));
    assertEquals(2, r.status(), r.out() + r.err());
    assertTrue(r.err().startsWith("mtm: error: "), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().contains(mention), r.err());
  }
}
