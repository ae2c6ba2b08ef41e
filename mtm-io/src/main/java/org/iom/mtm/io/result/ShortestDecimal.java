package org.iom.mtm.io.result;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.jspecify.annotations.Nullable;

/**
 * The shortest decimal that parses back to the same double. Java 17's {@link Double#toString}
 * round-trips but is not always shortest ({@code 2.0E-3} style and a few values with a digit too
 * many, fixed only in Java 19), so the digits are searched: at most 17 tries on a short
 * {@link BigDecimal}, cheap for result tables.
 */
final class ShortestDecimal {
  private ShortestDecimal() {}

  /**
   * The text of a number; null as the empty string.
   *
   * @param v a finite number or null
   * @return integers below 10^15 without a point, plain notation from 1e-7 to 1e21, else
   *     {@code 1.5E-10} style
   */
  static String of(@Nullable Double v) {
    return v == null ? "" : of(v.doubleValue());
  }

  static String of(double d) {
    if (!Double.isFinite(d)) {
      throw new IllegalArgumentException("not a finite number: " + d);
    }
    if (d == 0 && Double.doubleToRawLongBits(d) != 0) {
      return "-0.0"; // "-0" would read back as the integer 0 in JSON
    }
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    BigDecimal exact = new BigDecimal(d);
    BigDecimal best = exact;
    for (int p = 1; p <= 17; p++) {
      BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
      if (r.doubleValue() == d) {
        best = r;
        break;
      }
    }
    best = best.stripTrailingZeros();
    int exponent = best.precision() - best.scale() - 1;
    if (exponent >= -7 && exponent < 21) {
      return best.toPlainString();
    }
    String digits = best.unscaledValue().abs().toString();
    StringBuilder sb = new StringBuilder();
    if (best.signum() < 0) {
      sb.append('-');
    }
    sb.append(digits.charAt(0));
    if (digits.length() > 1) {
      sb.append('.').append(digits, 1, digits.length());
    }
    return sb.append('E').append(exponent).toString();
  }
}
