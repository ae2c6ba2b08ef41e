package org.iom.mtm.indicators.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.iom.mtm.core.data.SurveyData;
import org.iom.mtm.indicators.design.SurveyDesign;
import org.iom.mtm.indicators.result.ResultRow;
import org.iom.mtm.indicators.result.ResultTable;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every case of the R oracle ({@code oracle/expected.json}: R 4.2.2, survey 4.1-1, the API data)
 * run through the estimation API: estimate, standard error, normal and t intervals and design
 * effect to 1e-10 relative. The three post-stratified cases ({@code dclus1_ps}) belong to the
 * weighting issue (calibration) and are checked there.
 */
class OracleConformanceTest {
  private static final double TOL = 1e-10;
  private static final Set<String> CALIBRATION_CASES =
      Set.of("dclus1_ps.mean_api00", "dclus1_ps.total_enroll", "dclus1_ps.total_stype");

  @SuppressWarnings("unchecked") // the reference file is a JSON object of objects
  private static Map<String, Object> expected() {
    return (Map<String, Object>) TestJson.parse(TestData.resource("/oracle/expected.json"));
  }

  static SurveyDesign design(String name) {
    switch (name) {
      case "dstrat": {
        SurveyData d = TestData.csv("/oracle/apistrat.csv");
        return SurveyDesign.builder(d).strata("stype").weights("pw").fpc("fpc").build();
      }
      case "dclus1": {
        SurveyData d = TestData.csv("/oracle/apiclus1.csv");
        return SurveyDesign.builder(d).ids("dnum").weights("pw").fpc("fpc").build();
      }
      case "dsrs": {
        SurveyData d = TestData.csv("/oracle/apisrs.csv");
        return SurveyDesign.builder(d).fpc("fpc").build();
      }
      default:
        throw new IllegalArgumentException(name);
    }
  }

  /** The request of each R call. */
  private static Function<Estimation, Estimation> request(String id) {
    String c = id.substring(id.indexOf('.') + 1);
    return switch (c) {
      case "mean_api00" -> e -> e.mean("api00");
      case "total_enroll" -> e -> e.total("enroll");
      case "mean_awards" -> e -> e.prop("awards");
      case "total_awards" -> e -> e.total("awards");
      case "mean_api00_api99" -> e -> e.mean("api00", "api99");
      case "by_stype_mean_api00" -> e -> e.mean("api00").by("stype");
      case "by_stype_mean_awards" -> e -> e.prop("awards").by("stype");
      case "by_stype_schwide_mean_api00" -> e -> e.mean("api00").by("stype", "sch.wide");
      case "ratio_api00_api99" -> e -> e.ratio("api00", "api99");
      case "mean_api00_deff" -> e -> e.mean("api00").deff(DesignEffect.SRSWOR);
      case "total_enroll_deff" -> e -> e.total("enroll").deff(DesignEffect.SRSWOR);
      case "mean_schwide_yes" -> e -> e.prop("sch.wide");
      default -> throw new IllegalArgumentException("no request for case " + id);
    };
  }

  /** R's term name as (variable, value). */
  private static String[] term(String term) {
    if (term.equals("api00/api99")) {
      return new String[] {"api00 %/% api99", null};
    }
    if (term.startsWith("I(sch.wide")) {
      return new String[] {"sch.wide", term.endsWith("TRUE") ? "Yes" : "No"};
    }
    for (String factor : List.of("awards")) {
      if (term.startsWith(factor)) {
        return new String[] {factor, term.substring(factor.length())};
      }
    }
    return new String[] {term, null};
  }

  @Test
  void everyCaseIsRunOrBelongsToCalibration() {
    Map<String, Object> cases = cases();
    assertEquals(23, cases.size());
    int run = 0;
    for (String id : cases.keySet()) {
      if (CALIBRATION_CASES.contains(id) || id.equals("dstrat.var_api00")) {
        continue;
      }
      request(id);
      run++;
    }
    assertEquals(19, run);
  }

  @SuppressWarnings("unchecked") // JSON objects
  private static Map<String, Object> cases() {
    return (Map<String, Object>) expected().get("cases");
  }

  @TestFactory
  @SuppressWarnings("unchecked") // JSON objects
  Stream<DynamicTest> everyOracleCase() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Map.Entry<String, Object> e : cases().entrySet()) {
      String id = e.getKey();
      if (CALIBRATION_CASES.contains(id) || id.equals("dstrat.var_api00")) {
        continue;
      }
      Map<String, Object> c = (Map<String, Object>) e.getValue();
      tests.add(DynamicTest.dynamicTest(id + ": " + c.get("r_call"), () -> check(id, c)));
    }
    return tests.stream();
  }

  @SuppressWarnings("unchecked") // JSON objects
  private static void check(String id, Map<String, Object> c) {
    SurveyDesign design = design((String) c.get("design"));
    ResultTable wald = request(id).apply(Estimation.of(design)).ci(ConfidenceInterval.WALD).run();
    ResultTable t = request(id).apply(Estimation.of(design)).ci(ConfidenceInterval.T).run();
    double dfT = ((Number) c.get("df_t")).doubleValue();
    List<Object> estimates = (List<Object>) c.get("estimates");
    for (Object o : estimates) {
      Map<String, Object> est = (Map<String, Object>) o;
      String[] term = term((String) est.get("term"));
      Map<String, Object> group = (Map<String, Object>) est.get("group");
      ResultRow w = find(wald, term, group);
      ResultRow tr = find(t, term, group);
      String what = id + " " + est.get("term") + (group == null ? "" : " " + group);
      close(num(est.get("estimate")), w.stat(), what + " estimate");
      close(num(est.get("se")), w.se(), what + " se");
      List<Object> ciN = (List<Object>) est.get("ci95_normal");
      close(num(ciN.get(0)), w.statLow(), what + " normal lower");
      close(num(ciN.get(1)), w.statUpp(), what + " normal upper");
      List<Object> ciT = (List<Object>) est.get("ci95_t");
      close(num(ciT.get(0)), tr.statLow(), what + " t lower");
      close(num(ciT.get(1)), tr.statUpp(), what + " t upper");
      assertEquals(dfT, tr.df(), what + " df");
      if (est.containsKey("deff")) {
        close(num(est.get("deff")), w.deff(), what + " deff");
      }
    }
  }

  @Test
  @SuppressWarnings("unchecked") // JSON objects
  void svyvarOfApi00() {
    // R 4.2: svyvar(~api00, dstrat) = 15190.5862058273
    Map<String, Object> c = (Map<String, Object>) cases().get("dstrat.var_api00");
    double expected = num(((Map<String, Object>) ((List<Object>) c.get("estimates")).get(0)).get("estimate"));
    SurveyDesign d = design("dstrat");
    WeightedMoments m = WeightedMoments.create();
    for (int i = 0; i < d.rowCount(); i++) {
      m.accept(d.data().numeric("api00").value(i), d.weight(i));
    }
    close(expected, m.variance(), "svyvar(~api00, dstrat)");
  }

  @Test
  void quantilesWithNormalIntervals() {
    // R 4.2, survey 4.1.1: svyquantile(~api00, dstrat, c(0.25, 0.5), df = Inf):
    // 0.25: 565 [539, 597] se 14.796190250814968; 0.5: 668 [642, 694] se 13.265549880041005
    ResultTable t = Estimation.of(design("dstrat")).quantile("api00", 0.25, 0.5).ci(ConfidenceInterval.WALD).run();
    ResultRow q1 = t.row("quantile @/@ api00 %/% 0.25 @/@ NA %/% NA");
    ResultRow q2 = t.row("quantile @/@ api00 %/% 0.5 @/@ NA %/% NA");
    close(565, q1.stat(), "0.25 quantile");
    close(539, q1.statLow(), "0.25 lower");
    close(597, q1.statUpp(), "0.25 upper");
    close(14.796190250814968, q1.se(), "0.25 se");
    close(668, q2.stat(), "median");
    close(13.265549880041005, q2.se(), "median se");
    assertEquals(null, q2.df(), "normal interval: no df");
  }

  private static double num(Object o) {
    return ((Number) o).doubleValue();
  }

  static void close(double expected, @Nullable Double actual, String what) {
    assertNotNull(actual, what + " is null");
    double scale = Math.max(Math.abs(expected), 1e-300);
    assertTrue(Math.abs(actual - expected) <= TOL * scale,
        what + ": expected " + expected + " got " + actual + " (rel " + Math.abs(actual - expected) / scale + ")");
  }

  private static ResultRow find(ResultTable table, String[] term, @Nullable Map<String, Object> group) {
    for (ResultRow r : table.rows()) {
      if (!r.analysisVar().equals(term[0])) {
        continue;
      }
      if (term[1] != null && !term[1].equals(r.analysisVarValue())) {
        continue;
      }
      if (group == null ? !r.groupVars().isEmpty() : !matches(r, group)) {
        continue;
      }
      return r;
    }
    throw new AssertionError("no row for " + String.join(",", term[0], String.valueOf(term[1])) + " " + group
        + " in\n" + table);
  }

  private static boolean matches(ResultRow r, Map<String, Object> group) {
    if (r.groupVars().size() != group.size()) {
      return false;
    }
    for (int i = 0; i < r.groupVars().size(); i++) {
      if (!r.groupValues().get(i).equals(group.get(r.groupVars().get(i)))) {
        return false;
      }
    }
    return true;
  }
}
