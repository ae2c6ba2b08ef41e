package org.iom.mtm.indicators.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.iom.mtm.core.data.AnswerState;
import org.iom.mtm.core.data.CategoricalColumn;
import org.iom.mtm.core.data.NumericColumn;
import org.iom.mtm.core.data.SurveyData;
import org.iom.mtm.indicators.design.SurveyDesign;
import org.iom.mtm.indicators.result.AnalysisType;
import org.iom.mtm.indicators.result.Flag;
import org.iom.mtm.indicators.result.ResultRow;
import org.iom.mtm.indicators.result.ResultTable;
import org.junit.jupiter.api.Test;

/** Hand-derived figures, empty domains, missing values and IMPACT's conventions. */
class EstimationTest {

  /**
   * Five respondents: y = 2, 4, 6, 8, missing; sex f, f, m, m, m; region r1 (r2 never occurs);
   * shelter tent, house, house, missing, tent.
   */
  private static SurveyDesign design() {
    NumericColumn.Builder y = NumericColumn.builder("y");
    y.add(2).add(4).add(6).add(8).addState(AnswerState.MISSING);
    CategoricalColumn.Builder sex = CategoricalColumn.builder("sex", List.of("f", "m"));
    for (String s : List.of("f", "f", "m", "m", "m")) {
      sex.add(s);
    }
    CategoricalColumn.Builder region = CategoricalColumn.builder("region", List.of("r1", "r2"));
    for (int i = 0; i < 5; i++) {
      region.add("r1");
    }
    CategoricalColumn.Builder shelter = CategoricalColumn.builder("shelter", List.of("house", "tent", "camp"));
    shelter.add("tent").add("house").add("house").addState(AnswerState.DONT_KNOW).add("tent");
    NumericColumn den = NumericColumn.of("den", 1, 0, 2, 2, 1);
    SurveyData d = SurveyData.of(y.build(), sex.build(), region.build(), shelter.build(), den);
    return SurveyDesign.builder(d).build();
  }

  @Test
  void simpleRandomSampleWithReplacementByHand() {
    // y = 2, 4, 6, 8, NA (na.rm), weights 1, no fpc: mean 5; the row set aside stays one of the
    // design's 5 PSUs with score 0 (a domain, not a filter): scores (y - 5) / 4 and 0, variance
    // 5/4 * 20/16 = 1.5625, se 1.25. R 4.2: svymean(~y, svydesign(ids = ~1, data = d), na.rm = TRUE)
    // gives mean 5, SE 1.25.
    ResultTable t = Estimation.of(design()).mean("y").naRm(true).ci(ConfidenceInterval.WALD).run();
    ResultRow r = t.rows().get(0);
    assertEquals(5.0, r.stat(), 1e-15);
    assertEquals(1.25, r.se(), 1e-15);
    assertEquals(4, r.n());
    assertEquals(4.0, r.nW());
    assertNull(r.df(), "normal interval: no df");
    assertEquals("mean @/@ y %/% NA @/@ NA %/% NA", r.analysisKey());
  }

  @Test
  void missingValuesWithoutNaRmGiveNullAsR() {
    ResultRow r = Estimation.of(design()).mean("y").run().rows().get(0);
    assertNull(r.stat());
    assertEquals(Set.of(Flag.MISSING_VALUES), r.flags());
  }

  @Test
  void anEmptyDomainIsARowNotAnException() {
    ResultTable t = Estimation.of(design()).mean("y").prop("shelter").by("region").naRm(true).run();
    List<ResultRow> empty = t.rows().stream().filter(r -> r.groupValues().equals(List.of("r2"))).toList();
    assertEquals(4, empty.size()); // the mean and three shelter levels
    for (ResultRow r : empty) {
      assertNull(r.stat());
      assertNull(r.se());
      assertTrue(r.flags().contains(Flag.EMPTY));
      assertEquals(0, r.nTotal());
    }
  }

  @Test
  void zeroWeightSumIsEmpty() {
    SurveyData d = SurveyData.of(NumericColumn.of("y", 1, 2, 3), NumericColumn.of("w", 0, 0, 1),
        NumericColumn.of("g", 1, 1, 2));
    SurveyDesign design = SurveyDesign.builder(d).weights("w").build();
    ResultRow r = Estimation.of(design).mean("y").by("g").run().rows().get(0);
    assertEquals(List.of("1"), r.groupValues());
    assertNull(r.stat());
    assertTrue(r.flags().contains(Flag.EMPTY));
  }

  @Test
  void selectOneSharesOfThoseWhoAnsweredOrOfAll() {
    ResultTable answered = Estimation.of(design()).prop("shelter").run();
    ResultRow tent = answered.row("prop_select_one @/@ shelter %/% tent @/@ NA %/% NA");
    assertNotNull(tent);
    assertEquals(0.5, tent.stat(), 1e-15); // 2 tents of 4 answers
    assertEquals(2, tent.n());
    assertEquals(4, tent.nTotal());
    ResultRow camp = answered.row("prop_select_one @/@ shelter %/% camp @/@ NA %/% NA");
    assertEquals(0.0, camp.stat()); // R reports every level
    ResultTable all = Estimation.of(design()).prop("shelter").denominator(Denominator.ALL).run();
    assertEquals(0.4, all.row("prop_select_one @/@ shelter %/% tent @/@ NA %/% NA").stat(), 1e-15);
    assertEquals(5, all.row("prop_select_one @/@ shelter %/% tent @/@ NA %/% NA").nTotal());
  }

  @Test
  void impactConventions() {
    ResultTable t = Estimation.of(design()).prop("shelter").ratio("y", "den").conventions(Conventions.IMPACT).run();
    // select_one: only levels that occur, and a row for the missing answer (n = 1)
    assertNull(t.row("prop_select_one @/@ shelter %/% camp @/@ NA %/% NA"));
    ResultRow na = t.row("prop_select_one @/@ shelter %/% NA @/@ NA %/% NA");
    assertNotNull(na);
    assertEquals(1, na.n());
    assertNull(na.stat());
    // ratio: missing numerator -> 0, zero denominator dropped: (2 + 6 + 8 + 0) / (1 + 2 + 2 + 1)
    ResultRow ratio = t.row("ratio @/@ y %/% NA -/- den %/% NA @/@ NA %/% NA");
    assertNotNull(ratio);
    assertEquals(16.0 / 6, ratio.stat(), 1e-15);
    assertEquals(4, ratio.nTotal());
    assertEquals(AnalysisType.RATIO, ratio.analysisType());
  }

  @Test
  void impactRowForUnansweredSelectMultiple() {
    org.iom.mtm.core.data.MultiSelectColumn.Builder m =
        org.iom.mtm.core.data.MultiSelectColumn.builder("why", List.of("work", "family"));
    m.add(List.of("work")).add(List.of("work", "family")).addState(AnswerState.NOT_ASKED).add(List.of());
    SurveyDesign d = SurveyDesign.builder(SurveyData.of(m.build())).build();
    ResultTable t = Estimation.of(d).multi("why").conventions(Conventions.IMPACT).run();
    ResultRow work = t.row("prop_select_multiple @/@ why %/% work @/@ NA %/% NA");
    assertEquals(2.0 / 3, work.stat(), 1e-15); // of the three who answered
    assertEquals(3, work.nTotal());
    ResultRow na = t.row("prop_select_multiple @/@ why %/% NA @/@ NA %/% NA");
    assertNotNull(na);
    assertEquals(1, na.n());
    // R conventions: no such row
    assertNull(Estimation.of(d).multi("why").run().row("prop_select_multiple @/@ why %/% NA @/@ NA %/% NA"));
  }

  @Test
  void requestErrorsNameTheVariable() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Estimation.of(design()).mean("income").run());
    assertTrue(e.getMessage().contains("'income'"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Estimation.of(design()).prop("y").run());
    assertTrue(e.getMessage().contains("'y'"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Estimation.of(design()).quantile("y", 1.5));
    assertTrue(e.getMessage().contains("1.5"), e.getMessage());
  }

  @Test
  void optionCodesParse() {
    for (ConfidenceInterval c : ConfidenceInterval.values()) {
      assertEquals(c, ConfidenceInterval.ofCode(c.code()));
    }
    assertEquals(ConfidenceInterval.CLOPPER_PEARSON, ConfidenceInterval.ofCode("clopper_pearson"));
    assertEquals(DesignEffect.SRSWR, DesignEffect.ofCode("replace"));
    assertEquals(Denominator.ALL, Denominator.ofCode("all"));
    assertEquals(Conventions.IMPACT, Conventions.ofCode("impact"));
    assertEquals(QuantileRule.HF7, QuantileRule.ofCode("hf7"));
    assertThrows(IllegalArgumentException.class, () -> ConfidenceInterval.ofCode("bootstrap"));
  }
}
