package org.iom.mtm.indicators.estimate;

/**
 * Sum of weights, weighted mean and weighted second central moment of a stream of weighted
 * values (West's weighted form of Welford's recurrence, with a shift by the first value), combined
 * from parts with Chan's formula. The population variance estimate is R {@code survey}'s {@code
 * svyvar} divisor: {@code sum w (y - ybar)^2 / sum w * n / (n - 1)}, with {@code n} the values of
 * non-zero weight. Also gives Kish's effective sample size {@code (sum w)^2 / sum w^2}.
 *
 * <p>Not thread-safe; combine per-thread instances with {@link #combine(WeightedMoments)}.
 */
public final class WeightedMoments {
  private long n;
  private double shift;
  private boolean shifted;
  private double sumW;
  private double sumWComp;
  private double sumW2;
  private double mean;
  private double m2;

  private WeightedMoments() {}

  /**
   * An empty accumulator.
   *
   * @return a new instance with no values
   */
  public static WeightedMoments create() {
    return new WeightedMoments();
  }

  /**
   * Adds one weighted value; a value of weight zero only counts towards nothing.
   *
   * @param value a finite value
   * @param weight a finite, non-negative weight
   * @return this accumulator
   * @throws IllegalArgumentException naming the value or weight when invalid
   */
  public WeightedMoments accept(double value, double weight) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("value " + value + " is not finite");
    }
    if (!(weight >= 0) || Double.isInfinite(weight)) {
      throw new IllegalArgumentException("weight " + weight + " is negative or not finite");
    }
    if (weight == 0) {
      return this;
    }
    if (!shifted) {
      shift = value;
      shifted = true;
    }
    double x = value - shift;
    n++;
    double newSum = sumW + weight;
    sumWComp += Math.abs(sumW) >= weight ? (sumW - newSum) + weight : (weight - newSum) + sumW;
    double total = newSum + sumWComp;
    double delta = x - mean;
    mean += delta * weight / total;
    m2 += weight * delta * (x - mean);
    sumW = newSum;
    sumW2 += weight * weight;
    return this;
  }

  /**
   * Adds the values of another accumulator (which is left unchanged).
   *
   * @param other the other part
   * @return this accumulator
   */
  public WeightedMoments combine(WeightedMoments other) {
    if (other.n == 0) {
      return this;
    }
    if (n == 0) {
      n = other.n;
      shift = other.shift;
      shifted = other.shifted;
      sumW = other.sumW;
      sumWComp = other.sumWComp;
      sumW2 = other.sumW2;
      mean = other.mean;
      m2 = other.m2;
      return this;
    }
    double w1 = sumW + sumWComp;
    double w2 = other.sumW + other.sumWComp;
    double otherMean = other.mean + (other.shift - shift);
    double delta = otherMean - mean;
    double total = w1 + w2;
    m2 = m2 + other.m2 + delta * delta * (w1 * w2 / total);
    mean += delta * w2 / total;
    double newSum = sumW + other.sumW;
    sumWComp += other.sumWComp
        + (Math.abs(sumW) >= Math.abs(other.sumW) ? (sumW - newSum) + other.sumW : (other.sumW - newSum) + sumW);
    sumW = newSum;
    sumW2 += other.sumW2;
    n += other.n;
    return this;
  }

  /**
   * The number of values with a non-zero weight.
   *
   * @return the count
   */
  public long count() {
    return n;
  }

  /**
   * The sum of the weights.
   *
   * @return the sum
   */
  public double sumOfWeights() {
    return sumW + sumWComp;
  }

  /**
   * The weighted mean.
   *
   * @return the mean, or NaN without values
   */
  public double mean() {
    return n == 0 ? Double.NaN : shift + mean;
  }

  /**
   * The weighted sum of squared deviations from the weighted mean.
   *
   * @return {@code sum w (y - ybar)^2}
   */
  public double sumOfSquares() {
    return n == 0 ? Double.NaN : m2;
  }

  /**
   * The population variance estimate of R's {@code svyvar}: {@code sum w (y - ybar)^2 / sum w * n
   * / (n - 1)}.
   *
   * @return the variance, or NaN with fewer than two values
   */
  public double variance() {
    return n < 2 ? Double.NaN : m2 / sumOfWeights() * n / (n - 1);
  }

  /**
   * Kish's effective sample size, {@code (sum w)^2 / sum w^2}.
   *
   * @return the effective sample size, or 0 without values
   */
  public double kishEffectiveSize() {
    double s = sumOfWeights();
    return n == 0 ? 0 : s * s / sumW2;
  }
}
