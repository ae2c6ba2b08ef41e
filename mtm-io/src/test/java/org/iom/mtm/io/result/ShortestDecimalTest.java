package org.iom.mtm.io.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class ShortestDecimalTest {

  @Test
  void knownValues() {
    assertEquals("0.1", ShortestDecimal.of(0.1));
    assertEquals("0.30000000000000004", ShortestDecimal.of(0.1 + 0.2));
    assertEquals("12", ShortestDecimal.of(12.0));
    assertEquals("-3", ShortestDecimal.of(-3.0));
    assertEquals("-0.0", ShortestDecimal.of(-0.0));
    assertEquals("0.002", ShortestDecimal.of(2e-3));
    assertEquals("1E-10", ShortestDecimal.of(1e-10));
    assertEquals("-1.5E-8", ShortestDecimal.of(-1.5e-8));
    assertEquals("1E23", ShortestDecimal.of(1e23));
    // Java 17's Double.toString gives 2.82879384806159008E17 (JDK-4511638); 15 digits suffice.
    assertEquals("282879384806159000", ShortestDecimal.of(2.82879384806159E17));
    // The smallest subnormal: Double.toString says 4.9E-324, one digit is enough.
    assertEquals("5E-324", ShortestDecimal.of(Double.MIN_VALUE));
    assertEquals("1.7976931348623157E308", ShortestDecimal.of(Double.MAX_VALUE));
    assertEquals("", ShortestDecimal.of((Double) null));
    assertThrows(IllegalArgumentException.class, () -> ShortestDecimal.of(Double.NaN));
  }

  @Property(tries = 3000)
  void roundTripsAndIsNoLongerThanJava(@ForAll double d) {
    String s = ShortestDecimal.of(d);
    assertEquals(Double.valueOf(d), Double.valueOf(Double.parseDouble(s)), s);
    String java = Double.toString(d).replace(".0E", "E");
    int digitsOurs = s.replaceAll("E.*|[^0-9]", "").replaceAll("^0+", "").replaceAll("0+$", "").length();
    int digitsJava = java.replaceAll("E.*|[^0-9]", "").replaceAll("^0+", "").replaceAll("0+$", "").length();
    assertEquals(true, digitsOurs <= Math.max(digitsJava, 1), s + " vs " + java);
  }
}
