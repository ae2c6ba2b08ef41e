package org.iom.mtm.indicators.result;

import java.util.Locale;

/**
 * A reliability or data flag on a result row, written {@code ;}-separated in the {@code flags}
 * column by its {@link #code()}.
 */
public enum Flag {
  /** The domain is empty or its weights sum to zero: the statistic is null. */
  EMPTY,
  /** Unweighted denominator below the minimum n (default 30). */
  LOW_N,
  /** Effective sample size below 30 (NCHS proportion standard). */
  LOW_NEFF,
  /** Absolute confidence-interval width of a proportion at least 0.30 (NCHS). */
  WIDE_CI,
  /** Relative confidence-interval width above 130% (NCHS). */
  UNRELIABLE,
  /** Fewer than 8 degrees of freedom. */
  DF_LT_8,
  /** A count or total with n below 30 or a relative standard error of 30% or more. */
  UNRELIABLE_COUNT,
  /** Statistic, standard error and interval withheld by disclosure control. */
  SUPPRESSED,
  /** Growth from a zero base: null. */
  ZERO_BASE,
  /** A year or cell without data, flagged rather than read as zero. */
  NO_DATA,
  /** Key informants disagree beyond the configured ratio. */
  INFORMANT_DISAGREEMENT,
  /** The variance could not be estimated (a single PSU, say): standard error null. */
  NO_VARIANCE,
  /**
   * The analysed variable has missing values in the domain and they were not set aside (R's
   * {@code na.rm = FALSE}): the statistic is null, as R's is NA.
   */
  MISSING_VALUES,
  /**
   * NCHS complement footnote: the proportion meets the standard, but its complement {@code 1 - p}
   * would not (relative CI width of the complement above 130%).
   */
  COMPLEMENT;

  /**
   * The code written in result tables ({@code low_n}, ...).
   *
   * @return the lower-case code
   */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a code.
   *
   * @param code the code, case-insensitive
   * @return the flag
   * @throws IllegalArgumentException naming the value when unknown
   */
  public static Flag ofCode(String code) {
    for (Flag f : values()) {
      if (f.code().equalsIgnoreCase(code.strip())) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown flag '" + code + "'");
  }
}
