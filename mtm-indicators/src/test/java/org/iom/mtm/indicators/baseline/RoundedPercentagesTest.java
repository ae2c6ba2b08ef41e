package org.iom.mtm.indicators.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoundedPercentagesTest {

  private static List<String> percents(int decimals, double... values) {
    return RoundedPercentages.of(values, decimals).percents().stream().map(BigDecimal::toPlainString).toList();
  }

  @Test
  void thirdsGoToTheFirstOnATie() {
    // 33.33 each; rounding alone prints 99. The one unit left goes to the first (equal values).
    assertEquals(List.of("34", "33", "33"), percents(0, 1, 1, 1));
    assertEquals(List.of("33.4", "33.3", "33.3"), percents(1, 1, 1, 1));
  }

  @Test
  void largestRemaindersGetTheMissingUnits() {
    // Exact: 81.29, 8.43, 4.25, 3.38, 2.65 (sum 100): floors 81 8 4 3 2 = 98; remainders .65 and
    // .43 are the largest two -> 82? No: .65 (2.65) and .43 (8.43) -> 81 9 4 3 3.
    assertEquals(List.of("81", "9", "4", "3", "3"), percents(0, 8129, 843, 425, 338, 265));
    // Values already whole stay whole: 25, 25, 50.
    assertEquals(List.of("25", "25", "50"), percents(0, 1, 1, 2));
    // 2/3 and 1/3 at two decimals: 66.666.. and 33.333..: 66.67 + 33.33.
    assertEquals(List.of("66.67", "33.33"), percents(2, 2, 1));
    // A zero stays zero.
    assertEquals(List.of("0", "100"), percents(0, 0, 5));
  }

  @Test
  void badInputNamesTheValue() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> RoundedPercentages.of(new double[] {1, -2}, 0));
    assertTrue(e.getMessage().contains("-2"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> RoundedPercentages.of(new double[] {0, 0}, 0));
    assertTrue(e.getMessage().contains("add up to 0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> RoundedPercentages.of(new double[] {1}, 7));
    assertTrue(e.getMessage().contains("7"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> RoundedPercentages.of(new double[0], 0));
  }
}
