package org.iom.mtm.indicators.weighting;

import java.util.List;
import java.util.Locale;

/**
 * Rescales the weights to a total: the sample size {@code n} (weights averaging 1, as some
 * software expects) or a population size {@code N}. Ratios between weights, means and proportions
 * are unchanged; totals scale. Immutable.
 */
public final class Normalisation implements WeightAdjustment {
  private final double total;
  private final boolean toSampleSize;

  private Normalisation(double total, boolean toSampleSize) {
    this.total = total;
    this.toSampleSize = toSampleSize;
  }

  /**
   * Weights that sum to the number of units.
   *
   * @return the step
   */
  public static Normalisation toSampleSize() {
    return new Normalisation(0, true);
  }

  /**
   * Weights that sum to a population size.
   *
   * @param populationSize {@code N}, positive and finite
   * @return the step
   * @throws IllegalArgumentException naming the value when not positive
   */
  public static Normalisation toPopulationSize(double populationSize) {
    if (!(populationSize > 0) || !Double.isFinite(populationSize)) {
      throw new IllegalArgumentException("population size " + populationSize + " is not a positive number");
    }
    return new Normalisation(populationSize, false);
  }

  @Override
  public WeightStep apply(double[] weights) {
    Weights.check(weights, "normalisation");
    double target = toSampleSize ? weights.length : total;
    double factor = target / Weights.sum(weights);
    double[] w = new double[weights.length];
    for (int i = 0; i < w.length; i++) {
      w[i] = weights[i] * factor;
    }
    WeightingReport report = new WeightingReport("normalisation",
        String.format(Locale.ROOT, "to %s = %s (factor %s)", toSampleSize ? "n" : "N", Json.number(target), Json.number(factor)),
        1, true, List.of(), List.of(new MarginCheck("sum of weights", target, Weights.sum(w))),
        WeightSummary.of(weights), WeightSummary.of(w), 0, List.of(), List.of(), List.of());
    // A constant factor leaves residuals alone: the influence values already carry it.
    return new WeightStep(w, report, z -> z);
  }

  @Override
  public String toString() {
    return toSampleSize ? "Normalisation[n]" : "Normalisation[N = " + Json.number(total) + "]";
  }
}
