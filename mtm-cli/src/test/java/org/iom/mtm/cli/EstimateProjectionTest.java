package org.iom.mtm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mtm estimate} reads only the columns its options name: the output must be byte for byte
 * the output of {@code --read-all}, which converts every column, on clean and on damaged data,
 * with and without a form.
 */
class EstimateProjectionTest {

  @TempDir static Path dir;
  static Path form;
  static Path gz;
  static Path damaged;

  @BeforeAll
  static void synthesise() throws IOException {
    Path out = dir.resolve("s");
    assertEquals(0, MtmTest.mtm("synth", "--respondents", "3000", "--seed", "20261126", "--sites-per-region", "4",
        "--out", out.toString()).status());
    form = out.resolve("form.json");
    byte[] csv = Files.readAllBytes(out.resolve("survey.csv"));
    gz = dir.resolve("survey.csv.gz");
    try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
      o.write(csv);
    }
    // Damage: a short row, a bad choice, a bad number, a bad split cell, a value in an unread
    // column; every kind of cell the read reports.
    List<String> lines = new ArrayList<>(Arrays.asList(new String(csv, StandardCharsets.UTF_8).split("\n", -1)));
    lines.set(5, "5;x;KAZ004");
    lines.set(9, lines.get(9).replaceFirst(";(female|male);", ";robot;"));
    lines.set(12, lines.get(12).replaceFirst(";KAZ0(\\d\\d);", ";KAZ0$1;notanumber;").replaceFirst(";\\d+;(female|male)", ";$1"));
    lines.set(20, lines.get(20).replaceFirst(";1;0;", ";yes;0;"));
    lines.set(30, lines.get(30).replaceFirst(";(TJK|UZB|KGZ|AZE|RUS|AFG|CHN|TKM|IND);", ";Martian;"));
    damaged = dir.resolve("damaged.csv");
    Files.writeString(damaged, String.join("\n", lines), StandardCharsets.UTF_8);
  }

  private static void assertSameWithAndWithoutProjection(String... args) {
    MtmTest.Run part = MtmTest.mtm(args);
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--read-all");
    MtmTest.Run whole = MtmTest.mtm(all.toArray(String[]::new));
    assertEquals(whole.status(), part.status(), whole.err() + part.err());
    assertEquals(whole.err(), part.err());
    assertEquals(whole.out(), part.out());
    assertTrue(part.status() != 0 || part.out().lines().count() > 1, part.out());
  }

  @Test
  void theTwelveByThirtyFourTaskIsTheSame() {
    assertSameWithAndWithoutProjection("estimate", "--data", gz.toString(), "--form", form.toString(),
        "--strata", "region", "--ids", "site", "--fpc", "region_population", "--multi", "obstacles", "--by", "sex,region");
  }

  @Test
  void skipLogicAndEveryKindOfEstimateAreTheSame() {
    // income is relevant when employment_status is not unemployed_looking: read with it.
    assertSameWithAndWithoutProjection("estimate", "--data", gz.toString(), "--form", form.toString(),
        "--strata", "region", "--ids", "site", "--mean", "income", "--median", "age", "--quantile", "household_size:0.25,0.75",
        "--ratio", "income/household_size", "--prop", "education_field", "--total", "remits", "--by", "sex", "--na-rm",
        "--format", "csv");
  }

  @Test
  void damagedDataWithAndWithoutAFormIsTheSame() {
    assertSameWithAndWithoutProjection("estimate", "--data", damaged.toString(), "--form", form.toString(),
        "--strata", "region", "--ids", "site", "--multi", "obstacles", "--prop", "nationality", "--by", "sex", "--format", "csv");
    assertSameWithAndWithoutProjection("estimate", "--data", damaged.toString(),
        "--strata", "region", "--ids", "site", "--multi", "obstacles", "--prop", "sex", "--mean", "age", "--by", "region",
        "--format", "csv");
  }

  @Test
  void anUnknownVariableFailsAlike() {
    assertSameWithAndWithoutProjection("estimate", "--data", gz.toString(), "--form", form.toString(),
        "--mean", "no_such_variable");
  }

  @Test
  void helpStatesTheProjection() {
    MtmTest.Run h = MtmTest.mtm("estimate", "--help");
    assertTrue(h.out().contains("--read-all") && h.out().contains("Only the columns of --data that the options name"),
        h.out());
  }
}
