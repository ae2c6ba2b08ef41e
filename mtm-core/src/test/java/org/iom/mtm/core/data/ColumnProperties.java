package org.iom.mtm.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Build/read round trips of every column kind, states included, over generated data. */
class ColumnProperties {

  /** One generated cell: a state, and the value used when the state is ANSWERED. */
  record Cell<T>(AnswerState state, T value) {}

  private static <T> Arbitrary<List<Cell<T>>> cells(Arbitrary<T> values) {
    Arbitrary<AnswerState> states =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(6, Arbitraries.just(AnswerState.ANSWERED)),
            net.jqwik.api.Tuple.of(4, Arbitraries.of(AnswerState.class)));
    return Combinators.combine(states, values).as(Cell::new).list().ofMaxSize(300);
  }

  @Provide
  Arbitrary<List<Cell<Double>>> numericCells() {
    return cells(Arbitraries.doubles());
  }

  @Property
  void numericRoundTrip(@ForAll("numericCells") List<Cell<Double>> cells) {
    NumericColumn c = buildNumeric(cells);
    assertEquals(cells.size(), c.size());
    int[] counts = new int[AnswerState.values().length];
    for (int i = 0; i < cells.size(); i++) {
      Cell<Double> cell = cells.get(i);
      counts[cell.state().ordinal()]++;
      assertEquals(cell.state(), c.state(i));
      if (cell.state().isAnswered()) {
        assertEquals(cell.value(), c.value(i));
      } else {
        int row = i;
        assertThrows(IllegalStateException.class, () -> c.value(row));
      }
    }
    assertEquals(List.of(box(counts)), List.of(box(c.stateCounts())));
    NumericColumn again = buildNumeric(cells);
    assertEquals(c, again);
    assertEquals(c.hashCode(), again.hashCode());
    assertThrows(IndexOutOfBoundsException.class, () -> c.state(cells.size()));
  }

  private static NumericColumn buildNumeric(List<Cell<Double>> cells) {
    NumericColumn.Builder b = NumericColumn.builder("x");
    for (Cell<Double> cell : cells) {
      if (cell.state().isAnswered()) {
        b.add(cell.value());
      } else {
        b.addState(cell.state());
      }
    }
    assertEquals(cells.size(), b.size());
    return b.build();
  }

  @Provide
  Arbitrary<List<Cell<String>>> textCells() {
    return cells(Arbitraries.strings().ofMaxLength(12));
  }

  @Property
  void textRoundTrip(@ForAll("textCells") List<Cell<String>> cells) {
    TextColumn c = buildText(cells);
    assertEquals(cells.size(), c.size());
    for (int i = 0; i < cells.size(); i++) {
      Cell<String> cell = cells.get(i);
      assertEquals(cell.state(), c.state(i));
      if (cell.state().isAnswered()) {
        assertEquals(cell.value(), c.text(i));
      } else {
        int row = i;
        assertThrows(IllegalStateException.class, () -> c.text(row));
      }
    }
    TextColumn again = buildText(cells);
    assertEquals(c, again);
    assertEquals(c.hashCode(), again.hashCode());
  }

  private static TextColumn buildText(List<Cell<String>> cells) {
    TextColumn.Builder b = TextColumn.builder("t");
    for (Cell<String> cell : cells) {
      if (cell.state().isAnswered()) {
        b.add(cell.value());
      } else {
        b.addState(cell.state());
      }
    }
    return b.build();
  }

  /** Level counts on both sides of the one-byte limit (127). */
  @Provide
  Arbitrary<Integer> levelCounts() {
    return Arbitraries.oneOf(
        Arbitraries.integers().between(1, 10), Arbitraries.integers().between(120, 300));
  }

  @Property
  void categoricalRoundTrip(
      @ForAll("levelCounts") int levels, @ForAll("codeCells") List<Cell<Integer>> raw) {
    List<String> names = IntStream.range(0, levels).mapToObj(i -> "l" + i).toList();
    List<Cell<Integer>> cells = raw.stream().map(c -> new Cell<>(c.state(), Math.floorMod(c.value(), levels))).toList();
    CategoricalColumn c = buildCategorical(names, cells, false);
    assertEquals(cells.size(), c.size());
    assertEquals(names, c.levels());
    for (int i = 0; i < cells.size(); i++) {
      Cell<Integer> cell = cells.get(i);
      assertEquals(cell.state(), c.state(i));
      if (cell.state().isAnswered()) {
        assertEquals(cell.value(), c.code(i));
        assertEquals(names.get(cell.value()), c.level(i));
      } else {
        int row = i;
        assertThrows(IllegalStateException.class, () -> c.code(row));
      }
    }
    CategoricalColumn byName = buildCategorical(names, cells, true);
    assertEquals(c, byName);
    assertEquals(c.hashCode(), byName.hashCode());
    if (!cells.isEmpty() && cells.get(0).state().isAnswered() && levels > 1) {
      List<Cell<Integer>> changed = new ArrayList<>(cells);
      changed.set(0, new Cell<>(AnswerState.ANSWERED, (cells.get(0).value() + 1) % levels));
      assertNotEquals(c, buildCategorical(names, changed, false));
    }
  }

  @Provide
  Arbitrary<List<Cell<Integer>>> codeCells() {
    return cells(Arbitraries.integers().between(0, 1000));
  }

  private static CategoricalColumn buildCategorical(List<String> levels, List<Cell<Integer>> cells, boolean byName) {
    CategoricalColumn.Builder b = CategoricalColumn.builder("c", levels);
    for (Cell<Integer> cell : cells) {
      if (!cell.state().isAnswered()) {
        b.addState(cell.state());
      } else if (byName) {
        b.add(levels.get(cell.value()));
      } else {
        b.add(cell.value().intValue());
      }
    }
    return b.build();
  }

  /** Option counts on both sides of one 64-bit word. */
  @Provide
  Arbitrary<Integer> optionCounts() {
    return Arbitraries.oneOf(
        Arbitraries.integers().between(1, 8), Arbitraries.integers().between(60, 200));
  }

  @Provide
  Arbitrary<List<Cell<List<Integer>>>> selectionCells() {
    return cells(Arbitraries.integers().between(0, 10_000).list().ofMaxSize(6));
  }

  @Property
  void multiSelectRoundTrip(
      @ForAll("optionCounts") int options, @ForAll("selectionCells") List<Cell<List<Integer>>> raw) {
    List<String> names = IntStream.range(0, options).mapToObj(i -> "o" + i).toList();
    List<Cell<BitSet>> cells = new ArrayList<>();
    for (Cell<List<Integer>> c : raw) {
      BitSet s = new BitSet();
      c.value().forEach(k -> s.set(k % options));
      cells.add(new Cell<>(c.state(), s));
    }
    MultiSelectColumn c = buildMulti(names, cells, false);
    assertEquals(cells.size(), c.size());
    assertEquals((options + 63) / 64, c.words());
    for (int i = 0; i < cells.size(); i++) {
      Cell<BitSet> cell = cells.get(i);
      assertEquals(cell.state(), c.state(i));
      if (cell.state().isAnswered()) {
        BitSet read = new BitSet();
        for (int k = 0; k < options; k++) {
          if (c.selected(i, k)) {
            read.set(k);
          }
        }
        assertEquals(cell.value(), read);
        int row = i;
        assertThrows(IndexOutOfBoundsException.class, () -> c.selected(row, options));
      } else {
        int row = i;
        assertThrows(IllegalStateException.class, () -> c.selected(row, 0));
      }
    }
    MultiSelectColumn byName = buildMulti(names, cells, true);
    assertEquals(c, byName);
    assertEquals(c.hashCode(), byName.hashCode());
  }

  private static MultiSelectColumn buildMulti(List<String> options, List<Cell<BitSet>> cells, boolean byName) {
    MultiSelectColumn.Builder b = MultiSelectColumn.builder("m", options);
    for (Cell<BitSet> cell : cells) {
      if (!cell.state().isAnswered()) {
        b.addState(cell.state());
      } else if (byName) {
        b.add(cell.value().stream().mapToObj(options::get).toList());
      } else {
        b.addIndexes(cell.value().stream().toArray());
      }
    }
    return b.build();
  }

  /** A rejected row leaves nothing behind: the column equals one built without the attempt. */
  @Property
  void rejectedCellsLeaveNoTrace(
      @ForAll("optionCounts") int options, @ForAll("selectionCells") List<Cell<List<Integer>>> raw) {
    List<String> names = IntStream.range(0, options).mapToObj(i -> "o" + i).toList();
    MultiSelectColumn.Builder clean = MultiSelectColumn.builder("m", names);
    MultiSelectColumn.Builder tried = MultiSelectColumn.builder("m", names);
    for (Cell<List<Integer>> c : raw) {
      int[] idx = c.value().stream().mapToInt(k -> k % options).toArray();
      int[] bad = IntStream.concat(IntStream.of(idx), IntStream.of(options)).toArray();
      assertThrows(IllegalArgumentException.class, () -> tried.addIndexes(bad));
      if (c.state().isAnswered()) {
        clean.addIndexes(idx);
        tried.addIndexes(idx);
      } else {
        clean.addState(c.state());
        tried.addState(c.state());
      }
    }
    assertEquals(clean.build(), tried.build());
  }

  @Property
  void surveyDataKeepsColumnsInOrder(@ForAll("numericCells") List<Cell<Double>> cells) {
    NumericColumn x = buildNumeric(cells);
    TextColumn t = buildText(cells.stream().map(c -> new Cell<>(c.state(), String.valueOf(c.value()))).toList());
    SurveyData d = SurveyData.of(x, t);
    assertEquals(cells.size(), d.rowCount());
    assertEquals(List.of("x", "t"), d.names());
    assertEquals(x, d.numeric("x"));
    assertEquals(t, d.text("t"));
    assertEquals(List.of(x, t), d.columns());
  }

  private static Integer[] box(int[] a) {
    return IntStream.of(a).boxed().toArray(Integer[]::new);
  }
}
