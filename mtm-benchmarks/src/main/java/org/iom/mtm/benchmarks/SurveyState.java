package org.iom.mtm.benchmarks;

import org.iom.mtm.core.data.CategoricalColumn;
import org.iom.mtm.core.data.MultiSelectColumn;
import org.iom.mtm.core.data.NumericColumn;
import org.iom.mtm.core.data.SurveyData;
import org.iom.mtm.indicators.design.SurveyDesign;
import org.iom.mtm.testkit.BenchmarkSurvey;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The benchmark data, of issue 8's shape: the testkit's {@link BenchmarkSurvey} at 1M (or 10M)
 * rows, 20 strata, 2,000 PSUs, a 17-level region domain, an 8-level select_one and a 12-option
 * select_multiple; its stratified cluster design; and the same columns as plain arrays for the
 * bandwidth baseline and for DuckDB.
 */
@State(Scope.Benchmark)
public class SurveyState {

  /** Rows of survey data. */
  @Param({"1000000", "10000000"})
  public int rows;

  SurveyData data;
  SurveyDesign design;
  /**
   * The design over the data plus two decimal columns with income's answers and states: {@code
   * income_usd}, income converted at 447.3 tenge to the dollar and rounded to the cent as a
   * person types it (stored as integers of cents), and {@code income_share}, income over 447.3
   * unrounded, as a {@code calculate} field gives it (stored as doubles).
   */
  SurveyDesign decimalDesign;
  double[] weight;
  double[] income;
  boolean[] incomeAnswered;
  int[] region;
  int[] sex;
  int[] nationality;
  long[] obstacles;
  int[] stratum;
  int[] psu;

  /** Generates the data once per trial. */
  @Setup(Level.Trial)
  public void setUp() {
    BenchmarkSurvey survey = BenchmarkSurvey.generate(rows, 20261126L);
    data = survey.data();
    CategoricalColumn reg = data.categorical("region");
    CategoricalColumn sx = data.categorical("sex");
    CategoricalColumn nat = data.categorical("nationality");
    NumericColumn inc = data.numeric("income");
    MultiSelectColumn obs = data.multiSelect("obstacles");
    int n = data.rowCount();
    weight = survey.weight();
    stratum = survey.stratum();
    psu = survey.psu();
    income = new double[n];
    incomeAnswered = new boolean[n];
    region = new int[n];
    sex = new int[n];
    nationality = new int[n];
    obstacles = new long[n];
    for (int i = 0; i < n; i++) {
      region[i] = reg.code(i);
      sex[i] = sx.code(i);
      nationality[i] = nat.code(i);
      obstacles[i] = obs.word(i, 0);
      incomeAnswered[i] = inc.isAnswered(i);
      income[i] = incomeAnswered[i] ? inc.value(i) : 0;
    }
    design = SurveyDesign.builder(data).strata(stratum).ids(psu).weights(weight).build();
    NumericColumn.Builder usd = NumericColumn.builder("income_usd");
    NumericColumn.Builder share = NumericColumn.builder("income_share");
    for (int i = 0; i < n; i++) {
      if (incomeAnswered[i]) {
        usd.add(Math.round(income[i] / 447.3 * 100) / 100.0);
        share.add(income[i] / 447.3);
      } else {
        usd.addState(inc.state(i));
        share.addState(inc.state(i));
      }
    }
    java.util.List<org.iom.mtm.core.data.Column> columns = new java.util.ArrayList<>(data.columns());
    columns.add(usd.build());
    columns.add(share.build());
    decimalDesign = SurveyDesign.builder(SurveyData.of(columns)).strata(stratum).ids(psu).weights(weight).build();
  }
}
