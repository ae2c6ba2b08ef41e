package org.iom.mtm.indicators.estimate;

import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Quantiles of the normal, t and beta distributions to close to double precision: commons-math's
 * inverse (whose solver stops at an absolute accuracy of 1e-9) polished by Newton steps on the
 * distribution function, so that intervals agree with R's {@code qt}/{@code qbeta} to 1e-12.
 */
final class Quantiles {
  private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

  private Quantiles() {}

  /** The standard normal quantile. */
  static double normal(double p) {
    return polish(NORMAL, p, NORMAL.inverseCumulativeProbability(p));
  }

  /** The t quantile; the normal one for infinite df; NaN for df not positive. */
  static double t(double p, double df) {
    if (Double.isInfinite(df)) {
      return normal(p);
    }
    if (!(df > 0)) {
      return Double.NaN;
    }
    TQuantile last = lastT;
    if (last.p() == p && last.df() == df) {
      return last.value();
    }
    TDistribution t = new TDistribution(null, df, 1e-14);
    double value = polish(t, p, t.inverseCumulativeProbability(p));
    lastT = new TQuantile(p, df, value);
    return value;
  }

  /** The last t quantile: a table's rows share their level and degrees of freedom. */
  private record TQuantile(double p, double df, double value) {}

  // an immutable record published through a volatile field: safe for concurrent requests
  private static volatile TQuantile lastT = new TQuantile(Double.NaN, Double.NaN, Double.NaN);

  /** The beta quantile, R's {@code qbeta(p, a, b)}; 0 when {@code a = 0}, 1 when {@code b = 0}. */
  static double beta(double p, double a, double b) {
    if (Double.isNaN(a) || Double.isNaN(b) || a < 0 || b < 0 || Double.isInfinite(a) || Double.isInfinite(b)) {
      return Double.NaN;
    }
    if (a == 0) {
      return 0;
    }
    if (b == 0) {
      return 1;
    }
    BetaDistribution d = new BetaDistribution(null, a, b, 1e-15);
    double q = d.inverseCumulativeProbability(p);
    return Math.min(1, Math.max(0, polish(d, p, q)));
  }

  private static double polish(RealDistribution d, double p, double q) {
    if (!Double.isFinite(q)) {
      return q;
    }
    double err = d.cumulativeProbability(q) - p;
    for (int i = 0; i < 4 && err != 0; i++) {
      double dens = d.density(q);
      if (!(dens > 0) || !Double.isFinite(dens)) {
        break;
      }
      double next = q - err / dens;
      double nextErr = d.cumulativeProbability(next) - p;
      if (!(Math.abs(nextErr) < Math.abs(err))) {
        break;
      }
      q = next;
      err = nextErr;
    }
    return q;
  }
}
