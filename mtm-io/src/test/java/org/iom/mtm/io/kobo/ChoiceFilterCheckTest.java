package org.iom.mtm.io.kobo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.iom.mtm.core.form.Questionnaire;
import org.iom.mtm.io.Fixtures;
import org.iom.mtm.io.ReadProblem;
import org.iom.mtm.io.report.ReadReport;
import org.iom.mtm.io.xlsform.FormRead;
import org.iom.mtm.io.xlsform.XlsFormReader;
import org.junit.jupiter.api.Test;

/** Answers checked against their select's choice_filter. */
class ChoiceFilterCheckTest {

  private static SurveyRead read(Questionnaire form, String csv) {
    return KoboReader.readCsv(
        new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "d.csv", KoboOptions.DEFAULT.withForm(form));
  }

  /**
   * fixtures/xlsform/cascading_select.xlsx: counties filtered by {@code state=${selected_state}},
   * cities by {@code county=${selected_county}} (king and pierce are Washington's, brewster and
   * cameron Texas's; seattle and redmond are in king, brownsville and harlingen in cameron).
   */
  @Test
  void aCountyOfAnotherStateIsAnErrorAtItsLine() {
    FormRead fr = XlsFormReader.read(Fixtures.path("xlsform/cascading_select.xlsx"));
    Questionnaire form = fr.form();
    SurveyRead r = read(form, "selected_state,selected_county,selected_city\n"
        + "washington,king,seattle\n"      // line 2: consistent
        + "texas,king,seattle\n"           // line 3: king is not in Texas
        + "washington,king,brownsville\n"  // line 4: brownsville is not in king
        + ",cameron,harlingen\n");          // line 5: no state: the county is not judged
    ReadReport rep = ChoiceFilterCheck.check(fr, r);
    List<ReadProblem> errors = rep.errors();
    assertEquals(2, errors.size(), rep.toText());
    ReadProblem county = errors.get(0);
    assertEquals(3, county.line());
    assertEquals("selected_county", county.columnName());
    assertEquals("king", county.value());
    assertEquals("not among the choices its choice_filter 'state=${selected_state}' offers given selected_state = 'texas'",
        county.reason());
    ReadProblem city = errors.get(1);
    assertEquals(4, city.line());
    assertEquals("selected_city", city.columnName());
    assertEquals("brownsville", city.value());
    assertTrue(r.report().ok(), "the reader itself finds nothing wrong");
  }

  /**
   * The REACH Somalia MSNA form filters 13 selects, among them `region=${region}` and `name !=
   * ${primary_source} and name != ${secondary_source}`, and its cascading lists repeat "other"
   * under every parent (not judged: the form keeps one row per name). Every answer whose referenced
   * answers are valid is offered: an independent Python check of the same fixture (csv module,
   * any row of the name passing) found 484 such answers and 0 violations.
   */
  @Test
  void theMsnaAnswersAllFitTheirFilters() throws Exception {
    FormRead fr = XlsFormReader.read(Fixtures.path("reach-somalia-msna/survey.csv"));
    Questionnaire f = fr.form();
    SurveyRead r;
    try (InputStream in = getClass().getResourceAsStream("/fixtures/reach-somalia-msna/data.csv")) {
      r = KoboReader.readCsv(in, "data.csv", KoboOptions.DEFAULT.withForm(f));
    }
    ReadReport rep = ChoiceFilterCheck.check(fr, r);
    assertEquals(r.report().errorCount(), rep.errorCount(), "no choice_filter error added");
    assertEquals(r.report().warningCount(), rep.warningCount(), "every filter parsed");
    assertTrue(fr.repeatedChoices().get("return_settlement").contains("other"), fr.repeatedChoices().toString());
  }
}
