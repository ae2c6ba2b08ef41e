package org.iom.mtm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.iom.mtm.indicators.result.ResultTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mtm baseline} as a black box on a small synthetic baseline; reference figures from the
 * generator script's independent computation (see the test resources' README).
 */
class BaselineCommandTest {

  static final String HEADER =
      "admin1_pcode,admin1_name,admin2_pcode,admin2_name,population_type,nationality,year,count,informant_id";

  @TempDir Path dir;
  Path sample;

  @BeforeEach
  void copySample() throws IOException {
    sample = dir.resolve("kz-baseline-sample.csv");
    try (InputStream in = getClass().getResourceAsStream("kz-baseline-sample.csv")) {
      Files.copy(in, sample);
    }
  }

  /** The CSV row whose analysis_key is given, as cells. */
  static List<String> row(String csv, String key) {
    for (String line : csv.split("\n")) {
      if (line.endsWith("," + key)) {
        return List.of(line.split(",", -1));
      }
    }
    throw new AssertionError("no row " + key + " in\n" + csv);
  }

  @Test
  void countryTotalsGrowthAndCagrAsCsv() {
    MtmTest.Run r = MtmTest.mtm("baseline", "--data", sample.toString(), "--format", "csv");
    assertEquals(0, r.status(), r.err());
    assertEquals("", r.err());
    assertEquals(String.join(",", ResultTable.COLUMNS), r.out().lines().findFirst().orElseThrow());
    assertEquals("10700.5", row(r.out(), "count @/@ migrant_worker %/% 2020 @/@ NA %/% NA").get(5));
    assertEquals("15507", row(r.out(), "count @/@ migrant_worker %/% 2022 @/@ NA %/% NA").get(5));
    // 15507 / 12012.5 - 1, shortest round-trip decimal.
    assertEquals(Double.toString((15507 - 12012.5) / 12012.5),
        row(r.out(), "growth @/@ migrant_worker %/% 2021-2022 @/@ NA %/% NA").get(5));
    assertEquals(0.20382084113095345,
        Double.parseDouble(row(r.out(), "cagr @/@ migrant_worker %/% 2020-2022 @/@ NA %/% NA").get(5)), 1e-15);
    // Almaly's KGZ informants disagree in 2022: the 2022 total carries the flag.
    assertEquals("informant_disagreement", row(r.out(), "count @/@ migrant_worker %/% 2022 @/@ NA %/% NA").get(15));
  }

  @Test
  void sharesByRegionWithTopAndOther() {
    MtmTest.Run r = MtmTest.mtm(
        "baseline", "--data", sample.toString(), "--by", "admin1", "--top", "2", "--format", "csv");
    assertEquals(0, r.status(), r.err());
    // Mangystau 8130 of 15507 in 2022; Almaty city 4608; Other = Almaty Region 1110 + Karaganda 1659.
    assertEquals(8130 / 15507.0,
        Double.parseDouble(row(r.out(), "share @/@ migrant_worker %/% 2022 @/@ admin1 %/% KAZ014").get(5)), 1e-15);
    assertEquals("2769", row(r.out(), "count @/@ migrant_worker %/% 2022 @/@ admin1 %/% Other").get(5));
    assertFalse(r.out().contains("admin1 %/% KAZ011"), r.out());
  }

  @Test
  void jsonCarriesTheMeaningOfTheCounts() {
    MtmTest.Run r = MtmTest.mtm(
        "baseline", "--data", sample.toString(), "--by", "nationality", "--from", "2021", "--format", "json",
        "--reconcile", "max", "--population-type", "migrant_worker");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("\"count_kind\""), r.out());
    assertTrue(r.out().contains("\"stock_per_year\""), r.out());
    assertTrue(r.out().contains("\"reconciliation\": \"max\"") || r.out().contains("\"reconciliation\":\"max\""), r.out());
    assertFalse(r.out().contains("2020"), "years from 2021 only");
  }

  @Test
  void tableIsTheDefaultAndOutWritesAFile() throws IOException {
    MtmTest.Run r = MtmTest.mtm("baseline", "--data", sample.toString());
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("15507"), r.out());
    Path out = dir.resolve("rows.csv");
    r = MtmTest.mtm("baseline", "--data", sample.toString(), "--format", "csv", "--out", out.toString());
    assertEquals(0, r.status(), r.err());
    assertEquals("", r.out());
    assertTrue(Files.readString(out, StandardCharsets.UTF_8).contains("count @/@ migrant_worker %/% 2022"));
  }

  @Test
  void badInputIsOneLineWithFileLineAndColumn() throws IOException {
    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, HEADER + "\n"
        + "KAZ014,,KAZ014001,,migrant_worker,UZB,2022,4200,KI-1\n"
        + "KAZ014,,KAZ014001,,migrant_worker,RUS,2022,-5,KI-1\n");
    Path out = dir.resolve("never.csv");
    MtmTest.Run r = MtmTest.mtm("baseline", "--data", bad.toString(), "--out", out.toString());
    assertEquals(Mtm.EXIT_BAD_INPUT, r.status());
    assertEquals("mtm: error: " + bad + ":3:8: column 'count': count is negative: '-5'", r.err().strip());
    assertFalse(Files.exists(out));
  }

  @Test
  void badOptionsAreOneLineNamingTheOption() {
    for (String[] args : List.of(
        new String[] {"--reconcile", "mode"},
        new String[] {"--population-type", "refugee"},
        new String[] {"--by", "sex"},
        new String[] {"--top", "0"},
        new String[] {"--format", "xml"},
        new String[] {"--disagreement-ratio", "0.5"},
        new String[] {"--from", "2022", "--to", "2020"})) {
      String[] full = new String[args.length + 3];
      full[0] = "baseline";
      full[1] = "--data";
      full[2] = sample.toString();
      System.arraycopy(args, 0, full, 3, args.length);
      MtmTest.Run r = MtmTest.mtm(full);
      assertEquals(Mtm.EXIT_BAD_INPUT, r.status(), String.join(" ", args));
      assertTrue(r.err().startsWith("mtm: error: " + args[0]), r.err());
      assertEquals(1, r.err().strip().lines().count(), r.err());
    }
    MtmTest.Run r = MtmTest.mtm("baseline", "--data", sample.toString(), "--population-type", "emigrant");
    assertEquals(Mtm.EXIT_BAD_INPUT, r.status());
    assertEquals("mtm: error: " + sample + ": no baseline counts of emigrant among 108 records",
        r.err().strip());
  }

  @Test
  void inconsistentDeclaredTotalsAreWarnedAbout() throws IOException {
    Path f = dir.resolve("totals.csv");
    Files.writeString(f, HEADER + "\n"
        + "KAZ014,,KAZ014001,,migrant_worker,UZB,2022,4200,KI-1\n"
        + "KAZ014,,,,migrant_worker,,2022,5000,KI-1\n");
    MtmTest.Run r = MtmTest.mtm("baseline", "--data", f.toString(), "--format", "csv");
    assertEquals(0, r.status(), r.err());
    assertEquals("mtm: warning: " + f + ": declared total KAZ014 / migrant_worker / all nationalities / 2022:"
        + " declared 5000, parts (1 cell) add up to 4200", r.err().strip());
  }

  @Test
  void readsWhatSynthWrites() {
    Path out = dir.resolve("synth");
    assertEquals(0, MtmTest.mtm("synth", "--respondents", "50", "--seed", "3", "--out", out.toString()).status());
    MtmTest.Run r = MtmTest.mtm("baseline", "--data", out.resolve("baseline.csv").toString(), "--by", "admin1",
        "--format", "csv");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("share @/@ migrant_worker"), r.out());
  }

  @Test
  void aYearOutsideTheRoundIsAnInputError() {
    MtmTest.Run r = MtmTest.mtm("baseline", "--data", sample.toString(), "--round-years", "2021-2022");
    assertEquals(Mtm.EXIT_BAD_INPUT, r.status());
    assertEquals("mtm: error: " + sample + ":2:7: column 'year': year outside the round's years 2021-2022: '2020'",
        r.err().strip());
    assertEquals(0, MtmTest.mtm("baseline", "--data", sample.toString(), "--round-years", "2020-2022").status());
    r = MtmTest.mtm("baseline", "--data", sample.toString(), "--round-years", "2022-2020");
    assertEquals(Mtm.EXIT_BAD_INPUT, r.status());
    assertTrue(r.err().startsWith("mtm: error: --round-years: "), r.err());
    r = MtmTest.mtm("baseline", "--data", sample.toString(), "--round-years", "2020");
    assertTrue(r.err().startsWith("mtm: error: --round-years: "), r.err());
  }

  @Test
  void smallCountsAreWithheldWithWhatWouldGiveThemBack() {
    MtmTest.Run r = MtmTest.mtm("baseline", "--data", sample.toString(), "--by", "nationality", "--suppress",
        "--min-count", "1000", "--format", "csv");
    assertEquals(0, r.status(), r.err());
    java.util.Map<String, Integer> withheldPerYear = new java.util.TreeMap<>();
    java.util.Set<String> withheldCells = new java.util.HashSet<>();
    for (String line : r.out().lines().skip(1).toList()) {
      List<String> c = List.of(line.split(",", -1));
      if (c.get(0).equals("count") && !c.get(3).isEmpty() && c.get(15).contains("suppressed")) {
        assertEquals("", c.get(5), line);
        withheldPerYear.merge(c.get(2), 1, Integer::sum);
        withheldCells.add(c.get(4) + "/" + c.get(2));
      }
    }
    assertTrue(!withheldPerYear.isEmpty(), r.out());
    // With the year's total published, one withheld nationality alone would be the difference.
    withheldPerYear.values().forEach(n -> assertTrue(n >= 2, withheldPerYear.toString()));
    // No growth of a withheld cell is published.
    for (String line : r.out().lines().skip(1).toList()) {
      List<String> c = List.of(line.split(",", -1));
      if (c.get(0).equals("growth") && !c.get(3).isEmpty()) {
        for (String year : c.get(2).split("-")) {
          if (withheldCells.contains(c.get(4) + "/" + year)) {
            assertEquals("", c.get(5), line);
          }
        }
      }
    }
  }
}
