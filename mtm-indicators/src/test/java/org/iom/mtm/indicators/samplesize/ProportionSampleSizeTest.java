package org.iom.mtm.indicators.samplesize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProportionSampleSizeTest {

  @Test
  void cochranTextbookCase() {
    // Hand derivation: z = qnorm(0.975) = 1.959963984540054 (R 4.2: qnorm(0.975));
    // n0 = z^2 * 0.25 / 0.05^2 = 384.1458820694124, rounded up 385.
    ProportionSampleSize s = ProportionSampleSize.of(0.05, 0.95, 0.5, 1, 1, null);
    assertEquals(1.959963984540054, s.z(), 1e-15);
    assertEquals(384.1458820694124, s.n0(), 1e-9);
    assertEquals(385, s.sampleSize());
  }

  @Test
  void everyStepOfTheSeedsPlan() {
    // N = 668,422 migrant workers (the seed's baseline), deff 1.5, response rate 0.8.
    // Hand derivation: n1 = 384.14588 * 1.5 = 576.21882; n2 = n1 / (1 + (n1 - 1) / 668422)
    // = 575.72338; n3 = n2 / 0.8 = 719.65422; ceil 720.
    ProportionSampleSize s = ProportionSampleSize.of(0.05, 0.95, 0.5, 1.5, 0.8, 668_422L);
    assertEquals(576.2188231041184, s.withDeff(), 1e-9);
    assertEquals(575.7233772278867, s.withFpc(), 1e-9);
    assertEquals(719.6542215348583, s.withResponse(), 1e-9);
    assertEquals(720, s.sampleSize());
  }

  @Test
  void aSmallPopulationIsNeverExceeded() {
    ProportionSampleSize s = ProportionSampleSize.of(0.01, 0.99, 0.5, 2, 1, 50L);
    assertTrue(s.sampleSize() <= 50, () -> "n = " + s.sampleSize());
  }

  @Test
  void floatingPointNoiseDoesNotAddARespondent() {
    assertEquals(384, ProportionSampleSize.ceilWithTolerance(384.0000000000001));
    assertEquals(385, ProportionSampleSize.ceilWithTolerance(384.001));
  }

  @Test
  void badParametersAreNamed() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ProportionSampleSize.of(0, 0.95, 0.5, 1, 1, null));
    assertTrue(e.getMessage().contains("margin of error") && e.getMessage().contains("0.0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> ProportionSampleSize.of(0.05, 0.95, 0.5, 1, 1.2, null));
    assertTrue(e.getMessage().contains("response rate") && e.getMessage().contains("1.2"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> ProportionSampleSize.of(0.05, 0.95, 0.5, -1, 1, null));
    assertTrue(e.getMessage().contains("design effect"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> ProportionSampleSize.of(0.05, 0.95, 0.5, 1, 1, 0L));
    assertTrue(e.getMessage().contains("population size"), e.getMessage());
  }
}
