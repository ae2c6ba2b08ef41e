package org.iom.mtm.indicators.design;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.iom.mtm.core.data.AnswerState;
import org.iom.mtm.core.data.CategoricalColumn;
import org.iom.mtm.core.data.NumericColumn;
import org.iom.mtm.core.data.SurveyData;
import org.junit.jupiter.api.Test;

/** Building designs: R's svydesign rules, and errors that name the variable, row or stratum. */
class SurveyDesignTest {

  /** Six rows: strata A (psu 1, 2) and B (psu 3, 4); weights w; fpc N per stratum. */
  private static SurveyData data(double[] w, double[] fpc, int[] psu) {
    CategoricalColumn.Builder s = CategoricalColumn.builder("s", List.of("A", "B"));
    for (String v : List.of("A", "A", "A", "B", "B", "B")) {
      s.add(v);
    }
    return SurveyData.of(s.build(), NumericColumn.of("w", w), NumericColumn.of("fpc", fpc),
        NumericColumn.of("psu", psu[0], psu[1], psu[2], psu[3], psu[4], psu[5]),
        NumericColumn.of("y", 1, 2, 3, 4, 5, 6));
  }

  private static final double[] W = {1, 1, 2, 3, 3, 3};
  private static final double[] FPC = {10, 10, 10, 20, 20, 20};
  private static final int[] PSU = {1, 1, 2, 3, 4, 4};

  @Test
  void weightsFromPopulationSizesAsSvydesign() {
    // R: svydesign(ids = ~psu, strata = ~s, fpc = ~fpc): weight N_h / n_h with n_h = 2 PSUs
    SurveyDesign d = SurveyDesign.builder(data(W, FPC, PSU)).ids("psu").strata("s").fpc("fpc").build();
    assertEquals(5.0, d.weight(0));
    assertEquals(10.0, d.weight(5));
    assertEquals(2, d.psuCountInStratum(0));
    assertEquals(10.0, d.populationPsuInStratum(0));
    assertEquals(2, d.degreesOfFreedom()); // 4 PSUs - 2 strata
  }

  @Test
  void weightsByPsuWhenEveryRowOfAPsuHasItsWeight() {
    // PSU codes in order of first appearance: 1, 2, 3, 4 -> 0, 1, 2, 3
    SurveyDesign byPsu = SurveyDesign.builder(data(W, FPC, PSU)).ids("psu").strata("s").weights("w").build();
    assertTrue(byPsu.weightsByPsu());
    assertEquals(1.0, byPsu.psuWeight(byPsu.psu(0)));
    assertEquals(2.0, byPsu.psuWeight(byPsu.psu(2)));
    assertEquals(3.0, byPsu.psuWeight(byPsu.psu(4)));
    // rows 4 and 5 share PSU 4 but not their weight
    double[] w = {1, 1, 2, 3, 3, 3.5};
    SurveyDesign byRow = SurveyDesign.builder(data(w, FPC, PSU)).ids("psu").strata("s").weights("w").build();
    assertFalse(byRow.weightsByPsu());
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> byRow.psuWeight(0));
    assertTrue(e.getMessage().contains("different weights"), e.getMessage());
    // every row its own PSU: trivially
    SurveyDesign rows = SurveyDesign.builder(data(w, FPC, PSU)).strata("s").weights("w").build();
    assertTrue(rows.weightsByPsu());
    assertEquals(3.5, rows.psuWeight(5));
  }

  @Test
  void psuCodesReadTheSameWhateverTheirStorage() {
    // 70,000 PSUs do not fit a char: ints; 300 do: chars; no ids: each row its own PSU
    for (int psus : new int[] {70_000, 300, 0}) {
      int n = psus == 0 ? 9 : psus * 2 + 1;
      int[] ids = new int[n];
      double[] w = new double[n];
      int[] strata = new int[n];
      for (int i = 0; i < n; i++) {
        // each PSU's two rows apart, so the codes follow first appearance, not the given ids
        ids[i] = psus == 0 ? i : 1_000_000 - (i % psus) * 7;
        w[i] = 1 + i % 3;
        strata[i] = psus == 0 ? 0 : (i % psus) % 2;
      }
      SurveyDesign.Builder b = SurveyDesign.builder(SurveyData.of(NumericColumn.of("y", w))).strata(strata).weights(w);
      if (psus > 0) {
        b.ids(ids);
      }
      SurveyDesign d = b.build();
      int[] read = new int[n];
      d.readPsus(0, n, read);
      int[] block = new int[5];
      d.readPsus(n - 5, n, block);
      for (int i = 0; i < n; i++) {
        int expected = psus == 0 ? i : i % psus;
        assertEquals(expected, d.psu(i), psus + " PSUs, row " + i);
        assertEquals(expected, read[i], psus + " PSUs, row " + i);
      }
      for (int k = 0; k < 5; k++) {
        assertEquals(d.psu(n - 5 + k), block[k]);
      }
      assertEquals(psus == 0 ? n : psus, d.psuCount());
      assertThrows(IndexOutOfBoundsException.class, () -> d.psu(n));
    }
  }

  @Test
  void samplingFractionsGiveTheSamePopulation() {
    double[] f = {0.2, 0.2, 0.2, 0.1, 0.1, 0.1};
    SurveyDesign d = SurveyDesign.builder(data(W, f, PSU)).ids("psu").strata("s").fpc("fpc").build();
    assertEquals(10.0, d.populationPsuInStratum(0), 1e-12);
    assertEquals(20.0, d.populationPsuInStratum(1), 1e-12);
  }

  @Test
  void noWeightsNoFpcMeansWeightOne() {
    SurveyDesign d = SurveyDesign.builder(data(W, FPC, PSU)).build();
    assertEquals(1.0, d.weight(3));
    assertTrue(d.rowsArePsus());
    assertEquals(5, d.degreesOfFreedom());
  }

  @Test
  void negativeWeightNamesVariableAndRow() {
    double[] w = W.clone();
    w[4] = -1;
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SurveyDesign.builder(data(w, FPC, PSU)).weights("w").build());
    assertTrue(e.getMessage().contains("'w'") && e.getMessage().contains("row 4"), e.getMessage());
  }

  @Test
  void missingWeightNamesVariableAndRow() {
    NumericColumn.Builder w = NumericColumn.builder("w");
    w.add(1).add(1).addState(AnswerState.MISSING);
    SurveyData d = SurveyData.of(w.build());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SurveyDesign.builder(d).weights("w").build());
    assertTrue(e.getMessage().contains("'w'") && e.getMessage().contains("row 2"), e.getMessage());
  }

  @Test
  void clusterInTwoStrataNeedsNest() {
    int[] psu = {1, 1, 2, 2, 3, 3}; // cluster 2 in A (row 2) and in B (row 3)
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SurveyDesign.builder(data(W, FPC, psu)).ids("psu").strata("s").build());
    assertTrue(e.getMessage().contains("cluster '2'") && e.getMessage().contains("nest"), e.getMessage());
    // R: nest = TRUE reads ids within strata: 4 PSUs
    SurveyDesign d = SurveyDesign.builder(data(W, FPC, psu)).ids("psu").strata("s").nest(true).build();
    assertEquals(4, d.psuCount());
  }

  @Test
  void fpcVaryingWithinAStratumNamesRows() {
    double[] f = FPC.clone();
    f[2] = 11;
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SurveyDesign.builder(data(W, f, PSU)).ids("psu").strata("s").fpc("fpc").build());
    assertTrue(e.getMessage().contains("'fpc'") && e.getMessage().contains("stratum 'A'")
        && e.getMessage().contains("row 2"), e.getMessage());
  }

  @Test
  void fpcSmallerThanTheSampleIsRefused() {
    double[] f = {1.5, 1.5, 1.5, 20, 20, 20};
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SurveyDesign.builder(data(W, f, PSU)).ids("psu").strata("s").fpc("fpc").build());
    assertTrue(e.getMessage().contains("smaller than its 2 sampled units"), e.getMessage());
  }

  @Test
  void fractionsAndSizesDoNotMix() {
    double[] f = {0.5, 0.5, 0.5, 20, 20, 20};
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SurveyDesign.builder(data(W, f, PSU)).ids("psu").strata("s").fpc("fpc").build());
    assertTrue(e.getMessage().contains("row 0") && e.getMessage().contains("sampling fraction"), e.getMessage());
  }

  @Test
  void lonelyPsuFailsNamingTheStratum() {
    int[] psu = {1, 1, 1, 3, 4, 4}; // stratum A has one PSU
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SurveyDesign.builder(data(W, FPC, psu)).ids("psu").strata("s").build());
    assertTrue(e.getMessage().contains("stratum 'A'"), e.getMessage());
    SurveyDesign d = SurveyDesign.builder(data(W, FPC, psu)).ids("psu").strata("s").lonelyPsu(LonelyPsu.REMOVE).build();
    assertEquals(LonelyPsu.REMOVE, d.lonelyPsu());
    // a census stratum (N_h = n_h) is not lonely: R returns 0 before looking (f < 1e-7)
    double[] f = {1, 1, 1, 20, 20, 20};
    SurveyDesign census = SurveyDesign.builder(data(W, f, psu)).ids("psu").strata("s").fpc("fpc").build();
    assertEquals(1.0, census.populationPsuInStratum(0));
  }

  @Test
  void twoStagesNeedFpcAtBothOrNone() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SurveyDesign.builder(data(W, FPC, PSU)).ids("psu", "y").strata("s").fpc("fpc").build());
    assertTrue(e.getMessage().contains("second stage"), e.getMessage());
  }

  @Test
  void kishEffectiveSize() {
    // weights 1, 1, 2, 3, 3, 3: (sum w)^2 / sum w^2 = 13^2 / 33
    SurveyDesign d = SurveyDesign.builder(data(W, FPC, PSU)).weights("w").build();
    assertEquals(169.0 / 33, d.kishEffectiveSize(), 1e-14);
  }

  @Test
  void lonelyPsuCodesParse() {
    for (LonelyPsu l : LonelyPsu.values()) {
      assertEquals(l, LonelyPsu.ofCode(l.code().toUpperCase(java.util.Locale.ROOT)));
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LonelyPsu.ofCode("drop"));
    assertTrue(e.getMessage().contains("'drop'"));
  }
}
