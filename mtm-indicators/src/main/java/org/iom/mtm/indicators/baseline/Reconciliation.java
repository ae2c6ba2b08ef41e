package org.iom.mtm.indicators.baseline;

import java.util.Arrays;
import java.util.Locale;

/**
 * How the counts of several key informants on one cell (rayon, population category, nationality,
 * year) become one value.
 */
public enum Reconciliation {
  /**
   * The median: robust to one informant who over- or under-counts. With an even number of
   * informants, the mean of the two middle counts.
   */
  MEDIAN,
  /** The arithmetic mean. */
  MEAN,
  /** The largest count: an upper bound, for planning that must not miss people. */
  MAX,
  /** The smallest count: a conservative lower bound. */
  MIN;

  /**
   * The reconciled value of some counts.
   *
   * @param counts the informants' counts, at least one; not modified
   * @return the value, within the range of the counts
   * @throws IllegalArgumentException when there are no counts
   */
  public double reconcile(double[] counts) {
    if (counts.length == 0) {
      throw new IllegalArgumentException("no counts to reconcile");
    }
    double[] s = counts.clone();
    Arrays.sort(s);
    int n = s.length;
    switch (this) {
      case MEDIAN:
        return n % 2 == 1 ? s[n / 2] : s[n / 2 - 1] + (s[n / 2] - s[n / 2 - 1]) / 2;
      case MEAN:
        double sum = 0;
        for (double v : s) {
          sum += v;
        }
        // Clamped because rounding could put the mean of equal values an ulp outside them.
        return Math.min(s[n - 1], Math.max(s[0], sum / n));
      case MAX:
        return s[n - 1];
      case MIN:
        return s[0];
      default:
        throw new AssertionError(this);
    }
  }

  /**
   * The code used on the command line and in result metadata ({@code median}, ...).
   *
   * @return the lower-case name
   */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a code.
   *
   * @param code {@code median}, {@code mean}, {@code max} or {@code min}, case-insensitive
   * @return the method
   * @throws IllegalArgumentException naming the value when unknown
   */
  public static Reconciliation ofCode(String code) {
    for (Reconciliation r : values()) {
      if (r.code().equals(code.strip().toLowerCase(Locale.ROOT))) {
        return r;
      }
    }
    throw new IllegalArgumentException(
        "unknown reconciliation '" + code + "': expected median, mean, max or min");
  }
}
