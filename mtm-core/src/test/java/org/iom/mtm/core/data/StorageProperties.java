package org.iom.mtm.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/**
 * Every storage a column can choose at build time round-trips values and states exactly, through
 * the per-row accessors and the bulk reads, and a builder that goes on after {@code build()} never
 * changes the column it built.
 */
class StorageProperties {

  /** One generated cell: a state, and the value used when the state is ANSWERED. */
  record Cell<T>(AnswerState state, T value) {}

  private static Arbitrary<AnswerState> states() {
    return Arbitraries.frequencyOf(
        Tuple.of(5, Arbitraries.just(AnswerState.ANSWERED)),
        Tuple.of(3, Arbitraries.of(AnswerState.class)));
  }

  /** Integers at and around the edges of each integer storage, and near zero. */
  private static Arbitrary<Double> integerEdges() {
    long[] edges = {
      0, 251, 252, 253, 65531, 65532, 65535, 65536, Integer.MAX_VALUE, Integer.MIN_VALUE + 4L,
      Integer.MIN_VALUE + 3L, Integer.MIN_VALUE, -128, 127, -32768, 32767, 1L << 52, -(1L << 52),
      (1L << 52) + 2, 1L << 53
    };
    return Arbitraries.oneOf(
        Arbitraries.of(IntStream.range(0, edges.length).mapToObj(i -> (double) edges[i]).toList()),
        Arbitraries.integers().between(-3, 3).map(Integer::doubleValue));
  }

  /**
   * Decimals as people type them, 1 to 7 digits after the point (7 is one more than an integer
   * storage scales by), near the base or spread over the span: the integer storages take them
   * scaled, with the fewest digits that give every value back.
   */
  private static Arbitrary<Double> typedDecimals(long base, long span) {
    return Arbitraries.integers().between(1, 7).flatMap(d -> Arbitraries.longs()
        .between(-Math.min(span, 1L << 40), Math.min(span, 1L << 40))
        .map(o -> (Math.floorMod(base, 1000) + o) / Math.pow(10, d)));
  }

  /** Decimals of every kind: -0.0, huge, tiny, subnormal, ordinary fractions. */
  private static Arbitrary<Double> decimalEdges() {
    return Arbitraries.of(
        -0.0, 0.5, -2.25, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE, Double.MIN_NORMAL,
        1e-300, 1e300, 0.1, 3.0e15 + 0.5);
  }

  /**
   * Columns whose answered values span a chosen width: a base plus offsets below a span, so that
   * byte, char and int storages are all reached, sometimes with decimals or edge integers mixed in.
   */
  @Provide
  Arbitrary<List<Cell<Double>>> numericCells() {
    Arbitrary<Long> base = Arbitraries.longs().between(-(1L << 40), 1L << 40);
    Arbitrary<Long> span = Arbitraries.of(1L, 252L, 253L, 65532L, 65533L, 1L << 31, 1L << 33);
    return base.flatMap(b -> span.flatMap(s -> {
      Arbitrary<Double> spanned = Arbitraries.longs().between(0, s - 1).map(o -> (double) (b + o));
      Arbitrary<Double> values = Arbitraries.frequencyOf(
          Tuple.of(20, spanned), Tuple.of(1, integerEdges()), Tuple.of(1, decimalEdges()),
          Tuple.of(2, typedDecimals(b, s)));
      return net.jqwik.api.Combinators.combine(states(), values).as(Cell::new).list().ofMaxSize(400);
    }));
  }

  @Property(tries = 300)
  void numericStoragesRoundTrip(@ForAll("numericCells") List<Cell<Double>> cells) {
    NumericColumn.Builder b = NumericColumn.builder("x");
    for (Cell<Double> cell : cells) {
      if (cell.state().isAnswered()) {
        b.add(cell.value());
      } else {
        b.addState(cell.state());
      }
    }
    NumericColumn c = b.build();
    assertNumeric(cells, c);
    // Building on after build() leaves the first column as it was.
    b.add(-0.0).addState(AnswerState.REFUSED).add(1e300);
    assertNumeric(cells, c);
    List<Cell<Double>> longer = new ArrayList<>(cells);
    longer.add(new Cell<>(AnswerState.ANSWERED, -0.0));
    longer.add(new Cell<>(AnswerState.REFUSED, 0.0));
    longer.add(new Cell<>(AnswerState.ANSWERED, 1e300));
    assertNumeric(longer, b.build());
  }

  @Property(tries = 100)
  void integerStorageIsTheNarrowestThatFits(
      @ForAll @IntRange(min = -1_000_000, max = 1_000_000) int base,
      @ForAll("spans") int span,
      @ForAll("stateLists") List<AnswerState> states) {
    NumericColumn.Builder b = NumericColumn.builder("x");
    b.add(base);
    b.add((double) base + span - 1);
    states.forEach(s -> {
      if (s.isAnswered()) {
        b.add(base + span / 2);
      } else {
        b.addState(s);
      }
    });
    NumericColumn c = b.build();
    String expected = span <= 252 ? "byte" : span <= 65532 ? "char" : "int";
    assertEquals(expected, c.storage(), () -> "span " + span);
    List<Cell<Double>> cells = new ArrayList<>();
    cells.add(new Cell<>(AnswerState.ANSWERED, (double) base));
    cells.add(new Cell<>(AnswerState.ANSWERED, (double) base + span - 1));
    states.forEach(s -> cells.add(new Cell<>(s, (double) (base + span / 2))));
    assertNumeric(cells, c);
  }

  @Provide
  Arbitrary<Integer> spans() {
    return Arbitraries.of(1, 2, 251, 252, 253, 65531, 65532, 65533, 1 << 20);
  }

  @Provide
  Arbitrary<List<AnswerState>> stateLists() {
    return states().list().ofMaxSize(50);
  }

  @Property(tries = 50)
  void longDecimalsAndNegativeZeroTakeDoubles(@ForAll("stateLists") List<AnswerState> states) {
    for (double d : new double[] {-0.0, 0.1 + 0.2, 1.0 / 3, 1e-7, 1L << 53, Integer.MIN_VALUE}) {
      NumericColumn.Builder b = NumericColumn.builder("x");
      List<Cell<Double>> cells = new ArrayList<>();
      for (AnswerState s : states) {
        cells.add(new Cell<>(s, 7.0));
        if (s.isAnswered()) {
          b.add(7.0);
        } else {
          b.addState(s);
        }
      }
      b.add(d);
      cells.add(new Cell<>(AnswerState.ANSWERED, d));
      NumericColumn c = b.build();
      // Integer.MIN_VALUE is an integer: alone it fits a byte (base plus 0); beside 7 the span
      // needs more than an int holds once four codes are kept for the states, so doubles.
      boolean alone = states.stream().noneMatch(AnswerState::isAnswered);
      assertEquals(d == Integer.MIN_VALUE && alone ? "byte" : "double", c.storage());
      assertNumeric(cells, c);
    }
  }

  /** Typed decimals take an integer storage with their digits, and give every value back. */
  @org.junit.jupiter.api.Test
  void fewDigitDecimalsTakeScaledIntegers() {
    Object[][] cases = {
      // values, storage, decimal digits
      {new double[] {7, 0.5}, "byte", 1},
      {new double[] {434.19, 12.5, 0.01}, "char", 2},
      {new double[] {76.945465, 43.238949, -0.5}, "int", 6},
      {new double[] {3000.123456, 1}, "double", 0}, // 3e9: beyond four bytes at 6 digits
      {new double[] {1.5, 2.25, 3.125, 4.0625}, "char", 4},
      {new double[] {0.1, 0.2, 0.30000000000000004}, "double", 0}, // 0.1 + 0.2 has 17 digits
      // above 2^51 the product by 10^6 rounds to 4406161202640118, a neighbour of the integer
      {new double[] {4406161202640119L / 1e6}, "byte", 6},
    };
    for (Object[] k : cases) {
      double[] values = (double[]) k[0];
      NumericColumn.Builder b = NumericColumn.builder("x");
      List<Cell<Double>> cells = new ArrayList<>();
      for (double v : values) {
        b.add(v).addState(AnswerState.DONT_KNOW);
        cells.add(new Cell<>(AnswerState.ANSWERED, v));
        cells.add(new Cell<>(AnswerState.DONT_KNOW, 0.0));
      }
      NumericColumn c = b.build();
      String what = java.util.Arrays.toString(values);
      assertEquals(k[1], c.storage(), what);
      assertEquals((int) k[2], c.integerCodes().map(NumericColumn.IntegerCodes::decimals).orElse(0), what);
      assertNumeric(cells, c);
    }
  }

  private static void assertNumeric(List<Cell<Double>> cells, NumericColumn c) {
    assertEquals(cells.size(), c.size());
    boolean all = true;
    for (int i = 0; i < cells.size(); i++) {
      Cell<Double> cell = cells.get(i);
      assertEquals(cell.state(), c.state(i), "state of row " + i);
      if (cell.state().isAnswered()) {
        assertEquals(
            Double.doubleToRawLongBits(cell.value()), Double.doubleToRawLongBits(c.value(i)),
            () -> "value " + cell.value() + " in " + c.storage());
      } else {
        all = false;
        int row = i;
        assertThrows(IllegalStateException.class, () -> c.value(row));
      }
    }
    assertEquals(all, c.allAnswered());
    checkBlocks(c);
    assertIntegerCodes(cells, c);
  }

  /**
   * The integer codes of an integer storage: an answered cell's code lies between the codes of
   * the smallest and largest answered value and gives its value back from the base, every other
   * cell's code lies outside; a decimal storage or a column without an answer has none.
   */
  private static void assertIntegerCodes(List<Cell<Double>> cells, NumericColumn c) {
    boolean anyAnswered = cells.stream().anyMatch(x -> x.state().isAnswered());
    if (c.storage().equals("double") && anyAnswered) {
      // doubles only when no integer storage holds the values: a value with more digits or
      // -0.0, or integers at the fewest digits beyond the four-byte range
      int digits = 0;
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (Cell<Double> cell : cells) {
        if (cell.state().isAnswered()) {
          int d = digitsOf(cell.value());
          digits = d < 0 || digits < 0 ? -1 : Math.max(digits, d);
          min = Math.min(min, cell.value());
          max = Math.max(max, cell.value());
        }
      }
      if (digits >= 0) {
        double p = Math.pow(10, digits);
        assertTrue(Math.rint(min * p) < Integer.MIN_VALUE + 4.0 || Math.rint(max * p) > Integer.MAX_VALUE,
            "doubles for " + min + " to " + max + " at " + digits + " digits");
      }
    }
    if (c.storage().equals("double") || !anyAnswered) {
      assertTrue(c.integerCodes().isEmpty(), c.storage());
      assertThrows(IllegalStateException.class, () -> c.readCodes(0, c.size(), new int[c.size()]));
      return;
    }
    NumericColumn.IntegerCodes ic = c.integerCodes().orElseThrow();
    // the fewest digits that hold every answered value
    int digits = 0;
    for (Cell<Double> cell : cells) {
      if (cell.state().isAnswered()) {
        digits = Math.max(digits, digitsOf(cell.value()));
      }
    }
    assertEquals(digits, ic.decimals(), "decimal digits");
    int[] codes = new int[c.size() + 3];
    java.util.Arrays.fill(codes, 12345);
    c.readCodes(0, c.size(), codes);
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < cells.size(); i++) {
      Cell<Double> cell = cells.get(i);
      boolean inRange = codes[i] >= ic.first() && codes[i] <= ic.last();
      assertEquals(cell.state().isAnswered(), inRange, "row " + i + " code " + codes[i] + " " + ic);
      if (inRange) {
        assertEquals(Double.doubleToRawLongBits(cell.value()), Double.doubleToRawLongBits(ic.value(codes[i])),
            "row " + i);
        min = Math.min(min, cell.value());
        max = Math.max(max, cell.value());
      }
    }
    assertEquals(min, ic.value(ic.first()), "smallest");
    assertEquals(max, ic.value(ic.last()), "largest");
    assertEquals(ic.last() - (long) ic.first(), ic.span());
    for (int i = cells.size(); i < codes.length; i++) {
      assertEquals(12345, codes[i], "past the block");
    }
    // a block from the middle lands at 0
    if (c.size() > 2) {
      int[] part = new int[c.size()];
      c.readCodes(1, c.size() - 1, part);
      for (int i = 1; i < c.size() - 1; i++) {
        assertEquals(codes[i], part[i - 1], "block row " + i);
      }
    }
    assertThrows(IndexOutOfBoundsException.class, () -> c.readCodes(0, c.size() + 1, new int[c.size() + 1]));
  }

  /**
   * The fewest decimal digits, up to 6, whose integer divided by {@code 10^digits} gives the value
   * back bit for bit and stays below 2^52; -1 when none does (and for -0.0).
   */
  private static int digitsOf(double v) {
    for (int d = 0; d <= NumericColumn.MAX_DECIMALS; d++) {
      double p = Math.pow(10, d);
      // the rounded product and its neighbours: the product itself may round to a neighbour
      long x = (long) Math.rint(v * p);
      for (long k = x - 1; k <= x + 1; k++) {
        if (Math.abs(k) <= 1L << 52 && Double.doubleToRawLongBits(k / p) == Double.doubleToRawLongBits(v)) {
          return d;
        }
      }
    }
    return -1;
  }

  /** The bulk reads over the whole column in blocks of a few sizes, against the rows. */
  private static void checkBlocks(Column c) {
    // Single rows only on small columns: each check allocates a little.
    for (int block : c.size() < 2000 ? new int[] {1, 7, 64, 1000} : new int[] {4096}) {
      for (int from = 0; from < c.size(); from += block) {
        BulkReadChecks.check(c, from, Math.min(c.size(), from + block));
      }
    }
    BulkReadChecks.checkTypicalRanges(c);
  }

  @Property(tries = 200)
  void categoricalStoragesRoundTrip(
      @ForAll("levelCounts") int levels, @ForAll("stateLists") List<AnswerState> states,
      @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int salt) {
    List<String> names = IntStream.range(0, levels).mapToObj(i -> "l" + i).toList();
    CategoricalColumn.Builder b = CategoricalColumn.builder("c", names);
    List<Cell<Integer>> cells = new ArrayList<>();
    for (int i = 0; i < states.size(); i++) {
      AnswerState s = levels == 0 ? AnswerState.MISSING : states.get(i);
      // The last level and the first, then spread over the rest.
      int code = levels == 0 ? 0 : i == 0 ? levels - 1 : (int) ((salt + 7919L * i) % levels);
      cells.add(new Cell<>(s, code));
      if (s.isAnswered()) {
        b.add(code);
      } else {
        b.addState(s);
      }
    }
    CategoricalColumn c = b.build();
    int codes = levels + 4;
    assertEquals(codes <= 256 ? "byte" : codes <= 65536 ? "char" : "int", c.storage());
    boolean all = true;
    for (int i = 0; i < cells.size(); i++) {
      Cell<Integer> cell = cells.get(i);
      assertEquals(cell.state(), c.state(i));
      if (cell.state().isAnswered()) {
        assertEquals(cell.value(), c.code(i));
      } else {
        all = false;
        int row = i;
        assertThrows(IllegalStateException.class, () -> c.code(row));
      }
    }
    assertEquals(all, c.allAnswered());
    checkBlocks(c);
  }

  @Provide
  Arbitrary<Integer> levelCounts() {
    return Arbitraries.of(0, 1, 2, 251, 252, 253, 65531, 65532, 65533);
  }

  @Property(tries = 200)
  void multiSelectStoragesRoundTrip(
      @ForAll("optionCounts") int options, @ForAll("stateLists") List<AnswerState> states,
      @ForAll long salt) {
    List<String> names = IntStream.range(0, options).mapToObj(i -> "o" + i).toList();
    MultiSelectColumn.Builder b = MultiSelectColumn.builder("m", names);
    List<Cell<int[]>> cells = new ArrayList<>();
    for (int i = 0; i < states.size(); i++) {
      AnswerState s = options == 0 && states.get(i).isAnswered() ? AnswerState.ANSWERED : states.get(i);
      long mix = salt * (i + 1) * 0x9E3779B97F4A7C15L;
      // Every option for row 0 (all bits, the top one included), none for row 1, then a mix.
      int[] sel = options == 0 || i == 1 ? new int[0]
          : i == 0 ? IntStream.range(0, options).toArray()
          : IntStream.range(0, options).filter(k -> ((mix >>> (k % 64)) & 1) == 1).toArray();
      cells.add(new Cell<>(s, sel));
      if (s.isAnswered()) {
        b.addIndexes(sel);
      } else {
        b.addState(s);
      }
    }
    MultiSelectColumn c = b.build();
    assertEquals(
        options < 8 ? "byte" : options < 16 ? "short" : options < 32 ? "int" : options < 64 ? "long" : "words",
        c.storage());
    for (int i = 0; i < cells.size(); i++) {
      Cell<int[]> cell = cells.get(i);
      assertEquals(cell.state(), c.state(i));
      if (cell.state().isAnswered()) {
        long[] expected = new long[c.words()];
        for (int k : cell.value()) {
          expected[k >>> 6] |= 1L << k;
        }
        for (int w = 0; w < c.words(); w++) {
          assertEquals(expected[w], c.word(i, w), "row " + i + " word " + w);
        }
      } else {
        int row = i;
        assertThrows(IllegalStateException.class, () -> c.word(row, 0));
      }
    }
    checkBlocks(c);
  }

  @Provide
  Arbitrary<Integer> optionCounts() {
    return Arbitraries.of(0, 1, 7, 8, 15, 16, 31, 32, 63, 64, 65, 130);
  }

  @Property(tries = 100)
  void textStoragesRoundTrip(
      @ForAll("distinctCounts") int distinct, @ForAll("stateLists") List<AnswerState> states) {
    // All distinct texts first, so that the dictionary reaches its size, then the generated states.
    TextColumn.Builder b = TextColumn.builder("t");
    List<Cell<String>> cells = new ArrayList<>();
    for (int i = 0; i < distinct; i++) {
      AnswerState s = i % 3 == 1 ? AnswerState.values()[1 + i % 4] : AnswerState.ANSWERED;
      cells.add(new Cell<>(s, "v" + i));
      if (s.isAnswered()) {
        b.add("v" + i);
      } else {
        b.addState(s);
      }
    }
    for (int i = 0; i < states.size(); i++) {
      String v = "v" + (i * 31 % Math.max(distinct, 1));
      cells.add(new Cell<>(states.get(i), v));
      if (states.get(i).isAnswered()) {
        b.add(v);
      } else {
        b.addState(states.get(i));
      }
    }
    TextColumn c = b.build();
    long answeredDistinct = cells.stream().filter(x -> x.state().isAnswered()).map(Cell::value).distinct().count();
    assertEquals(answeredDistinct, c.distinctTexts());
    assertEquals(expectedTextStorage(cells, answeredDistinct), c.storage());
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
    checkBlocks(c);
  }

  /** The storage of fewer bytes: dense codes, or four bits a row and two ints an answered row. */
  private static String expectedTextStorage(List<Cell<String>> cells, long distinct) {
    String dense = distinct <= 252 ? "byte" : distinct <= 65532 ? "char" : "int";
    long width = distinct <= 252 ? 1 : distinct <= 65532 ? 2 : 4;
    long answered = cells.stream().filter(x -> x.state().isAnswered()).count();
    long sparse = (cells.size() + 15L) / 16 * 8 + answered * 8;
    return sparse < cells.size() * width ? "sparse" : dense;
  }

  /** Mostly-not-asked text columns: few answers among many rows, on both sides of the switch. */
  @Property(tries = 100)
  void sparseTextRoundTrips(
      @ForAll @IntRange(min = 0, max = 3000) int rows,
      @ForAll @IntRange(min = 0, max = 400) int answers,
      @ForAll @IntRange(min = 1, max = 600) int distinct,
      @ForAll long salt) {
    SplittableRandomCells r = new SplittableRandomCells(salt);
    TextColumn.Builder b = TextColumn.builder("t");
    List<Cell<String>> cells = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      boolean answer = r.below(rows, answers);
      AnswerState s = answer ? AnswerState.ANSWERED : AnswerState.values()[1 + r.below(4)];
      String v = "text " + r.below(distinct);
      cells.add(new Cell<>(s, v));
      if (answer) {
        b.add(v);
      } else {
        b.addState(s);
      }
    }
    TextColumn c = b.build();
    long answeredDistinct = cells.stream().filter(x -> x.state().isAnswered()).map(Cell::value).distinct().count();
    assertEquals(expectedTextStorage(cells, answeredDistinct), c.storage());
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
    TextColumn.Builder again = TextColumn.builder("t");
    cells.forEach(x -> {
      if (x.state().isAnswered()) {
        again.add(x.value());
      } else {
        again.addState(x.state());
      }
    });
    assertEquals(c, again.build());
    assertEquals(c.hashCode(), again.build().hashCode());
    checkBlocks(c);
  }

  @net.jqwik.api.Example
  void fewAnswersAmongManyRowsAreStoredSparse() {
    TextColumn.Builder b = TextColumn.builder("t");
    for (int i = 0; i < 1000; i++) {
      if (i % 100 == 7) {
        b.add("other " + i);
      } else {
        b.addState(AnswerState.values()[1 + i % 4]);
      }
    }
    TextColumn c = b.build();
    assertEquals("sparse", c.storage());
    assertEquals("other 707", c.text(707));
    assertEquals(AnswerState.values()[1 + 708 % 4], c.state(708));
    assertEquals(10, c.distinctTexts());
    checkBlocks(c);
  }

  /** A seeded stream for the cells of one try. */
  private static final class SplittableRandomCells {
    private final java.util.SplittableRandom random;

    SplittableRandomCells(long seed) {
      this.random = new java.util.SplittableRandom(seed);
    }

    int below(int bound) {
      return random.nextInt(bound);
    }

    /** True with chance {@code k / n}. */
    boolean below(int n, int k) {
      return random.nextInt(Math.max(n, 1)) < k;
    }
  }

  @Provide
  Arbitrary<Integer> distinctCounts() {
    return Arbitraries.of(0, 1, 250, 378, 379, 380, 98_298, 98_300);
  }
}
