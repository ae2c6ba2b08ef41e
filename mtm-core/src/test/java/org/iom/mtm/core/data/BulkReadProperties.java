package org.iom.mtm.core.data;

import java.util.BitSet;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The bulk reads agree with the per-row accessors on generated columns and ranges. */
class BulkReadProperties {

  @Provide
  Arbitrary<List<AnswerState>> states() {
    return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(6, Arbitraries.just(AnswerState.ANSWERED)),
            net.jqwik.api.Tuple.of(4, Arbitraries.of(AnswerState.class)))
        .list()
        .ofMaxSize(200);
  }

  @Provide
  Arbitrary<List<Double>> values() {
    return Arbitraries.doubles().list().ofSize(200);
  }

  @Property
  void everyKindAgreesWithItsRows(
      @ForAll("states") List<AnswerState> states,
      @ForAll("values") List<Double> values,
      @ForAll @IntRange(min = 1, max = 300) int levels,
      @ForAll @IntRange(min = 0, max = 1000) int a,
      @ForAll @IntRange(min = 0, max = 1000) int b) {
    int n = states.size();
    List<String> names = IntStream.range(0, levels).mapToObj(i -> "l" + i).toList();
    NumericColumn.Builder x = NumericColumn.builder("x");
    CategoricalColumn.Builder c = CategoricalColumn.builder("c", names);
    MultiSelectColumn.Builder m = MultiSelectColumn.builder("m", names);
    TextColumn.Builder t = TextColumn.builder("t");
    for (int i = 0; i < n; i++) {
      AnswerState s = states.get(i);
      double v = values.get(i);
      if (s.isAnswered()) {
        x.add(v);
        int code = (int) Math.floorMod(Double.doubleToRawLongBits(v), (long) levels);
        c.add(code);
        BitSet bits = BitSet.valueOf(new long[] {Double.doubleToRawLongBits(v), ~Double.doubleToRawLongBits(v)});
        m.addIndexes(bits.stream().filter(k -> k < levels).toArray());
        t.add(Double.toString(v));
      } else {
        x.addState(s);
        c.addState(s);
        m.addState(s);
        t.addState(s);
      }
    }
    int from = n == 0 ? 0 : Math.min(a, b) % (n + 1);
    int to = n == 0 ? 0 : from + Math.abs(a - b) % (n + 1 - from);
    for (Column col : List.<Column>of(x.build(), c.build(), m.build(), t.build())) {
      BulkReadChecks.check(col, from, to);
      BulkReadChecks.checkAllAnswered(col);
      BulkReadChecks.checkOutOfRange(col);
    }
  }
}
