package org.iom.mtm.core.data;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A {@code select_multiple} variable: per row, the set of options selected, as a bit set of
 * {@link #words()} 64-bit words (one word up to 64 options). Immutable.
 *
 * <p>An answered cell with no bit set is a respondent who answered and selected nothing; a
 * respondent who was not asked has state {@link AnswerState#NOT_ASKED}, never an empty set.
 *
 * <p>Storage follows the option count: up to 7 options one byte per row, up to 15 a short, up to
 * 31 an int, up to 63 a long. In these the sign bit, which no option uses, marks a cell that is not
 * answered, and the low bits then hold its state's ordinal, so no state array is kept. From 64
 * options on, each row takes {@link #words()} longs and a state byte (the latter only when some
 * cell is not answered).
 */
public final class MultiSelectColumn implements Column {
  private static final byte BYTE = 0;
  private static final byte SHORT = 1;
  private static final byte INT = 2;
  private static final byte LONG = 3;
  private static final byte WORDS = 4;

  private final String name;
  private final List<String> options;
  private final int size;
  private final int words;
  private final byte kind;
  private final boolean allAnswered;
  private final byte[] bytes;
  private final short[] shorts;
  private final int[] ints;
  /** One long per row ({@code LONG}), or {@code words} longs per row ({@code WORDS}). */
  private final long[] longs;
  /** The state ordinals of the {@code WORDS} storage; empty when every cell is answered. */
  private final byte[] states;

  private MultiSelectColumn(Builder b) {
    this.name = b.name;
    this.options = b.options;
    this.size = b.size;
    this.words = b.words;
    this.kind = b.kind;
    this.allAnswered = !b.anyNotAnswered;
    this.bytes = b.kind == BYTE ? Arrays.copyOf(b.bytes, b.size) : States.NO_BYTES;
    this.shorts = b.kind == SHORT ? Arrays.copyOf(b.shorts, b.size) : States.NO_SHORTS;
    this.ints = b.kind == INT ? Arrays.copyOf(b.ints, b.size) : States.NO_INTS;
    this.longs =
        b.kind == LONG || b.kind == WORDS ? Arrays.copyOf(b.longs, b.size * b.words) : States.NO_LONGS;
    this.states = b.kind == WORDS && b.anyNotAnswered ? Arrays.copyOf(b.states, b.size) : States.NO_BYTES;
  }

  /**
   * Starts a column.
   *
   * @param name the variable name
   * @param options the options in their order (the choice list), distinct
   * @return a builder
   * @throws IllegalArgumentException when the name is blank or an option repeats
   */
  public static Builder builder(String name, List<String> options) {
    return new Builder(ColumnNames.check(name), ColumnNames.checkLevels(name, options, "option"));
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
    return AnswerState.ofOrdinal(ordinal(row));
  }

  private int ordinal(int row) {
    switch (kind) {
      case BYTE:
        return bytes[row] < 0 ? bytes[row] & 7 : 0;
      case SHORT:
        return shorts[row] < 0 ? shorts[row] & 7 : 0;
      case INT:
        return ints[row] < 0 ? ints[row] & 7 : 0;
      case LONG:
        return longs[row] < 0 ? (int) longs[row] & 7 : 0;
      default:
        return states.length == 0 ? 0 : states[row];
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
    switch (kind) {
      case BYTE:
        for (int i = from; i < to; i++) {
          int v = bytes[i];
          dst[i + off] = (byte) (v < 0 ? v & 7 : 0);
        }
        break;
      case SHORT:
        for (int i = from; i < to; i++) {
          int v = shorts[i];
          dst[i + off] = (byte) (v < 0 ? v & 7 : 0);
        }
        break;
      case INT:
        for (int i = from; i < to; i++) {
          int v = ints[i];
          dst[i + off] = (byte) (v < 0 ? v & 7 : 0);
        }
        break;
      case LONG:
        for (int i = from; i < to; i++) {
          long v = longs[i];
          dst[i + off] = (byte) (v < 0 ? (int) v & 7 : 0);
        }
        break;
      default:
        System.arraycopy(states, from, dst, 0, to - from);
    }
  }

  /**
   * The options, in order; bit {@code k} stands for option {@code k}.
   *
   * @return the immutable list of options
   */
  public List<String> options() {
    return options;
  }

  /**
   * The number of 64-bit words per row.
   *
   * @return {@code ceil(options / 64)}, at least 1
   */
  public int words() {
    return words;
  }

  /**
   * One word of the selection bits of an answered cell.
   *
   * @param row the row
   * @param word the word, {@code 0 <= word < words()}
   * @return the bits of options {@code 64 * word} to {@code 64 * word + 63}
   * @throws IllegalStateException when the cell is not answered
   * @throws IndexOutOfBoundsException when the row or word is out of range
   */
  public long word(int row, int word) {
    if (row < 0 || row >= size) {
      throw new IndexOutOfBoundsException("row " + row + " outside [0, " + size + ")");
    }
    if (word < 0 || word >= words) {
      throw new IndexOutOfBoundsException("word " + word + " outside [0, " + words + ")");
    }
    long v;
    switch (kind) {
      case BYTE:
        v = bytes[row];
        break;
      case SHORT:
        v = shorts[row];
        break;
      case INT:
        v = ints[row];
        break;
      case LONG:
        v = longs[row];
        break;
      default:
        if (states.length != 0 && states[row] != 0) {
          throw States.notAnswered(name, row, state(row));
        }
        return longs[row * words + word];
    }
    if (v < 0) {
      throw States.notAnswered(name, row, state(row));
    }
    return v;
  }

  /**
   * Reads one word of the selection bits of a block of rows into {@code dst[0 .. to - from)}: the
   * word {@code word} of each answered cell (bits of options {@code 64 * word} to {@code 64 * word
   * + 63}), and 0 for a cell in any other state (tell an answered empty selection from a cell not
   * answered with {@link #readStates}). The rest of {@code dst} is left as it was.
   *
   * @param from the first row, inclusive
   * @param to the last row, exclusive
   * @param word the word, {@code 0 <= word < words()}
   * @param dst the destination, at least {@code to - from} long
   * @throws IndexOutOfBoundsException when {@code from < 0}, {@code to > size()}, {@code from >
   *     to}, {@code dst} is shorter than {@code to - from}, or the word is out of range
   */
  public void readWords(int from, int to, int word, long[] dst) {
    States.checkRange(from, to, size, dst.length);
    if (word < 0 || word >= words) {
      throw new IndexOutOfBoundsException("word " + word + " outside [0, " + words + ")");
    }
    int off = -from;
    // A cell not answered has the sign bit set: (v & ~(v >> 63)) is v when v >= 0, else 0.
    switch (kind) {
      case BYTE:
        for (int i = from; i < to; i++) {
          int v = bytes[i];
          dst[i + off] = v & ~(v >> 31);
        }
        break;
      case SHORT:
        for (int i = from; i < to; i++) {
          int v = shorts[i];
          dst[i + off] = v & ~(v >> 31);
        }
        break;
      case INT:
        for (int i = from; i < to; i++) {
          int v = ints[i];
          dst[i + off] = v & ~(v >> 31);
        }
        break;
      case LONG:
        for (int i = from; i < to; i++) {
          long v = longs[i];
          dst[i + off] = v & ~(v >> 63);
        }
        break;
      default:
        int w = words;
        for (int i = from; i < to; i++) {
          dst[i + off] = longs[i * w + word];
        }
        if (!allAnswered) {
          for (int i = from; i < to; i++) {
            if (states[i] != 0) {
              dst[i + off] = 0L;
            }
          }
        }
    }
  }

  /**
   * Whether an answered cell selects an option.
   *
   * @param row the row
   * @param option the option index
   * @return true when selected
   * @throws IllegalStateException when the cell is not answered
   * @throws IndexOutOfBoundsException when the row or option is out of range
   */
  public boolean selected(int row, int option) {
    if (option < 0 || option >= options.size()) {
      throw new IndexOutOfBoundsException(
          "column '" + name + "': option " + option + " outside [0, " + options.size() + ")");
    }
    return (word(row, option >>> 6) & (1L << option)) != 0;
  }

  /** The storage chosen at build time, for tests and memory reports. */
  String storage() {
    return new String[] {"byte", "short", "int", "long", "words"}[kind];
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof MultiSelectColumn c)
        || !c.name.equals(name)
        || !c.options.equals(options)
        || c.size != size) {
      return false;
    }
    for (int i = 0; i < size; i++) {
      int s = ordinal(i);
      if (c.ordinal(i) != s) {
        return false;
      }
      for (int w = 0; s == 0 && w < words; w++) {
        if (c.word(i, w) != word(i, w)) {
          return false;
        }
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = 1;
    for (int i = 0; i < size; i++) {
      int s = ordinal(i);
      h = 31 * h + s;
      for (int w = 0; s == 0 && w < words; w++) {
        h = 31 * h + Long.hashCode(word(i, w));
      }
    }
    return Objects.hash(name, options, h);
  }

  @Override
  public String toString() {
    return "MultiSelectColumn[" + name + ", " + options.size() + " options, " + size + " rows]";
  }

  /** Builds a {@link MultiSelectColumn} row by row, in the storage of the built column. */
  public static final class Builder {
    private final String name;
    private final List<String> options;
    private final Map<String, Integer> index = new HashMap<>();
    private final int words;
    private final byte kind;
    private int size;
    private boolean anyNotAnswered;
    private byte[] bytes = States.NO_BYTES;
    private short[] shorts = States.NO_SHORTS;
    private int[] ints = States.NO_INTS;
    private long[] longs = States.NO_LONGS;
    private byte[] states = States.NO_BYTES;

    private Builder(String name, List<String> options) {
      this.name = name;
      this.options = options;
      int n = options.size();
      this.words = Math.max(1, (n + 63) >>> 6);
      this.kind = n < 8 ? BYTE : n < 16 ? SHORT : n < 32 ? INT : n < 64 ? LONG : WORDS;
      for (int i = 0; i < n; i++) {
        index.put(options.get(i), i);
      }
    }

    /** Makes room for one more row; new words are zero. */
    private void ensureCapacity() {
      switch (kind) {
        case BYTE:
          if (size == bytes.length) {
            bytes = Arrays.copyOf(bytes, States.grow(size, size + 1));
          }
          break;
        case SHORT:
          if (size == shorts.length) {
            shorts = Arrays.copyOf(shorts, States.grow(size, size + 1));
          }
          break;
        case INT:
          if (size == ints.length) {
            ints = Arrays.copyOf(ints, States.grow(size, size + 1));
          }
          break;
        default:
          if ((size + 1) * words > longs.length) {
            int rows = States.grow(size, size + 1);
            longs = Arrays.copyOf(longs, rows * words);
            if (states.length > 0) {
              states = Arrays.copyOf(states, rows);
            }
          }
      }
    }

    /** Stores the first word of a row of the narrow storages. */
    private void putWord(long v) {
      switch (kind) {
        case BYTE:
          bytes[size] = (byte) v;
          break;
        case SHORT:
          shorts[size] = (short) v;
          break;
        case INT:
          ints[size] = (int) v;
          break;
        default:
          longs[size] = v;
      }
    }

    /**
     * Appends an answered cell from option indexes.
     *
     * @param selected the indexes of the selected options (may be empty)
     * @return this builder
     * @throws IllegalArgumentException naming the column, row and index when out of range
     */
    public Builder addIndexes(int... selected) {
      // Check every index before setting a bit, so that a rejected row leaves no bits behind.
      for (int k : selected) {
        if (k < 0 || k >= options.size()) {
          throw new IllegalArgumentException(
              "column '" + name + "' row " + size + ": option index " + k + " outside the "
                  + options.size() + " options");
        }
      }
      ensureCapacity();
      if (kind == WORDS) {
        int offset = size * words;
        for (int k : selected) {
          longs[offset + (k >>> 6)] |= 1L << k;
        }
      } else {
        long v = 0;
        for (int k : selected) {
          v |= 1L << k;
        }
        putWord(v);
      }
      size++;
      return this;
    }

    /**
     * Appends an answered cell from option names.
     *
     * @param selected the names of the selected options (may be empty)
     * @return this builder
     * @throws IllegalArgumentException naming the column, row and value when it is not an option
     */
    public Builder add(Collection<String> selected) {
      int[] idx = new int[selected.size()];
      int i = 0;
      for (String s : selected) {
        Integer k = index.get(s);
        if (k == null) {
          throw new IllegalArgumentException(
              "column '" + name + "' row " + size + ": '" + s + "' is not one of " + options);
        }
        idx[i++] = k;
      }
      return addIndexes(idx);
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
        throw new IllegalArgumentException("column '" + name + "': an answered cell needs a selection");
      }
      ensureCapacity();
      if (kind == WORDS) {
        if (states.length == 0) {
          states = new byte[longs.length / words];
        }
        states[size] = (byte) state.ordinal();
      } else {
        // The sign bit of the storage's width, and the ordinal in the low bits.
        putWord(Long.MIN_VALUE >> (kind == BYTE ? 56 : kind == SHORT ? 48 : kind == INT ? 32 : 0) | state.ordinal());
      }
      anyNotAnswered = true;
      size++;
      return this;
    }

    /**
     * Builds the immutable column.
     *
     * @return the column
     */
    public MultiSelectColumn build() {
      return new MultiSelectColumn(this);
    }
  }
}
