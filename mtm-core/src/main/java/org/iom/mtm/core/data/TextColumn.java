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
 * ones; in four bytes, the negative codes). When few cells are answered, as in the mostly-not-asked
 * "other, specify" columns, the column keeps instead each row's state in four bits and, for the
 * answered rows only, the row numbers and codes (a row's text is then found by binary search):
 * whichever of the two takes fewer bytes.
 */
public final class TextColumn implements Column {
  private static final byte BYTE = 0;
  private static final byte CHAR = 1;
  private static final byte INT = 2;
  private static final byte SPARSE = 3;

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
  /** {@code SPARSE}: each row's state ordinal in four bits, 16 rows per long. */
  private final long[] packedStates;
  /** {@code SPARSE}: the answered rows, ascending. */
  private final int[] answeredRows;
  /** {@code SPARSE}: the dictionary code of each answered row. */
  private final int[] answeredCodes;

  private TextColumn(Builder b) {
    this.name = b.name;
    this.size = b.size;
    this.allAnswered = !b.anyNotAnswered;
    this.dictionary = b.dictionary.toArray(new String[0]);
    int width = b.kind == BYTE ? 1 : b.kind == CHAR ? 2 : 4;
    long dense = (long) b.size * width;
    long sparse = ((b.size + 15L) >>> 4) * Long.BYTES + (long) b.answered * 2 * Integer.BYTES;
    if (sparse < dense) {
      long[] packed = new long[(b.size + 15) >>> 4];
      int[] rows = new int[b.answered];
      int[] codes = new int[b.answered];
      int k = 0;
      for (int i = 0; i < b.size; i++) {
        int c = b.codeAt(i);
        if (c < 0) {
          packed[i >>> 4] |= (long) -c << ((i & 15) << 2);
        } else {
          rows[k] = i;
          codes[k++] = c;
        }
      }
      this.kind = SPARSE;
      this.packedStates = packed;
      this.answeredRows = rows;
      this.answeredCodes = codes;
      this.bytes = States.NO_BYTES;
      this.chars = States.NO_CHARS;
      this.ints = States.NO_INTS;
    } else {
      this.kind = b.kind;
      this.packedStates = States.NO_LONGS;
      this.answeredRows = States.NO_INTS;
      this.answeredCodes = States.NO_INTS;
      this.bytes = b.kind == BYTE ? Arrays.copyOf(b.bytes, b.size) : States.NO_BYTES;
      this.chars = b.kind == CHAR ? Arrays.copyOf(b.chars, b.size) : States.NO_CHARS;
      this.ints = b.kind == INT ? Arrays.copyOf(b.ints, b.size) : States.NO_INTS;
    }
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
      case INT:
        return Math.max(-ints[row], 0);
      default:
        return (int) (packedStates[row >>> 4] >>> ((row & 15) << 2)) & 0xF;
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
      case INT:
        return Math.max(ints[row], -1);
      default:
        if (ordinal(row) != 0) {
          return -1;
        }
        return answeredCodes[Arrays.binarySearch(answeredRows, row)];
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

  /**
   * Reads the dictionary codes of a block of rows into {@code dst[0 .. to - from)}: for an
   * answered cell, the index of its text among the distinct texts, which are numbered from 0 in
   * the order they first appear in the column, so that {@code text(row)} of two answered rows is
   * equal exactly when their codes are; for a cell in any other state, {@link #distinctTexts()}
   * (one past the last code, never negative). This lets a caller group rows by text without
   * hashing a String per row. The rest of {@code dst} is left as it was.
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
    int none = dictionary.length;
    switch (kind) {
      case BYTE:
        for (int i = from; i < to; i++) {
          int b = bytes[i] & 0xFF;
          dst[i + off] = b <= BYTE_LAST ? b : none;
        }
        break;
      case CHAR:
        for (int i = from; i < to; i++) {
          int c = chars[i];
          dst[i + off] = c <= CHAR_LAST ? c : none;
        }
        break;
      case INT:
        for (int i = from; i < to; i++) {
          int c = ints[i];
          dst[i + off] = c >= 0 ? c : none;
        }
        break;
      default:
        Arrays.fill(dst, 0, to - from, none);
        int k = Arrays.binarySearch(answeredRows, from);
        for (k = k < 0 ? -k - 1 : k; k < answeredRows.length && answeredRows[k] < to; k++) {
          dst[answeredRows[k] + off] = answeredCodes[k];
        }
    }
  }

  /** The storage chosen at build time, for tests and memory reports. */
  String storage() {
    return new String[] {"byte", "char", "int", "sparse"}[kind];
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
    private int answered;
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
      answered++;
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

    /** The dictionary code of row {@code i}, or minus its state ordinal when not answered. */
    private int codeAt(int i) {
      switch (kind) {
        case BYTE:
          int b = bytes[i] & 0xFF;
          return b <= BYTE_LAST ? b : -(b - BYTE_LAST);
        case CHAR:
          int c = chars[i];
          return c <= CHAR_LAST ? c : -(c - CHAR_LAST);
        default:
          return ints[i];
      }
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
