package org.iom.mtm.indicators.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.iom.mtm.indicators.result.AnalysisType;
import org.iom.mtm.indicators.result.Flag;
import org.iom.mtm.indicators.result.ResultRow;
import org.junit.jupiter.api.Test;

/** Each NCHS rule at its boundary: just inside and just outside. */
class ReliabilityStandardTest {

  private static final ReliabilityStandard S = ReliabilityStandard.DEFAULT;

  static ResultRow prop(double p, double se, double low, double upp, long n, Double df) {
    return new ResultRow(AnalysisType.PROP_SELECT_ONE, "v", "a", List.of(), List.of(), p, se, low, upp,
        df, null, Math.round(p * n), n, null, null, Set.of());
  }

  @Test
  void lowNAtThirty() {
    assertEquals(Set.of(), S.flagsOf(prop(0.5, 0.01, 0.48, 0.52, 30, 100.0)));
    assertEquals(EnumSet.of(Flag.LOW_N), S.flagsOf(prop(0.5, 0.01, 0.48, 0.52, 29, 100.0)));
    assertEquals(Set.of(), S.withMinN(29).flagsOf(prop(0.5, 0.01, 0.48, 0.52, 29, 100.0)));
  }

  @Test
  void effectiveSampleSizeAtThirty() {
    // n_eff = p (1 - p) / se^2: 0.25 / se^2 = 30 at se = sqrt(0.25 / 30) = 0.0912871.
    double se = Math.sqrt(0.25 / 30);
    assertEquals(Set.of(), S.flagsOf(prop(0.5, se, 0.48, 0.52, 500, 100.0)));
    assertEquals(EnumSet.of(Flag.LOW_NEFF), S.flagsOf(prop(0.5, se * 1.0001, 0.48, 0.52, 500, 100.0)));
  }

  @Test
  void absoluteWidthAtThirtyPercent() {
    assertEquals(Set.of(), S.flagsOf(prop(0.5, 0.01, 0.35, 0.6499, 500, 100.0)));
    assertEquals(EnumSet.of(Flag.WIDE_CI), S.flagsOf(prop(0.5, 0.01, 0.35, 0.65, 500, 100.0)));
  }

  @Test
  void relativeWidthAboveOneHundredThirtyPercent() {
    // p = 0.1, width 0.13 -> relative 130%: presented; width 0.1301 -> 130.1%: unreliable.
    assertEquals(Set.of(), S.flagsOf(prop(0.1, 0.01, 0.05, 0.18, 500, 100.0)));
    assertEquals(EnumSet.of(Flag.UNRELIABLE), S.flagsOf(prop(0.1, 0.01, 0.05, 0.1801, 500, 100.0)));
    // A width of at most 0.05 is presented whatever the relative width.
    assertEquals(Set.of(), S.flagsOf(prop(0.01, 0.001, 0.0, 0.05, 500, 100.0)));
  }

  @Test
  void complementFootnote() {
    // p = 0.9: relative width 0.14 / 0.9 = 16% passes; complement 0.14 / 0.1 = 140% does not.
    assertEquals(EnumSet.of(Flag.COMPLEMENT), S.flagsOf(prop(0.9, 0.01, 0.82, 0.96, 500, 100.0)));
  }

  @Test
  void degreesOfFreedomBelowEight() {
    assertEquals(Set.of(), S.flagsOf(prop(0.5, 0.01, 0.48, 0.52, 500, 8.0)));
    assertEquals(EnumSet.of(Flag.DF_LT_8), S.flagsOf(prop(0.5, 0.01, 0.48, 0.52, 500, 7.0)));
  }

  @Test
  void thirtyThirtyRuleForTotals() {
    ResultRow ok = new ResultRow(AnalysisType.TOTAL, "x", null, List.of(), List.of(), 100.0, 29.99, 40.0,
        160.0, 50.0, null, 30, 30, null, null, Set.of());
    assertEquals(Set.of(), S.flagsOf(ok));
    ResultRow rse = new ResultRow(AnalysisType.TOTAL, "x", null, List.of(), List.of(), 100.0, 30.0, 40.0,
        160.0, 50.0, null, 30, 30, null, null, Set.of());
    assertEquals(EnumSet.of(Flag.UNRELIABLE_COUNT), S.flagsOf(rse));
    ResultRow small = new ResultRow(AnalysisType.TOTAL, "x", null, List.of(), List.of(), 100.0, 1.0, 98.0,
        102.0, 50.0, null, 29, 30, null, null, Set.of());
    assertEquals(EnumSet.of(Flag.UNRELIABLE_COUNT), S.flagsOf(small));
  }

  @Test
  void emptyAndBaselineRowsGetNoReliabilityFlags() {
    ResultRow empty = new ResultRow(AnalysisType.MEAN, "x", null, List.of(), List.of(), null, null, null,
        null, null, null, 0, 0, null, null, Set.of(Flag.EMPTY));
    assertEquals(Set.of(), S.flagsOf(empty));
    ResultRow count = new ResultRow(AnalysisType.COUNT, "migrant_worker", "2022", List.of(), List.of(), 3.0,
        null, null, null, null, null, 1, 1, null, null, Set.of());
    assertEquals(Set.of(), S.flagsOf(count));
  }

  @Test
  void thresholdsAreValidated() {
    assertThrows(IllegalArgumentException.class, () -> S.withMinN(-1));
  }
}
