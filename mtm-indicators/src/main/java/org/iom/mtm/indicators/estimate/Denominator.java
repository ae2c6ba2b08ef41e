package org.iom.mtm.indicators.estimate;

import java.util.Locale;

/** Who is in the denominator of a select_one or select_multiple proportion. */
public enum Denominator {
  /** Those who answered the question (R's {@code na.rm = TRUE}); the default. */
  ANSWERED,
  /** Everyone in the domain: those not asked or not answering count as not selecting. */
  ALL;

  /**
   * The code on the command line ({@code answered}, {@code all}).
   *
   * @return the lower-case code
   */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a code.
   *
   * @param code {@code answered} or {@code all}
   * @return the denominator
   * @throws IllegalArgumentException naming the value when unknown
   */
  public static Denominator ofCode(String code) {
    for (Denominator d : values()) {
      if (d.code().equalsIgnoreCase(code.strip())) {
        return d;
      }
    }
    throw new IllegalArgumentException("unknown denominator '" + code + "': use answered or all");
  }
}
