package org.iom.mtm.core.data;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A categorical variable (XLSForm {@code select_one}): per row, a code into the list of levels.
 * Codes take one byte per row up to 127 levels and an int beyond. Immutable.
 */
public final class CategoricalColumn implements Column {
  private final String name;
  private final List<String> levels;
  private final int size;
  /** Codes when there are at most 127 levels, else null. */
  private final byte @Nullable [] smallCodes;
  /** Codes when there are more than 127 levels, else null. */
  private final int @Nullable [] codes;
  /** Null when every cell is answered. */
  private final byte @Nullable [] states;

  private CategoricalColumn(
      String name,
      List<String> levels,
      int size,
      byte @Nullable [] smallCodes,
      int @Nullable [] codes,
      byte @Nullable [] states) {
    this.name = name;
    this.levels = levels;
    this.size = size;
    this.smallCodes = smallCodes;
    this.codes = codes;
    this.states = states;
  }

  /**
   * Starts a column.
   *
   * @param name the variable name
   * @param levels the levels in their order (the choice list), distinct
   * @return a builder
   * @throws IllegalArgumentException when the name is blank or a level repeats
   */
  public static Builder builder(String name, List<String> levels) {
    return new Builder(ColumnNames.check(name), ColumnNames.checkLevels(name, levels, "level"));
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public AnswerState state(int row) {
    return States.state(states, size, row);
  }

  @Override
  public boolean allAnswered() {
    return states == null;
  }

  @Override
  public void readStates(int from, int to, byte[] dst) {
    States.checkRange(from, to, size, dst.length);
    States.read(states, from, to, dst);
  }

  /**
   * The levels, in order; {@link #code(int)} indexes this list.
   *
   * @return the immutable list of levels
   */
  public List<String> levels() {
    return levels;
  }

  /**
   * The level code of an answered cell.
   *
   * @param row the row
   * @return an index into {@link #levels()}
   * @throws IllegalStateException when the cell is not answered
   */
  public int code(int row) {
    if (states != null && states[row] != 0) {
      throw States.notAnswered(name, row, state(row));
    }
    if (row < 0 || row >= size) {
      throw new IndexOutOfBoundsException("row " + row + " outside [0, " + size + ")");
    }
    return smallCodes != null ? smallCodes[row] : Objects.requireNonNull(codes)[row];
  }

  /**
   * The level of an answered cell.
   *
   * @param row the row
   * @return the level
   * @throws IllegalStateException when the cell is not answered
   */
  public String level(int row) {
    return levels.get(code(row));
  }

  /**
   * Reads the level codes of a block of rows into {@code dst[0 .. to - from)}: the code of each
   * answered cell, an index into {@link #levels()}, and {@code levels().size()} (one past the last
   * level, never negative) for a cell in any other state, so that a kernel can count such cells
   * in an extra slot without a branch. The rest of {@code dst} is left as it was.
   *
   * @param from the first row, inclusive
   * @param to the last row, exclusive
   * @param dst the destination, at least {@code to - from} long
   * @throws IndexOutOfBoundsException when {@code from < 0}, {@code to > size()}, {@code from >
   *     to}, or {@code dst} is shorter than {@code to - from}
   */
  public void readCodes(int from, int to, int[] dst) {
    States.checkRange(from, to, size, dst.length);
    byte[] small = smallCodes;
    if (small != null) {
      for (int i = from; i < to; i++) {
        dst[i - from] = small[i];
      }
    } else {
      System.arraycopy(Objects.requireNonNull(codes), from, dst, 0, to - from);
    }
    byte[] s = states;
    if (s != null) {
      int notAnswered = levels.size();
      for (int i = from; i < to; i++) {
        if (s[i] != 0) {
          dst[i - from] = notAnswered;
        }
      }
    }
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof CategoricalColumn c) || c.size != size || !c.name.equals(name) || !c.levels.equals(levels)) {
      return false;
    }
    for (int i = 0; i < size; i++) {
      if (c.state(i) != state(i) || (isAnswered(i) && c.code(i) != code(i))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, levels, size);
  }

  @Override
  public String toString() {
    return "CategoricalColumn[" + name + ", " + levels.size() + " levels, " + size + " rows]";
  }

  /** Builds a {@link CategoricalColumn} row by row. */
  public static final class Builder {
    private final String name;
    private final List<String> levels;
    private final Map<String, Integer> index = new HashMap<>();
    private int[] codes = new int[16];
    private final States states = new States(16);

    private Builder(String name, List<String> levels) {
      this.name = name;
      this.levels = levels;
      for (int i = 0; i < levels.size(); i++) {
        index.put(levels.get(i), i);
      }
    }

    /**
     * Appends an answered cell by code.
     *
     * @param code an index into the levels
     * @return this builder
     * @throws IllegalArgumentException naming the column, row and code when out of range
     */
    public Builder add(int code) {
      if (code < 0 || code >= levels.size()) {
        throw new IllegalArgumentException(
            "column '" + name + "' row " + states.size() + ": code " + code + " outside the "
                + levels.size() + " levels");
      }
      if (states.size() == codes.length) {
        codes = Arrays.copyOf(codes, codes.length * 2);
      }
      codes[states.size()] = code;
      states.add(AnswerState.ANSWERED);
      return this;
    }

    /**
     * Appends an answered cell by level name.
     *
     * @param level one of the levels
     * @return this builder
     * @throws IllegalArgumentException naming the column, row and value when it is not a level
     */
    public Builder add(String level) {
      Integer code = index.get(level);
      if (code == null) {
        throw new IllegalArgumentException(
            "column '" + name + "' row " + states.size() + ": '" + level + "' is not one of " + levels);
      }
      return add(code.intValue());
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
        throw new IllegalArgumentException("column '" + name + "': an answered cell needs a level");
      }
      if (states.size() == codes.length) {
        codes = Arrays.copyOf(codes, codes.length * 2);
      }
      codes[states.size()] = 0;
      states.add(state);
      return this;
    }

    /**
     * Builds the immutable column.
     *
     * @return the column
     */
    public CategoricalColumn build() {
      int n = states.size();
      if (levels.size() <= Byte.MAX_VALUE) {
        byte[] small = new byte[n];
        for (int i = 0; i < n; i++) {
          small[i] = (byte) codes[i];
        }
        return new CategoricalColumn(name, levels, n, small, null, states.build());
      }
      return new CategoricalColumn(name, levels, n, null, Arrays.copyOf(codes, n), states.build());
    }
  }
}
