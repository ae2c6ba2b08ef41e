package org.iom.mtm.indicators.samplesize;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.jspecify.annotations.Nullable;

/**
 * The sample size that estimates a proportion within a margin of error, step by step, so that a
 * survey plan can show its arithmetic.
 *
 * <p>Steps: {@code n0 = z^2 p (1 - p) / e^2} with {@code z} the normal quantile of the two-sided
 * level; {@code n1 = n0 * deff}; with a population size {@code N}, {@code n2 = n1 / (1 + (n1 - 1)
 * / N)} (else {@code n2 = n1}); {@code n3 = n2 / responseRate}; the sample size is {@code ceil(n3)}
 * (never above {@code ceil(N / responseRate)}).
 *
 * @param marginOfError the half-width {@code e} of the interval, in (0, 1)
 * @param level the confidence level, in (0, 1)
 * @param p the anticipated proportion, in (0, 1); 0.5 is the most conservative
 * @param deff the anticipated design effect, positive
 * @param responseRate the expected response rate, in (0, 1]
 * @param populationSize the population size {@code N}, or null for an infinite population
 * @param z the normal quantile used
 * @param n0 the simple-random-sampling size
 * @param withDeff {@code n0 * deff}
 * @param withFpc after the finite population correction
 * @param withResponse after dividing by the response rate
 * @param sampleSize the size to field, rounded up
 */
public record ProportionSampleSize(
    double marginOfError,
    double level,
    double p,
    double deff,
    double responseRate,
    @Nullable Long populationSize,
    double z,
    double n0,
    double withDeff,
    double withFpc,
    double withResponse,
    long sampleSize) {

  private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

  /**
   * Computes the sample size.
   *
   * @param marginOfError the half-width of the interval, in (0, 1)
   * @param level the confidence level, in (0, 1)
   * @param p the anticipated proportion, in (0, 1)
   * @param deff the anticipated design effect, positive
   * @param responseRate the expected response rate, in (0, 1]
   * @param populationSize the population size, positive, or null for an infinite population
   * @return the steps and the size
   * @throws IllegalArgumentException naming the parameter and its value when out of range
   */
  public static ProportionSampleSize of(
      double marginOfError,
      double level,
      double p,
      double deff,
      double responseRate,
      @Nullable Long populationSize) {
    requireOpenUnit("margin of error", marginOfError);
    requireOpenUnit("confidence level", level);
    requireOpenUnit("anticipated proportion p", p);
    if (!(deff > 0) || !Double.isFinite(deff)) {
      throw new IllegalArgumentException("design effect must be positive and finite, got " + deff);
    }
    if (!(responseRate > 0 && responseRate <= 1)) {
      throw new IllegalArgumentException("response rate must be in (0, 1], got " + responseRate);
    }
    if (populationSize != null && populationSize <= 0) {
      throw new IllegalArgumentException("population size must be positive, got " + populationSize);
    }
    double z = STANDARD_NORMAL.inverseCumulativeProbability(1 - (1 - level) / 2);
    double n0 = z * z * p * (1 - p) / (marginOfError * marginOfError);
    double n1 = n0 * deff;
    double n2 = populationSize == null ? n1 : n1 / (1 + (n1 - 1) / populationSize);
    double n3 = n2 / responseRate;
    long size = ceilWithTolerance(n3);
    if (populationSize != null) {
      size = Math.min(size, ceilWithTolerance(populationSize / responseRate));
    }
    return new ProportionSampleSize(
        marginOfError, level, p, deff, responseRate, populationSize, z, n0, n1, n2, n3, size);
  }

  /**
   * Rounds up, but treats a value within 1e-9 of an integer as that integer, so that 384.0000000001
   * from floating-point noise does not become 385.
   */
  static long ceilWithTolerance(double x) {
    double r = Math.rint(x);
    if (Math.abs(x - r) <= 1e-9 * Math.max(1, Math.abs(x))) {
      return (long) r;
    }
    return (long) Math.ceil(x);
  }

  private static void requireOpenUnit(String what, double v) {
    if (!(v > 0 && v < 1)) {
      throw new IllegalArgumentException(what + " must be in (0, 1), got " + v);
    }
  }
}
