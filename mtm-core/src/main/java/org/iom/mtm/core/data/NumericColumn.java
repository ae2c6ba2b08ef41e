package org.iom.mtm.core.data;

import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A numeric variable (XLSForm {@code integer}, {@code decimal}, {@code calculate}). Immutable. */
public final class NumericColumn implements Column {
  private final String name;
  private final double[] values;
  /** Null when every cell is answered. */
  private final byte @Nullable [] states;

  private NumericColumn(String name, double[] values, byte @Nullable [] states) {
    this.name = name;
    this.values = values;
    this.states = states;
  }

  /**
   * Starts a column.
   *
   * @param name the variable name
   * @return a builder
   * @throws IllegalArgumentException when the name is blank
   */
  public static Builder builder(String name) {
    return new Builder(ColumnNames.check(name), 16);
  }

  /**
   * A fully answered column.
   *
   * @param name the variable name
   * @param values the values, all finite
   * @return the column
   * @throws IllegalArgumentException naming the row when a value is not finite
   */
  public static NumericColumn of(String name, double... values) {
    Builder b = new Builder(ColumnNames.check(name), values.length);
    for (double v : values) {
      b.add(v);
    }
    return b.build();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int size() {
    return values.length;
  }

  @Override
  public AnswerState state(int row) {
    return States.state(states, values.length, row);
  }

  @Override
  public boolean allAnswered() {
    return states == null;
  }

  @Override
  public void readStates(int from, int to, byte[] dst) {
    States.checkRange(from, to, values.length, dst.length);
    States.read(states, from, to, dst);
  }

  /**
   * The value of an answered cell.
   *
   * @param row the row
   * @return its value, finite
   * @throws IllegalStateException when the cell is not answered
   */
  public double value(int row) {
    if (states != null && states[row] != 0) {
      throw States.notAnswered(name, row, state(row));
    }
    return values[row];
  }

  /**
   * Reads the values of a block of rows into {@code dst[0 .. to - from)}: the value of each
   * answered cell, and 0.0 for a cell in any other state (tell them apart with {@link
   * #readStates}, or skip that when {@link #allAnswered()}). The rest of {@code dst} is left as it
   * was.
   *
   * @param from the first row, inclusive
   * @param to the last row, exclusive
   * @param dst the destination, at least {@code to - from} long
   * @throws IndexOutOfBoundsException when {@code from < 0}, {@code to > size()}, {@code from >
   *     to}, or {@code dst} is shorter than {@code to - from}
   */
  public void readValues(int from, int to, double[] dst) {
    States.checkRange(from, to, values.length, dst.length);
    System.arraycopy(values, from, dst, 0, to - from);
    byte[] s = states;
    if (s != null) {
      for (int i = from; i < to; i++) {
        if (s[i] != 0) {
          dst[i - from] = 0.0;
        }
      }
    }
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof NumericColumn c
        && c.name.equals(name)
        && Arrays.equals(c.values, values)
        && Arrays.equals(c.states, states);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, Arrays.hashCode(values), Arrays.hashCode(states));
  }

  @Override
  public String toString() {
    return "NumericColumn[" + name + ", " + values.length + " rows]";
  }

  /** Builds a {@link NumericColumn} row by row. */
  public static final class Builder {
    private final String name;
    private double[] values;
    private final States states;

    private Builder(String name, int capacity) {
      this.name = name;
      this.values = new double[Math.max(capacity, 8)];
      this.states = new States(capacity);
    }

    /**
     * Appends an answered value.
     *
     * @param value a finite value
     * @return this builder
     * @throws IllegalArgumentException naming the column, row and value when it is not finite
     */
    public Builder add(double value) {
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException(
            "column '" + name + "' row " + states.size() + ": value " + value + " is not finite");
      }
      grow();
      values[states.size()] = value;
      states.add(AnswerState.ANSWERED);
      return this;
    }

    /**
     * Appends a cell without a value.
     *
     * @param state any state but {@link AnswerState#ANSWERED}
     * @return this builder
     * @throws IllegalArgumentException when the state is {@code ANSWERED}
     */
    public Builder addState(AnswerState state) {
      if (state == AnswerState.ANSWERED) {
        throw new IllegalArgumentException("column '" + name + "': an answered cell needs a value");
      }
      grow();
      states.add(state);
      return this;
    }

    private void grow() {
      if (states.size() == values.length) {
        values = Arrays.copyOf(values, values.length + (values.length >> 1) + 1);
      }
    }

    /**
     * The rows added so far.
     *
     * @return the count
     */
    public int size() {
      return states.size();
    }

    /**
     * Builds the immutable column.
     *
     * @return the column
     */
    public NumericColumn build() {
      return new NumericColumn(name, Arrays.copyOf(values, states.size()), states.build());
    }
  }
}
