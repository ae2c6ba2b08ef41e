package org.iom.mtm.indicators.baseline;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Percentages rounded for presentation so that they add up to exactly 100, by the largest
 * remainder method (Hamilton's): each share is rounded down to the chosen number of decimals and
 * the units still missing go, one each, to the shares with the largest remainders. Ties go to the
 * larger value, then to the earlier position.
 *
 * <p>Rounding each percentage on its own can print 33 + 33 + 33 = 99; these print 34 + 33 + 33.
 *
 * @param decimals the number of decimals
 * @param percents the rounded percentages, in the order of the values, adding up to exactly 100
 */
public record RoundedPercentages(int decimals, List<BigDecimal> percents) {

  private static final int MAX_DECIMALS = 6;

  /** Copies the list. */
  public RoundedPercentages {
    percents = List.copyOf(percents);
  }

  /**
   * Rounds the percentages of some values.
   *
   * @param values non-negative values, not all zero (counts, or shares)
   * @param decimals decimals to keep, 0 to 6
   * @return the percentages, adding up to exactly 100
   * @throws IllegalArgumentException naming the value when a value is negative or not finite, all
   *     are zero, there are none, or the decimals are out of range
   */
  public static RoundedPercentages of(double[] values, int decimals) {
    if (decimals < 0 || decimals > MAX_DECIMALS) {
      throw new IllegalArgumentException("decimals must be 0 to " + MAX_DECIMALS + ", got " + decimals);
    }
    if (values.length == 0) {
      throw new IllegalArgumentException("no values to turn into percentages");
    }
    BigDecimal total = BigDecimal.ZERO;
    for (double v : values) {
      if (!(v >= 0) || !Double.isFinite(v)) {
        throw new IllegalArgumentException("value " + v + " cannot be a share: must be non-negative");
      }
      total = total.add(new BigDecimal(v));
    }
    if (total.signum() == 0) {
      throw new IllegalArgumentException(
          "values " + Arrays.toString(values) + " add up to 0: no percentages");
    }
    long units = 100L * BigDecimal.TEN.pow(decimals).longValueExact();
    int n = values.length;
    long[] floors = new long[n];
    BigDecimal[] remainders = new BigDecimal[n];
    long given = 0;
    for (int i = 0; i < n; i++) {
      // Exact products and a 34-digit quotient: a share that is exactly on a unit stays there.
      BigDecimal exact =
          new BigDecimal(values[i]).multiply(BigDecimal.valueOf(units)).divide(total, MathContext.DECIMAL128);
      BigDecimal floor = exact.setScale(0, java.math.RoundingMode.FLOOR);
      floors[i] = floor.longValueExact();
      remainders[i] = exact.subtract(floor);
      given += floors[i];
    }
    List<Integer> order = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      order.add(i);
    }
    order.sort(
        Comparator.<Integer, BigDecimal>comparing(i -> remainders[i])
            .reversed()
            .thenComparing(i -> values[i], Comparator.reverseOrder())
            .thenComparing(i -> i));
    for (int k = 0; k < units - given; k++) {
      floors[order.get(k)]++;
    }
    List<BigDecimal> percents = new ArrayList<>(n);
    for (long f : floors) {
      percents.add(BigDecimal.valueOf(f, decimals));
    }
    return new RoundedPercentages(decimals, percents);
  }

  /**
   * The percentage at a position.
   *
   * @param i the position of the value
   * @return the rounded percentage
   */
  public BigDecimal percent(int i) {
    return percents.get(i);
  }
}
