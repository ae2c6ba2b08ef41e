package org.iom.mtm.core;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.iom.mtm.core.form.Choice;
import org.iom.mtm.core.form.ChoiceList;
import org.iom.mtm.core.form.Group;
import org.iom.mtm.core.form.Label;
import org.iom.mtm.core.form.Question;
import org.iom.mtm.core.form.Questionnaire;
import org.iom.mtm.core.geo.AdminArea;
import org.iom.mtm.core.geo.Country;
import org.iom.mtm.core.geo.Gazetteer;
import org.iom.mtm.core.respondent.EligibilityCriteria;
import org.iom.mtm.core.respondent.Ineligibility;
import org.iom.mtm.core.respondent.Screening;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The public factories of mtm-core not covered by their own tests: bad values named, nulls refused. */
class FactoriesRejectBadInputTest {

  private static void assertNames(String value, Executable e) {
    IllegalArgumentException x = assertThrows(IllegalArgumentException.class, e);
    assertTrue(x.getMessage().contains(value), () -> "'" + x.getMessage() + "' lacks '" + value + "'");
  }

  @Test
  void badValuesAreNamed() {
    assertNames("' '", () -> Label.of(Map.of(" ", "text")));
    assertNames("'2nd'", () -> new Group("2nd", false, Label.empty(), null, List.of()));
    assertNames("'a/b'", () -> new Group("ok", false, Label.empty(), null, List.of("a/b")));
    assertNames("-1", () -> new AgeGroup(-1, null));
    assertNames("' '", () -> new Ineligibility(" ", "reason"));
    assertNames("'A'", () -> Gazetteer.of("t", List.of(AdminArea.of("A", "a", 0, null), AdminArea.of("a", "b", 0, null))));
    assertNames("'B'", () -> Gazetteer.of("t", List.of(AdminArea.of("A", "a", 1, "B"))));
    assertNames("'Atlantis'", () -> Country.resolve("Atlantis"));
    assertNames("'K1'", () -> new Country("KAZ", "K1", "x"));
    assertNames("'h/q'", () -> Questionnaire.builder("f")
        .add(Question.builder("q", "text")).beginGroup("g", Label.empty(), null)
        .add(Question.builder("q", "integer").groupPath(List.of("h"), null)).endGroup().build());
    assertNames("'list name'", () -> ChoiceList.of("list name", List.of()));
  }

  @Test
  void nullsAreRefused() {
    assertThrows(NullPointerException.class, () -> Sex.parse(null));
    assertThrows(NullPointerException.class, () -> AgeGroups.parse(null));
    assertThrows(NullPointerException.class, () -> AgeGroups.of((List<AgeGroup>) null));
    assertThrows(NullPointerException.class, () -> ReferencePeriod.of(null, "2023-01-01"));
    assertThrows(NullPointerException.class, () -> new ReferencePeriod(null, null));
    assertThrows(NullPointerException.class, () -> Choice.of("a", (Label) null));
    assertThrows(NullPointerException.class, () -> ChoiceList.of(null, List.of()));
    assertThrows(NullPointerException.class, () -> Questionnaire.builder(null));
    assertThrows(NullPointerException.class, () -> Question.builder("q", (String) null));
    assertThrows(NullPointerException.class, () -> Gazetteer.of(null, List.of()));
    assertThrows(NullPointerException.class, () -> Gazetteer.kazakhstan().resolve(null, 1));
    assertThrows(NullPointerException.class, () -> Country.find(null));
    assertThrows(NullPointerException.class, () -> new Screening(null, List.of()));
    assertThrows(NullPointerException.class, () -> EligibilityCriteria.mtmKazakhstan2023().screen((org.iom.mtm.core.respondent.Respondent) null));
    assertThrows(NullPointerException.class, () -> PopulationCategory.ofCode(null));
  }
}
