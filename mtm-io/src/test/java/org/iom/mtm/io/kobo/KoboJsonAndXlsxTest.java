package org.iom.mtm.io.kobo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.iom.mtm.core.data.AnswerState;
import org.iom.mtm.core.data.MultiSelectColumn;
import org.iom.mtm.core.data.SurveyData;
import org.iom.mtm.core.form.Questionnaire;
import org.iom.mtm.io.Fixtures;
import org.iom.mtm.io.ReadException;
import org.iom.mtm.io.TestXlsx;
import org.iom.mtm.io.xlsform.XlsFormReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** KoBo JSON submissions (the formpack fixtures) and KoBo XLSX exports with repeat sheets. */
class KoboJsonAndXlsxTest {

  static SurveyRead formpack(String name) {
    Path p = Fixtures.path("kobo-formpack/" + name);
    Questionnaire f = XlsFormReader.read(p).form();
    return KoboJsonReader.read(p, KoboOptions.DEFAULT.withForm(f));
  }

  @Test
  void orOtherSubmissions() {
    SurveyRead r = formpack("or_other.json");
    SurveyData d = r.data();
    assertEquals(3, d.rowCount());
    assertEquals("other", d.categorical("fav_emperor").level(0));
    assertEquals("Nero", d.text("fav_emperor_other").text(0));
    MultiSelectColumn many = d.multiSelect("fav_emperors");
    assertEquals(List.of("julius", "augustus", "tiberius", "caligula", "other"), many.options());
    assertTrue(many.selected(0, 3) && many.selected(0, 4));
    // The second submission has no fav_emperor_other key: not answered, not an empty answer.
    assertEquals(AnswerState.MISSING, d.text("fav_emperor_other").state(1));
    assertTrue(r.report().ok(), r.report().toText());
  }

  @Test
  void dietaryNeedsSelectMultiple() {
    SurveyData d = formpack("dietary_needs.json").data();
    MultiSelectColumn m = d.multiSelect("dietary_accommodations");
    assertEquals(3, d.rowCount());
    int[] selected = new int[3];
    for (int row = 0; row < 3; row++) {
      for (int o = 0; o < m.options().size(); o++) {
        selected[row] += m.selected(row, o) ? 1 : 0;
      }
    }
    // SOURCES.md: the three submissions hold 1, 2 and 4 selections.
    assertEquals(List.of(1, 2, 4), List.of(selected[0], selected[1], selected[2]));
  }

  @Test
  void groupedRepeatableGoesToARepeatTable() {
    SurveyRead r = formpack("grouped_repeatable.json");
    assertEquals(6, r.data().rowCount());
    assertEquals("montreal", r.data().text("household_location").text(0));
    SurveyData members = r.repeats().get("houshold_member_repeat");
    assertEquals(List.of("_index", "_parent_index", "household_member_name"), members.names());
    assertEquals("peter", members.text("household_member_name").text(0));
    assertEquals("kyle", members.text("household_member_name").text(1));
    assertEquals(2.0, members.numeric("_parent_index").value(1));
    assertEquals(2.0, members.numeric("_parent_index").value(2), "linda is kyle's housemate");
    assertTrue(r.report().facts().get("repeats").contains("houshold_member_repeat"));
  }

  @Test
  void longUnicodeLabelsWithoutSubmissions() {
    SurveyRead r = formpack("long_unicode_labels.json");
    assertEquals(0, r.data().rowCount());
    assertEquals(0, r.report().rowsRead());
  }

  @Test
  void apiV2PageWithLinesInProblems() {
    String json = "{\"count\": 2, \"next\": null,\n\"results\": [\n"
        + "{\"age\": \"31\", \"_id\": 1},\n"
        + "{\"age\": \"old\", \"_id\": 2}\n]}";
    Questionnaire f = Questionnaire.builder("t")
        .add(org.iom.mtm.core.form.Question.builder("age", "integer")).build();
    SurveyRead r = KoboJsonReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "api.json",
        KoboOptions.DEFAULT.withForm(f));
    assertEquals(31.0, r.data().numeric("age").value(0));
    assertEquals("api.json:4:0: column 'age': not a number: 'old'", r.report().errors().get(0).message());
    ReadException e = assertThrows(ReadException.class, () -> KoboJsonReader.read(
        new ByteArrayInputStream("{\"results\": [{\"a\": }]}".getBytes(StandardCharsets.UTF_8)), "bad.json", KoboOptions.DEFAULT));
    assertTrue(e.getMessage().startsWith("bad.json:1:"), e.getMessage());
    ReadException notKobo = assertThrows(ReadException.class, () -> KoboJsonReader.read(
        new ByteArrayInputStream("{\"x\": 1}".getBytes(StandardCharsets.UTF_8)), "x.json", KoboOptions.DEFAULT));
    assertTrue(notKobo.getMessage().contains("no \"results\""), notKobo.getMessage());
  }

  @Test
  void xlsxExportWithARepeatSheet(@TempDir Path dir) throws IOException {
    Path x = dir.resolve("export.xlsx");
    Files.write(x, new TestXlsx()
        .sheet("Survey", List.of(
            List.of("start", "consent", "age", "_index"),
            List.of("2023-01-05", "yes", "30", "1"),
            List.of("2023-01-06", "no", "", "2"),
            List.of("2023-01-07", "yes", "x1", "3")))
        .sheet("members", List.of(
            List.of("member_age", "_index", "_parent_index"),
            List.of("4", "1", "1"),
            List.of("40", "2", "1")))
        .bytes());
    SurveyRead r = SurveyReader.read(x, KoboOptions.DEFAULT.withForm(KoboReaderTest.form()));
    assertEquals(3, r.data().rowCount());
    assertEquals(30.0, r.data().numeric("age").value(0));
    assertEquals(AnswerState.NOT_ASKED, r.data().numeric("age").state(1));
    assertEquals(x + "#Survey:4:3: column 'age': not a number: 'x1'", r.report().errors().get(0).message());
    SurveyData members = r.repeats().get("members");
    assertEquals(40.0, members.numeric("member_age").value(1));
    assertEquals(1.0, members.numeric("_parent_index").value(1));
  }

  @Test
  void surveyReaderPicksTheFormatByContent(@TempDir Path dir) throws IOException {
    Path json = dir.resolve("data.txt");
    Files.writeString(json, "\uFEFF  [{\"a\": \"1\"}]", StandardCharsets.UTF_8);
    assertEquals("KoBo JSON submissions", SurveyReader.read(json, KoboOptions.DEFAULT).report().format());
    Path csv = dir.resolve("data.json");
    Files.writeString(csv, "a;b\n1;2\n", StandardCharsets.UTF_8);
    assertEquals("KoBo CSV export", SurveyReader.read(csv, KoboOptions.DEFAULT).report().format());
  }
}
