package org.iom.mtm.indicators.baseline;

import java.util.EnumSet;
import java.util.Set;
import org.iom.mtm.indicators.result.Flag;
import org.jspecify.annotations.Nullable;

/**
 * The change of a count between two years: growth rate, compound annual growth rate and index
 * number.
 *
 * <ul>
 *   <li>growth {@code g = (end - base) / base}, a fraction ({@code 0.263} for +26.3%);
 *   <li>compound annual growth {@code (end / base)^(1 / (toYear - fromYear)) - 1}, the constant
 *       yearly rate that gives the same change;
 *   <li>index {@code 100 * end / base} (base year = 100).
 * </ul>
 *
 * <p>A zero base gives null values with {@link Flag#ZERO_BASE}; a year without data gives null
 * values with {@link Flag#NO_DATA} (a missing year is not read as zero).
 *
 * @param fromYear the base year
 * @param toYear the later year
 * @param base the count in the base year, or null when that year has no data
 * @param end the count in the later year, or null when that year has no data
 * @param rate the growth as a fraction, or null
 * @param cagr the compound annual growth rate, or null
 * @param index the index number, or null
 * @param flags why a value is null: {@code NO_DATA} or {@code ZERO_BASE}; empty otherwise
 */
public record Growth(
    int fromYear,
    int toYear,
    @Nullable Double base,
    @Nullable Double end,
    @Nullable Double rate,
    @Nullable Double cagr,
    @Nullable Double index,
    Set<Flag> flags) {

  /** Copies the flags. */
  public Growth {
    flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
  }

  /**
   * The change from a base year to a later year.
   *
   * @param fromYear the base year
   * @param base the count in the base year, non-negative, or null when the year has no data
   * @param toYear the later year, after {@code fromYear}
   * @param end the count in the later year, non-negative, or null when the year has no data
   * @return the growth, CAGR and index, or nulls with the flag that says why
   * @throws IllegalArgumentException naming the value when the years are not in order or a count
   *     is negative or not finite
   */
  public static Growth of(int fromYear, @Nullable Double base, int toYear, @Nullable Double end) {
    if (toYear <= fromYear) {
      throw new IllegalArgumentException(
          "growth needs a later year: from " + fromYear + " to " + toYear);
    }
    checkCount(fromYear, base);
    checkCount(toYear, end);
    if (base == null || end == null) {
      return new Growth(fromYear, toYear, base, end, null, null, null, Set.of(Flag.NO_DATA));
    }
    if (base == 0) {
      return new Growth(fromYear, toYear, base, end, null, null, null, Set.of(Flag.ZERO_BASE));
    }
    double rate = (end - base) / base;
    double cagr = Math.pow(end / base, 1.0 / (toYear - fromYear)) - 1;
    double index = 100 * end / base;
    return new Growth(fromYear, toYear, base, end, rate, cagr, index, Set.of());
  }

  private static void checkCount(int year, @Nullable Double count) {
    if (count != null && !(count >= 0 && Double.isFinite(count))) {
      throw new IllegalArgumentException("count of " + year + " is " + count + ": must be non-negative");
    }
  }

  /**
   * The period as written in {@code analysis_var_value}.
   *
   * @return {@code 2021-2022}
   */
  public String period() {
    return fromYear + "-" + toYear;
  }
}
