package org.iom.mtm.benchmarks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.iom.mtm.core.data.CategoricalColumn;
import org.iom.mtm.indicators.design.SurveyDesign;
import org.iom.mtm.indicators.weighting.Margin;
import org.iom.mtm.indicators.weighting.Raking;
import org.iom.mtm.indicators.weighting.Reweighting;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The weighting task of issue 8: raking the design to population margins of sex and region, as R
 * survey's {@code rake(design, list(~sex, ~region), list(pop.sex, pop.region))} (issue 8: 1.7 s in
 * R, 0.42 s for data.table's hand-written loop), run to full convergence (1e-10 of the weight
 * total), with the calibrated design and its residualizing variance as the result.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g"})
public class WeightingBenchmark {

  /** The two margins, with population counts that differ from the sample's weighted counts. */
  @State(Scope.Benchmark)
  public static class Margins {
    List<Margin> margins;

    /**
     * Population counts 10% above or below the weighted sample count of each category (by the
     * category's position), the sex margin scaled to the region margin's total, so the raking has
     * to move every weight and takes several sweeps.
     *
     * @param s the survey
     */
    @Setup(Level.Trial)
    public void setUp(SurveyState s) {
      Map<String, Double> region = targets(s, "region");
      Map<String, Double> sex = targets(s, "sex");
      double regionTotal = region.values().stream().mapToDouble(Double::doubleValue).sum();
      double sexTotal = sex.values().stream().mapToDouble(Double::doubleValue).sum();
      sex.replaceAll((k, v) -> v * regionTotal / sexTotal);
      margins = List.of(
          Margin.of(s.data, List.of("sex"), sex), Margin.of(s.data, List.of("region"), region));
    }

    private static Map<String, Double> targets(SurveyState s, String variable) {
      CategoricalColumn c = s.data.categorical(variable);
      double[] sum = new double[c.levels().size()];
      for (int i = 0; i < c.size(); i++) {
        if (c.isAnswered(i)) {
          sum[c.code(i)] += s.design.weight(i);
        }
      }
      Map<String, Double> t = new LinkedHashMap<>();
      for (int l = 0; l < sum.length; l++) {
        if (sum[l] > 0) {
          t.put(c.levels().get(l), sum[l] * (1 + 0.1 * (l % 3 - 1)));
        }
      }
      return t;
    }
  }

  /**
   * Raking to sex and region margins: the calibrated design.
   *
   * @param s the data
   * @param m the margins
   * @return the calibrated design
   */
  @Benchmark
  public SurveyDesign rakeSexRegion(SurveyState s, Margins m) {
    double[] w = new double[s.design.rowCount()];
    for (int i = 0; i < w.length; i++) {
      w[i] = s.design.weight(i);
    }
    return Reweighting.of(w).then(Raking.of(m.margins)).applyTo(s.design);
  }
}
