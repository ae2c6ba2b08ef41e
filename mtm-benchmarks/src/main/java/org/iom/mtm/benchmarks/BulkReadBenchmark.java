package org.iom.mtm.benchmarks;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.iom.mtm.core.data.AnswerState;
import org.iom.mtm.core.data.CategoricalColumn;
import org.iom.mtm.core.data.MultiSelectColumn;
import org.iom.mtm.core.data.NumericColumn;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The bulk reads of each column storage over 1M rows in blocks of 4,096, as the estimation kernels
 * call them, against {@code plainDoubleCopy}: {@code System.arraycopy} of a {@code double[]}, what
 * reading a fully answered column cost before the storage was narrowed. Each column but the
 * fully answered ones has 30% of its cells not answered.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class BulkReadBenchmark {
  private static final int ROWS = 1_000_000;
  private static final int BLOCK = 4096;

  /** The columns and the block buffers. */
  @State(Scope.Benchmark)
  public static class Columns {
    double[] plain;
    NumericColumn byteAllAnswered;
    NumericColumn byteWithStates;
    NumericColumn charWithStates;
    NumericColumn intWithStates;
    NumericColumn doubleWithStates;
    CategoricalColumn categorical;
    MultiSelectColumn multiSelect;
    final double[] values = new double[BLOCK];
    final int[] codes = new int[BLOCK];
    final long[] words = new long[BLOCK];
    final byte[] states = new byte[BLOCK];

    /** Builds the columns. */
    @Setup
    public void build() {
      SplittableRandom r = new SplittableRandom(20261126L);
      plain = new double[ROWS];
      NumericColumn.Builder all = NumericColumn.builder("a");
      NumericColumn.Builder b = NumericColumn.builder("b");
      NumericColumn.Builder c = NumericColumn.builder("c");
      NumericColumn.Builder i = NumericColumn.builder("i");
      NumericColumn.Builder d = NumericColumn.builder("d");
      CategoricalColumn.Builder k = CategoricalColumn.builder("k", List.of("1", "2", "3", "4", "5", "6", "7", "8"));
      MultiSelectColumn.Builder m = MultiSelectColumn.builder("m",
          List.of("o1", "o2", "o3", "o4", "o5", "o6", "o7", "o8", "o9", "o10", "o11", "o12"));
      for (int row = 0; row < ROWS; row++) {
        int v = r.nextInt(100);
        plain[row] = v;
        all.add(v);
        if (r.nextDouble() < 0.3) {
          AnswerState s = AnswerState.ofOrdinal(1 + r.nextInt(4));
          b.addState(s);
          c.addState(s);
          i.addState(s);
          d.addState(s);
          k.addState(s);
          m.addState(s);
        } else {
          b.add(v);
          c.add(v * 600);
          i.add(v * 100_000);
          d.add(v + 0.5);
          k.add(v % 8);
          m.addIndexes(v % 12, (v / 12) % 12);
        }
      }
      byteAllAnswered = all.build();
      byteWithStates = b.build();
      charWithStates = c.build();
      intWithStates = i.build();
      doubleWithStates = d.build();
      categorical = k.build();
      multiSelect = m.build();
    }
  }

  /**
   * The baseline: block copies of a plain {@code double[]}.
   *
   * @param s the columns
   * @param bh the sink
   */
  @Benchmark
  public void plainDoubleCopy(Columns s, Blackhole bh) {
    for (int from = 0; from < ROWS; from += BLOCK) {
      int to = Math.min(ROWS, from + BLOCK);
      System.arraycopy(s.plain, from, s.values, 0, to - from);
      bh.consume(s.values);
    }
  }

  private static void values(NumericColumn c, Columns s, Blackhole bh) {
    for (int from = 0; from < ROWS; from += BLOCK) {
      int to = Math.min(ROWS, from + BLOCK);
      c.readValues(from, to, s.values);
      bh.consume(s.values);
    }
  }

  /**
   * One byte per row, every cell answered.
   *
   * @param s the columns
   * @param bh the sink
   */
  @Benchmark
  public void valuesByteAllAnswered(Columns s, Blackhole bh) {
    values(s.byteAllAnswered, s, bh);
  }

  /**
   * One byte per row, 30% of the cells not answered.
   *
   * @param s the columns
   * @param bh the sink
   */
  @Benchmark
  public void valuesByte(Columns s, Blackhole bh) {
    values(s.byteWithStates, s, bh);
  }

  /**
   * Two bytes per row.
   *
   * @param s the columns
   * @param bh the sink
   */
  @Benchmark
  public void valuesChar(Columns s, Blackhole bh) {
    values(s.charWithStates, s, bh);
  }

  /**
   * Four bytes per row.
   *
   * @param s the columns
   * @param bh the sink
   */
  @Benchmark
  public void valuesInt(Columns s, Blackhole bh) {
    values(s.intWithStates, s, bh);
  }

  /**
   * Eight bytes per row and a state byte.
   *
   * @param s the columns
   * @param bh the sink
   */
  @Benchmark
  public void valuesDouble(Columns s, Blackhole bh) {
    values(s.doubleWithStates, s, bh);
  }

  /**
   * States of the byte storage.
   *
   * @param s the columns
   * @param bh the sink
   */
  @Benchmark
  public void statesByte(Columns s, Blackhole bh) {
    for (int from = 0; from < ROWS; from += BLOCK) {
      int to = Math.min(ROWS, from + BLOCK);
      s.byteWithStates.readStates(from, to, s.states);
      bh.consume(s.states);
    }
  }

  /**
   * Codes of an 8-level select_one.
   *
   * @param s the columns
   * @param bh the sink
   */
  @Benchmark
  public void codesByte(Columns s, Blackhole bh) {
    for (int from = 0; from < ROWS; from += BLOCK) {
      int to = Math.min(ROWS, from + BLOCK);
      s.categorical.readCodes(from, to, s.codes);
      bh.consume(s.codes);
    }
  }

  /**
   * Words of a 12-option select_multiple (a short per row).
   *
   * @param s the columns
   * @param bh the sink
   */
  @Benchmark
  public void wordsShort(Columns s, Blackhole bh) {
    for (int from = 0; from < ROWS; from += BLOCK) {
      int to = Math.min(ROWS, from + BLOCK);
      s.multiSelect.readWords(from, to, 0, s.words);
      bh.consume(s.words);
    }
  }
}
