package org.iom.mtm.indicators.weighting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.iom.mtm.indicators.design.SurveyDesign;
import org.iom.mtm.indicators.estimate.Estimation;
import org.iom.mtm.indicators.result.ResultRow;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Domains (svyby), proportions and ratios on calibrated cluster designs, and a stratified element
 * design post-stratified, calibrated on a numeric variable alone and raked, against R survey 4.1.1
 * (golden/weighting/more.csv and weights_strat.csv, from src/test/r/weighting.R; the R call is
 * beside each value).
 */
class CalibratedEstimationGoldenTest {
  private static final ApiClus1 STRAT = ApiClus1.strat();
  private static final Map<String, Number> SCHWIDE = Map.of("No", 1072, "Yes", 5122);
  private static final Map<String, Number> COMPIMP = Map.of("No", 2000, "Yes", 4194);

  private static Map<String, Reweighting> stratCases() {
    Map<String, Reweighting> m = new LinkedHashMap<>();
    Reweighting start = Reweighting.of(STRAT.pw);
    m.put("strat_ps", start.then(PostStratification.of(Margin.of(STRAT.data, List.of("sch.wide"), SCHWIDE))));
    // R: calibrate(dstrat, ~api99, pop = c(6194, 3914069)): an intercept and one numeric term
    m.put("strat_cal", start.then(Calibration.of(CalibrationModel.of(STRAT.data, List.of("api99"),
        Map.of("(Intercept)", 6194, "api99", 3914069)))));
    m.put("strat_rake", start.then(Raking.of(List.of(Margin.of(STRAT.data, List.of("sch.wide"), SCHWIDE),
        Margin.of(STRAT.data, List.of("comp.imp"), COMPIMP))).control(new Raking.Control(1000, 1e-12))));
    return m;
  }

  private static final Map<String, Reweighting> STRAT_CASES = stratCases();
  private static final Map<String, Reweighting> CLUS_CASES = WeightingGoldenTest.cases();

  static Stream<Arguments> stratWeights() {
    return ApiClus1.goldenWeights("weights_strat.csv").entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stratWeights")
  void stratifiedWeightsEqualR(String name, double[] golden) {
    double[] w = STRAT_CASES.get(name).weights();
    for (int i = 0; i < w.length; i++) {
      assertEquals(golden[i], w[i], 1e-10 * Math.abs(golden[i]), name + " row " + (i + 1));
    }
  }

  static Stream<ApiClus1.More> goldens() {
    return ApiClus1.goldenMore().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldens")
  void estimatesEqualR(ApiClus1.More g) {
    boolean strat = g.caseName().startsWith("strat_");
    SurveyDesign design = strat
        ? STRAT_CASES.get(g.caseName()).applyTo(STRAT.dstrat())
        : CLUS_CASES.get(g.caseName()).applyTo(ApiClus1.get().dclus1());
    Estimation e = Estimation.of(design);
    switch (g.statistic()) {
      case "mean" -> e.mean(g.variable());
      case "total" -> e.total(g.variable());
      case "mean_by_stype" -> e.mean(g.variable()).by("stype");
      case "mean_by_awards" -> e.mean(g.variable()).by("awards");
      case "prop" -> e.prop(g.variable());
      case "ratio" -> e.ratio("api00", "api99");
      case "quantile" -> e.quantile(g.variable(), 0.25, 0.5);
      default -> throw new IllegalStateException("unknown statistic " + g.statistic());
    }
    ResultRow row = e.run().rows().stream()
        .filter(r -> g.level().isEmpty()
            || (g.statistic().startsWith("mean_by") ? r.groupValues().equals(List.of(g.level()))
                : g.level().equals(r.analysisVarValue())))
        .filter(r -> !g.statistic().startsWith("mean_by") || !r.groupValues().isEmpty())
        .findFirst().orElse(null);
    assertNotNull(row, g.toString());
    assertEquals(g.estimate(), row.stat(), 1e-10 * Math.abs(g.estimate()), g.rCall());
    assertEquals(g.se(), row.se(), 1e-10 * g.se(), "SE: " + g.rCall());
  }
}
