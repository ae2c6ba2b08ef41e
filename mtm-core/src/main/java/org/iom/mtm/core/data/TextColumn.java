package org.iom.mtm.core.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A free-text variable (XLSForm {@code text}, {@code date}, {@code geopoint}, ...). Immutable. */
public final class TextColumn implements Column {
  private final String name;
  private final List<String> values;
  /** Null when every cell is answered. */
  private final byte @Nullable [] states;

  private TextColumn(String name, List<String> values, byte @Nullable [] states) {
    this.name = name;
    this.values = values;
    this.states = states;
  }

  /**
   * Starts a column.
   *
   * @param name the variable name
   * @return a builder
   */
  public static Builder builder(String name) {
    return new Builder(ColumnNames.check(name));
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int size() {
    return values.size();
  }

  @Override
  public AnswerState state(int row) {
    return States.state(states, values.size(), row);
  }

  @Override
  public boolean allAnswered() {
    return states == null;
  }

  @Override
  public void readStates(int from, int to, byte[] dst) {
    States.checkRange(from, to, values.size(), dst.length);
    States.read(states, from, to, dst);
  }

  /**
   * The text of an answered cell.
   *
   * @param row the row
   * @return the text
   * @throws IllegalStateException when the cell is not answered
   */
  public String text(int row) {
    if (states != null && states[row] != 0) {
      throw States.notAnswered(name, row, state(row));
    }
    return values.get(row);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof TextColumn c
        && c.name.equals(name)
        && c.values.equals(values)
        && java.util.Arrays.equals(c.states, states);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, values);
  }

  @Override
  public String toString() {
    return "TextColumn[" + name + ", " + values.size() + " rows]";
  }

  /** Builds a {@link TextColumn} row by row. */
  public static final class Builder {
    private final String name;
    private final List<String> values = new ArrayList<>();
    private final States states = new States(16);

    private Builder(String name) {
      this.name = name;
    }

    /**
     * Appends an answered cell.
     *
     * @param text the text
     * @return this builder
     */
    public Builder add(String text) {
      values.add(Objects.requireNonNull(text, "text"));
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
        throw new IllegalArgumentException("column '" + name + "': an answered cell needs a text");
      }
      values.add("");
      states.add(state);
      return this;
    }

    /**
     * Builds the immutable column.
     *
     * @return the column
     */
    public TextColumn build() {
      return new TextColumn(name, List.copyOf(values), states.build());
    }
  }
}
