package org.iom.mtm.indicators.weighting;

/**
 * The spread of a set of weights and what it costs in precision.
 *
 * <p>Kish's design effect due to unequal weighting is {@code 1 + CV^2 = n sum(w^2) / sum(w)^2},
 * with the coefficient of variation computed with divisor {@code n}; the efficiency is its
 * inverse, and {@code n / deff} is the effective sample size.
 *
 * @param n the number of units
 * @param sum the sum of the weights (the estimated population size)
 * @param min the smallest weight
 * @param max the largest weight
 * @param ratio {@code max / min}; infinite when the smallest weight is zero
 * @param cv the coefficient of variation of the weights (divisor {@code n})
 * @param kishDeff Kish's design effect {@code 1 + cv^2}
 * @param efficiency {@code 1 / kishDeff}
 * @param effectiveSampleSize {@code n / kishDeff}
 */
public record WeightSummary(
    int n,
    double sum,
    double min,
    double max,
    double ratio,
    double cv,
    double kishDeff,
    double efficiency,
    double effectiveSampleSize) {

  /**
   * Summarises weights.
   *
   * @param weights at least one weight, all finite and non-negative, not all zero
   * @return the summary
   * @throws IllegalArgumentException naming the row of a bad weight, or when empty
   */
  public static WeightSummary of(double[] weights) {
    Weights.check(weights, "weights");
    return unchecked(weights);
  }

  /** The summary of any finite weights, negative ones (linear calibration) included. */
  static WeightSummary unchecked(double[] weights) {
    int n = weights.length;
    double sum = 0;
    double sumSq = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double w : weights) {
      sum += w;
      sumSq += w * w;
      min = Math.min(min, w);
      max = Math.max(max, w);
    }
    double deff = n * sumSq / (sum * sum);
    double cv = Math.sqrt(Math.max(0, deff - 1));
    return new WeightSummary(n, sum, min, max, max / min, cv, deff, 1 / deff, n / deff);
  }
}
