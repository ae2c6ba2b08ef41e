package org.iom.mtm.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.iom.mtm.core.data.AnswerState;
import org.iom.mtm.core.data.CategoricalColumn;
import org.iom.mtm.core.data.MultiSelectColumn;
import org.iom.mtm.core.data.NumericColumn;
import org.iom.mtm.core.data.SurveyData;
import org.iom.mtm.core.form.Questionnaire;
import org.junit.jupiter.api.Test;

class SyntheticSurveyTest {

  private static final SurveyData BIG = SyntheticSurvey.generate(SyntheticSurvey.Spec.of(20_000, 7)).data();

  @Test
  void sameSeedSameData() {
    SurveyData a = SyntheticSurvey.generate(SyntheticSurvey.Spec.of(500, 42)).data();
    SurveyData b = SyntheticSurvey.generate(SyntheticSurvey.Spec.of(500, 42)).data();
    SurveyData c = SyntheticSurvey.generate(SyntheticSurvey.Spec.of(500, 43)).data();
    for (String name : a.names()) {
      assertEquals(a.column(name), b.column(name), name);
    }
    assertNotEquals(a.column("income"), c.column("income"));
  }

  @Test
  void everyQuestionOfTheFormHasAColumnOfItsType() {
    Questionnaire form = SyntheticSurvey.questionnaire();
    for (var q : form.questions()) {
      assertTrue(BIG.find(q.name()).isPresent(), q.name());
    }
    assertEquals(12, form.choiceList("obstacles").size());
  }

  @Test
  void sharesAreCloseToTheSeedsFigures() {
    // 20,000 draws: a binomial share has sd <= 0.0036, so 0.015 is over 4 sd.
    assertEquals(0.18, share(BIG.categorical("sex"), 0), 0.015);
    assertEquals(0.626 * 0.7 + 0.3 * 0.626, share(BIG.categorical("nationality"), 0), 0.06);
    assertEquals(0.65, share(BIG.categorical("employment_status"), 0), 0.015);
    assertEquals(0.46, share(BIG.categorical("intentions"), 0), 0.015);
    NumericColumn income = BIG.numeric("income");
    double sum = 0;
    int n = 0;
    for (int i = 0; i < income.size(); i++) {
      if (income.isAnswered(i)) {
        sum += income.value(i);
        n++;
      }
    }
    // Centred site effects keep the seed's mean of 194,212 KZT; sampling error of the mean of
    // about 18,000 log-normal incomes (cv 0.5) is under 0.4%, rounding to 1,000 KZT adds none.
    assertEquals(194_212, sum / n, 194_212 * 0.03);
  }

  @Test
  void skipLogicGivesNotAskedNeverMissing() {
    CategoricalColumn edu = BIG.categorical("education");
    CategoricalColumn field = BIG.categorical("education_field");
    CategoricalColumn emp = BIG.categorical("employment_status");
    MultiSelectColumn search = BIG.multiSelect("job_search");
    NumericColumn income = BIG.numeric("income");
    int dontKnow = 0;
    for (int i = 0; i < BIG.rowCount(); i++) {
      boolean postSecondary = edu.code(i) >= 4;
      assertEquals(postSecondary, field.isAnswered(i), "row " + i);
      if (!postSecondary) {
        assertEquals(AnswerState.NOT_ASKED, field.state(i));
      }
      boolean unemployed = emp.level(i).equals("unemployed_looking");
      assertEquals(unemployed, search.isAnswered(i), "row " + i);
      if (unemployed) {
        assertEquals(AnswerState.NOT_ASKED, income.state(i));
      }
      if (income.state(i) == AnswerState.DONT_KNOW) {
        dontKnow++;
      }
    }
    assertTrue(dontKnow > 0, "income has don't-know answers");
  }

  private static double share(CategoricalColumn c, int code) {
    int k = 0;
    int n = 0;
    for (int i = 0; i < c.size(); i++) {
      if (c.isAnswered(i)) {
        n++;
        if (c.code(i) == code) {
          k++;
        }
      }
    }
    return (double) k / n;
  }
}
