package org.iom.mtm.indicators.weighting;

/**
 * The distance function of calibration, given by its inverse derivative {@code F}: the calibrated
 * weight of a unit is {@code w * F(x'eta)} where {@code x} are the unit's auxiliary values. As R
 * survey's {@code cal.linear}, {@code cal.raking} and {@code cal.logit}; the bounds {@code L < 1
 * < U} limit the ratio {@code g} of new to old weight.
 */
public enum CalibrationFunction {
  /** Linear (GREG, chi-square distance): {@code g = 1 + u}, truncated to the bounds. */
  LINEAR {
    @Override
    double fm1(double u, double lower, double upper) {
      return Math.min(Math.max(u + 1, lower), upper) - 1;
    }

    @Override
    double derivative(double u, double lower, double upper) {
      return u < upper - 1 && u > lower - 1 ? 1 : 0;
    }
  },
  /** Raking (multiplicative, exponential): {@code g = exp(u)}, truncated to the bounds. */
  RAKING {
    @Override
    double fm1(double u, double lower, double upper) {
      return Math.min(Math.max(Math.exp(u), lower), upper) - 1;
    }

    @Override
    double derivative(double u, double lower, double upper) {
      return u < upper - 1 && u > lower - 1 ? Math.exp(u) : 0;
    }
  },
  /**
   * Bounded logit (Deville and Särndal's truncated-logistic distance): {@code g} moves smoothly
   * within {@code (L, U)}; both bounds must be finite.
   */
  LOGIT {
    @Override
    double fm1(double u, double lower, double upper) {
      double a = (upper - lower) / ((upper - 1) * (1 - lower));
      double eau = Math.exp(a * u);
      return (lower * (upper - 1) + upper * (1 - lower) * eau) / (upper - 1 + (1 - lower) * eau) - 1;
    }

    @Override
    double derivative(double u, double lower, double upper) {
      double a = (upper - lower) / ((upper - 1) * (1 - lower));
      double eau = Math.exp(a * u);
      double den = upper - 1 + (1 - lower) * eau;
      return upper * (1 - lower) * eau * a / den
          - (lower * (upper - 1) + upper * (1 - lower) * eau) * ((1 - lower) * eau * a) / (den * den);
    }
  };

  /** {@code F(u) - 1}: the change of the weight ratio at {@code u}. */
  abstract double fm1(double u, double lower, double upper);

  /** {@code F'(u)}, zero where the ratio sits on a bound. */
  abstract double derivative(double u, double lower, double upper);

  /**
   * The name R survey uses for the function ({@code calfun = "linear"}).
   *
   * @return {@code linear}, {@code raking} or {@code logit}
   */
  public String rName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * The function named as R names it.
   *
   * @param name {@code linear}, {@code raking} or {@code logit} (case ignored)
   * @return the function
   * @throws IllegalArgumentException naming the value when it is none of these
   */
  public static CalibrationFunction of(String name) {
    for (CalibrationFunction f : values()) {
      if (f.rName().equalsIgnoreCase(name.trim())) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "calibration function '" + name + "' is not one of linear, raking, logit");
  }
}
