package org.iom.mtm.core.data;

/**
 * One variable of the columnar survey data: a value and an {@link AnswerState} per row. Immutable.
 *
 * <p>Values are read only where {@link #state(int)} is {@link AnswerState#ANSWERED}; reading the
 * value of another cell throws {@link IllegalStateException} naming the column, row and state.
 */
public sealed interface Column permits NumericColumn, CategoricalColumn, MultiSelectColumn, TextColumn {

  /**
   * The variable's name (the XLSForm {@code name}).
   *
   * @return the name
   */
  String name();

  /**
   * The number of rows.
   *
   * @return the row count
   */
  int size();

  /**
   * The state of a cell.
   *
   * @param row the row, 0-based
   * @return its state
   * @throws IndexOutOfBoundsException when the row is outside {@code [0, size())}
   */
  AnswerState state(int row);

  /**
   * Whether every cell is {@link AnswerState#ANSWERED}, so that a kernel may skip reading states.
   * Known when the column is built: constant time.
   *
   * @return true when no cell is in another state (also for a column of no rows)
   */
  boolean allAnswered();

  /**
   * Reads the states of a block of rows: the {@link AnswerState#ordinal()} of rows {@code [from,
   * to)} into {@code dst[0 .. to - from)}. The rest of {@code dst} is left as it was.
   *
   * @param from the first row, inclusive
   * @param to the last row, exclusive
   * @param dst the destination, at least {@code to - from} long
   * @throws IndexOutOfBoundsException when {@code from < 0}, {@code to > size()}, {@code from >
   *     to}, or {@code dst} is shorter than {@code to - from}
   */
  void readStates(int from, int to, byte[] dst);

  /**
   * Whether a cell holds a value.
   *
   * @param row the row, 0-based
   * @return true when its state is {@link AnswerState#ANSWERED}
   */
  default boolean isAnswered(int row) {
    return state(row) == AnswerState.ANSWERED;
  }

  /**
   * The number of rows in each state, indexed by {@link AnswerState#ordinal()}.
   *
   * @return a new array of five counts that sum to {@link #size()}
   */
  default int[] stateCounts() {
    int[] counts = new int[AnswerState.values().length];
    for (int i = 0; i < size(); i++) {
      counts[state(i).ordinal()]++;
    }
    return counts;
  }
}
