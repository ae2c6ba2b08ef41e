package org.iom.mtm.indicators.design;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.iom.mtm.core.data.AnswerState;
import org.iom.mtm.core.data.CategoricalColumn;
import org.iom.mtm.core.data.NumericColumn;
import org.iom.mtm.core.data.SurveyData;
import org.iom.mtm.core.data.TextColumn;
import org.junit.jupiter.api.Test;

/**
 * Strata and cluster ids given as select_one or text columns are numbered from the columns' own
 * codes: the numbering must stay that of the labels' first appearance in row order (not the
 * order of the form's levels), which names the PSUs and strata in results and messages.
 */
class SurveyDesignCodesTest {

  private static final String[] SITES = {"s9", "s1", "s9", "s4", "s1", "s4", "s7", "s7"};

  private static SurveyData data() {
    // Levels A, B, C in the form; the rows give B first, and C never.
    CategoricalColumn.Builder s = CategoricalColumn.builder("s", List.of("A", "B", "C"));
    TextColumn.Builder site = TextColumn.builder("site");
    for (int i = 0; i < SITES.length; i++) {
      s.add(i < 4 ? "B" : "A");
      site.add(SITES[i]);
    }
    return SurveyData.of(s.build(), site.build(), NumericColumn.of("y", 1, 2, 3, 4, 5, 6, 7, 8));
  }

  @Test
  void codesFollowTheFirstAppearanceOfEachLabel() {
    SurveyDesign d = SurveyDesign.builder(data()).ids("site").strata("s").nest(true).build();
    assertEquals(List.of("B", "A"), d.strataNames());
    assertEquals(0, d.stratum(0));
    assertEquals(1, d.stratum(7));
    // Nested names, numbered as (stratum, site) pairs first appear: B.s9, B.s1, B.s4, A.s1, A.s4, A.s7.
    assertEquals(6, d.psuCount());
    int[] expectedPsu = {0, 1, 0, 2, 3, 4, 5, 5};
    for (int i = 0; i < SITES.length; i++) {
      assertEquals(expectedPsu[i], d.psu(i), "row " + i);
    }
    assertEquals("B.s9", d.psuName(0));
    assertEquals("A.s1", d.psuName(3));
    assertEquals("A.s7", d.psuName(5));
  }

  @Test
  void unnestedTextIdsNameThePsus() {
    // s1 and s4 appear in both strata: not nested, so the design refuses, naming the cluster
    // by its text and the rows where it first shows the clash.
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SurveyDesign.builder(data()).ids("site").strata("s").build());
    assertEquals("cluster 's1' of 'site' is in stratum 'B' (row 1) and in stratum 'A' (row 4):"
        + " clusters must be nested in strata; if ids restart within each stratum, use nest"
        + " (R's nest = TRUE)", e.getMessage());
  }

  @Test
  void missingIdNamesTheFirstRowNotAnswered() {
    TextColumn site = TextColumn.builder("site").add("a").add("b").addState(AnswerState.REFUSED)
        .addState(AnswerState.MISSING).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SurveyDesign.builder(SurveyData.of(site)).ids("site").build());
    assertEquals("ids variable 'site' row 2: missing value (REFUSED)", e.getMessage());
    CategoricalColumn s = CategoricalColumn.builder("s", List.of("A", "B")).add("B")
        .addState(AnswerState.DONT_KNOW).build();
    IllegalArgumentException f = assertThrows(IllegalArgumentException.class,
        () -> SurveyDesign.builder(SurveyData.of(s)).strata("s").build());
    assertEquals("strata variable 's' row 1: missing value (DONT_KNOW)", f.getMessage());
  }

  @Test
  void wideTextIdsGiveTheSamePsusAsIntegerIds() {
    // 300 and then 70,000 distinct ids: the text column stores two and four bytes per row.
    for (int distinct : new int[] {300, 70_000}) {
      int n = distinct + 5_000;
      int[] ids = new int[n];
      TextColumn.Builder site = TextColumn.builder("site");
      for (int i = 0; i < n; i++) {
        ids[i] = (int) ((i * 7919L + (i < distinct ? 0 : 13)) % distinct);
        site.add("p" + ids[i]);
      }
      SurveyData data = SurveyData.of(site.build());
      SurveyDesign fromText = SurveyDesign.builder(data).ids("site").build();
      SurveyDesign fromInts = SurveyDesign.builder(data).ids(ids).build();
      assertEquals(fromInts.psuCount(), fromText.psuCount());
      for (int i = 0; i < n; i++) {
        assertEquals(fromInts.psu(i), fromText.psu(i), "row " + i);
      }
      for (int p = 0; p < fromText.psuCount(); p++) {
        assertEquals("p" + fromInts.psuName(p), fromText.psuName(p));
      }
    }
  }
}
