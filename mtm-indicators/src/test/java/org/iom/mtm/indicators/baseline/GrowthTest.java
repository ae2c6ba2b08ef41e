package org.iom.mtm.indicators.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.iom.mtm.indicators.result.Flag;
import org.junit.jupiter.api.Test;

class GrowthTest {

  @Test
  void handDerived() {
    // 200 -> 450 over 2 years: growth 1.25; CAGR sqrt(2.25) - 1 = 0.5; index 225.
    Growth g = Growth.of(2020, 200.0, 2022, 450.0);
    assertEquals(1.25, g.rate());
    assertEquals(0.5, g.cagr(), 1e-15);
    assertEquals(225, g.index());
    assertEquals("2020-2022", g.period());
    assertEquals(Set.of(), g.flags());
    // A fall to zero is -100%.
    assertEquals(-1, Growth.of(2020, 10.0, 2021, 0.0).rate());
  }

  @Test
  void zeroBaseAndMissingYears() {
    Growth z = Growth.of(2020, 0.0, 2021, 5.0);
    assertNull(z.rate());
    assertNull(z.cagr());
    assertNull(z.index());
    assertEquals(Set.of(Flag.ZERO_BASE), z.flags());
    assertEquals(Set.of(Flag.ZERO_BASE), Growth.of(2020, 0.0, 2021, 0.0).flags());
    Growth m = Growth.of(2020, null, 2021, 5.0);
    assertNull(m.rate());
    assertEquals(Set.of(Flag.NO_DATA), m.flags());
    assertEquals(Set.of(Flag.NO_DATA), Growth.of(2020, 5.0, 2021, null).flags());
  }

  @Test
  void badInputNamesTheValue() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Growth.of(2022, 1.0, 2021, 2.0));
    assertTrue(e.getMessage().contains("2022") && e.getMessage().contains("2021"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Growth.of(2020, -1.0, 2021, 2.0));
    assertTrue(e.getMessage().contains("-1.0"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Growth.of(2020, 1.0, 2021, Double.NaN));
  }
}
