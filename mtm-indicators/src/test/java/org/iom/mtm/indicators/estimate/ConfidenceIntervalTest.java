package org.iom.mtm.indicators.estimate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Edge cases of the proportion intervals that the R goldens do not reach. */
class ConfidenceIntervalTest {

  /**
   * At a share of 0 or 1 the logit is infinite and R's svyciprop(method = "logit") gives NaN
   * limits. The standard error there is 0, or 1e-17 when the two sums behind it were rounded in
   * another row order: both must give no interval, not (NaN, 1) for one of them
   * (EstimationProperties.invariantToTheOrderOfTheRows, seed -1788180088367573362, failed so).
   */
  @Test
  void logitHasNoIntervalAtZeroOrOne() {
    double[] none = {Double.NaN, Double.NaN};
    for (ConfidenceInterval m : new ConfidenceInterval[] {ConfidenceInterval.LOGIT, ConfidenceInterval.XLOGIT}) {
      for (double p : new double[] {0, 1}) {
        for (double se : new double[] {0, 1e-17, 0.01}) {
          assertArrayEquals(none, m.proportion(p, se, 30, 0.95, 100, 100), m + " p " + p + " se " + se);
        }
      }
      double[] inside = m.proportion(0.5, 0.05, 30, 0.95, 100, 100);
      assertTrue(inside[0] > 0.39 && inside[0] < 0.5 && inside[1] > 0.5 && inside[1] < 0.61,
          inside[0] + ", " + inside[1]);
    }
  }
}
