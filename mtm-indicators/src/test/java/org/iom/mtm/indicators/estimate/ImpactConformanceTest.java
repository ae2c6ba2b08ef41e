package org.iom.mtm.indicators.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.iom.mtm.indicators.design.SurveyDesign;
import org.iom.mtm.indicators.result.ResultRow;
import org.iom.mtm.indicators.result.ResultTable;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * {@code --conventions impact} against a real run of IMPACT's analysistools (commit d748f32, srvyr
 * 1.3.0, survey 4.1.1, R 4.2.2): {@code golden/impact/kobo_impact*.csv} are written by
 * {@code mtm-indicators/src/test/r/impact.R}, which calls
 * {@code analysistools::create_analysis(as_survey_design(kobo, ids = cluster, strata = stratum,
 * weights = weight, nest = TRUE), loa, sm_separator = "/")} (and the same with two stages and fpc)
 * for the mean, median, select_one, select_multiple and ratio rows, overall, by {@code admin1},
 * by {@code stratum} and by {@code admin1} crossed with {@code sex}.
 */
class ImpactConformanceTest {

  private static final double TOL = 1e-9;

  @Test
  void oneStageRowsMatchAnalysistoolsKeyForKey() {
    // R: as_survey_design(kobo, ids = cluster, strata = stratum, weights = weight, nest = TRUE)
    SurveyDesign design = SurveyDesign.builder(TestData.csv("/golden/data/kobo.csv"))
        .ids("cluster").strata("stratum").weights("weight").nest(true).build();
    assertMatches("/golden/impact/kobo_impact.csv", design);
  }

  @Test
  void twoStageFpcRowsMatchAnalysistoolsKeyForKey() {
    // R: as_survey_design(kobo, ids = c(cluster, household), strata = stratum,
    //   fpc = c(N_clusters, N_households), weights = weight, nest = TRUE)
    SurveyDesign design = SurveyDesign.builder(TestData.csv("/golden/data/kobo.csv"))
        .ids("cluster", "household").strata("stratum").fpc("N_clusters", "N_households")
        .weights("weight").nest(true).build();
    assertMatches("/golden/impact/kobo_impact_twostage.csv", design);
  }

  @Test
  void missingAnswersMatchAnalysistoolsKeyForKey() {
    // R: impact.R's kobo_missing.csv (shelter and income blanked, hh_size 0 in places), one stage
    SurveyDesign design = SurveyDesign.builder(TestData.csv("/golden/impact/kobo_missing.csv"))
        .ids("cluster").strata("stratum").weights("weight").nest(true).build();
    assertMatches("/golden/impact/kobo_missing_impact.csv", design);
  }

  /** The list of analysis of impact.R: overall, by admin1, by stratum, by admin1 and sex. */
  private static void assertMatches(String reference, SurveyDesign design) {
    Map<String, Map<String, String>> expected = readReference(reference);
    List<ResultRow> ours = new ArrayList<>();
    for (String[] by : new String[][] {{}, {"admin1"}, {"stratum"}, {"admin1", "sex"}}) {
      Estimation e = Estimation.of(design).mean("income").median("income")
          .prop("shelter", "remittances").multi("reasons").ratio("income", "hh_size")
          .ratio("hh_size", "income").conventions(Conventions.IMPACT);
      ResultTable t = by.length == 0 ? e.run() : e.by(by).run();
      ours.addAll(t.rows());
    }
    Map<String, ResultRow> actual = new LinkedHashMap<>();
    for (ResultRow r : ours) {
      actual.put(r.analysisKey(), r);
    }
    assertTrue(expected.size() > 250, reference + " has " + expected.size() + " rows");
    TreeSet<String> onlyR = new TreeSet<>(expected.keySet());
    onlyR.removeAll(actual.keySet());
    TreeSet<String> onlyMtm = new TreeSet<>(actual.keySet());
    onlyMtm.removeAll(expected.keySet());
    assertTrue(onlyR.isEmpty() && onlyMtm.isEmpty(),
        "analysis_key only in analysistools: " + onlyR + "; only in mtm: " + onlyMtm);
    for (Map.Entry<String, Map<String, String>> x : expected.entrySet()) {
      String key = x.getKey();
      Map<String, String> row = x.getValue();
      ResultRow r = actual.get(key);
      assertNotNull(r, key);
      compare(row.get("stat"), r.stat(), key + " stat");
      compare(row.get("stat_low"), r.statLow(), key + " stat_low");
      compare(row.get("stat_upp"), r.statUpp(), key + " stat_upp");
      assertEquals(Long.parseLong(row.get("n")), r.n(), key + " n");
      if (!row.get("n_total").isEmpty()) {
        assertEquals(Long.parseLong(row.get("n_total")), r.nTotal(), key + " n_total");
      }
      compare(row.get("n_w"), r.nW(), key + " n_w");
      compare(row.get("n_w_total"), r.nWTotal(), key + " n_w_total");
    }
  }

  private static void compare(String expected, @Nullable Double actual, String what) {
    if (expected.isEmpty()) {
      assertNull(actual, what + ": analysistools gives NA");
      return;
    }
    double x = Double.parseDouble(expected);
    assertNotNull(actual, what + ": analysistools gives " + expected);
    // write.csv keeps 15 significant digits
    assertTrue(Math.abs(actual - x) <= TOL * Math.max(Math.abs(x), 1e-300),
        String.format(Locale.ROOT, "%s: analysistools %s, mtm %.17g", what, expected, actual));
  }

  /** The reference CSV keyed by analysis_key; every cell quoted or bare, no embedded commas. */
  private static Map<String, Map<String, String>> readReference(String path) {
    String[] lines = TestData.resource(path).split("\r?\n");
    List<String> header = cells(lines[0]);
    Map<String, Map<String, String>> rows = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].isEmpty()) {
        continue;
      }
      List<String> c = cells(lines[i]);
      Map<String, String> row = new LinkedHashMap<>();
      for (int j = 0; j < header.size(); j++) {
        row.put(header.get(j), c.get(j));
      }
      rows.put(row.get("analysis_key"), row);
    }
    return rows;
  }

  private static List<String> cells(String line) {
    List<String> out = new ArrayList<>();
    for (String s : line.split(",", -1)) {
      out.add(s.startsWith("\"") ? s.substring(1, s.length() - 1) : s);
    }
    return out;
  }
}
