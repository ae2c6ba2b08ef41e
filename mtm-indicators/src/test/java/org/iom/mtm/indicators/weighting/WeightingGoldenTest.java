package org.iom.mtm.indicators.weighting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.iom.mtm.indicators.design.SurveyDesign;
import org.iom.mtm.indicators.estimate.Estimation;
import org.iom.mtm.indicators.result.ResultRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Weights, estimates and standard errors against R survey 4.1.1 (R 4.2.2) on {@code dclus1 <-
 * svydesign(id = ~dnum, weights = ~pw, data = apiclus1, fpc = ~fpc)}; the R calls are in
 * {@code src/test/r/weighting.R} and beside each value in golden/weighting/estimates.csv.
 */
class WeightingGoldenTest {
  private static final ApiClus1 API = ApiClus1.get();
  private static final Map<String, Number> TYPES = Map.of("E", 4421, "H", 755, "M", 1018);
  private static final Map<String, Number> SCHWIDE = Map.of("No", 1072, "Yes", 5122);
  private static final Map<String, Number> COMPIMP = Map.of("No", 2000, "Yes", 4194);
  private static final Map<String, Number> CAL_TOTALS =
      Map.of("stype=E", 4421, "stype=H", 755, "stype=M", 1018, "api99", 3914069);

  private static Margin margin(String variable, Map<String, Number> population) {
    return Margin.of(API.data, List.of(variable), population);
  }

  private static CalibrationModel calModel() {
    return CalibrationModel.of(API.data, List.of("stype", "api99"), CAL_TOTALS);
  }

  /** Each R call of weighting.R as a chain on the weights {@code pw}. */
  static Map<String, Reweighting> cases() {
    Map<String, Reweighting> m = new LinkedHashMap<>();
    Reweighting start = Reweighting.of(API.pw);
    Raking.Control full = new Raking.Control(1000, 1e-12);
    Map<String, Number> typesX = new LinkedHashMap<>(TYPES);
    typesX.put("X", 300);
    m.put("ps", start.then(PostStratification.of(margin("stype", TYPES))));
    m.put("ps_partial", start.then(PostStratification.of(margin("stype", typesX)).partial(true)));
    m.put("rake2", start.then(Raking.of(List.of(margin("stype", TYPES), margin("sch.wide", SCHWIDE))).control(full)));
    m.put("rake2_rdefault", start.then(
        Raking.of(List.of(margin("stype", TYPES), margin("sch.wide", SCHWIDE))).control(Raking.R_CONTROL)));
    m.put("rake3", start.then(Raking.of(List.of(
        margin("stype", TYPES), margin("sch.wide", SCHWIDE), margin("comp.imp", COMPIMP))).control(full)));
    Reweighting linear = start.then(Calibration.of(calModel()));
    m.put("cal_linear", linear);
    m.put("cal_linear_bounded", start.then(Calibration.of(calModel()).bounds(0.7, 1.7).control(50, 1e-13)));
    m.put("cal_raking", start.then(Calibration.of(calModel()).function(CalibrationFunction.RAKING).control(50, 1e-13)));
    m.put("cal_logit", start.then(
        Calibration.of(calModel()).function(CalibrationFunction.LOGIT).bounds(0.7, 1.7).control(50, 1e-13)));
    m.put("trim", linear.then(Trimming.of(25, 38)));
    m.put("trim_strict", linear.then(Trimming.of(25, 38).strict(true)));
    return m;
  }

  private static final Map<String, Reweighting> CASES = cases();

  static Stream<Arguments> weightCases() {
    return ApiClus1.goldenWeights().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("weightCases")
  void weightsEqualR(String name, double[] golden) {
    double[] w = CASES.get(name).weights();
    assertEquals(golden.length, w.length);
    for (int i = 0; i < w.length; i++) {
      assertEquals(golden[i], w[i], 1e-10 * Math.abs(golden[i]), name + " row " + (i + 1));
    }
  }

  static Stream<ApiClus1.Golden> estimateCases() {
    return ApiClus1.goldenEstimates().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("estimateCases")
  void estimatesAndStandardErrorsEqualR(ApiClus1.Golden g) {
    Reweighting r = CASES.get(g.caseName());
    double[] w = r.weights();
    double[] y = API.values(g.variable());
    double estimate;
    double[] z;
    if (g.statistic().equals("mean")) {
      estimate = ApiClus1.weightedMean(y, w);
      z = ApiClus1.meanInfluence(y, w);
    } else {
      estimate = 0;
      for (int i = 0; i < y.length; i++) {
        estimate += w[i] * y[i];
      }
      z = ApiClus1.totalInfluence(y, w);
    }
    double se = Math.sqrt(API.clusterVariance(r.residualize(z)));
    assertEquals(g.estimate(), estimate, 1e-10 * Math.abs(g.estimate()), g.rCall());
    assertEquals(g.se(), se, 1e-10 * g.se(), "SE of " + g.statistic() + " " + g.variable() + " on " + g.rCall());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("estimateCases")
  void estimationOnTheCalibratedDesignEqualsR(ApiClus1.Golden g) {
    SurveyDesign design = CASES.get(g.caseName()).applyTo(API.dclus1());
    assertTrue(design.isCalibrated());
    Estimation e = Estimation.of(design);
    e = g.statistic().equals("mean") ? e.mean(g.variable()) : e.total(g.variable());
    ResultRow row = e.run().rows().get(0);
    assertEquals(g.estimate(), row.stat(), 1e-10 * Math.abs(g.estimate()), g.rCall());
    assertEquals(g.se(), row.se(), 1e-10 * g.se(), "SE of " + g.statistic() + " " + g.variable() + " on " + g.rCall());
    assertEquals(14, row.df()); // R: degf(dclus1) is unchanged by calibration
  }

  @Test
  void withoutResidualsThePostStratifiedSeWouldBeWrong() {
    // The residualization matters: the plain cluster SE of the post-stratified total differs
    // from R's 406292.636294802 (R 4.2: svytotal(~enroll, dclus1_ps)).
    double[] w = CASES.get("ps").weights();
    double naive = Math.sqrt(API.clusterVariance(ApiClus1.totalInfluence(API.values("enroll"), w)));
    assertTrue(Math.abs(naive - 406292.636294802) > 1000, "naive SE " + naive);
  }

  @Test
  void reportsSayWhatHappened() {
    WeightingReport ps = CASES.get("ps_partial").reports().get(0);
    assertEquals("post-stratification", ps.method());
    assertFalse(ps.warnings().isEmpty(), "partial must warn");
    assertTrue(ps.warnings().get(0).contains("X (300)"), ps.warnings().get(0));

    WeightingReport rd = CASES.get("rake2_rdefault").reports().get(0);
    WeightingReport rf = CASES.get("rake2").reports().get(0);
    assertTrue(rd.converged());
    assertTrue(rf.converged());
    assertTrue(rf.iterations() > rd.iterations(), rf.iterations() + " vs " + rd.iterations());
    assertTrue(rf.maxRelativeMiss() < 1e-12, rf.toString());
    assertEquals(rf.iterations(), rf.trace().size());

    WeightingReport cal = CASES.get("cal_logit").reports().get(0);
    assertTrue(cal.converged());
    assertTrue(cal.after().min() >= 0.7 * 33.846996307373 - 1e-9, cal.toString());
    assertTrue(cal.after().max() <= 1.7 * 33.846996307373 + 1e-9, cal.toString());
    assertEquals(4, cal.margins().size()); // stype=E, H, M and api99
    assertTrue(cal.maxRelativeMiss() < 1e-13, cal.toString());

    WeightingReport trim = CASES.get("trim_strict").reports().get(1);
    assertTrue(trim.unitsTrimmed() > 0);
    assertEquals(trim.before().sum(), trim.after().sum(), 1e-9 * trim.before().sum());
    assertTrue(trim.after().min() >= 25 - 1e-9 && trim.after().max() <= 38 + 1e-9, trim.toString());
  }
}
