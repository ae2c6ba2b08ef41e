package org.iom.mtm.indicators.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.iom.mtm.core.data.AnswerState;
import org.iom.mtm.core.data.CategoricalColumn;
import org.iom.mtm.core.data.NumericColumn;
import org.iom.mtm.core.data.SurveyData;
import org.junit.jupiter.api.Test;

class KAnonymityTest {

  @Test
  void recordsInSmallClassesAreListedWithoutValues() {
    CategoricalColumn sex = CategoricalColumn.builder("sex", List.of("f", "m"))
        .add("f").add("f").add("m").add("m").add("m").addState(AnswerState.REFUSED).build();
    NumericColumn age = NumericColumn.builder("age_group").add(1).add(1).add(2).add(2).add(3).add(3).build();
    KAnonymity k = KAnonymity.check(SurveyData.of(sex, age), List.of("sex", "age_group"), 2);
    // Classes: (f,1) x2, (m,2) x2, (m,3) x1, (refused,3) x1: the refusal is its own value.
    assertEquals(4, k.classes());
    assertEquals(List.of(new KAnonymity.Record(4, 1), new KAnonymity.Record(5, 1)), k.risky());
    assertTrue(KAnonymity.check(SurveyData.of(sex, age), List.of("sex", "age_group"), 1 + 1).risky().size() == 2);
    assertTrue(KAnonymity.check(SurveyData.of(age), List.of("age_group"), 2).satisfied());
  }

  @Test
  void badArgumentsAreNamed() {
    NumericColumn age = NumericColumn.of("age", 1, 2);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> KAnonymity.check(SurveyData.of(age), List.of("sex"), 2));
    assertTrue(e.getMessage().contains("'sex'"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> KAnonymity.check(SurveyData.of(age), List.of("age"), 1));
  }
}
