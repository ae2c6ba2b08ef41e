package org.iom.mtm.io.xlsform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.iom.mtm.core.form.ChoiceList;
import org.iom.mtm.core.form.Question;
import org.iom.mtm.core.form.QuestionType;
import org.iom.mtm.core.form.Questionnaire;
import org.iom.mtm.io.ReadException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The XLSForm fixtures of fixtures/SOURCES.md, each read whole. */
class XlsFormReaderTest {

  static Path fixture(String name) {
    try {
      return Path.of(XlsFormReaderTest.class.getResource("/fixtures/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void sampleXlsformWithEmptySettingsSheet() {
    FormRead r = XlsFormReader.read(fixture("xlsform/sample_xlsform.xlsx"));
    Questionnaire f = r.form();
    assertEquals("sample_xlsform", f.id());
    assertEquals(List.of("name", "age", "consent", "thank_you"), f.questions().stream().map(Question::name).toList());
    assertEquals(QuestionType.INTEGER, f.question("age").type());
    assertEquals(QuestionType.NOTE, f.question("thank_you").type());
    assertEquals(List.of("yes", "no"), f.selectOne("consent").names());
    assertEquals("Do you agree to participate?", f.question("consent").label().text());
    assertTrue(r.warnings().isEmpty());
  }

  @Test
  void cascadingSelectKeepsFiltersAndChoiceColumns() {
    Questionnaire f = XlsFormReader.read(fixture("xlsform/cascading_select.xlsx")).form();
    assertEquals("Cascading select example", f.title());
    assertEquals(3, f.questions().size(), "the 16 styled empty rows are not questions");
    assertEquals("state=${selected_state}", f.question("selected_county").choiceFilter());
    ChoiceList counties = f.selectOne("selected_county");
    assertEquals(Map.of("state", "washington"), counties.choice("king").properties());
    assertEquals(12, f.choiceLists().stream().mapToInt(ChoiceList::size).sum());
  }

  @Test
  void reachFormWithInlineStringsAndArabic() {
    Questionnaire f = XlsFormReader.read(fixture("xlsform/form.xlsx")).form();
    assertEquals(List.of("English (en)", "Arabic (ar)"), f.languages());
    assertEquals("\u0647\u0644 \u0627\u0646\u062a \u0631\u0628 \u0627\u0644\u0627\u0633\u0631\u0629\u061f",
        f.question("hhh_r").label().text("ar"));
    assertEquals("hh_info/hhh_r", f.question("hhh_r").path());
    assertEquals("selected(${hhh_r}, 'no')", f.question("will_to_response_r").relevant());
    assertEquals("filter=${neighbourhood}", f.question("gps_point_interview").choiceFilter());
    assertTrue(f.question("enumerator_num").required());
    assertEquals(6, f.groups().size());
    long selectOne = f.questions().stream().filter(q -> q.type() == QuestionType.SELECT_ONE).count();
    long selectMultiple = f.questions().stream().filter(q -> q.type() == QuestionType.SELECT_MULTIPLE).count();
    // SOURCES.md: select_one 89, select_multiple 24 type cells.
    assertEquals(89, selectOne);
    assertEquals(24, selectMultiple);
  }

  @Test
  void koboFormpackJsonForms() {
    Questionnaire or = XlsFormReader.read(fixture("kobo-formpack/or_other.json")).form();
    assertTrue(or.question("fav_emperor").orOther());
    assertEquals("Kiu estas via plej \u015datata imperiestro?", or.question("fav_emperor").label().text("eo"));
    assertEquals(QuestionType.SELECT_MULTIPLE, or.question("fav_emperors").type());

    Questionnaire grouped = XlsFormReader.read(fixture("kobo-formpack/grouped_repeatable.json")).form();
    Question name = grouped.question("household_member_name");
    assertEquals("household_visit/houshold_member_repeat/household_member_name", name.path());
    assertEquals("houshold_member_repeat", name.repeat());
    assertTrue(name.required());

    Questionnaire unicode = XlsFormReader.read(fixture("kobo-formpack/long_unicode_labels.json")).form();
    assertEquals(List.of("Swahili", "English", "Fran\u00e7ais"), unicode.languages());
    assertEquals("yesno", unicode.question("q_2241").listName(), "select_one with select_from_list_name");
    assertEquals("${q_2242} = '1'", unicode.question("q_2243").relevant());
    assertEquals("group_separationquestions/q_2243", unicode.question("q_2243").path());

    Questionnaire diet = XlsFormReader.read(fixture("kobo-formpack/dietary_needs.json")).form();
    assertEquals(List.of("gluten_free", "vegan", "vegetarian", "lactose_free"), diet.selectMultiple("dietary_accommodations").names());
  }

  @Test
  void reachSheetsAsWindows1252Csv() {
    FormRead r = XlsFormReader.read(fixture("reach-somalia-msna/survey.csv"));
    Questionnaire f = r.form();
    assertEquals(124, f.choiceLists().size());
    assertEquals(QuestionType.SELECT_MULTIPLE, f.question("household_expenditure").type());
    assertEquals("selected(${hh_children},\"yes\")", f.question("males_0_6m").relevant() == null
        ? f.relevance(f.question("males_0_6m")).get(0) : f.question("males_0_6m").relevant());
    // Four choice names repeat within their list (legal with choice_filter); the first is kept.
    assertEquals(4, r.warnings().size(), r.warnings().toString());
    assertTrue(r.warnings().get(0).message().contains("choices.csv:717:2: column 'name': choice repeated in list 'return_area'"),
        r.warnings().get(0).message());
    // The hint column holds the Somali text; cp1252's 0x92 is a right single quote.
    assertTrue(f.questions().stream().anyMatch(q -> q.label().text().contains("\u2019")
        || q.hint().text().contains("\u2019")));
  }

  @Test
  void structuralErrorsNameTheRow(@TempDir Path dir) throws IOException {
    Path survey = dir.resolve("survey.csv");
    Path choices = dir.resolve("choices.csv");
    Files.writeString(choices, "list_name,name,label\nyn,yes,Yes\n", StandardCharsets.UTF_8);
    Files.writeString(survey, "type,name,label\ntext,ok,OK\ninteger,2bad,Bad\n", StandardCharsets.UTF_8);
    ReadException e = assertThrows(ReadException.class, () -> XlsFormReader.read(survey));
    assertTrue(e.getMessage().startsWith(survey + ":3:2: column 'name': "), e.getMessage());
    assertTrue(e.getMessage().endsWith(": '2bad'"), e.getMessage());

    Files.writeString(survey, "type,name,label\nbegin group,g,G\ntext,ok,OK\n", StandardCharsets.UTF_8);
    ReadException open = assertThrows(ReadException.class, () -> XlsFormReader.read(survey));
    assertTrue(open.getMessage().contains("'g' is never closed"), open.getMessage());

    Files.writeString(survey, "type,name,label\nselect_one nolist,q,Q\n", StandardCharsets.UTF_8);
    ReadException list = assertThrows(ReadException.class, () -> XlsFormReader.read(survey));
    assertTrue(list.getMessage().contains("nolist"), list.getMessage());

    Files.writeString(survey, "type,name,label\nbegin_kobomatrix,m,M\ntext,ok,OK\n", StandardCharsets.UTF_8);
    FormRead skipped = XlsFormReader.read(survey);
    assertEquals(1, skipped.form().questions().size());
    assertEquals(1, skipped.warnings().size());
    assertEquals(2, skipped.warnings().get(0).line());
  }

  @Test
  void notAWorkbookIsAReadException(@TempDir Path dir) throws IOException {
    Path fake = dir.resolve("form.xlsx");
    Files.write(fake, new byte[] {'P', 'K', 3, 4, 0, 0, 0});
    ReadException e = assertThrows(ReadException.class, () -> XlsFormReader.read(fake));
    assertTrue(e.getMessage().startsWith(fake + ":0:0: "), e.getMessage());
    Path lonely = dir.resolve("lonely_survey.csv");
    Files.writeString(lonely, "type,name\ntext,a\n");
    assertNull(lonely.getParent().resolve("choices.csv").toFile().exists() ? "" : null);
    ReadException none = assertThrows(ReadException.class, () -> XlsFormReader.read(lonely));
    assertTrue(none.getMessage().contains("choices"), none.getMessage());
    assertFalse(none.getMessage().contains("\n"));
  }
}
