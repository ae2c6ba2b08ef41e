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
 */
public final class MultiSelectColumn implements Column {
  private final String name;
  private final List<String> options;
  private final int size;
  private final int words;
  private final long[] bits;
  /** Null when every cell is answered. */
  private final byte @Nullable [] states;

  private MultiSelectColumn(
      String name, List<String> options, int size, int words, long[] bits, byte @Nullable [] states) {
    this.name = name;
    this.options = options;
    this.size = size;
    this.words = words;
    this.bits = bits;
    this.states = states;
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
    if (states != null && states[row] != 0) {
      throw States.notAnswered(name, row, state(row));
    }
    return bits[row * words + word];
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
    long[] b = bits;
    int w = words;
    for (int i = from; i < to; i++) {
      dst[i - from] = b[i * w + word];
    }
    byte[] s = states;
    if (s != null) {
      for (int i = from; i < to; i++) {
        if (s[i] != 0) {
          dst[i - from] = 0L;
        }
      }
    }
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof MultiSelectColumn c
        && c.name.equals(name)
        && c.options.equals(options)
        && c.size == size
        && Arrays.equals(c.bits, bits)
        && Arrays.equals(c.states, states);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, options, Arrays.hashCode(bits));
  }

  @Override
  public String toString() {
    return "MultiSelectColumn[" + name + ", " + options.size() + " options, " + size + " rows]";
  }

  /** Builds a {@link MultiSelectColumn} row by row. */
  public static final class Builder {
    private final String name;
    private final List<String> options;
    private final Map<String, Integer> index = new HashMap<>();
    private final int words;
    private long[] bits;
    private final States states = new States(16);

    private Builder(String name, List<String> options) {
      this.name = name;
      this.options = options;
      this.words = Math.max(1, (options.size() + 63) >>> 6);
      this.bits = new long[16 * words];
      for (int i = 0; i < options.size(); i++) {
        index.put(options.get(i), i);
      }
    }

    private int nextOffset() {
      int offset = states.size() * words;
      if (offset + words > bits.length) {
        bits = Arrays.copyOf(bits, Math.max(bits.length * 2, offset + words));
      }
      return offset;
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
              "column '" + name + "' row " + states.size() + ": option index " + k + " outside the "
                  + options.size() + " options");
        }
      }
      int offset = nextOffset();
      for (int k : selected) {
        bits[offset + (k >>> 6)] |= 1L << k;
      }
      states.add(AnswerState.ANSWERED);
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
              "column '" + name + "' row " + states.size() + ": '" + s + "' is not one of " + options);
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
      nextOffset();
      states.add(state);
      return this;
    }

    /**
     * Builds the immutable column.
     *
     * @return the column
     */
    public MultiSelectColumn build() {
      int n = states.size();
      return new MultiSelectColumn(name, options, n, words, Arrays.copyOf(bits, n * words), states.build());
    }
  }
}
