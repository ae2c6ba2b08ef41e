package org.iom.mtm.indicators.estimate;

import java.util.Locale;

/**
 * How a weighted quantile is read off the weighted distribution function, as R's {@code
 * svyquantile(qrule = ...)} (survey 4.1). With {@code F(k)} the cumulative weight share of the
 * {@code k} smallest values and {@code k*} the last index with {@code F(k) <= p} (the first index
 * when there is none).
 */
public enum QuantileRule {
  /** R's default {@code "math"}: value {@code k*} if {@code F(k*) = p} exactly, else value {@code k* + 1}. */
  MATH,
  /**
   * R's {@code "school"}: the mean of values {@code k*} and {@code k* + 1} if {@code F(k*) = p}
   * exactly, else value {@code k* + 1} (the usual median of an even sample).
   */
  SCHOOL,
  /**
   * R's {@code "hf7"}, the weighted form of Hyndman and Fan's type 7 (R's {@code quantile}
   * default): linear interpolation of the sorted values at the points {@code (cumulative weight
   * before k) / (cumulative weight before the last)}.
   */
  HF7;

  /**
   * The code on the command line ({@code math}, {@code school}, {@code hf7}).
   *
   * @return the lower-case code
   */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a code.
   *
   * @param code {@code math}, {@code school} or {@code hf7}
   * @return the rule
   * @throws IllegalArgumentException naming the value when unknown
   */
  public static QuantileRule ofCode(String code) {
    for (QuantileRule r : values()) {
      if (r.code().equalsIgnoreCase(code.strip())) {
        return r;
      }
    }
    throw new IllegalArgumentException("unknown quantile rule '" + code + "': use math, school or hf7");
  }

  /**
   * The quantile of sorted weighted values.
   *
   * @param y the values in ascending order (ties in data order), weights all positive
   * @param w their weights
   * @param n how many of the values to use
   * @param p the probability in [0, 1]
   * @return the quantile
   * @throws IllegalArgumentException when {@code n} is 0
   */
  public double quantile(double[] y, double[] w, int n, double p) {
    if (n == 0) {
      throw new IllegalArgumentException("no values");
    }
    // Cumulative weights with compensated sums, as R's cumsum and sum accumulate in long double.
    double[] cum = new double[n];
    double s = 0;
    double c = 0;
    for (int i = 0; i < n; i++) {
      double t = s + w[i];
      c += Math.abs(s) >= Math.abs(w[i]) ? (s - t) + w[i] : (w[i] - t) + s;
      s = t;
      cum[i] = s + c;
    }
    double total = cum[n - 1];
    if (this == HF7) {
      if (n == 1) {
        return y[0];
      }
      double last = cum[n - 2];
      // pk = (0, cum[0..n-2]) / cum[n-2]; approx(pk, y, p, rule = 2)
      double prev = 0;
      if (p <= 0) {
        return y[0];
      }
      for (int k = 1; k < n; k++) {
        double pk = cum[k - 1] / last;
        if (p <= pk) {
          double p0 = prev;
          if (p == pk) {
            return y[k];
          }
          return y[k - 1] + (y[k] - y[k - 1]) * (p - p0) / (pk - p0);
        }
        prev = pk;
      }
      return y[n - 1];
    }
    double target = p * total;
    int pos = 0;
    for (int i = 0; i < n; i++) {
      if (cum[i] <= target) {
        pos = i;
      }
    }
    int next = pos == n - 1 ? pos : pos + 1;
    double wlow = p - cum[pos] / total;
    if (wlow == 0) {
      return this == SCHOOL ? (y[pos] + y[next]) / 2 : y[pos];
    }
    return y[next];
  }
}
