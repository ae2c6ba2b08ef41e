package org.iom.mtm.testkit;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.iom.mtm.core.data.AnswerState;
import org.iom.mtm.core.data.CategoricalColumn;
import org.iom.mtm.core.data.MultiSelectColumn;
import org.iom.mtm.core.data.NumericColumn;
import org.iom.mtm.core.data.SurveyData;

/**
 * A survey sample with its design, for properties of estimators: a stratified one- or two-stage
 * cluster sample with positive weights and a population size per stratum, and analysis variables
 * of each kind.
 *
 * <p>Columns of {@link #data()}: {@code stratum} (categorical), {@code psu} and {@code ssu}
 * (numeric ids, PSUs nested in strata, at least two per stratum), {@code weight} (positive),
 * {@code fpc} (the stratum's number of PSUs in the population, at least its sample), {@code y}
 * (numeric, some cells missing), {@code g} and {@code sex} (categorical domains), {@code m}
 * (select_multiple with 1 to 12 options, some respondents not asked).
 *
 * @param data the sample
 * @param strata the number of strata
 * @param psus the number of PSUs in all
 */
public record DesignedSample(SurveyData data, int strata, int psus) {

  /**
   * Arbitrary designed samples, shrinking toward one stratum of two PSUs with few rows.
   *
   * @return the arbitrary
   */
  public static Arbitrary<DesignedSample> samples() {
    return Combinators.combine(
            Arbitraries.integers().between(1, 4),
            Arbitraries.integers().between(2, 5),
            Arbitraries.integers().between(1, 6),
            Arbitraries.integers().between(1, 12),
            Arbitraries.longs())
        .as(DesignedSample::generate);
  }

  /**
   * A designed sample drawn from a seed (for generators that are not jqwik-driven).
   *
   * @param strata the number of strata, at least 1
   * @param psusPerStratum PSUs per stratum, at least 2
   * @param rowsPerPsu the largest number of rows per PSU, at least 1
   * @param options options of the select_multiple {@code m}, 1 to 64
   * @param seed the seed
   * @return the sample
   */
  public static DesignedSample generate(int strata, int psusPerStratum, int rowsPerPsu, int options, long seed) {
    java.util.SplittableRandom r = new Seed(seed).stream("designed_sample");
    List<String> strataNames = SurveyArbitraries.levelNames(strata);
    CategoricalColumn.Builder stratum = CategoricalColumn.builder("stratum", strataNames);
    NumericColumn.Builder psu = NumericColumn.builder("psu");
    NumericColumn.Builder ssu = NumericColumn.builder("ssu");
    NumericColumn.Builder weight = NumericColumn.builder("weight");
    NumericColumn.Builder fpc = NumericColumn.builder("fpc");
    NumericColumn.Builder y = NumericColumn.builder("y");
    CategoricalColumn.Builder g = CategoricalColumn.builder("g", List.of("a", "b", "c"));
    CategoricalColumn.Builder sex = CategoricalColumn.builder("sex", List.of("female", "male"));
    MultiSelectColumn.Builder m = MultiSelectColumn.builder("m", SurveyArbitraries.levelNames(options));
    int psuId = 0;
    for (int h = 0; h < strata; h++) {
      int population = psusPerStratum + r.nextInt(20);
      for (int p = 0; p < psusPerStratum; p++) {
        psuId++;
        double w = 1 + r.nextInt(50) + r.nextDouble();
        int rows = 1 + r.nextInt(rowsPerPsu);
        for (int i = 0; i < rows; i++) {
          stratum.add(h);
          psu.add(psuId);
          ssu.add(psuId * 100 + r.nextInt(2));
          weight.add(w);
          fpc.add(population);
          if (r.nextInt(10) == 0) {
            y.addState(AnswerState.MISSING);
          } else {
            y.add(Math.round((h * 10 + p + 5 * r.nextDouble()) * 1000) / 1000.0);
          }
          g.add(r.nextInt(3));
          sex.add(r.nextInt(2));
          if (r.nextInt(5) == 0) {
            m.addState(AnswerState.NOT_ASKED);
          } else {
            List<Integer> sel = new ArrayList<>();
            for (int k = 0; k < options; k++) {
              if (r.nextInt(3) == 0) {
                sel.add(k);
              }
            }
            m.addIndexes(sel.stream().mapToInt(Integer::intValue).toArray());
          }
        }
      }
    }
    SurveyData data =
        SurveyData.of(stratum.build(), psu.build(), ssu.build(), weight.build(), fpc.build(),
            y.build(), g.build(), sex.build(), m.build());
    return new DesignedSample(data, strata, psuId);
  }
}
