package org.iom.mtm.core.data;

import java.util.Arrays;

/**
 * Helpers shared by the column classes: row and range checks, the error for reading the value of
 * a cell that holds none, and the shared empty arrays that stand for "this storage is not used".
 *
 * <p>Every column folds the four states other than {@link AnswerState#ANSWERED} into its value or
 * code array, as codes that no answered value takes (see each column's class comment), so a cell
 * costs no separate state byte. Only decimal numbers and select_multiple of 64 options or more keep
 * a separate state array, one byte per row, and only when some cell is not answered; a text column
 * with few answers keeps its states in four bits per row.
 */
final class States {
  /** The states other than ANSWERED: ordinals 1 to 4. */
  static final int NOT_ANSWERED_KINDS = AnswerState.values().length - 1;

  static final byte[] NO_BYTES = new byte[0];
  static final char[] NO_CHARS = new char[0];
  static final short[] NO_SHORTS = new short[0];
  static final int[] NO_INTS = new int[0];
  static final long[] NO_LONGS = new long[0];
  static final double[] NO_DOUBLES = new double[0];

  private States() {}

  static void checkRow(int row, int size) {
    if (row < 0 || row >= size) {
      throw new IndexOutOfBoundsException("row " + row + " outside [0, " + size + ")");
    }
  }

  /**
   * Checks a bulk read of rows {@code [from, to)} into an array of {@code dstLength}.
   *
   * @throws IndexOutOfBoundsException naming the range when it is not inside {@code [0, size)}
   *     or does not fit the destination
   */
  static void checkRange(int from, int to, int size, int dstLength) {
    if (from < 0 || to > size || from > to) {
      throw new IndexOutOfBoundsException("rows [" + from + ", " + to + ") outside [0, " + size + ")");
    }
    if (to - from > dstLength) {
      throw new IndexOutOfBoundsException(
          "rows [" + from + ", " + to + ") do not fit a destination of length " + dstLength);
    }
  }

  /** The new capacity of a builder's array that must hold at least {@code needed} cells. */
  static int grow(int length, int needed) {
    int n = Math.max(needed, length + (length >> 1) + 8);
    return n < 0 ? Integer.MAX_VALUE - 8 : n;
  }

  static IllegalStateException notAnswered(String column, int row, AnswerState s) {
    return new IllegalStateException(
        "column '" + column + "' row " + row + " holds no value: its state is " + s);
  }

  /**
   * The start of every column's {@code readStates}: checks the range, and for a column with every
   * cell answered writes the block's states (all {@code ANSWERED}) and returns true, so the
   * column's own decoding runs only when some cell is not answered.
   */
  static boolean readAllAnswered(boolean allAnswered, int from, int to, int size, byte[] dst) {
    checkRange(from, to, size, dst.length);
    if (allAnswered) {
      Arrays.fill(dst, 0, to - from, (byte) 0);
      return true;
    }
    return false;
  }
}
