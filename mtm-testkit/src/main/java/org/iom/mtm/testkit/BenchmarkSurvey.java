package org.iom.mtm.testkit;

import java.util.List;
import java.util.SplittableRandom;
import org.iom.mtm.core.data.AnswerState;
import org.iom.mtm.core.data.CategoricalColumn;
import org.iom.mtm.core.data.MultiSelectColumn;
import org.iom.mtm.core.data.NumericColumn;
import org.iom.mtm.core.data.SurveyData;

/**
 * Survey data of the shape measured in issue 8 (performance), at any size: 20 strata, 2,000 PSUs
 * (100 per stratum), each PSU in one of 17 regions, a weighted mean of income with missing
 * answers, an 8-level select_one and a 12-option select_multiple, crossed with sex and region in
 * 34 domains. The rows come in no order of PSU, as answers pooled from many enumerators do.
 *
 * <p>Deterministic for a seed, each column from its own random stream ({@link Seed#stream}).
 *
 * @param data the columns {@code stratum}, {@code psu} (numeric 1 to 2,000), {@code weight},
 *     {@code region} (17 levels), {@code sex}, {@code income} (about 10% refused, don't know or
 *     not asked), {@code nationality} (8 levels) and {@code obstacles} (the 12 options of {@link
 *     SyntheticSurvey#OBSTACLES})
 * @param stratum each row's stratum code, 0 to 19
 * @param psu each row's PSU code, 0 to 1,999
 * @param weight each row's design weight (the PSU's)
 */
public record BenchmarkSurvey(SurveyData data, int[] stratum, int[] psu, double[] weight) {

  /** Strata in the design. */
  public static final int STRATA = 20;
  /** PSUs in the design. */
  public static final int PSUS = 2_000;
  /** Levels of the region domain. */
  public static final int REGIONS = 17;

  /**
   * Generates the survey.
   *
   * @param rows the number of rows, at least 0
   * @param seed the seed
   * @return the survey
   * @throws IllegalArgumentException naming a negative row count
   */
  public static BenchmarkSurvey generate(int rows, long seed) {
    if (rows < 0) {
      throw new IllegalArgumentException("rows must be >= 0, got " + rows);
    }
    Seed s = new Seed(seed);
    SplittableRandom rPsu = s.stream("psu");
    SplittableRandom rPsuWeight = s.stream("psu_weight");
    SplittableRandom rSex = s.stream("sex");
    SplittableRandom rIncome = s.stream("income");
    SplittableRandom rNat = s.stream("nationality");
    SplittableRandom rObst = s.stream("obstacles");
    double[] psuWeight = new double[PSUS];
    double[] psuIncome = new double[PSUS];
    for (int p = 0; p < PSUS; p++) {
      psuWeight[p] = 20 + rPsuWeight.nextInt(80) + rPsuWeight.nextDouble();
      psuIncome[p] = 0.25 * SyntheticSurvey.gaussian(rPsuWeight);
    }
    CategoricalColumn.Builder stratumCol = CategoricalColumn.builder("stratum", names("S", STRATA));
    NumericColumn.Builder psuCol = NumericColumn.builder("psu");
    NumericColumn.Builder weightCol = NumericColumn.builder("weight");
    CategoricalColumn.Builder region = CategoricalColumn.builder("region", names("R", REGIONS));
    CategoricalColumn.Builder sex = CategoricalColumn.builder("sex", List.of("female", "male"));
    NumericColumn.Builder income = NumericColumn.builder("income");
    CategoricalColumn.Builder nationality =
        CategoricalColumn.builder("nationality", List.of("UZB", "RUS", "TJK", "KGZ", "AZE", "TKM", "CHN", "TUR"));
    MultiSelectColumn.Builder obstacles = MultiSelectColumn.builder("obstacles", SyntheticSurvey.OBSTACLES);
    double[] natShares = {0.63, 0.13, 0.085, 0.075, 0.04, 0.02, 0.012, 0.01};
    double[] obstacleRates = {0.32, 0.21, 0.15, 0.10, 0.12, 0.06, 0.18, 0.08, 0.05, 0.03, 0.04, 0.05};
    int[] stratum = new int[rows];
    int[] psu = new int[rows];
    double[] weight = new double[rows];
    int[] chosen = new int[obstacleRates.length];
    double mu = Math.log(194_212) - 0.45 * 0.45 / 2;
    for (int i = 0; i < rows; i++) {
      int p = rPsu.nextInt(PSUS);
      psu[i] = p;
      stratum[i] = p / (PSUS / STRATA);
      weight[i] = psuWeight[p];
      stratumCol.add(stratum[i]);
      psuCol.add(p + 1);
      weightCol.add(weight[i]);
      // PSUs in contiguous runs per region, crossing the strata's boundaries
      region.add(p * REGIONS / PSUS);
      boolean female = rSex.nextDouble() < 0.18;
      sex.add(female ? 0 : 1);
      double draw = SyntheticSurvey.gaussian(rIncome);
      double u = rIncome.nextDouble();
      if (u < 0.05) {
        income.addState(AnswerState.NOT_ASKED);
      } else if (u < 0.08) {
        income.addState(AnswerState.REFUSED);
      } else if (u < 0.10) {
        income.addState(AnswerState.DONT_KNOW);
      } else {
        income.add(Math.round(Math.exp(mu + 0.45 * draw + psuIncome[p]) / 1000.0) * 1000.0);
      }
      nationality.add(SyntheticSurvey.pick(rNat, natShares));
      int k = 0;
      for (int o = 0; o < obstacleRates.length; o++) {
        if (rObst.nextDouble() < obstacleRates[o]) {
          chosen[k++] = o;
        }
      }
      obstacles.addIndexes(java.util.Arrays.copyOf(chosen, k));
    }
    SurveyData data = SurveyData.of(stratumCol.build(), psuCol.build(), weightCol.build(), region.build(),
        sex.build(), income.build(), nationality.build(), obstacles.build());
    return new BenchmarkSurvey(data, stratum, psu, weight);
  }

  /** Level names P01, P02, ... (not SurveyArbitraries': the benchmarks run without jqwik). */
  private static List<String> names(String prefix, int count) {
    String[] out = new String[count];
    for (int i = 0; i < count; i++) {
      out[i] = String.format(java.util.Locale.ROOT, "%s%02d", prefix, i + 1);
    }
    return List.of(out);
  }
}
