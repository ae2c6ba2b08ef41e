package org.iom.mtm.indicators.weighting;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iom.mtm.core.data.AnswerState;
import org.iom.mtm.core.data.CategoricalColumn;
import org.iom.mtm.core.data.SurveyData;
import org.iom.mtm.core.data.TextColumn;
import org.junit.jupiter.api.Test;

/** Hand-derived cases and the errors and warnings of each step. */
class WeightingTest {

  private static SurveyData regions() {
    // 6 respondents: A x KGZ (2), A x UZB (1), B x KGZ (3).
    TextColumn.Builder admin = TextColumn.builder("admin1");
    CategoricalColumn.Builder nat = CategoricalColumn.builder("nationality", List.of("KGZ", "UZB", "TJK"));
    String[][] rows = {{"A", "KGZ"}, {"A", "KGZ"}, {"A", "UZB"}, {"B", "KGZ"}, {"B", "KGZ"}, {"B", "KGZ"}};
    for (String[] r : rows) {
      admin.add(r[0]);
      nat.add(r[1]);
    }
    return SurveyData.of(admin.build(), nat.build());
  }

  @Test
  void designWeightsAreBaselineCountOverRespondents() {
    Map<String, Number> baseline = new LinkedHashMap<>();
    baseline.put("A %/% KGZ", 1000);
    baseline.put("A %/% UZB", 300);
    baseline.put("B %/% KGZ", 600);
    baseline.put("B %/% TJK", 50);
    DesignWeights d = DesignWeights.of(regions(), List.of("admin1", "nationality"), baseline);
    // 1000/2, 300/1, 600/3
    assertArrayEquals(new double[] {500, 500, 300, 200, 200, 200}, d.weights(), 0);
    WeightingReport r = d.report();
    assertEquals(List.of(new StratumAudit("A %/% KGZ", 1000, 2, 500), new StratumAudit("A %/% UZB", 300, 1, 300),
        new StratumAudit("B %/% KGZ", 600, 3, 200)), r.strata());
    assertEquals(List.of(new CoverageGap("B %/% TJK", 50)), r.coverageGaps());
    assertTrue(r.warnings().get(0).contains("1 baseline cells without respondents (population 50)"), r.warnings().toString());
    // Kish: n sum(w^2) / sum(w)^2 = 6 * 710000 / 1900^2
    assertEquals(6 * 710000.0 / (1900.0 * 1900.0), r.after().kishDeff(), 1e-12);
    assertTrue(r.toJson().contains("\"coverage_gaps\":[{\"stratum\":\"B %/% TJK\",\"N_h\":50}]"), r.toJson());
  }

  @Test
  void twoStagesMultiply() {
    DesignWeights first = DesignWeights.of(regions(), List.of("admin1"), Map.of("A", 30, "B", 9));
    DesignWeights second = DesignWeights.of(regions(), List.of("nationality"), Map.of("KGZ", 10, "UZB", 2));
    // stage 1: 30/3 = 10 (A), 9/3 = 3 (B); stage 2: 10/5 = 2 (KGZ), 2/1 = 2 (UZB)
    assertArrayEquals(new double[] {20, 20, 20, 6, 6, 6}, first.times(second).weights(), 1e-12);
    assertEquals(4, first.times(second).report().strata().size());
  }

  @Test
  void clusterFirstStageCountsClusters() {
    // Stratum A: clusters 1, 2 sampled of 10; stratum B: cluster 3 of 4. Within clusters the
    // second stage has 40, 30, 60 people for 2, 1, 3 respondents.
    int[] strata = {0, 0, 0, 1, 1, 1};
    int[] clusters = {1, 1, 2, 3, 3, 3};
    DesignWeights first = DesignWeights.ofClusters(List.of("A", "B"), strata, clusters, Map.of("A", 10, "B", 4));
    DesignWeights second = DesignWeights.of(List.of("c1", "c2", "c3"), new int[] {0, 0, 1, 2, 2, 2},
        Map.of("c1", 40, "c2", 30, "c3", 60));
    // (10/2)(40/2) = 100, (10/2)(30/1) = 150, (4/1)(60/3) = 80
    assertArrayEquals(new double[] {100, 100, 150, 80, 80, 80}, first.times(second).weights(), 1e-12);
    assertEquals(new StratumAudit("A", 10, 2, 5), first.report().strata().get(0));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DesignWeights.ofClusters(List.of("A", "B"), new int[] {0, 1}, new int[] {7, 7}, Map.of("A", 1, "B", 1)));
    assertTrue(e.getMessage().contains("cluster 7 is in strata 'A' and 'B'"), e.getMessage());
  }

  @Test
  void strataWithoutBaselineCountAreNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DesignWeights.of(regions(), List.of("admin1", "nationality"), Map.of("A %/% KGZ", 1000, "B %/% KGZ", 0)));
    assertTrue(e.getMessage().contains("A %/% UZB (1 respondents)"), e.getMessage());
    assertTrue(e.getMessage().contains("B %/% KGZ (3 respondents, baseline count 0)"), e.getMessage());
  }

  @Test
  void respondentWithoutStratumIsAnError() {
    TextColumn.Builder admin = TextColumn.builder("admin1");
    admin.add("A");
    admin.addState(AnswerState.MISSING);
    SurveyData d = SurveyData.of(admin.build());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DesignWeights.of(d, List.of("admin1"), Map.of("A", 10)));
    assertTrue(e.getMessage().contains("'admin1' row 2 is MISSING"), e.getMessage());
  }

  @Test
  void postStratificationByHand() {
    // Weights 1, 1, 2 | 4; cells a, a, a | b; targets a = 8, b = 2.
    Margin m = Margin.of("cell", List.of("a", "b"), new int[] {0, 0, 0, 1}, Map.of("a", 8, "b", 2));
    WeightStep s = PostStratification.of(m).apply(new double[] {1, 1, 2, 4});
    assertArrayEquals(new double[] {2, 2, 4, 2}, s.weights(), 1e-12);
    // The residual of a post-stratum count is zero: the post-stratified count has no variance.
    double[] z = s.residualize(new double[] {2, 2, 4, 0});
    assertArrayEquals(new double[] {0, 0, 0, 0}, z, 1e-12);
  }

  @Test
  void postStratumMissingFromSampleNeedsPartial() {
    Margin m = Margin.of("cell", List.of("a"), new int[] {0, 0}, Map.of("a", 8, "z", 2));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PostStratification.of(m).apply(new double[] {1, 1}));
    assertTrue(e.getMessage().contains("z (2)") && e.getMessage().contains("partial"), e.getMessage());
    WeightStep s = PostStratification.of(m).partial(true).apply(new double[] {1, 1});
    assertArrayEquals(new double[] {4, 4}, s.weights(), 1e-12);
    assertEquals(1, s.report().warnings().size());
  }

  @Test
  void postStratumWithoutPopulationCountIsAnError() {
    Margin m = Margin.of("cell", List.of("a", "b"), new int[] {0, 1}, Map.of("a", 8));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PostStratification.of(m).apply(new double[] {1, 1}));
    assertTrue(e.getMessage().contains("[b]"), e.getMessage());
  }

  @Test
  void rakingRefusesMarginsThatDisagree() {
    Margin a = Margin.of("a", List.of("x", "y"), new int[] {0, 1, 0, 1}, Map.of("x", 5, "y", 5));
    Margin b = Margin.of("b", List.of("u", "v"), new int[] {0, 0, 1, 1}, Map.of("u", 5, "v", 6));
    WeightingException e = assertThrows(WeightingException.class,
        () -> Raking.of(List.of(a, b)).apply(new double[] {1, 1, 1, 1}));
    assertTrue(e.getMessage().contains("a 10; b 11"), e.getMessage());
  }

  @Test
  void rakingRefusesATargetOnAnEmptyCategory() {
    Margin a = Margin.of("a", List.of("x", "y"), new int[] {0, 0}, Map.of("x", 5, "y", 5));
    WeightingException e = assertThrows(WeightingException.class,
        () -> Raking.of(List.of(a)).apply(new double[] {1, 1}));
    assertTrue(e.getMessage().contains("y (5)"), e.getMessage());
  }

  @Test
  void rakingThatStopsEarlyWarns() {
    ApiClus1 api = ApiClus1.get();
    Margin stype = Margin.of(api.data, List.of("stype"), Map.of("E", 4421, "H", 755, "M", 1018));
    Margin sch = Margin.of(api.data, List.of("sch.wide"), Map.of("No", 1072, "Yes", 5122));
    WeightStep s = Raking.of(List.of(stype, sch)).control(new Raking.Control(2, 1e-10)).apply(api.pw);
    assertFalse(s.report().converged());
    assertEquals(2, s.report().iterations());
    assertTrue(s.report().warnings().get(0).startsWith("raking did not converge after 2 sweeps"), s.report().warnings().toString());
    assertTrue(s.report().toString().contains("NOT CONVERGED"), s.report().toString());
  }

  @Test
  void calibrationThatCannotConvergeIsAnErrorUnlessForced() {
    ApiClus1 api = ApiClus1.get();
    CalibrationModel model = CalibrationModel.of(api.data, List.of("stype", "api99"),
        Map.of("stype=E", 4421, "stype=H", 755, "stype=M", 1018, "api99", 3914069));
    // R 4.2: calibrate(dclus1, ~stype + api99, pop = ..., bounds = c(0.8, 1.2)) fails:
    // "Failed to converge: eps=0.353972557108239 in 51 iterations".
    Calibration tight = Calibration.of(model).bounds(0.8, 1.2);
    WeightingException e = assertThrows(WeightingException.class, () -> tight.apply(api.pw));
    assertTrue(e.getMessage().contains("failed to converge"), e.getMessage());
    assertEquals(0.353972557108239, e.report().trace().get(e.report().trace().size() - 1), 1e-9);
    WeightStep forced = tight.force(true).apply(api.pw);
    assertFalse(forced.report().converged());
    assertFalse(forced.report().warnings().isEmpty());
  }

  @Test
  void calibrationTotalsMustAgreeAndCoverEveryCategory() {
    ApiClus1 api = ApiClus1.get();
    WeightingException disagree = assertThrows(WeightingException.class, () -> CalibrationModel.of(api.data,
        List.of("stype", "sch.wide"), Map.of("stype=E", 4421, "stype=H", 755, "stype=M", 1018,
            "sch.wide=No", 1000, "sch.wide=Yes", 5000)));
    assertTrue(disagree.getMessage().contains("'sch.wide' sums to 6000"), disagree.getMessage());
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> CalibrationModel.of(api.data,
        List.of("stype"), Map.of("stype=E", 4421, "stype=H", 755)));
    assertTrue(missing.getMessage().contains("[M]"), missing.getMessage());
    WeightingException empty = assertThrows(WeightingException.class, () -> CalibrationModel.of(api.data,
        List.of("stype"), Map.of("stype=E", 4421, "stype=H", 755, "stype=M", 1018, "stype=X", 5)));
    assertTrue(empty.getMessage().contains("X (5)"), empty.getMessage());
    IllegalArgumentException stray = assertThrows(IllegalArgumentException.class, () -> CalibrationModel.of(api.data,
        List.of("stype"), Map.of("stype=E", 4421, "stype=H", 755, "stype=M", 1018, "api00", 5)));
    assertTrue(stray.getMessage().contains("[api00]"), stray.getMessage());
  }

  @Test
  void calibrationModelIsRsModelMatrix() {
    ApiClus1 api = ApiClus1.get();
    CalibrationModel model = CalibrationModel.of(api.data, List.of("stype", "api99"),
        Map.of("stype=E", 4421, "stype=H", 755, "stype=M", 1018, "api99", 3914069));
    // R 4.2: colnames(model.matrix(~stype + api99, apiclus1)), pop = c(6194, 755, 1018, 3914069)
    assertEquals(List.of("(Intercept)", "stypeH", "stypeM", "api99"), model.columnNames());
    assertArrayEquals(new double[] {6194, 755, 1018, 3914069}, model.totals(), 0);
  }

  @Test
  void trimmingByHand() {
    // R 4.2: weights(trimWeights(svydesign(~1, weights = ~w, data = data.frame(w = c(1, 2, 3, 10))),
    //   upper = 6)) is 1 + 4/3, 2 + 4/3, 3 + 4/3, 6.
    WeightStep s = Trimming.of(Double.NEGATIVE_INFINITY, 6).apply(new double[] {1, 2, 3, 10});
    assertArrayEquals(new double[] {1 + 4.0 / 3, 2 + 4.0 / 3, 3 + 4.0 / 3, 6}, s.weights(), 1e-12);
    assertEquals(1, s.report().unitsTrimmed());
    // Residuals are untouched by trimming, as in R.
    assertArrayEquals(new double[] {1, 2, 3, 4}, s.residualize(new double[] {1, 2, 3, 4}), 0);
  }

  @Test
  void onePassTrimmingThatWouldMakeAWeightNegativeIsRefused() {
    // Raising 1, 1, 1 to 10 takes 27 from the one weight inside: 20 - 27 < 0 (R returns -7).
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Trimming.of(10, 30).apply(new double[] {1, 1, 1, 20}));
    assertTrue(e.getMessage().contains("weight -7 of row 3 negative"), e.getMessage());
    // Strictly, no weights within [10, 30] keep the total 23 of four units: refused too.
    assertThrows(IllegalArgumentException.class, () -> Trimming.of(10, 30).strict(true).apply(new double[] {1, 1, 1, 20}));
  }

  @Test
  void normalisation() {
    double[] w = {1, 3, 4};
    assertArrayEquals(new double[] {0.375, 1.125, 1.5}, Normalisation.toSampleSize().apply(w).weights(), 1e-15);
    assertArrayEquals(new double[] {10, 30, 40}, Normalisation.toPopulationSize(80).apply(w).weights(), 1e-12);
    assertThrows(IllegalArgumentException.class, () -> Normalisation.toPopulationSize(0));
  }

  @Test
  void reportAsJsonAndText() {
    Margin m = Margin.of("cell", List.of("a", "b"), new int[] {0, 0, 0, 1}, Map.of("a", 8, "b", 2));
    Reweighting r = Reweighting.of(new double[] {1, 1, 2, 4}).then(PostStratification.of(m));
    WeightingReport rep = r.reports().get(0);
    String json = rep.toJson();
    assertTrue(json.startsWith("{\"method\":\"post-stratification\""), json);
    assertTrue(json.contains("{\"term\":\"cell=a\",\"target\":8,\"achieved\":8,\"relative_difference\":0}"), json);
    assertTrue(json.contains("\"after\":{\"n\":4,\"sum\":10,\"min\":2,\"max\":4,\"ratio\":2,"), json);
    String text = r.toString();
    assertTrue(text.contains("post-stratification (~cell)"), text);
    assertTrue(text.contains("Kish deff"), text);
    assertEquals("\"a\\\"b\\\\c\\n\"", Json.string("a\"b\\c\n"));
  }

  @Test
  void badWeightsAreNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Reweighting.of(new double[] {1, Double.NaN}));
    assertTrue(e.getMessage().contains("row 1"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> CalibrationFunction.of("cubic"));
    assertEquals(CalibrationFunction.LOGIT, CalibrationFunction.of("Logit"));
  }
}
