package org.iom.mtm.benchmarks;

import org.iom.mtm.core.data.CategoricalColumn;
import org.iom.mtm.core.data.MultiSelectColumn;
import org.iom.mtm.core.data.NumericColumn;
import org.iom.mtm.core.data.SurveyData;
import org.iom.mtm.core.data.TextColumn;
import org.iom.mtm.indicators.design.SurveyDesign;
import org.iom.mtm.testkit.SyntheticSurvey;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The benchmark data: the testkit's synthetic MTM survey at 1M (or 10M) rows, a stratified
 * two-stage design (regions as strata, sites as PSUs, weights varying by region), and the same
 * columns as plain arrays for the bandwidth baseline and for DuckDB.
 */
@State(Scope.Benchmark)
public class SurveyState {

  /** Rows of survey data. */
  @Param({"1000000"})
  public int rows;

  SurveyData data;
  SurveyDesign design;
  double[] weight;
  double[] income;
  boolean[] incomeAnswered;
  int[] region;
  int[] sex;
  int[] nationality;
  long[] obstacles;
  int[] psu;

  /** Generates the data once per trial. */
  @Setup(Level.Trial)
  public void setUp() {
    data = SyntheticSurvey.generate(new SyntheticSurvey.Spec(rows, 20261126L, 160)).data();
    CategoricalColumn reg = data.categorical("region");
    CategoricalColumn sx = data.categorical("sex");
    CategoricalColumn nat = data.categorical("nationality");
    NumericColumn inc = data.numeric("income");
    MultiSelectColumn obs = data.multiSelect("obstacles");
    TextColumn site = data.text("site");
    int n = data.rowCount();
    weight = new double[n];
    income = new double[n];
    incomeAnswered = new boolean[n];
    region = new int[n];
    sex = new int[n];
    nationality = new int[n];
    obstacles = new long[n];
    psu = new int[n];
    java.util.Map<String, Integer> sites = new java.util.HashMap<>();
    for (int i = 0; i < n; i++) {
      region[i] = reg.code(i);
      sex[i] = sx.code(i);
      nationality[i] = nat.code(i);
      obstacles[i] = obs.word(i, 0);
      incomeAnswered[i] = inc.isAnswered(i);
      income[i] = incomeAnswered[i] ? inc.value(i) : 0;
      // Unequal weights by region, as design weights from the baseline would be.
      weight[i] = 50 + 10 * region[i];
      psu[i] = sites.computeIfAbsent(site.text(i), k -> sites.size());
    }
    design = SurveyDesign.builder(data).strata(region).ids(psu).weights(weight).build();
  }
}
