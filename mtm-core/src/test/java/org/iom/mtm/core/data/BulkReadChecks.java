package org.iom.mtm.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Checks of the bulk reads of every column kind against its per-row accessors, for one range at a
 * time, shared by the unit tests and the properties.
 */
final class BulkReadChecks {
  /** Fills the destination before a read, to see that cells past {@code to - from} stay as they were. */
  private static final int GUARD = 3;

  private BulkReadChecks() {}

  /** Reads rows {@code [from, to)} of the column by every bulk method and compares with the per-row accessors. */
  static void check(Column c, int from, int to) {
    int n = to - from;
    byte[] states = new byte[n + GUARD];
    Arrays.fill(states, (byte) 77);
    c.readStates(from, to, states);
    for (int i = 0; i < n; i++) {
      assertEquals(c.state(from + i).ordinal(), states[i], "state of row " + (from + i));
    }
    for (int i = n; i < n + GUARD; i++) {
      assertEquals(77, states[i], "readStates wrote past the range");
    }
    if (c instanceof NumericColumn x) {
      double[] v = new double[n + GUARD];
      Arrays.fill(v, -7.5);
      x.readValues(from, to, v);
      for (int i = 0; i < n; i++) {
        double expected = x.isAnswered(from + i) ? x.value(from + i) : 0.0;
        // Bit for bit, so that -0.0 stays -0.0.
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(v[i]), "value of row " + (from + i));
      }
      assertArrayEquals(new double[] {-7.5, -7.5, -7.5}, Arrays.copyOfRange(v, n, n + GUARD));
      // the fused read: the same values bit for bit, and 1.0 exactly where the cell is answered
      double[] v2 = new double[n + GUARD];
      double[] ok = new double[n + GUARD];
      Arrays.fill(v2, -7.5);
      Arrays.fill(ok, -7.5);
      x.readValues(from, to, v2, ok);
      for (int i = 0; i < n; i++) {
        assertEquals(Double.doubleToRawLongBits(v[i]), Double.doubleToRawLongBits(v2[i]), "fused value of row " + (from + i));
        assertEquals(x.isAnswered(from + i) ? 1.0 : 0.0, ok[i], "answered of row " + (from + i));
      }
      assertArrayEquals(new double[] {-7.5, -7.5, -7.5}, Arrays.copyOfRange(v2, n, n + GUARD));
      assertArrayEquals(new double[] {-7.5, -7.5, -7.5}, Arrays.copyOfRange(ok, n, n + GUARD));
    } else if (c instanceof CategoricalColumn x) {
      int[] v = new int[n + GUARD];
      Arrays.fill(v, -9);
      x.readCodes(from, to, v);
      for (int i = 0; i < n; i++) {
        int expected = x.isAnswered(from + i) ? x.code(from + i) : x.levels().size();
        assertEquals(expected, v[i], "code of row " + (from + i));
      }
      assertArrayEquals(new int[] {-9, -9, -9}, Arrays.copyOfRange(v, n, n + GUARD));
    } else if (c instanceof MultiSelectColumn x) {
      for (int w = 0; w < x.words(); w++) {
        long[] v = new long[n + GUARD];
        Arrays.fill(v, 5L);
        x.readWords(from, to, w, v);
        for (int i = 0; i < n; i++) {
          long expected = x.isAnswered(from + i) ? x.word(from + i, w) : 0L;
          assertEquals(expected, v[i], "word " + w + " of row " + (from + i));
        }
        assertArrayEquals(new long[] {5L, 5L, 5L}, Arrays.copyOfRange(v, n, n + GUARD));
      }
    } else if (c instanceof TextColumn x) {
      checkTextCodes(x, from, to);
    }
  }

  /**
   * The codes of a text column against {@code text(row)}: one past the last code for a cell not
   * answered; for answered cells, a code below {@code distinctTexts()}, equal codes exactly for
   * equal texts, and (read from row 0) new codes in the order the texts first appear.
   */
  private static void checkTextCodes(TextColumn x, int from, int to) {
    int n = to - from;
    int[] v = new int[n + GUARD];
    Arrays.fill(v, -9);
    x.readCodes(from, to, v);
    Map<Integer, String> textOfCode = new HashMap<>();
    Map<String, Integer> codeOfText = new HashMap<>();
    for (int i = 0; i < n; i++) {
      int row = from + i;
      if (!x.isAnswered(row)) {
        assertEquals(x.distinctTexts(), v[i], "code of unanswered row " + row);
        continue;
      }
      assertTrue(v[i] >= 0 && v[i] < x.distinctTexts(), "code " + v[i] + " of row " + row);
      String text = x.text(row);
      String known = textOfCode.putIfAbsent(v[i], text);
      assertEquals(known == null ? text : known, text, "two texts share code " + v[i]);
      Integer code = codeOfText.get(text);
      if (code == null) {
        if (from == 0) {
          assertEquals(codeOfText.size(), v[i], "first appearance of '" + text + "' at row " + row);
        }
        codeOfText.put(text, v[i]);
      } else {
        assertEquals(code, v[i], "code of '" + text + "' at row " + row);
      }
    }
    assertArrayEquals(new int[] {-9, -9, -9}, Arrays.copyOfRange(v, n, n + GUARD));
  }

  /** {@code allAnswered()} says whether every row is answered. */
  static void checkAllAnswered(Column c) {
    boolean all = true;
    for (int i = 0; i < c.size(); i++) {
      all &= c.state(i) == AnswerState.ANSWERED;
    }
    assertEquals(all, c.allAnswered(), c::toString);
  }

  /** Every way a range can be wrong throws {@link IndexOutOfBoundsException}. */
  static void checkOutOfRange(Column c) {
    int size = c.size();
    int[][] bad = {{-1, 0}, {0, size + 1}, {size, size + 1}, {1, 0}, {-1, size}, {Integer.MIN_VALUE, 0}};
    for (int[] r : bad) {
      int from = r[0];
      int to = r[1];
      byte[] big = new byte[size + 2];
      assertThrows(IndexOutOfBoundsException.class, () -> c.readStates(from, to, big), () -> "readStates " + from + ", " + to);
      assertValueReadThrows(c, from, to, size + 2);
    }
    if (size > 0) {
      // A destination too short for the range.
      assertThrows(IndexOutOfBoundsException.class, () -> c.readStates(0, size, new byte[size - 1]));
      assertValueReadThrows(c, 0, size, size - 1);
    }
    if (c instanceof MultiSelectColumn x) {
      assertThrows(IndexOutOfBoundsException.class, () -> x.readWords(0, 0, -1, new long[1]));
      assertThrows(IndexOutOfBoundsException.class, () -> x.readWords(0, 0, x.words(), new long[1]));
    }
  }

  private static void assertValueReadThrows(Column c, int from, int to, int dstLength) {
    if (c instanceof NumericColumn x) {
      assertThrows(IndexOutOfBoundsException.class, () -> x.readValues(from, to, new double[dstLength]));
      assertThrows(IndexOutOfBoundsException.class,
          () -> x.readValues(from, to, new double[dstLength], new double[Math.max(dstLength, to - from)]));
      assertThrows(IndexOutOfBoundsException.class,
          () -> x.readValues(from, to, new double[Math.max(dstLength, to - from)], new double[dstLength]));
    } else if (c instanceof CategoricalColumn x) {
      assertThrows(IndexOutOfBoundsException.class, () -> x.readCodes(from, to, new int[dstLength]));
    } else if (c instanceof MultiSelectColumn x) {
      assertThrows(IndexOutOfBoundsException.class, () -> x.readWords(from, to, 0, new long[dstLength]));
    } else if (c instanceof TextColumn x) {
      assertThrows(IndexOutOfBoundsException.class, () -> x.readCodes(from, to, new int[dstLength]));
    }
  }

  /** The whole column, the empty ranges at both ends, the first and last rows, and a middle block. */
  static void checkTypicalRanges(Column c) {
    int n = c.size();
    checkAllAnswered(c);
    check(c, 0, n);
    check(c, 0, 0);
    check(c, n, n);
    if (n > 0) {
      check(c, 0, 1);
      check(c, n - 1, n);
      check(c, n / 2, n / 2);
      check(c, n / 3, n - n / 3);
    }
    checkOutOfRange(c);
  }
}
