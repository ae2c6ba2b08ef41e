package org.iom.mtm.core.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A free-text variable (XLSForm {@code text}, {@code date}, {@code geopoint}, ...). Immutable.
 *
 * <p>Each distinct answered text is held once, in a dictionary in order of first appearance, and
 * each row holds a code into it: one byte per row up to 252 distinct texts, two bytes up to 65,532,
 * four beyond. A cell not answered holds one of four codes that no text takes (past the answered
 * ones; in four bytes, the negative codes), so the mostly-not-asked "other, specify" columns cost
 * about one byte per row and the few texts actually given.
 */
public final class TextColumn implements Column {
  private static final byte BYTE = 0;
  private static final byte CHAR = 1;
  private static final byte INT = 2;

  private static final int BYTE_LAST = 255 - States.NOT_ANSWERED_KINDS;
  private static final int CHAR_LAST = 65535 - States.NOT_ANSWERED_KINDS;

  private final String name;
  private final int size;
  private final byte kind;
  private final boolean allAnswered;
  private final String[] dictionary;
  private final byte[] bytes;
  private final char[] chars;
  private final int[] ints;

  private TextColumn(Builder b) {
    this.name = b.name;
    this.size = b.size;
    this.kind = b.kind;
    this.allAnswered = !b.anyNotAnswered;
    this.dictionary = b.dictionary.toArray(new String[0]);
    this.bytes = b.kind == BYTE ? Arrays.copyOf(b.bytes, b.size) : States.NO_BYTES;
    this.chars = b.kind == CHAR ? Arrays.copyOf(b.chars, b.size) : States.NO_CHARS;
    this.ints = b.kind == INT ? Arrays.copyOf(b.ints, b.size) : States.NO_INTS;
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
        return Math.max((bytes[row] & 0xFF) - BYTE_LAST, 0);
      case CHAR:
        return Math.max(chars[row] - CHAR_LAST, 0);
      default:
        return Math.max(-ints[row], 0);
    }
  }

  /** The dictionary index of a row, or -1 when the cell is not answered. */
  private int code(int row) {
    switch (kind) {
      case BYTE:
        int b = bytes[row] & 0xFF;
        return b <= BYTE_LAST ? b : -1;
      case CHAR:
        int c = chars[row];
        return c <= CHAR_LAST ? c : -1;
      default:
        return Math.max(ints[row], -1);
    }
  }

  @Override
  public boolean allAnswered() {
    return allAnswered;
  }

  @Override
  public void readStates(int from, int to, byte[] dst) {
    States.checkRange(from, to, size, dst.length);
    if (allAnswered) {
      Arrays.fill(dst, 0, to - from, (byte) 0);
      return;
    }
    for (int i = from; i < to; i++) {
      dst[i - from] = (byte) ordinal(i);
    }
  }

  /**
   * The text of an answered cell.
   *
   * @param row the row
   * @return the text
   * @throws IllegalStateException when the cell is not answered
   */
  public String text(int row) {
    int c = code(row);
    if (c < 0) {
      throw States.notAnswered(name, row, state(row));
    }
    return dictionary[c];
  }

  /**
   * The number of distinct answered texts.
   *
   * @return the size of the dictionary, at most the number of answered cells
   */
  public int distinctTexts() {
    return dictionary.length;
  }

  /** The storage chosen at build time, for tests and memory reports. */
  String storage() {
    return new String[] {"byte", "char", "int"}[kind];
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof TextColumn c) || c.size != size || !c.name.equals(name)) {
      return false;
    }
    for (int i = 0; i < size; i++) {
      int s = ordinal(i);
      if (c.ordinal(i) != s || (s == 0 && !c.text(i).equals(text(i)))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = 1;
    for (int i = 0; i < size; i++) {
      int s = ordinal(i);
      h = 31 * h + (s == 0 ? text(i).hashCode() : s);
    }
    return Objects.hash(name, size, h);
  }

  @Override
  public String toString() {
    return "TextColumn[" + name + ", " + size + " rows]";
  }

  /**
   * Builds a {@link TextColumn} row by row. Codes start at one byte per row and widen when the
   * dictionary outgrows them.
   */
  public static final class Builder {
    private final String name;
    private final Map<String, Integer> index = new HashMap<>();
    private final List<String> dictionary = new ArrayList<>();
    private byte kind = BYTE;
    private int size;
    private boolean anyNotAnswered;
    private byte[] bytes = new byte[16];
    private char[] chars = States.NO_CHARS;
    private int[] ints = States.NO_INTS;

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
      Objects.requireNonNull(text, "text");
      Integer known = index.get(text);
      int code;
      if (known != null) {
        code = known;
      } else {
        code = dictionary.size();
        dictionary.add(text);
        index.put(text, code);
        if ((kind == BYTE && code > BYTE_LAST) || (kind == CHAR && code > CHAR_LAST)) {
          widen();
        }
      }
      put(code, 0);
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
      anyNotAnswered = true;
      put(-1, state.ordinal());
      return this;
    }

    /** Moves the codes one width up: byte to char, or char to int. */
    private void widen() {
      int capacity = States.grow(size, size + 1);
      if (kind == BYTE) {
        char[] n = new char[capacity];
        for (int i = 0; i < size; i++) {
          int b = bytes[i] & 0xFF;
          n[i] = (char) (b <= BYTE_LAST ? b : CHAR_LAST + b - BYTE_LAST);
        }
        chars = n;
        bytes = States.NO_BYTES;
        kind = CHAR;
      } else {
        int[] n = new int[capacity];
        for (int i = 0; i < size; i++) {
          int c = chars[i];
          n[i] = c <= CHAR_LAST ? c : -(c - CHAR_LAST);
        }
        ints = n;
        chars = States.NO_CHARS;
        kind = INT;
      }
    }

    /** Stores a dictionary code, or when it is -1 the state ordinal {@code s}. */
    private void put(int code, int s) {
      switch (kind) {
        case BYTE:
          if (size == bytes.length) {
            bytes = Arrays.copyOf(bytes, States.grow(size, size + 1));
          }
          bytes[size] = (byte) (code >= 0 ? code : BYTE_LAST + s);
          break;
        case CHAR:
          if (size == chars.length) {
            chars = Arrays.copyOf(chars, States.grow(size, size + 1));
          }
          chars[size] = (char) (code >= 0 ? code : CHAR_LAST + s);
          break;
        default:
          if (size == ints.length) {
            ints = Arrays.copyOf(ints, States.grow(size, size + 1));
          }
          ints[size] = code >= 0 ? code : -s;
      }
      size++;
    }

    /**
     * Builds the immutable column.
     *
     * @return the column
     */
    public TextColumn build() {
      return new TextColumn(this);
    }
  }
}
