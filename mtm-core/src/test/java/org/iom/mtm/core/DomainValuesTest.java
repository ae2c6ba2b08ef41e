package org.iom.mtm.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.UniqueElements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DomainValuesTest {

  @ParameterizedTest
  @CsvSource({
    "female, FEMALE", "Female, FEMALE", "F, FEMALE", "woman, FEMALE", " Women , FEMALE",
    "женский, FEMALE", "Ж, FEMALE", "male, MALE", "M, MALE", "Man, MALE", "мужской, MALE",
    "other, OTHER", "non-binary, OTHER",
  })
  void sexSpellings(String text, Sex expected) {
    assertEquals(expected, Sex.parse(text));
  }

  @Test
  void unknownSexNamesTheValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Sex.parse("fem"));
    assertTrue(e.getMessage().contains("'fem'"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Sex.parse(""));
    assertTrue(Sex.find("n/a").isEmpty());
    assertEquals("female", Sex.FEMALE.code());
  }

  @Test
  void ageGroupsParseClassifyAndLabel() {
    AgeGroups g = AgeGroups.parse("18-24, 25-34,35-44,45-54,55-64,65+");
    assertEquals(AgeGroups.adultsTenYear(), g);
    assertEquals(List.of("18-24", "25-34", "35-44", "45-54", "55-64", "65+"), g.labels());
    assertEquals("18-24", g.classify(18).label());
    assertEquals("18-24", g.classify(24).label());
    assertEquals("18-24", g.classify(24.9).label());
    assertEquals("25-34", g.classify(25).label());
    assertEquals("65+", g.classify(101).label());
    assertTrue(g.find(17).isEmpty());
    assertEquals(g, AgeGroups.parse(g.toString()));
    assertEquals(List.of("0-17", "18", "19-20"), AgeGroups.parse("<18,18,19-20").labels());
  }

  @Test
  void badAgeGroupsNameTheValue() {
    assertMessage("'18-2x'", () -> AgeGroups.parse("18-2x,25+"));
    assertMessage("gap", () -> AgeGroups.parse("18-24,26-34"));
    assertMessage("overlap", () -> AgeGroups.parse("18-24,24-34"));
    assertMessage("65+", () -> AgeGroups.parse("65+,70+"));
    assertMessage("30-20", () -> AgeGroups.parse("30-20"));
    assertMessage("age 17", () -> AgeGroups.adultsTenYear().classify(17));
    assertMessage("NaN", () -> AgeGroups.adultsTenYear().classify(Double.NaN));
    assertMessage("-1.0", () -> AgeGroups.adultsTenYear().classify(-1.0));
    assertMessage("25", () -> AgeGroups.of(30, 25));
    assertMessage("at least one", () -> AgeGroups.of());
  }

  /** Bins from any increasing bounds classify every age to the bin whose bounds hold it. */
  @Property
  void everyAgeFallsInTheBinThatHoldsIt(
      @ForAll @Size(min = 1, max = 8) @UniqueElements List<@IntRange(min = 0, max = 100) Integer> bounds,
      @ForAll @IntRange(min = 0, max = 130) int age) {
    int[] b = bounds.stream().mapToInt(Integer::intValue).sorted().toArray();
    AgeGroups g = AgeGroups.of(b);
    assertEquals(g, AgeGroups.parse(g.toString()));
    if (age < b[0]) {
      assertTrue(g.find(age).isEmpty());
      return;
    }
    AgeGroup bin = g.classify(age);
    int i = 0;
    while (i + 1 < b.length && b[i + 1] <= age) {
      i++;
    }
    assertEquals(b[i], bin.lower());
    assertTrue(bin.contains(age));
  }

  @Test
  void roundsAndReferencePeriods() {
    Round r = Round.mtmKazakhstan2023();
    assertEquals(LocalDate.of(2022, 12, 1), r.period().start());
    assertEquals(LocalDate.of(2023, 2, 28), r.period().end());
    assertEquals(31 + 31 + 28, r.period().days());
    assertTrue(r.period().contains(LocalDate.of(2023, 1, 15)));
    assertTrue(!r.period().contains(LocalDate.of(2023, 3, 1)));
    assertEquals(r.period(), ReferencePeriod.parse(r.period().toString()));
    assertMessage("2023-02-30", () -> ReferencePeriod.of("2022-12-01", "2023-02-30"));
    assertMessage("before", () -> ReferencePeriod.of("2023-01-02", "2023-01-01"));
    assertMessage("'2022-12-01'", () -> ReferencePeriod.parse("2022-12-01"));
    assertMessage("' '", () -> Round.of(" ", "2022-12-01", "2023-02-28"));
    assertThrows(NullPointerException.class, () -> new Round("x", null));
  }

  @Test
  void populationCategories() {
    assertEquals(PopulationCategory.MIGRANT_WORKER, PopulationCategory.ofCode("Migrant-Worker"));
    assertMessage("'tourist'", () -> PopulationCategory.ofCode("tourist"));
  }

  @Test
  void nearestNames() {
    assertEquals(3, NearestNames.distance("kitten", "sitting"));
    assertEquals(0, NearestNames.distance("", ""));
    assertEquals(List.of("sex", "six"), NearestNames.nearest("sexe", List.of("age", "sex", "six"), 2));
    assertEquals("none known", NearestNames.suggest("x", List.of(), 3));
    assertMessage("0", () -> NearestNames.nearest("x", List.of("a"), 0));
  }

  private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable e) {
    IllegalArgumentException x = assertThrows(IllegalArgumentException.class, e);
    assertTrue(x.getMessage().contains(expected), () -> "'" + x.getMessage() + "' lacks '" + expected + "'");
  }
}
