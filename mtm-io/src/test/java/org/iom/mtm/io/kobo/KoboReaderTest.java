package org.iom.mtm.io.kobo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.iom.mtm.core.data.AnswerState;
import org.iom.mtm.core.data.CategoricalColumn;
import org.iom.mtm.core.data.MultiSelectColumn;
import org.iom.mtm.core.data.NumericColumn;
import org.iom.mtm.core.data.SurveyData;
import org.iom.mtm.core.data.TextColumn;
import org.iom.mtm.core.form.ChoiceList;
import org.iom.mtm.core.form.Label;
import org.iom.mtm.core.form.Question;
import org.iom.mtm.core.form.Questionnaire;
import org.iom.mtm.io.ReadException;
import org.iom.mtm.io.ReadProblem;
import org.iom.mtm.io.report.ReadReport;
import org.iom.mtm.io.xlsform.XlsFormReader;
import org.iom.mtm.io.Fixtures;
import org.junit.jupiter.api.Test;

class KoboReaderTest {

  static Questionnaire form() {
    return Questionnaire.builder("mtm_test")
        .add(Question.builder("consent", "select_one yn").label("Do you agree?"))
        .add(Question.builder("age", "integer").label("How old are you?")
            .relevant("selected(${consent},'yes')").constraint(". >= 18 and . < 120").required(true))
        .add(Question.builder("sex", "select_one sex").relevant("${consent} = 'yes'"))
        .add(Question.builder("reasons", "select_multiple reasons or_other").relevant("${age} >= 18"))
        .add(Question.builder("income", "decimal").relevant("${age} > 0 and today() > 0"))
        .beginGroup("hh", Label.of("Household"), null)
        .add(Question.builder("size", "integer"))
        .endGroup()
        .choices(ChoiceList.of("yn", "yes", "Yes", "no", "No"))
        .choices(ChoiceList.of("sex", "female", "Female", "male", "Male"))
        .choices(ChoiceList.of("reasons", "work", "Work", "family", "Family", "study", "Study"))
        .build();
  }

  static SurveyRead read(String csv, KoboOptions o) {
    byte[] b = ("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8);
    return KoboReader.readCsv(new ByteArrayInputStream(b), "t.csv", o);
  }

  static final String HEADER =
      "\"start\";\"consent\";\"age\";\"sex\";\"reasons\";\"reasons/work\";\"reasons/family\";\"reasons/study\";"
          + "\"reasons/other\";\"reasons_other\";\"income\";\"hh/size\";\"_uuid\"\r\n";

  @Test
  void skipLogicIsTheSameForEveryRowSharingTheReferencedAnswers() {
    // Relevance is evaluated once per distinct combination of referenced answers and reused:
    // each row must still get its own combination's verdict (hand-derived below), including an
    // order-sensitive comparison of a select_multiple and a "don't know" age.
    Questionnaire form = Questionnaire.builder("memo")
        .add(Question.builder("m", "select_multiple abc"))
        .add(Question.builder("n", "integer"))
        .add(Question.builder("q", "text").relevant("selected(${m}, 'a') and ${n} >= 18"))
        .add(Question.builder("p", "text").relevant("${m} = 'b a'"))
        .choices(ChoiceList.of("abc", "a", "A", "b", "B", "c", "C"))
        .build();
    String[] ms = {"a", "b a", "a b", "c", "", "a c"};
    String[] ns = {"30", "17", "dnk", "", "18"};
    StringBuilder csv = new StringBuilder("m;n;q;p\n");
    int rows = 300;
    for (int i = 0; i < rows; i++) {
      csv.append(ms[i % ms.length]).append(';').append(ns[i % ns.length]).append(";;\n");
    }
    SurveyData d = read(csv.toString(), KoboOptions.DEFAULT.withForm(form)).data();
    TextColumn q = d.text("q");
    TextColumn p = d.text("p");
    for (int i = 0; i < rows; i++) {
      String m = ms[i % ms.length];
      String n = ns[i % ns.length];
      boolean hasA = List.of(m.split(" ")).contains("a");
      // "dnk" and "" compare as an empty value: not a number, so ${n} >= 18 is false.
      boolean adult = n.equals("30") || n.equals("18");
      AnswerState expectQ = hasA && adult ? AnswerState.MISSING : AnswerState.NOT_ASKED;
      AnswerState expectP = m.equals("b a") ? AnswerState.MISSING : AnswerState.NOT_ASKED;
      assertEquals(expectQ, q.state(i), "q, row " + i + ": m='" + m + "', n='" + n + "'");
      assertEquals(expectP, p.state(i), "p, row " + i + ": m='" + m + "'");
    }
  }

  @Test
  void formTypesSkipLogicAndStates() {
    String csv = HEADER
        + "#date;#indicator+consent;#affected+age;;;;;;;;;;\r\n"
        + "2023-01-05;yes;30;female;work family;1;1;0;0;;1500.5;4;u1\r\n"
        + "2023-01-05;no;;;;;;;;;;;u2\r\n"
        + "2023-01-06;yes;dnk;male;;;;;;;;NA;u3\r\n"
        + "2023-01-06;yes;25;x;other;0;0;0;1;\"Odd \"\"jobs\"\"\";n/a;2;u4\r\n"
        + "2023-01-07;yes;abc;female;study;0;0;1;0;;;3;u5\r\n"
        + "2023-01-07;yes;44\r\n"
        + "2023-01-08;yes;17;pnta;;;;;;;;1;u7\r\n";
    SurveyRead r = read(csv, KoboOptions.DEFAULT.withForm(form()).withValidation(true));
    SurveyData d = r.data();
    ReadReport rep = r.report();
    assertEquals(7, rep.rowsRead());
    assertEquals(6, rep.rowsUsed());
    assertEquals("#indicator+consent", r.hashtags().get("consent"));
    assertEquals(List.of("start", "consent", "age", "sex", "reasons", "reasons_other", "income", "size", "_uuid"), d.names());

    NumericColumn age = d.numeric("age");
    assertEquals(30.0, age.value(0));
    assertEquals(AnswerState.NOT_ASKED, age.state(1), "consent = no: not asked");
    assertEquals(AnswerState.DONT_KNOW, age.state(2));
    assertEquals(AnswerState.MISSING, age.state(4), "'abc' is not a number: missing, reported");
    assertEquals(17.0, age.value(5));

    CategoricalColumn sex = d.categorical("sex");
    assertEquals(List.of("female", "male"), sex.levels());
    assertEquals("female", sex.level(0));
    assertEquals(AnswerState.NOT_ASKED, sex.state(1));
    assertEquals(AnswerState.MISSING, sex.state(3), "'x' is not a choice");
    assertEquals(AnswerState.REFUSED, sex.state(5));

    MultiSelectColumn reasons = d.multiSelect("reasons");
    assertEquals(List.of("work", "family", "study", "other"), reasons.options());
    assertTrue(reasons.selected(0, 0) && reasons.selected(0, 1) && !reasons.selected(0, 2));
    assertEquals(AnswerState.NOT_ASKED, reasons.state(1));
    assertEquals(AnswerState.NOT_ASKED, reasons.state(2), "age is don't know: ${age} >= 18 is false");
    assertTrue(reasons.selected(3, 3));
    assertEquals(AnswerState.NOT_ASKED, reasons.state(5), "17 < 18");
    assertEquals("Odd \"jobs\"", d.text("reasons_other").text(3));

    // income's relevant uses today(): not evaluated, so its empty cells stay missing, never not asked.
    NumericColumn income = d.numeric("income");
    assertEquals(1500.5, income.value(0));
    assertEquals(AnswerState.MISSING, income.state(1));
    assertEquals(AnswerState.MISSING, income.state(3), "n/a is a missing marker");

    assertEquals(AnswerState.MISSING, d.numeric("size").state(2), "NA");
    assertEquals(4.0, d.numeric("size").value(0), "hh/size is the group path of size");

    List<String> errors = rep.errors().stream().map(ReadProblem::message).toList();
    assertTrue(errors.contains("t.csv:6:4: column 'sex': not a choice of list 'sex': 'x'"), errors.toString());
    assertTrue(errors.contains("t.csv:7:3: column 'age': not a number: 'abc'"), errors.toString());
    assertTrue(errors.contains("t.csv:8:0: row has 3 cells but the header 13; row left out"), errors.toString());
    assertTrue(errors.contains("t.csv:9:3: column 'age': fails its constraint . >= 18 and . < 120: '17'"), errors.toString());
    assertEquals(4, rep.errorCount(), errors.toString());
    assertTrue(rep.warnings().stream().anyMatch(p -> p.reason().contains("today()")), rep.warnings().toString());
    assertFalse(rep.ok());
    assertEquals("UTF-8", rep.facts().get("encoding"));
    assertEquals(";", rep.facts().get("delimiter"));
  }

  @Test
  void splitColumnsAloneEmptyIsNotAskedNeverZero() {
    String csv = "consent,age,reasons/work,reasons/family,reasons/study\n"
        + "yes,30,1,0,0\n"
        + "no,,,,\n"
        + "yes,40,,,\n"
        + "yes,50,False,False,False\n"
        + "yes,20,TRUE,maybe,FALSE\n";
    SurveyRead r = read(csv, KoboOptions.DEFAULT.withForm(form()));
    MultiSelectColumn m = r.data().multiSelect("reasons");
    assertTrue(m.selected(0, 0));
    assertEquals(AnswerState.NOT_ASKED, m.state(1));
    assertEquals(AnswerState.MISSING, m.state(2), "asked (age 40) but every split cell empty");
    assertEquals(AnswerState.ANSWERED, m.state(3), "all False: answered, nothing selected");
    assertFalse(m.selected(3, 0) || m.selected(3, 1) || m.selected(3, 2));
    assertTrue(m.selected(4, 0));
    assertEquals("t.csv:6:4: column 'reasons/family': not 1/0/True/False in a select_multiple split column: 'maybe'",
        r.report().errors().get(0).message());
  }

  @Test
  void theParentColumnDecidesWhoAnswered() {
    String csv = "consent,age,reasons,reasons/work,reasons/family\n"
        + "yes,30,,1,1\n"
        + "yes,30,family,0,1\n"
        + "yes,30,work,0,1\n";
    SurveyRead r = read(csv, KoboOptions.DEFAULT.withForm(form()));
    MultiSelectColumn m = r.data().multiSelect("reasons");
    assertEquals(AnswerState.MISSING, m.state(0), "empty q: not answered, whatever the split columns hold");
    assertTrue(m.selected(1, 1) && !m.selected(1, 0));
    assertTrue(m.selected(2, 0) && !m.selected(2, 1));
    assertEquals(2, r.report().warningCount() - r.report().warnings().stream()
        .filter(p -> !p.reason().startsWith("split column disagrees")).count());
  }

  @Test
  void labelHeadersAndLabelValuesMapThroughTheForm() {
    String csv = "Do you agree?\tHow old are you?\n\"Yes\"\t33\nNo\t\n";
    SurveyRead r = read(csv, KoboOptions.DEFAULT.withForm(form()));
    assertEquals("yes", r.data().categorical("consent").level(0));
    assertEquals(33.0, r.data().numeric("age").value(0));
    assertEquals(AnswerState.NOT_ASKED, r.data().numeric("age").state(1));
    assertTrue(r.report().warnings().stream().anyMatch(p -> p.reason().equals("question of the form has no column in the data")
        && "sex".equals(p.columnName())));
  }

  @Test
  void withoutAFormTypesAreInferred() {
    String csv = "id,age,region,reasons,reasons/work,reasons/family,weight,note\n"
        + "1,30,north,work,1,0,1.5,ok\n"
        + "2,NA,south,work family,1,1,2,\n"
        + "3,41,north,,,,2.5e0,dnk\n"
        + "4,dk,west,family,0,1,3,x\n";
    KoboOptions o = KoboOptions.DEFAULT.withCategorical(Set.of("region"));
    SurveyRead r = read(csv, o);
    SurveyData d = r.data();
    assertEquals(List.of("id", "age", "region", "reasons", "weight", "note"), d.names());
    assertEquals(AnswerState.MISSING, d.numeric("age").state(1));
    assertEquals(AnswerState.DONT_KNOW, d.numeric("age").state(3));
    assertEquals(List.of("north", "south", "west"), d.categorical("region").levels());
    MultiSelectColumn m = d.multiSelect("reasons");
    assertEquals(List.of("work", "family"), m.options());
    assertEquals(AnswerState.MISSING, m.state(2));
    assertEquals(2.5, d.numeric("weight").value(2));
    TextColumn note = d.text("note");
    assertEquals(AnswerState.DONT_KNOW, note.state(2));
    assertTrue(r.report().ok(), r.report().toText());
  }

  @Test
  void multiFromTheSpaceSeparatedColumnAlone() {
    String csv = "id;needs\n1;food water\n2;\n3;water\n";
    SurveyRead r = read(csv, KoboOptions.DEFAULT.withMultiSelect(Set.of("needs")));
    MultiSelectColumn m = r.data().multiSelect("needs");
    assertEquals(List.of("food", "water"), m.options());
    assertTrue(m.selected(0, 0) && m.selected(0, 1));
    assertEquals(AnswerState.MISSING, m.state(1));
  }

  @Test
  void specialAnswersAreConfigurable() {
    String csv = "age\n-99\ndnk\n";
    KoboOptions o = KoboOptions.DEFAULT.withSpecialAnswers(SpecialAnswers.none().with("-99", AnswerState.DONT_KNOW));
    SurveyRead r = read(csv, o);
    assertEquals(AnswerState.DONT_KNOW, r.data().column("age").state(0));
    assertEquals(AnswerState.ANSWERED, r.data().column("age").state(1), "dnk is text here: the column is text");
    assertTrue(r.data().column("age") instanceof TextColumn);
  }

  @Test
  void cellsAfterAMultiLineNoteKeepTheirOwnLine() {
    String csv = "note,age\n\"first line\nsecond line\nthird\",abc\n";
    SurveyRead r = read(csv, KoboOptions.DEFAULT.withForm(form()));
    // The record starts on line 2; the age cell sits on line 4, after the note's two line breaks.
    assertEquals("t.csv:4:2: column 'age': not a number: 'abc'", r.report().errors().get(0).message());
    assertEquals(2, r.line(0));
    ReadReport more = r.report().toBuilder()
        .error(new ReadProblem("t.csv", 2, 0, null, null, "later check")).build();
    assertEquals(2, more.errorCount());
    assertEquals(2, more.counts().stream().mapToLong(ReadReport.Count::count).sum() - r.report().warningCount());
  }

  @Test
  void unreadableInputIsAReadException() {
    ReadException e = assertThrows(ReadException.class, () -> read("a,b\n1,\"open\n", KoboOptions.DEFAULT));
    assertEquals("t.csv:2:2: column 'b': a quoted field is not closed before the end of the file", e.getMessage());
  }

  /** REACH Somalia MSNA export with its XLSForm as CSV sheets (fixtures/SOURCES.md). */
  @Test
  void reachSomaliaWithItsForm() throws Exception {
    Questionnaire f = XlsFormReader.read(Fixtures.path("reach-somalia-msna/survey.csv")).form();
    SurveyRead r;
    try (InputStream in = getClass().getResourceAsStream("/fixtures/reach-somalia-msna/data.csv")) {
      r = KoboReader.readCsv(in, "data.csv", KoboOptions.DEFAULT.withForm(f));
    }
    ReadReport rep = r.report();
    assertEquals(131, rep.rowsRead());
    assertEquals(131, rep.rowsUsed());
    assertEquals("windows-1252", rep.facts().get("encoding"));
    SurveyData d = r.data();
    assertEquals(131, d.rowCount());
    MultiSelectColumn exp = d.multiSelect("household_expenditure");
    assertEquals(8, exp.options().size());
    assertEquals("father", exp.options().get(0));
    // The dotted split columns (R's make.names) are folded into the question, not left as columns.
    assertFalse(d.names().contains("household_expenditure.father"));
    // Every household said yes to hh_children, so the child counts were asked of all 131.
    NumericColumn babies = d.numeric("males_0_6m");
    assertEquals(0, babies.stateCounts()[AnswerState.NOT_ASKED.ordinal()]);
    assertEquals(131, babies.stateCounts()[AnswerState.ANSWERED.ordinal()]);
    // R lower-cased FCS_ranking to fcs_ranking; matched ignoring case.
    assertTrue(d.names().contains("FCS_ranking"));
    // region_idp holds codes with '_' where the choice list has spaces: reported, one per cell.
    long regionErrors = rep.counts().stream()
        .filter(c -> "region_idp".equals(c.column()) && c.reason().equals("not a choice of list 'region'"))
        .mapToLong(ReadReport.Count::count).sum();
    // Python csv over the same files: 39 region_idp values are not names of list region.
    assertEquals(39, regionErrors);
    assertTrue(rep.errors().stream().anyMatch(p -> p.message().startsWith("data.csv:") && p.message().contains(
        "column 'region_idp': not a choice of list 'region': 'woqooyi_galbeed'")));
  }

  /** The same export without a form: split columns become select_multiple by their values. */
  @Test
  void reachSomaliaWithoutAForm() throws Exception {
    SurveyRead r;
    try (InputStream in = getClass().getResourceAsStream("/fixtures/reach-somalia-msna/data.csv")) {
      r = KoboReader.readCsv(in, "data.csv", KoboOptions.DEFAULT);
    }
    SurveyData d = r.data();
    assertEquals(List.of("father", "mother", "adult_male", "adult_female", "male_14_17", "female_14_17", "male_13", "female_13"),
        d.multiSelect("household_expenditure").options());
    assertTrue(d.column("target.site") instanceof TextColumn, "a lone dotted name is not a split column");
    assertEquals("column_1", d.names().get(0));
    assertTrue(d.column("column_1") instanceof NumericColumn);
  }
}
