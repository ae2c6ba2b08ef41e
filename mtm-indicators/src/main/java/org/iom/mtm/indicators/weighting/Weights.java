package org.iom.mtm.indicators.weighting;

/** Checks on weight vectors shared by the steps. */
final class Weights {
  private Weights() {}

  /** Finite, non-negative, not all zero; the message names the first offending row. */
  static void check(double[] weights, String what) {
    if (weights.length == 0) {
      throw new IllegalArgumentException(what + ": no units");
    }
    boolean positive = false;
    for (int i = 0; i < weights.length; i++) {
      double w = weights[i];
      if (!Double.isFinite(w) || w < 0) {
        throw new IllegalArgumentException(what + ": weight " + w + " at row " + i + " is not a finite non-negative number");
      }
      positive |= w > 0;
    }
    if (!positive) {
      throw new IllegalArgumentException(what + ": every weight is zero");
    }
  }

  /** Finite and strictly positive: what ratio adjustments need. */
  static void checkPositive(double[] weights, String what) {
    check(weights, what);
    for (int i = 0; i < weights.length; i++) {
      if (weights[i] <= 0) {
        throw new IllegalArgumentException(what + ": weight " + weights[i] + " at row " + i + " is not positive");
      }
    }
  }

  static double sum(double[] w) {
    double s = 0;
    for (double x : w) {
      s += x;
    }
    return s;
  }
}
