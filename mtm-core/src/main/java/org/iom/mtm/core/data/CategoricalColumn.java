package org.iom.mtm.core.data;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A categorical variable (XLSForm {@code select_one}): per row, a code into the list of levels.
 * Immutable.
 *
 * <p>Codes take one byte per row up to 252 levels, two bytes up to 65,532 and four beyond. The
 * four codes past the last level stand for the states other than {@link AnswerState#ANSWERED}
 * (code {@code levels + ordinal - 1}), so the column holds no separate state array, and {@link
 * #readCodes} turns every one of them into {@code levels().size()} with a single {@code min}.
 */
public final class CategoricalColumn implements Column {
  private static final byte BYTE = 0;
  private static final byte CHAR = 1;
  private static final byte INT = 2;

  private final String name;
  private final List<String> levels;
  /** The number of levels: the first code that is not an answer. */
  private final int levelCount;
  private final int size;
  private final byte kind;
  private final boolean allAnswered;
  private final byte[] bytes;
  private final char[] chars;
  private final int[] ints;

  private CategoricalColumn(Builder b) {
    this.name = b.name;
    this.levels = b.levels;
    this.levelCount = b.levels.size();
    this.size = b.size;
    this.kind = b.kind;
    this.allAnswered = !b.anyNotAnswered;
    this.bytes = b.kind == BYTE ? (b.bytes.length == b.size ? b.bytes : Arrays.copyOf(b.bytes, b.size)) : States.NO_BYTES;
    this.chars = b.kind == CHAR ? (b.chars.length == b.size ? b.chars : Arrays.copyOf(b.chars, b.size)) : States.NO_CHARS;
    this.ints = b.kind == INT ? (b.ints.length == b.size ? b.ints : Arrays.copyOf(b.ints, b.size)) : States.NO_INTS;
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
    States.checkRow(row, size);
    return AnswerState.ofOrdinal(Math.max(stored(row) - levelCount + 1, 0));
  }

  /** The stored code of a row: a level code, or {@code levels + ordinal - 1} for another state. */
  private int stored(int row) {
    switch (kind) {
      case BYTE:
        return bytes[row] & 0xFF;
      case CHAR:
        return chars[row];
      default:
        return ints[row];
    }
  }

  @Override
  public boolean allAnswered() {
    return allAnswered;
  }

  @Override
  public void readStates(int from, int to, byte[] dst) {
    if (States.readAllAnswered(allAnswered, from, to, size, dst)) {
      return;
    }
    int off = -from;
    int shift = levelCount - 1;
    switch (kind) {
      case BYTE:
        for (int i = from; i < to; i++) {
          dst[i + off] = (byte) Math.max((bytes[i] & 0xFF) - shift, 0);
        }
        break;
      case CHAR:
        for (int i = from; i < to; i++) {
          dst[i + off] = (byte) Math.max(chars[i] - shift, 0);
        }
        break;
      default:
        for (int i = from; i < to; i++) {
          dst[i + off] = (byte) Math.max(ints[i] - shift, 0);
        }
    }
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
    int c = stored(row);
    if (c >= levelCount) {
      throw States.notAnswered(name, row, state(row));
    }
    return c;
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
    int off = -from;
    int last = levelCount;
    switch (kind) {
      case BYTE:
        if (allAnswered) {
          for (int i = from; i < to; i++) {
            dst[i + off] = bytes[i] & 0xFF;
          }
        } else {
          for (int i = from; i < to; i++) {
            dst[i + off] = Math.min(bytes[i] & 0xFF, last);
          }
        }
        break;
      case CHAR:
        if (allAnswered) {
          for (int i = from; i < to; i++) {
            dst[i + off] = chars[i];
          }
        } else {
          for (int i = from; i < to; i++) {
            dst[i + off] = Math.min(chars[i], last);
          }
        }
        break;
      default:
        if (allAnswered) {
          System.arraycopy(ints, from, dst, 0, to - from);
        } else {
          for (int i = from; i < to; i++) {
            dst[i + off] = Math.min(ints[i], last);
          }
        }
    }
  }

  /** The storage chosen at build time, for tests and memory reports. */
  String storage() {
    return new String[] {"byte", "char", "int"}[kind];
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof CategoricalColumn c) || c.size != size || !c.name.equals(name) || !c.levels.equals(levels)) {
      return false;
    }
    for (int i = 0; i < size; i++) {
      if (Math.min(c.stored(i), levelCount) != Math.min(stored(i), levelCount) || c.state(i) != state(i)) {
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

  /** Builds a {@link CategoricalColumn} row by row, in the storage of the built column. */
  public static final class Builder {
    private final String name;
    private final List<String> levels;
    private final Map<String, Integer> index = new HashMap<>();
    private final byte kind;
    private int size;
    private boolean anyNotAnswered;
    private byte[] bytes = States.NO_BYTES;
    private char[] chars = States.NO_CHARS;
    private int[] ints = States.NO_INTS;

    private Builder(String name, List<String> levels) {
      this.name = name;
      this.levels = levels;
      for (int i = 0; i < levels.size(); i++) {
        index.put(levels.get(i), i);
      }
      int codes = levels.size() + States.NOT_ANSWERED_KINDS;
      this.kind = codes <= 256 ? BYTE : codes <= 65536 ? CHAR : INT;
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
            "column '" + name + "' row " + size + ": code " + code + " outside the "
                + levels.size() + " levels");
      }
      put(code);
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
            "column '" + name + "' row " + size + ": '" + level + "' is not one of " + levels);
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
      put(levels.size() + state.ordinal() - 1);
      anyNotAnswered = true;
      return this;
    }

    /**
     * Stores one code. The built column takes an array that is exactly full without copying it;
     * a full array is always replaced before the next write, so the column never sees it change.
     */
    private void put(int stored) {
      switch (kind) {
        case BYTE:
          if (size == bytes.length) {
            bytes = Arrays.copyOf(bytes, States.grow(size, size + 1));
          }
          bytes[size] = (byte) stored;
          break;
        case CHAR:
          if (size == chars.length) {
            chars = Arrays.copyOf(chars, States.grow(size, size + 1));
          }
          chars[size] = (char) stored;
          break;
        default:
          if (size == ints.length) {
            ints = Arrays.copyOf(ints, States.grow(size, size + 1));
          }
          ints[size] = stored;
      }
      size++;
    }

    /**
     * Builds the immutable column.
     *
     * @return the column
     */
    public CategoricalColumn build() {
      return new CategoricalColumn(this);
    }
  }
}
