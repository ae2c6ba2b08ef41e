package org.iom.mtm.io.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iom.mtm.indicators.result.AnalysisType;
import org.iom.mtm.indicators.result.Flag;
import org.iom.mtm.indicators.result.ResultRow;
import org.iom.mtm.indicators.result.ResultTable;
import org.iom.mtm.io.ReadException;
import org.iom.mtm.io.ResultFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultWriterTest {

  static ResultTable sample() {
    ResultRow mean =
        new ResultRow(AnalysisType.MEAN, "income", null, List.of(), List.of(), 1234.5, 0.1 + 0.2,
            1000.25, 1468.75, 29.0, null, 31, 31, 4421.0, 4421.0, Set.of());
    ResultRow prop =
        new ResultRow(AnalysisType.PROP_SELECT_ONE, "sex", "female", List.of("admin1", "pop"),
            List.of("KZ|01", "idp"), 0.4, 0.05, null, null, 7.0, 1.5, 12, 30, null, null,
            EnumSet.of(Flag.WIDE_CI, Flag.LOW_N));
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("design", "ids=~1");
    meta.put("mtm", "0.1.0");
    return ResultTable.of(List.of(mean, prop), meta);
  }

  @Test
  void csvHasTheHeaderOfDesignAndFullPrecision() {
    String csv = ResultWriter.toString(sample(), ResultFormat.CSV);
    List<String> lines = csv.lines().toList();
    assertEquals(String.join(",", ResultTable.COLUMNS), lines.get(0));
    assertEquals(
        "mean,income,,,,1234.5,0.30000000000000004,1000.25,1468.75,29,,31,31,4421,4421,,mean @/@ income %/% NA @/@ NA %/% NA",
        lines.get(1));
    assertEquals(
        "prop_select_one,sex,female,admin1 %/% pop,KZ|01 %/% idp,0.4,0.05,,,7,1.5,12,30,,,low_n;wide_ci,"
            + "prop_select_one @/@ sex %/% female @/@ admin1 %/% KZ|01 -/- pop %/% idp",
        lines.get(2));
  }

  @Test
  void hxlAddsOneHashtagPerColumn() {
    List<String> lines = ResultWriter.toString(sample(), ResultFormat.HXL).lines().toList();
    assertEquals(ResultTable.COLUMNS.size(), ResultWriter.HXL_TAGS.size());
    assertEquals(String.join(",", ResultWriter.HXL_TAGS), lines.get(1));
    assertTrue(lines.get(1).startsWith("#indicator+type,#indicator+name,"));
    assertEquals(4, lines.size());
  }

  @Test
  void jsonHasMetaAndRowsWithNullsAndExactNumbers() {
    String json = ResultWriter.toString(sample(), ResultFormat.JSON);
    assertTrue(json.startsWith("{\"meta\":{\"design\":\"ids=~1\",\"mtm\":\"0.1.0\"},\"rows\":[{\"analysis_type\":\"mean\","), json);
    assertTrue(json.contains("\"analysis_var_value\":null"), json);
    assertTrue(json.contains("\"se\":0.30000000000000004"), json);
    assertTrue(json.contains("\"deff\":null"), json);
    assertTrue(json.contains("\"n\":12,\"n_total\":30"), json);
    assertTrue(json.contains("\"flags\":\"low_n;wide_ci\""), json);
    ResultTable back =
        ResultReader.readJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "r.json");
    assertEquals(sample().rows(), back.rows());
    assertEquals(sample().meta(), back.meta());
  }

  @Test
  void markdownEscapesPipesAndFootnotesFlags() {
    String md = ResultWriter.toString(sample(), ResultFormat.MARKDOWN);
    List<String> lines = md.lines().toList();
    assertEquals(
        "| analysis_type | analysis_var | analysis_var_value | group_var | group_var_value | stat | se | stat_low"
            + " | stat_upp | df | deff | n | n_total | n_w | n_w_total | flags |",
        lines.get(0));
    assertTrue(lines.get(1).startsWith("| --- | --- | --- | --- | --- | ---: |"), lines.get(1));
    assertTrue(lines.get(3).contains("| KZ\\|01 %/% idp |"), lines.get(3));
    assertTrue(lines.get(3).endsWith("| [^low_n][^wide_ci] |"), lines.get(3));
    assertTrue(md.contains("\n[^low_n]: `low_n`: the unweighted denominator is below the minimum n.\n"), md);
    assertTrue(md.contains("\n[^wide_ci]: "), md);
  }

  @Test
  void textTableAlignsNumbersRightAndDropsEmptyColumns() {
    ResultRow r1 = new ResultRow(AnalysisType.MEAN, "age", null, List.of(), List.of(), 31.25, 2.0, null, null,
        null, null, 40, 40, null, null, Set.of());
    ResultRow r2 = new ResultRow(AnalysisType.MEAN, "income", null, List.of(), List.of(), 1234.5, 10.0, null, null,
        null, null, 7, 40, null, null, Set.of(Flag.LOW_N));
    String text = ResultWriter.toString(ResultTable.of(List.of(r1, r2)), ResultFormat.TABLE);
    assertEquals(
        "analysis_type  analysis_var    stat  se   n  n_total  flags\n"
            + "mean           age            31.25   2  40       40\n"
            + "mean           income        1234.5  10   7       40  low_n\n"
            + "(2 rows)\n",
        text);
  }

  @Test
  void fileWritesAreAtomic(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("r.csv");
    ResultWriter.write(sample(), ResultFormat.CSV, out);
    assertEquals(sample().rows(), ResultReader.readCsv(out).rows());
    try (var files = Files.list(dir)) {
      assertEquals(List.of(out), files.toList(), "no temporary file left");
    }
    Path noDir = dir.resolve("missing/r.csv");
    assertThrows(java.io.UncheckedIOException.class, () -> ResultWriter.write(sample(), ResultFormat.CSV, noDir));
    assertFalse(Files.exists(noDir));
  }

  @Test
  void readerNamesTheBadCell() {
    String csv = String.join(",", ResultTable.COLUMNS) + "\nmean,x,,,,abc,,,,,,1,1,,,,\n";
    ReadException e = assertThrows(ReadException.class, () -> ResultReader.readCsv(new StringReader(csv), "r.csv"));
    assertEquals("r.csv:2:6: column 'stat': not a number: 'abc'", e.getMessage());
  }
}
