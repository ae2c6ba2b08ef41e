package org.iom.mtm.indicators.estimate;

/**
 * Count, mean and second central moment of a stream of numbers, updated one value at a time
 * (Welford's recurrence, with a shift by the first value so that data with a large common offset
 * keep their digits) and combined from parts (Chan, Golub and LeVeque's pairwise formula), so that
 * the NIST StRD univariate reference sets are reproduced to 13 or more significant digits.
 *
 * <p>Not thread-safe; combine per-thread instances with {@link #combine(Moments)}.
 */
public final class Moments {
  private long n;
  private double shift;
  /** Mean of the shifted values, with a Neumaier compensation term. */
  private double mean;
  private double meanComp;
  private double m2;

  private Moments() {}

  /**
   * An empty accumulator.
   *
   * @return a new instance with no values
   */
  public static Moments create() {
    return new Moments();
  }

  /**
   * The moments of some values.
   *
   * @param values the values
   * @return a new accumulator holding them
   */
  public static Moments of(double... values) {
    Moments m = new Moments();
    for (double v : values) {
      m.accept(v);
    }
    return m;
  }

  /**
   * Adds one value.
   *
   * @param value a finite value
   * @return this accumulator
   * @throws IllegalArgumentException naming the value when it is not finite
   */
  public Moments accept(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("value " + value + " is not finite");
    }
    if (n == 0) {
      shift = value;
    }
    double x = value - shift;
    n++;
    double delta = x - (mean + meanComp);
    double step = delta / n;
    double t = mean + step;
    meanComp += Math.abs(mean) >= Math.abs(step) ? (mean - t) + step : (step - t) + mean;
    mean = t;
    m2 += delta * (x - (mean + meanComp));
    return this;
  }

  /**
   * Adds the values of another accumulator (which is left unchanged).
   *
   * @param other the other part
   * @return this accumulator
   */
  public Moments combine(Moments other) {
    if (other.n == 0) {
      return this;
    }
    if (n == 0) {
      n = other.n;
      shift = other.shift;
      mean = other.mean;
      meanComp = other.meanComp;
      m2 = other.m2;
      return this;
    }
    // Bring the other part to this part's shift, then merge.
    double otherMean = (other.mean + other.meanComp) + (other.shift - shift);
    double thisMean = mean + meanComp;
    long total = n + other.n;
    double delta = otherMean - thisMean;
    m2 = m2 + other.m2 + delta * delta * ((double) n * other.n / total);
    double step = delta * other.n / total;
    double t = mean + step;
    meanComp += Math.abs(mean) >= Math.abs(step) ? (mean - t) + step : (step - t) + mean;
    mean = t;
    n = total;
    return this;
  }

  /**
   * The number of values.
   *
   * @return the count
   */
  public long count() {
    return n;
  }

  /**
   * The arithmetic mean.
   *
   * @return the mean, or NaN without values
   */
  public double mean() {
    return n == 0 ? Double.NaN : shift + (mean + meanComp);
  }

  /**
   * The sum of squared deviations from the mean.
   *
   * @return the second central moment times the count
   */
  public double sumOfSquares() {
    return n == 0 ? Double.NaN : m2;
  }

  /**
   * The sample variance, with divisor {@code n - 1}.
   *
   * @return the variance, or NaN with fewer than two values
   */
  public double variance() {
    return n < 2 ? Double.NaN : m2 / (n - 1);
  }

  /**
   * The sample standard deviation, with divisor {@code n - 1}.
   *
   * @return the standard deviation, or NaN with fewer than two values
   */
  public double standardDeviation() {
    return Math.sqrt(variance());
  }
}
