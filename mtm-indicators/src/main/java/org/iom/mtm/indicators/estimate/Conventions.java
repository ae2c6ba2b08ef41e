package org.iom.mtm.indicators.estimate;

import java.util.Locale;

/** Whose conventions the result table follows. */
public enum Conventions {
  /** R {@code survey}'s methods (the default). */
  R,
  /**
   * IMPACT's analysistools (the R package humanitarian analysts use): Wald intervals with t
   * quantiles on the design df, not clipped to [0, 1]; medians by the "school" rule with the
   * group's df; in a ratio a missing numerator counts as 0 and rows with a zero or missing
   * denominator are dropped; select_one rows only for the levels that occur.
   */
  IMPACT;

  /**
   * The code on the command line ({@code r}, {@code impact}).
   *
   * @return the lower-case code
   */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a code.
   *
   * @param code {@code r} or {@code impact}
   * @return the conventions
   * @throws IllegalArgumentException naming the value when unknown
   */
  public static Conventions ofCode(String code) {
    for (Conventions c : values()) {
      if (c.code().equalsIgnoreCase(code.strip())) {
        return c;
      }
    }
    throw new IllegalArgumentException("unknown conventions '" + code + "': use r or impact");
  }
}
