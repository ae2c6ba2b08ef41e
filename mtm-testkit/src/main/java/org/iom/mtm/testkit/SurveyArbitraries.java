package org.iom.mtm.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.iom.mtm.core.data.AnswerState;
import org.iom.mtm.core.data.CategoricalColumn;
import org.iom.mtm.core.data.Column;
import org.iom.mtm.core.data.MultiSelectColumn;
import org.iom.mtm.core.data.NumericColumn;
import org.iom.mtm.core.data.SurveyData;
import org.iom.mtm.core.data.TextColumn;

/**
 * jqwik arbitraries for the columnar survey data: cells in every {@link AnswerState}, columns of
 * every kind, whole data sets. They shrink toward few rows, few levels, answered cells and small
 * values, so a failing property reports a small, readable case.
 */
public final class SurveyArbitraries {
  private SurveyArbitraries() {}

  /**
   * Answer states, shrinking toward {@link AnswerState#ANSWERED}; answered cells are the most
   * frequent.
   *
   * @return the arbitrary
   */
  public static Arbitrary<AnswerState> answerStates() {
    return Arbitraries.frequency(
        net.jqwik.api.Tuple.of(12, AnswerState.ANSWERED),
        net.jqwik.api.Tuple.of(2, AnswerState.MISSING),
        net.jqwik.api.Tuple.of(2, AnswerState.NOT_ASKED),
        net.jqwik.api.Tuple.of(1, AnswerState.DONT_KNOW),
        net.jqwik.api.Tuple.of(1, AnswerState.REFUSED));
  }

  /**
   * Names of levels or options: {@code l0}, {@code l1}, ...
   *
   * @param count how many
   * @return the names
   */
  public static List<String> levelNames(int count) {
    List<String> l = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      l.add("l" + i);
    }
    return l;
  }

  /**
   * Numeric columns of a given length, values in [-1e6, 1e6] with some non-answered cells.
   *
   * @param name the column name
   * @param rows the number of rows
   * @return the arbitrary
   */
  public static Arbitrary<NumericColumn> numericColumns(String name, int rows) {
    Arbitrary<Double> value = Arbitraries.doubles().between(-1e6, 1e6).ofScale(3);
    return Combinators.combine(answerStates().list().ofSize(rows), value.list().ofSize(rows))
        .as(
            (states, values) -> {
              NumericColumn.Builder b = NumericColumn.builder(name);
              for (int i = 0; i < rows; i++) {
                if (states.get(i) == AnswerState.ANSWERED) {
                  b.add(values.get(i));
                } else {
                  b.addState(states.get(i));
                }
              }
              return b.build();
            });
  }

  /**
   * Categorical (select_one) columns of a given length with 1 to 8 levels.
   *
   * @param name the column name
   * @param rows the number of rows
   * @return the arbitrary
   */
  public static Arbitrary<CategoricalColumn> categoricalColumns(String name, int rows) {
    return Arbitraries.integers()
        .between(1, 8)
        .flatMap(
            levels ->
                Combinators.combine(
                        answerStates().list().ofSize(rows),
                        Arbitraries.integers().between(0, levels - 1).list().ofSize(rows))
                    .as(
                        (states, codes) -> {
                          CategoricalColumn.Builder b = CategoricalColumn.builder(name, levelNames(levels));
                          for (int i = 0; i < rows; i++) {
                            if (states.get(i) == AnswerState.ANSWERED) {
                              b.add(codes.get(i).intValue());
                            } else {
                              b.addState(states.get(i));
                            }
                          }
                          return b.build();
                        }));
  }

  /**
   * select_multiple columns of a given length with 1 to 70 options (so that more than one 64-bit
   * word is exercised), shrinking toward few options.
   *
   * @param name the column name
   * @param rows the number of rows
   * @return the arbitrary
   */
  public static Arbitrary<MultiSelectColumn> multiSelectColumns(String name, int rows) {
    return Arbitraries.integers()
        .between(1, 70)
        .shrinkTowards(1)
        .flatMap(
            options ->
                Combinators.combine(
                        answerStates().list().ofSize(rows),
                        Arbitraries.integers().between(0, options - 1).set().ofMaxSize(Math.min(options, 6)).list().ofSize(rows))
                    .as(
                        (states, sets) -> {
                          MultiSelectColumn.Builder b = MultiSelectColumn.builder(name, levelNames(options));
                          for (int i = 0; i < rows; i++) {
                            if (states.get(i) == AnswerState.ANSWERED) {
                              b.addIndexes(toArray(sets.get(i)));
                            } else {
                              b.addState(states.get(i));
                            }
                          }
                          return b.build();
                        }));
  }

  /**
   * Text columns of a given length, any Unicode text including separators and quotes.
   *
   * @param name the column name
   * @param rows the number of rows
   * @return the arbitrary
   */
  public static Arbitrary<TextColumn> textColumns(String name, int rows) {
    Arbitrary<String> text = Arbitraries.strings().ofMaxLength(12).withChars("ab ;,\"'\nçЖ😀".toCharArray());
    return Combinators.combine(answerStates().list().ofSize(rows), text.list().ofSize(rows))
        .as(
            (states, texts) -> {
              TextColumn.Builder b = TextColumn.builder(name);
              for (int i = 0; i < rows; i++) {
                if (states.get(i) == AnswerState.ANSWERED) {
                  b.add(texts.get(i));
                } else {
                  b.addState(states.get(i));
                }
              }
              return b.build();
            });
  }

  /**
   * A column of any kind.
   *
   * @param name the column name
   * @param rows the number of rows
   * @return the arbitrary
   */
  public static Arbitrary<Column> columns(String name, int rows) {
    return Arbitraries.oneOf(
        numericColumns(name, rows).map(c -> (Column) c),
        categoricalColumns(name, rows).map(c -> (Column) c),
        multiSelectColumns(name, rows).map(c -> (Column) c),
        textColumns(name, rows).map(c -> (Column) c));
  }

  /**
   * Whole data sets: 0 to 40 rows, 1 to 6 columns of any kind named {@code v0}, {@code v1}, ...
   *
   * @return the arbitrary
   */
  public static Arbitrary<SurveyData> surveyData() {
    return Combinators.combine(Arbitraries.integers().between(0, 40), Arbitraries.integers().between(1, 6))
        .flatAs(
            (rows, count) -> {
              List<Arbitrary<Column>> cols = new ArrayList<>();
              for (int i = 0; i < count; i++) {
                cols.add(columns("v" + i, rows));
              }
              return Combinators.combine(cols).as(SurveyData::of);
            });
  }

  private static int[] toArray(Set<Integer> s) {
    return s.stream().mapToInt(Integer::intValue).sorted().toArray();
  }
}
