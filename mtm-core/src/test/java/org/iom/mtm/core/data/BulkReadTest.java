package org.iom.mtm.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The bulk reads of every column kind, on hand-made columns holding every answer state. */
class BulkReadTest {
  private static final AnswerState[] ALL = AnswerState.values();

  @Test
  void numericWithEveryState() {
    NumericColumn.Builder b = NumericColumn.builder("x");
    for (int i = 0; i < 23; i++) {
      AnswerState s = ALL[i % ALL.length];
      if (s.isAnswered()) {
        b.add(i == 0 ? -0.0 : i * 1.5 - 10);
      } else {
        b.addState(s);
      }
    }
    NumericColumn c = b.build();
    assertFalse(c.allAnswered());
    BulkReadChecks.checkTypicalRanges(c);
    double[] v = new double[6];
    c.readValues(0, 6, v);
    // Row 0 is -0.0 (answered), rows 1-4 are the four other states, row 5 answers -2.5.
    assertArrayEquals(new double[] {-0.0, 0, 0, 0, 0, -2.5}, v);
    byte[] s = new byte[6];
    c.readStates(0, 6, s);
    assertArrayEquals(new byte[] {0, 1, 2, 3, 4, 0}, s);
  }

  @Test
  void fullyAnsweredColumnsSayAllAnswered() {
    NumericColumn x = NumericColumn.of("x", 1, 2, 3);
    assertTrue(x.allAnswered());
    BulkReadChecks.checkTypicalRanges(x);
    CategoricalColumn c = CategoricalColumn.builder("c", List.of("a", "b")).add(1).add(0).build();
    assertTrue(c.allAnswered());
    BulkReadChecks.checkTypicalRanges(c);
    MultiSelectColumn m = MultiSelectColumn.builder("m", List.of("a", "b")).addIndexes(1).addIndexes().build();
    assertTrue(m.allAnswered());
    BulkReadChecks.checkTypicalRanges(m);
    TextColumn t = TextColumn.builder("t").add("x").build();
    assertTrue(t.allAnswered());
    BulkReadChecks.checkTypicalRanges(t);
  }

  @Test
  void emptyColumns() {
    for (Column c :
        List.<Column>of(
            NumericColumn.of("x"),
            CategoricalColumn.builder("c", List.of("a")).build(),
            MultiSelectColumn.builder("m", List.of("a")).build(),
            TextColumn.builder("t").build())) {
      assertTrue(c.allAnswered());
      BulkReadChecks.checkTypicalRanges(c);
    }
  }

  @Test
  void categoricalNotAnsweredReadsOnePastTheLastLevel() {
    for (int levels : new int[] {1, 3, 127, 128, 300}) {
      List<String> names = IntStream.range(0, levels).mapToObj(i -> "l" + i).toList();
      CategoricalColumn.Builder b = CategoricalColumn.builder("c", names);
      for (int i = 0; i < 40; i++) {
        AnswerState s = ALL[i % ALL.length];
        if (s.isAnswered()) {
          b.add((i * 37) % levels);
        } else {
          b.addState(s);
        }
      }
      CategoricalColumn c = b.build();
      assertFalse(c.allAnswered());
      BulkReadChecks.checkTypicalRanges(c);
      int[] codes = new int[5];
      c.readCodes(0, 5, codes);
      assertArrayEquals(new int[] {0, levels, levels, levels, levels}, codes);
    }
  }

  @Test
  void multiSelectNotAnsweredReadsZeroInEveryWord() {
    for (int options : new int[] {1, 8, 64, 65, 130}) {
      List<String> names = IntStream.range(0, options).mapToObj(i -> "o" + i).toList();
      MultiSelectColumn.Builder b = MultiSelectColumn.builder("m", names);
      for (int i = 0; i < 31; i++) {
        AnswerState s = ALL[i % ALL.length];
        if (s.isAnswered()) {
          b.addIndexes(i % options, options - 1, (i * 7) % options);
        } else {
          b.addState(s);
        }
      }
      MultiSelectColumn c = b.build();
      assertFalse(c.allAnswered());
      BulkReadChecks.checkTypicalRanges(c);
      long[] last = new long[2];
      c.readWords(0, 2, c.words() - 1, last);
      assertEquals(0L, last[1]);
      assertEquals(1L << ((options - 1) & 63), last[0] & (1L << ((options - 1) & 63)));
    }
  }

  @Test
  void textCodesFollowTheFirstAppearanceOfEachText() {
    TextColumn c = TextColumn.builder("site")
        .add("s7").add("s2").addState(AnswerState.MISSING).add("s7").add("s9").add("s2")
        .addState(AnswerState.REFUSED).build();
    int[] codes = new int[7];
    c.readCodes(0, 7, codes);
    // s7, s2, s9 numbered 0, 1, 2 as they first appear; 3 (= distinctTexts) for the others.
    assertArrayEquals(new int[] {0, 1, 3, 0, 2, 1, 3}, codes);
    int[] tail = {-1, -1, -1};
    c.readCodes(4, 6, tail);
    assertArrayEquals(new int[] {2, 1, -1}, tail);
    BulkReadChecks.checkTypicalRanges(c);
  }

  @Test
  void textStates() {
    TextColumn.Builder b = TextColumn.builder("t");
    for (int i = 0; i < 12; i++) {
      AnswerState s = ALL[i % ALL.length];
      if (s.isAnswered()) {
        b.add("v" + i);
      } else {
        b.addState(s);
      }
    }
    TextColumn c = b.build();
    assertFalse(c.allAnswered());
    BulkReadChecks.checkTypicalRanges(c);
  }
}
