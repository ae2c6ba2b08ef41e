package org.iom.mtm.core.data;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Compact per-row answer states: absent (all answered) until the first non-answered cell, then one
 * byte per row. Package-private storage shared by the column builders.
 */
final class States {
  private byte[] states;
  private int size;
  private boolean allAnswered = true;

  States(int capacity) {
    this.states = new byte[Math.max(capacity, 8)];
  }

  void add(AnswerState s) {
    if (size == states.length) {
      states = Arrays.copyOf(states, Math.max(8, size + (size >> 1)));
    }
    states[size++] = (byte) s.ordinal();
    if (s != AnswerState.ANSWERED) {
      allAnswered = false;
    }
  }

  int size() {
    return size;
  }

  /** Null when every cell is answered, so fully answered columns cost no state bytes. */
  byte @Nullable [] build() {
    return allAnswered ? null : Arrays.copyOf(states, size);
  }

  static AnswerState state(byte @Nullable [] states, int size, int row) {
    if (row < 0 || row >= size) {
      throw new IndexOutOfBoundsException("row " + row + " outside [0, " + size + ")");
    }
    return states == null ? AnswerState.ANSWERED : AnswerState.ofOrdinal(states[row]);
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

  /** Copies the state ordinals of rows {@code [from, to)}, after {@link #checkRange}. */
  static void read(byte @Nullable [] states, int from, int to, byte[] dst) {
    if (states == null) {
      Arrays.fill(dst, 0, to - from, (byte) 0);
    } else {
      System.arraycopy(states, from, dst, 0, to - from);
    }
  }

  static IllegalStateException notAnswered(String column, int row, AnswerState s) {
    return new IllegalStateException(
        "column '" + column + "' row " + row + " holds no value: its state is " + s);
  }
}
