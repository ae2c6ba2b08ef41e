package org.iom.mtm.io.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.iom.mtm.core.PopulationCategory;
import org.iom.mtm.core.baseline.BaselineCounts;
import org.iom.mtm.core.baseline.BaselineRecord;
import org.iom.mtm.core.baseline.DeclaredTotal;
import org.iom.mtm.core.baseline.InformantRole;
import org.iom.mtm.core.baseline.KeyInformant;
import org.iom.mtm.core.Sex;
import org.iom.mtm.indicators.baseline.BaselineAnalysis;
import org.iom.mtm.indicators.result.AnalysisType;
import org.iom.mtm.indicators.result.ResultRow;
import org.iom.mtm.indicators.result.ResultTable;
import org.iom.mtm.io.ReadException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineReaderTest {

  static final String HEADER =
      "admin1_pcode,admin1_name,admin2_pcode,admin2_name,population_type,nationality,year,count,informant_id\n";
  static final String GOOD = "KAZ014,Mangystau Region,KAZ014001,Aktau,migrant_worker,UZB,2022,4200,KI-1\n";

  static BaselineCounts csv(String text) {
    return BaselineReader.create().readCsv(new StringReader(text), "b.csv");
  }

  /** The one-line message of reading a file whose second data row is {@code row}. */
  static String error(String row) {
    return error(BaselineReader.create(), row);
  }

  static String error(BaselineReader reader, String row) {
    return assertThrows(ReadException.class,
        () -> reader.readCsv(new StringReader(HEADER + GOOD + row), "b.csv")).getMessage();
  }

  @Test
  void readsTheSample() throws Exception {
    BaselineCounts c;
    try (InputStream in = getClass().getResourceAsStream("kz-baseline-sample.csv")) {
      assertNotNull(in);
      c = BaselineReader.create().readCsv(in, "kz-baseline-sample.csv");
    }
    assertEquals(108, c.records().size());
    assertEquals(
        BaselineRecord.of("KAZ014", "KAZ014001", PopulationCategory.MIGRANT_WORKER, "UZB", 2020, 4200, "KI-014001-1"),
        c.records().get(0));
    assertEquals(
        List.of(DeclaredTotal.of("KAZ014", null, PopulationCategory.MIGRANT_WORKER, null, 2022, 8130, "KI-014001-1")),
        c.declaredTotals());
    ResultTable t = BaselineAnalysis.create().analyse(c);
    // Reference: kz-baseline-sample.py (Python statistics.median and sums), see README.md.
    assertEquals(10700.5, stat(t, AnalysisType.COUNT, "2020"));
    assertEquals(12012.5, stat(t, AnalysisType.COUNT, "2021"));
    assertEquals(15507, stat(t, AnalysisType.COUNT, "2022"));
    assertEquals(0.12261109293958228, stat(t, AnalysisType.GROWTH, "2020-2021"), 1e-15);
    assertEquals(0.2909053069719043, stat(t, AnalysisType.GROWTH, "2021-2022"), 1e-15);
    assertEquals(0.20382084113095345, stat(t, AnalysisType.CAGR, "2020-2022"), 1e-15);
    assertEquals("45", t.meta().get("cells"));
    assertEquals("1", t.meta().get("cells_with_disagreement"));
    assertEquals("1", t.meta().get("declared_totals_checked"));
    assertEquals("0", t.meta().get("declared_totals_inconsistent"));
  }

  private static double stat(ResultTable t, AnalysisType type, String value) {
    for (ResultRow r : t.rows()) {
      if (r.analysisType() == type && value.equals(r.analysisVarValue()) && r.groupVars().isEmpty()) {
        assertNotNull(r.stat());
        return r.stat();
      }
    }
    throw new AssertionError(type + " " + value);
  }

  @Test
  void namesResolveAndTheRegionMayBeLeftOut() {
    BaselineCounts c = csv(
        "admin2_name;population_type;nationality;year;count\n"
            + "#adm2+name;#population+type;#country+code;#date+year;#affected\n"
            + "Aktau;Migrant worker;uzb;2021;10\n"
            + "Almaly District;migrant_worker;Kyrgyz Republic;2021;7\n");
    assertEquals(
        List.of(
            BaselineRecord.of("KAZ014", "KAZ014001", PopulationCategory.MIGRANT_WORKER, "UZB", 2021, 10, null),
            BaselineRecord.of("KAZ004", "KAZ004002", PopulationCategory.MIGRANT_WORKER, "KGZ", 2021, 7, null)),
        c.records());
  }

  @Test
  void rowsWithoutRayonOrNationalityAreDeclaredTotals() {
    BaselineCounts c = csv(HEADER + GOOD
        + "KAZ014,,,,migrant_worker,,2022,5000,\n"
        + ",,,,migrant_worker,UZB,2022,9000,\n"
        + "KAZ014,,KAZ014001,,migrant_worker,,2022,4300,\n");
    assertEquals(1, c.records().size());
    assertEquals(
        List.of(
            DeclaredTotal.of("KAZ014", null, PopulationCategory.MIGRANT_WORKER, null, 2022, 5000, null),
            DeclaredTotal.of(null, null, PopulationCategory.MIGRANT_WORKER, "UZB", 2022, 9000, null),
            DeclaredTotal.of("KAZ014", "KAZ014001", PopulationCategory.MIGRANT_WORKER, null, 2022, 4300, null)),
        c.declaredTotals());
  }

  @Test
  void everyBadValueIsReportedWithItsLineAndColumn() {
    assertTrue(error("KAZ014,,KAZ014099,,migrant_worker,UZB,2022,1,\n")
        .startsWith("b.csv:3:3: column 'admin2_pcode': unknown admin2 p-code: no p-code 'KAZ014099'"),
        error("KAZ014,,KAZ014099,,migrant_worker,UZB,2022,1,\n"));
    assertEquals(
        "b.csv:3:1: column 'admin1_pcode': not the region of rayon KAZ014001 (Aktau), which lies in"
            + " KAZ014 (Mangystau Region): 'KAZ005'",
        error("KAZ005,,KAZ014001,,migrant_worker,UZB,2022,1,\n"));
    assertEquals("b.csv:3:3: column 'admin2_pcode': p-code of Mangystau Region, an admin1 area, not admin2: 'KAZ014'",
        error("KAZ014,,KAZ014,,migrant_worker,UZB,2022,1,\n"));
    assertEquals(
        "b.csv:3:4: column 'admin2_name': names KAZ004002 (Almaly District) but the p-code is KAZ014001"
            + " (Aktau): 'Almaly District'",
        error("KAZ014,,KAZ014001,Almaly District,migrant_worker,UZB,2022,1,\n"));
    assertEquals(
        "b.csv:3:5: column 'population_type': unknown population type: expected migrant_worker,"
            + " return_migrant or emigrant: 'refugee'",
        error("KAZ014,,KAZ014001,,refugee,UZB,2022,1,\n"));
    assertTrue(error("KAZ014,,KAZ014001,,migrant_worker,XYZ,2022,1,\n")
        .startsWith("b.csv:3:6: column 'nationality': unknown nationality: 'XYZ' is not an ISO 3166-1 alpha-3"));
    assertEquals("b.csv:3:8: column 'count': count is negative: '-5'",
        error("KAZ014,,KAZ014001,,migrant_worker,UZB,2022,-5,\n"));
    assertEquals("b.csv:3:8: column 'count': count is not a whole number of people: '12.5'",
        error("KAZ014,,KAZ014001,,migrant_worker,UZB,2022,12.5,\n"));
    assertEquals("b.csv:3:8: column 'count': count is not a number: 'many'",
        error("KAZ014,,KAZ014001,,migrant_worker,UZB,2022,many,\n"));
    assertEquals("b.csv:3:8: column 'count': count is missing: ''",
        error("KAZ014,,KAZ014001,,migrant_worker,UZB,2022,,\n"));
    assertEquals("b.csv:3:7: column 'year': year is not a whole number of four digits: '20x1'",
        error("KAZ014,,KAZ014001,,migrant_worker,UZB,20x1,3,\n"));
    assertEquals("b.csv:3:7: column 'year': year outside the round's years 2020-2022: '2019'",
        error(BaselineReader.create().roundYears(2020, 2022), "KAZ014,,KAZ014001,,migrant_worker,UZB,2019,3,\n"));
    assertEquals(
        "b.csv:3:9: column 'informant_id': informant already reported on KAZ014001 / migrant_worker / UZB"
            + " / 2022 at line 2: 'KI-1'",
        error("KAZ014,,KAZ014001,,migrant_worker,UZB,2022,4300,KI-1\n"));
    assertTrue(error("KAZ014,,,Atlantis,migrant_worker,UZB,2022,3,\n")
        .startsWith("b.csv:3:4: column 'admin2_name': unknown admin2 name: "));
  }

  @Test
  void headerProblemsNameTheColumn() {
    ReadException e = assertThrows(ReadException.class,
        () -> csv("admin2_pcode,population_type,nationality,year\nKAZ014001,migrant_worker,UZB,2022\n"));
    assertTrue(e.getMessage().startsWith("b.csv:1:0: no 'count' column in the header"), e.getMessage());
    e = assertThrows(ReadException.class,
        () -> csv("population_type,nationality,year,count\nmigrant_worker,UZB,2022,5\n"));
    assertTrue(e.getMessage().startsWith("b.csv:1:0: no 'admin2_pcode' or 'admin2_name' column"), e.getMessage());
    e = assertThrows(ReadException.class,
        () -> csv("admin2_pcode,population_type,nationality,year,count,Count\nKAZ014001,migrant_worker,UZB,2022,5,5\n"));
    assertEquals("b.csv:1:6: column 'Count': a second 'count' column (the first is column 5)", e.getMessage());
  }

  @Test
  void jsonGivesTheSameRowsAndLocatesItsErrors(@TempDir Path dir) throws Exception {
    String json = "{\"meta\": {\"source\": \"test\"}, \"rows\": [\n"
        + "  {\"admin1_pcode\": \"KAZ014\", \"admin2_pcode\": \"KAZ014001\", \"population_type\": \"migrant_worker\",\n"
        + "   \"nationality\": \"UZB\", \"year\": 2022, \"count\": 4200, \"informant_id\": \"KI-1\"},\n"
        + "  {\"admin1_pcode\": \"KAZ014\", \"population_type\": \"migrant_worker\", \"nationality\": null,\n"
        + "   \"year\": \"2022\", \"count\": 5000}\n"
        + "]}\n";
    Path f = dir.resolve("b.json");
    Files.writeString(f, json);
    BaselineCounts c = BaselineReader.create().read(f);
    assertEquals(csv(HEADER + GOOD).records(), c.records());
    assertEquals(1, c.declaredTotals().size());
    assertNull(c.declaredTotals().get(0).nationality());

    ReadException e = assertThrows(ReadException.class, () -> BaselineReader.create().readJson(
        new StringReader("[\n {\"admin2_pcode\": \"KAZ014001\", \"population_type\": \"migrant_worker\",\n"
            + "  \"nationality\": \"UZB\", \"year\": 2022, \"count\": 12.5}]"), "b.json"));
    assertEquals("b.json:3:48: column 'count': count is not a whole number of people: '12.5'", e.getMessage());
    e = assertThrows(ReadException.class, () -> BaselineReader.create().readJson(
        new StringReader("[{\"admin2_pcode\": \"KAZ014001\", \"population_type\": \"migrant_worker\","
            + " \"nationality\": \"UZB\", \"count\": 3}]"), "b.json"));
    assertEquals("b.json:1:2: no 'year' in this row", e.getMessage());
    e = assertThrows(ReadException.class,
        () -> BaselineReader.create().readJson(new StringReader("[{\"count\": [1]}]"), "b.json"));
    assertEquals("b.json:1:12: column 'count': expected a string, a number or null", e.getMessage());
    e = assertThrows(ReadException.class,
        () -> BaselineReader.create().readJson(new StringReader("[{\"count\": 1,"), "b.json"));
    assertTrue(e.getMessage().startsWith("b.json:1:"), e.getMessage());
  }

  @Test
  void readsAFileByItsName(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("b.csv");
    Files.writeString(f, HEADER + GOOD);
    assertEquals(1, BaselineReader.create().read(f).records().size());
    ReadException e = assertThrows(ReadException.class, () -> BaselineReader.create().read(dir.resolve("none.csv")));
    assertTrue(e.getMessage().contains("none.csv"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> BaselineReader.create().roundYears(2022, 2020));
  }

  @Test
  void informantsAreDescribedByOptionalColumns() {
    String h = "admin2_pcode,population_type,nationality,year,count,informant_id,informant_sex,informant_role\n";
    BaselineCounts c = csv(h
        + "KAZ014001,migrant_worker,UZB,2021,10,KI-1,F,teacher\n"
        + "KAZ014001,migrant_worker,UZB,2022,12,KI-1,,\n"
        + "KAZ014001,migrant_worker,UZB,2022,11,KI-2,male,\n");
    assertEquals(
        List.of(KeyInformant.of("KI-1", Sex.FEMALE, InformantRole.TEACHER), KeyInformant.of("KI-2", Sex.MALE, null)),
        c.informants());
    ReadException e = assertThrows(ReadException.class, () -> csv(h
        + "KAZ014001,migrant_worker,UZB,2021,10,KI-1,female,teacher\n"
        + "KAZ014001,migrant_worker,UZB,2022,12,KI-1,male,\n"));
    assertEquals("b.csv:3:7: column 'informant_sex': informant 'KI-1' was given sex female at line 2: 'male'",
        e.getMessage());
    e = assertThrows(ReadException.class, () -> csv(h + "KAZ014001,migrant_worker,UZB,2021,10,,female,\n"));
    assertEquals("b.csv:2:7: column 'informant_sex': an informant's sex or role without an informant id: 'female'",
        e.getMessage());
    e = assertThrows(ReadException.class, () -> csv(h + "KAZ014001,migrant_worker,UZB,2021,10,KI-1,,imam\n"));
    assertEquals("b.csv:2:8: column 'informant_role': unknown informant role: expected local_authority,"
        + " community_leader, teacher, religious_leader or other: 'imam'", e.getMessage());
  }

  @Test
  void jsonInformants() {
    BaselineCounts c = BaselineReader.create().readJson(new StringReader(
        "{\"informants\": [{\"id\": \"KI-1\", \"sex\": \"female\", \"role\": \"local_authority\"}],\n"
            + " \"rows\": [{\"admin2_pcode\": \"KAZ014001\", \"population_type\": \"migrant_worker\","
            + " \"nationality\": \"UZB\", \"year\": 2022, \"count\": 3, \"informant_id\": \"KI-1\"}]}"), "b.json");
    assertEquals(List.of(KeyInformant.of("KI-1", Sex.FEMALE, InformantRole.LOCAL_AUTHORITY)), c.informants());
    ReadException e = assertThrows(ReadException.class, () -> BaselineReader.create().readJson(
        new StringReader("{\"informants\": [{\"sex\": \"female\"}], \"rows\": []}"), "b.json"));
    assertEquals("b.json:1:17: column 'informants': an informant without an 'id'", e.getMessage());
  }
}
