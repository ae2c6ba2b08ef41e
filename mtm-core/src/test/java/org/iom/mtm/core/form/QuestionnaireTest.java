package org.iom.mtm.core.form;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class QuestionnaireTest {

  private static Label enRu(String en, String ru) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("English (en)", en);
    m.put("Russian (ru)", ru);
    return Label.of(m);
  }

  /** A small MTM-like form: a screening group, a profile, a repeat of household members. */
  static Questionnaire form() {
    return Questionnaire.builder("mtm_kz_2023")
        .title("MTM survey")
        .version("3")
        .defaultLanguage("English (en)")
        .add(Question.builder("consent", "select_one yes_no").label(enRu("Consent?", "Согласие?")).required(true))
        .beginGroup("profile", enRu("Profile", "Профиль"), "${consent} = 'yes'")
        .add(Question.builder("age", "integer").label("Age").constraint(". >= 0 and . < 120").required(true))
        .add(Question.builder("sex", "select_one sex").label(enRu("Sex", "Пол")))
        .add(Question.builder("reasons", "select_multiple reasons or_other").relevant("${age} >= 18"))
        .add(Question.builder("district", "select_one district").choiceFilter("region = ${region}"))
        .endGroup()
        .beginRepeat("members", Label.of("Household members"), null)
        .add(Question.builder("age", "integer"))
        .endRepeat()
        .add(Question.builder("note_end", "note"))
        .choices(ChoiceList.of("yes_no", "yes", "Yes", "no", "No"))
        .choices(ChoiceList.of("sex", List.of(Choice.of("female", enRu("Female", "Женский")), Choice.of("male", enRu("Male", "Мужской")))))
        .choices(ChoiceList.of("reasons", "work", "Employment", "family", "Family"))
        .choices(ChoiceList.of("district", List.of(new Choice("KAZ001001", Label.of("Abay District"), Map.of("region", "KAZ001")))))
        .build();
  }

  @Test
  void questionsInOrderWithGroupPathsAndRepeats() {
    Questionnaire q = form();
    assertEquals(List.of("consent", "profile/age", "profile/sex", "profile/reasons", "profile/district", "members/age", "note_end"),
        q.questions().stream().map(Question::path).toList());
    Question memberAge = q.question("members/age");
    assertEquals(List.of("members"), memberAge.groupPath());
    assertEquals("members", memberAge.repeat());
    assertNull(q.question("profile/age").repeat());
    assertEquals("MTM survey", q.title());
    assertEquals("3", q.version());
    assertEquals(List.of("English (en)", "Russian (ru)"), q.languages());
    assertTrue(q.group("members").orElseThrow().repeat());
  }

  @Test
  void lookupsByNameAndPath() {
    Questionnaire q = form();
    assertEquals("sex", q.question("sex").name());
    assertEquals(q.question("sex"), q.question("profile/sex"));
    assertEquals("select_one sex", q.question("sex").declaration().toXlsForm());
    assertEquals(List.of("female", "male"), q.selectOne("sex").names());
    assertEquals(List.of("work", "family"), q.selectMultiple("profile/reasons").names());
    assertTrue(q.question("reasons").orOther());
    assertEquals("region = ${region}", q.question("district").choiceFilter());
    assertEquals(". >= 0 and . < 120", q.question("profile/age").constraint());
    assertTrue(q.question("consent").required());
    assertEquals(List.of("${consent} = 'yes'", "${age} >= 18"), q.relevance(q.question("reasons")));
    assertEquals(List.of(), q.relevance(q.question("consent")));
    assertEquals("KAZ001", q.selectOne("district").choice("KAZ001001").properties().get("region"));
    assertTrue(q.contains("note_end"));
    assertFalse(q.contains("nope"));
  }

  @Test
  void unknownAndAmbiguousNamesAreNamed() {
    Questionnaire q = form();
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> q.question("sexe"));
    assertTrue(unknown.getMessage().contains("'sexe'"), unknown.getMessage());
    assertTrue(unknown.getMessage().contains("nearest: sex"), unknown.getMessage());

    IllegalArgumentException ambiguous = assertThrows(IllegalArgumentException.class, () -> q.question("age"));
    assertTrue(ambiguous.getMessage().contains("profile/age, members/age"), ambiguous.getMessage());

    IllegalArgumentException notSelect = assertThrows(IllegalArgumentException.class, () -> q.selectOne("reasons"));
    assertTrue(notSelect.getMessage().contains("profile/reasons"), notSelect.getMessage());
    IllegalArgumentException noList = assertThrows(IllegalArgumentException.class, () -> q.choiceList("yesno"));
    assertTrue(noList.getMessage().contains("'yesno'") && noList.getMessage().contains("yes_no"), noList.getMessage());
  }

  @Test
  void labelsPerLanguage() {
    Questionnaire q = form();
    Label sex = q.question("sex").label();
    assertEquals("Пол", sex.in("ru").orElseThrow());
    assertEquals("Пол", sex.in("Russian").orElseThrow());
    assertEquals("Sex", sex.in("english (EN)").orElseThrow());
    assertEquals("Sex", sex.text("fr"));
    assertEquals("Age", q.question("profile/age").label().text("ru"));
    assertEquals("en", Label.languageCode("English (en)").orElseThrow());
    assertTrue(Label.languageCode("English").isEmpty());
    assertTrue(Label.empty().isEmpty());
    assertEquals("", Label.empty().text());
    ChoiceList sexes = q.selectOne("sex");
    assertEquals("male", sexes.byLabel("мужской").name());
    assertEquals("female", sexes.findByLabel(" FEMALE ").orElseThrow().name());
    assertEquals(1, sexes.indexOf("male"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sexes.byLabel("Other"));
    assertTrue(e.getMessage().contains("'Other'"), e.getMessage());
  }

  private static void assertRejects(String expectedInMessage, Executable e) {
    IllegalArgumentException x = assertThrows(IllegalArgumentException.class, e);
    assertTrue(x.getMessage().contains(expectedInMessage), () -> "message '" + x.getMessage() + "' lacks " + expectedInMessage);
  }

  @Test
  void validationErrorsNameTheValue() {
    assertRejects("'colour'", () -> Questionnaire.builder("f").add(Question.builder("q", "select_one colour")).choices(ChoiceList.of("color", "red", "Red")).build());
    assertRejects("nearest: color", () -> Questionnaire.builder("f").add(Question.builder("q", "select_one colour")).choices(ChoiceList.of("color", "red", "Red")).build());
    assertRejects("'age'", () -> Questionnaire.builder("f").add(Question.builder("age", "integer")).add(Question.builder("Age", "integer")).build());
    assertRejects("'g'", () -> Questionnaire.builder("f").beginGroup("g", Label.empty(), null).build());
    assertRejects("'r'", () -> Questionnaire.builder("f").beginRepeat("r", Label.empty(), null).endGroup());
    assertRejects("end_group", () -> Questionnaire.builder("f").endGroup());
    assertRejects("'yes_no'", () -> ChoiceList.of("yes_no", "yes", "Yes", "yes", "Oui"));
    assertRejects("'x'", () -> Questionnaire.builder("f").choices(ChoiceList.of("x")).choices(ChoiceList.of("x")).build());
    assertRejects("'  '", () -> Questionnaire.builder("  ").build());
    assertRejects("'1st'", () -> Question.builder("1st", "text").build());
    assertRejects("'my q'", () -> Question.builder("my q", "text").build());
    assertRejects("'begin_group'", () -> Question.builder("q", "begin group").build());
    assertRejects("'nowhere'", () -> Questionnaire.of("f", null, null, null,
        List.of(Question.builder("q", "text").groupPath(List.of("nowhere"), null).build()), List.of(), List.of()));
    assertRejects("'r'", () -> Questionnaire.of("f", null, null, null,
        List.of(Question.builder("q", "text").groupPath(List.of("r"), null).build()),
        List.of(new Group("r", true, Label.empty(), null, List.of())), List.of()));
    assertRejects("'x'", () -> Question.builder("q", "text").groupPath(List.of("g"), "x").build());
    assertRejects("'a b'", () -> ChoiceList.of("a b", "x", "X"));
    assertRejects("must alternate", () -> ChoiceList.of("a", "x"));
    assertRejects("' '", () -> Choice.of(" ", "blank"));
    assertRejects("'ghost'", () -> form().selectOne("sex").choice("ghost"));
    assertThrows(NullPointerException.class, () -> Question.builder(null, "text").build());
    assertThrows(NullPointerException.class, () -> Label.of((String) null));
  }

  @Test
  void fileSelectsNeedNoChoiceList() {
    Questionnaire q = Questionnaire.builder("f").add(Question.builder("d", "select_one_from_file districts.csv")).build();
    assertEquals("districts.csv", q.question("d").listName());
    assertEquals("f", q.title());
  }

  @Test
  void equalFormsAreEqual() {
    assertEquals(form(), form());
    assertEquals(form().hashCode(), form().hashCode());
    assertEquals(ChoiceList.of("a", "x", "X"), ChoiceList.of("a", "x", "X"));
  }
}
