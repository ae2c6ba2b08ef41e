package org.iom.mtm.indicators.design;

import java.util.Locale;

/**
 * What to do with a stratum that has a single primary sampling unit (PSU), whose variance
 * contribution cannot be estimated: R's {@code options(survey.lonely.psu = ...)}.
 */
public enum LonelyPsu {
  /** Refuse the design, naming the stratum (R's default {@code "fail"}). */
  FAIL,
  /** The stratum contributes nothing to the variance (R's {@code "remove"}). */
  REMOVE,
  /**
   * The single PSU was sampled with certainty and contributes nothing to the variance (R's
   * {@code "certainty"}; for Taylor linearization the same figures as {@link #REMOVE}).
   */
  CERTAINTY,
  /**
   * The PSU total is measured from zero, the grand mean of the centred scores, instead of from
   * its stratum mean (R's {@code "adjust"}), a conservative choice.
   */
  ADJUST,
  /**
   * The stratum gets the average variance contribution of the other strata: the sum over the
   * strata with two or more PSUs is scaled by strata / such strata (R's {@code "average"}).
   */
  AVERAGE;

  /**
   * The code used on the command line and by R ({@code remove}, ...).
   *
   * @return the lower-case code
   */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a code.
   *
   * @param code {@code fail}, {@code remove}, {@code certainty}, {@code adjust} or {@code average}
   * @return the option
   * @throws IllegalArgumentException naming the value when unknown
   */
  public static LonelyPsu ofCode(String code) {
    for (LonelyPsu l : values()) {
      if (l.code().equalsIgnoreCase(code.strip())) {
        return l;
      }
    }
    throw new IllegalArgumentException(
        "unknown lonely-PSU option '" + code + "': use fail, remove, certainty, adjust or average");
  }
}
