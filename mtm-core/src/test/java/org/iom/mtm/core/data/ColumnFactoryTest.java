package org.iom.mtm.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every public factory of the columnar data rejects bad input naming the value, and nulls. */
class ColumnFactoryTest {

  private static void assertMessage(String expected, Executable e) {
    IllegalArgumentException x = assertThrows(IllegalArgumentException.class, e);
    assertTrue(x.getMessage().contains(expected), () -> "'" + x.getMessage() + "' lacks '" + expected + "'");
  }

  @Test
  void badInputNamesTheValue() {
    assertMessage("' '", () -> NumericColumn.builder(" "));
    assertMessage("NaN", () -> NumericColumn.of("x", 1, Double.NaN));
    assertMessage("Infinity", () -> NumericColumn.builder("x").add(Double.POSITIVE_INFINITY));
    assertMessage("'x'", () -> NumericColumn.builder("x").addState(AnswerState.ANSWERED));
    assertMessage("'a'", () -> CategoricalColumn.builder("c", List.of("a", "b", "a")));
    assertMessage("'z'", () -> CategoricalColumn.builder("c", List.of("a")).add("z"));
    assertMessage("code 3", () -> CategoricalColumn.builder("c", List.of("a")).add(3));
    assertMessage("'c'", () -> CategoricalColumn.builder("c", List.of("a")).addState(AnswerState.ANSWERED));
    assertMessage("'o'", () -> MultiSelectColumn.builder("m", List.of("o", "o")));
    assertMessage("'q'", () -> MultiSelectColumn.builder("m", List.of("o")).add(List.of("q")));
    assertMessage("index -1", () -> MultiSelectColumn.builder("m", List.of("o")).addIndexes(-1));
    assertMessage("'m'", () -> MultiSelectColumn.builder("m", List.of("o")).addState(AnswerState.ANSWERED));
    assertMessage("'t'", () -> TextColumn.builder("t").addState(AnswerState.ANSWERED));
    assertMessage("ordinal 7", () -> AnswerState.ofOrdinal(7));
    assertMessage("'x' appears twice", () -> SurveyData.of(NumericColumn.of("x", 1), NumericColumn.of("x", 2)));
    assertMessage("'y' has 2 rows", () -> SurveyData.of(NumericColumn.of("x", 1), NumericColumn.of("y", 1, 2)));
    SurveyData d = SurveyData.of(NumericColumn.of("x", 1));
    assertMessage("'nope'", () -> d.column("nope"));
    assertMessage("'x'", () -> d.categorical("x"));
  }

  @Test
  void nullsAreRefused() {
    assertThrows(NullPointerException.class, () -> NumericColumn.builder(null));
    assertThrows(NullPointerException.class, () -> TextColumn.builder("t").add(null));
    assertThrows(NullPointerException.class, () -> CategoricalColumn.builder("c", null));
    assertThrows(NullPointerException.class, () -> CategoricalColumn.builder("c", java.util.Arrays.asList("a", null)));
    assertThrows(NullPointerException.class, () -> SurveyData.of((List<Column>) null));
  }

  @Test
  void fullyAnsweredColumnsAndEmptyData() {
    NumericColumn x = NumericColumn.of("x", 1.5, -2);
    assertEquals(-2, x.value(1));
    assertEquals(2, x.stateCounts()[AnswerState.ANSWERED.ordinal()]);
    assertEquals(0, SurveyData.of(List.of()).rowCount());
    MultiSelectColumn m = MultiSelectColumn.builder("m", List.of("a", "b")).add(List.of()).build();
    assertTrue(m.isAnswered(0));
    assertEquals(0L, m.word(0, 0));
    assertThrows(IndexOutOfBoundsException.class, () -> m.word(0, 1));
  }
}
