package org.iom.mtm.core.data;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A numeric variable (XLSForm {@code integer}, {@code decimal}, {@code calculate}). Immutable.
 *
 * <p>Storage is chosen when the column is built, from the answered values, narrowest first. The
 * values are first written as integers: each value times {@code 10^d}, with {@code d} the fewest
 * decimal digits (0 to {@value #MAX_DECIMALS}) for which every answered value of the column comes
 * back exactly, bit for bit, as that integer divided by {@code 10^d} (a decimal typed with two
 * digits after the point, 434.19, is the integer 43,419 with {@code d = 2}). Then:
 *
 * <ul>
 *   <li>all those integers within a span of 252: one byte per row, the integer less a base;
 *   <li>within a span of 65,532: two bytes per row, the integer less a base;
 *   <li>all from {@code -2^31 + 4} to {@code 2^31 - 1}: four bytes per row;
 *   <li>otherwise (a value with more digits, {@code -0.0}, a larger integer): eight bytes per row,
 *       the values as they are.
 * </ul>
 *
 * <p>The four integer codes past the answered ones (for four bytes, the four lowest) stand for the
 * states other than {@link AnswerState#ANSWERED}, so an integer column holds no state array at
 * all. A column stored as doubles holds one state byte per row, and only when some cell is not
 * answered.
 * Values read back are exactly those added, bit for bit.
 */
public final class NumericColumn implements Column {
  private static final byte BYTE = 0;
  private static final byte CHAR = 1;
  private static final byte INT = 2;
  private static final byte DOUBLE = 3;

  /** The largest byte code of an answered value; 252 to 255 are the states 1 to 4. */
  private static final int BYTE_LAST = 255 - States.NOT_ANSWERED_KINDS;
  /** The largest char code of an answered value; 65532 to 65535 are the states 1 to 4. */
  private static final int CHAR_LAST = 65535 - States.NOT_ANSWERED_KINDS;
  /** The smallest int value of an answered cell; the four below are the states 1 to 4. */
  private static final int INT_FIRST = Integer.MIN_VALUE + States.NOT_ANSWERED_KINDS;
  /** Integers beyond this magnitude are stored as doubles, so that base plus code stays exact. */
  private static final double INTEGER_LIMIT = 0x1p52;
  /** The most decimal digits an integer storage scales values by. */
  public static final int MAX_DECIMALS = 6;
  /** {@code 10^d} for each number of decimal digits d: exact doubles. */
  private static final double[] POWERS_OF_TEN = {1, 10, 100, 1e3, 1e4, 1e5, 1e6};

  private final String name;
  private final int size;
  private final byte kind;
  private final boolean allAnswered;
  /** The value of code 0 in the byte and char storages, times {@code 10^decimals}; an integer. */
  private final double base;
  /** Decimal digits of an integer storage: a cell's value is its integer over {@code 10^decimals}. */
  private final int decimals;
  /** {@code 10^decimals}, exact. */
  private final double divisor;
  private final byte[] bytes;
  /**
   * The value of each byte code, 0.0 for the four state codes: {@link #readValues} looks codes up
   * here, without a branch or a conversion (2 KB per byte-stored column).
   */
  private final double[] byteValues;
  private final char[] chars;
  private final int[] ints;
  private final double[] doubles;
  /** The state ordinals of the double storage; empty when every cell is answered. */
  private final byte[] states;
  /** The codes of an integer storage with an answered cell, else null. */
  private final @Nullable IntegerCodes integerCodes;

  private NumericColumn(Builder b) {
    this.name = b.name;
    this.size = b.size;
    this.kind = b.kind;
    this.allAnswered = !b.anyNotAnswered;
    this.base = b.base;
    this.decimals = b.kind == DOUBLE ? 0 : b.decimals;
    this.divisor = POWERS_OF_TEN[decimals];
    this.bytes = b.kind == BYTE ? b.trimmedBytes() : States.NO_BYTES;
    this.byteValues = b.kind == BYTE ? byteValues(b.base, divisor) : States.NO_DOUBLES;
    this.chars = b.kind == CHAR ? b.trimmedChars() : States.NO_CHARS;
    this.ints = b.kind == INT ? b.trimmedInts() : States.NO_INTS;
    this.doubles = b.kind == DOUBLE ? b.trimmedDoubles() : States.NO_DOUBLES;
    this.states = b.kind == DOUBLE && b.anyNotAnswered ? b.trimmedStates() : States.NO_BYTES;
    if (b.kind == DOUBLE || !b.anyAnswered) {
      this.integerCodes = null;
    } else {
      long codeBase = (long) b.base;
      this.integerCodes =
          new IntegerCodes(codeBase, (int) (b.min - codeBase), (int) (b.max - codeBase), decimals);
    }
  }

  private static double[] byteValues(double base, double divisor) {
    double[] v = new double[256];
    for (int c = 0; c <= BYTE_LAST; c++) {
      v[c] = (base + c) / divisor;
    }
    return v;
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
        int v = ints[row];
        return v < INT_FIRST ? v - Integer.MIN_VALUE + 1 : 0;
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
          dst[i + off] = (byte) Math.max((bytes[i] & 0xFF) - BYTE_LAST, 0);
        }
        break;
      case CHAR:
        for (int i = from; i < to; i++) {
          dst[i + off] = (byte) Math.max(chars[i] - CHAR_LAST, 0);
        }
        break;
      case INT:
        for (int i = from; i < to; i++) {
          int v = ints[i];
          dst[i + off] = (byte) (v < INT_FIRST ? v - Integer.MIN_VALUE + 1 : 0);
        }
        break;
      default:
        System.arraycopy(states, from, dst, 0, to - from);
    }
  }

  /**
   * The value of an answered cell.
   *
   * @param row the row
   * @return its value, finite
   * @throws IllegalStateException when the cell is not answered
   */
  public double value(int row) {
    switch (kind) {
      case BYTE:
        int b = bytes[row] & 0xFF;
        if (b <= BYTE_LAST) {
          return byteValues[b];
        }
        break;
      case CHAR:
        int c = chars[row];
        if (c <= CHAR_LAST) {
          // an integer column divides by nothing: 1.0 would give the same bits, a division slower
          return decimals == 0 ? base + c : (base + c) / divisor;
        }
        break;
      case INT:
        int v = ints[row];
        if (v >= INT_FIRST) {
          return decimals == 0 ? v : v / divisor;
        }
        break;
      default:
        if (states.length == 0 || states[row] == 0) {
          return doubles[row];
        }
    }
    throw States.notAnswered(name, row, state(row));
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
    States.checkRange(from, to, size, dst.length);
    int off = -from;
    double b0 = base;
    // With cells not answered, each value's bits are ANDed with a mask that is all ones for an
    // answered code and zero for a state code: +0.0 without a branch, which random states would
    // mispredict (a branchy loop ran 5 to 8 times slower with 30% of the cells not answered).
    switch (kind) {
      case BYTE:
        double[] table = byteValues;
        for (int i = from; i < to; i++) {
          dst[i + off] = table[bytes[i] & 0xFF];
        }
        break;
      case CHAR:
        if (decimals > 0) {
          // decimals: a division per cell, in its own loop so that integers keep theirs plain
          double d = divisor;
          for (int i = from; i < to; i++) {
            int c = chars[i];
            long keep = (c - CHAR_LAST - 1) >> 31;
            dst[i + off] = Double.longBitsToDouble(Double.doubleToRawLongBits((b0 + c) / d) & keep);
          }
        } else if (allAnswered) {
          for (int i = from; i < to; i++) {
            dst[i + off] = b0 + chars[i];
          }
        } else {
          for (int i = from; i < to; i++) {
            int c = chars[i];
            long keep = (c - CHAR_LAST - 1) >> 31;
            dst[i + off] = Double.longBitsToDouble(Double.doubleToRawLongBits(b0 + c) & keep);
          }
        }
        break;
      case INT:
        if (decimals > 0) {
          double d = divisor;
          for (int i = from; i < to; i++) {
            int v = ints[i];
            long keep = ~(((v ^ Integer.MIN_VALUE) >>> 2) - 1 >> 31);
            dst[i + off] = Double.longBitsToDouble(Double.doubleToRawLongBits(v / d) & keep);
          }
        } else if (allAnswered) {
          for (int i = from; i < to; i++) {
            dst[i + off] = ints[i];
          }
        } else {
          for (int i = from; i < to; i++) {
            int v = ints[i];
            // v - MIN_VALUE as unsigned is 0 to 3 for a state code: then the mask is zero.
            long keep = ~(((v ^ Integer.MIN_VALUE) >>> 2) - 1 >> 31);
            dst[i + off] = Double.longBitsToDouble(Double.doubleToRawLongBits(v) & keep);
          }
        }
        break;
      default:
        if (allAnswered) {
          System.arraycopy(doubles, from, dst, 0, to - from);
        } else {
          for (int i = from; i < to; i++) {
            long keep = (states[i] - 1) >> 31;
            dst[i + off] = Double.longBitsToDouble(Double.doubleToRawLongBits(doubles[i]) & keep);
          }
        }
    }
  }

  /**
   * Reads the values of a block of rows as {@link #readValues(int, int, double[])} does, and in the
   * same pass over the storage whether each cell is answered: {@code answered[i]} is 1.0 for an
   * answered cell and 0.0 for a cell in any other state. A weighted sum multiplies by it instead
   * of branching on a state that random non-answers would mispredict, and reads the storage once
   * instead of twice. The rest of both destinations is left as it was.
   *
   * @param from the first row, inclusive
   * @param to the last row, exclusive
   * @param values the destination of the values, at least {@code to - from} long
   * @param answered the destination of the 1.0 or 0.0 of each cell, at least {@code to - from} long
   * @throws IndexOutOfBoundsException when {@code from < 0}, {@code to > size()}, {@code from >
   *     to}, or a destination is shorter than {@code to - from}
   */
  public void readValues(int from, int to, double[] values, double[] answered) {
    States.checkRange(from, to, size, Math.min(values.length, answered.length));
    if (allAnswered) {
      readValues(from, to, values);
      Arrays.fill(answered, 0, to - from, 1.0);
      return;
    }
    int off = -from;
    double b0 = base;
    switch (kind) {
      case BYTE:
        double[] table = byteValues;
        for (int i = from; i < to; i++) {
          int c = bytes[i] & 0xFF;
          values[i + off] = table[c];
          // 1 for an answered code (at most BYTE_LAST), 0 for a state code
          answered[i + off] = (c - BYTE_LAST - 1) >>> 31;
        }
        break;
      case CHAR:
        if (decimals > 0) {
          // a division per cell, in its own loop so that integers keep theirs free of it
          double d = divisor;
          for (int i = from; i < to; i++) {
            int c = chars[i];
            int ok = (c - CHAR_LAST - 1) >>> 31;
            values[i + off] = Double.longBitsToDouble(Double.doubleToRawLongBits((b0 + c) / d) & -(long) ok);
            answered[i + off] = ok;
          }
          break;
        }
        for (int i = from; i < to; i++) {
          int c = chars[i];
          int ok = (c - CHAR_LAST - 1) >>> 31;
          values[i + off] = Double.longBitsToDouble(Double.doubleToRawLongBits(b0 + c) & -(long) ok);
          answered[i + off] = ok;
        }
        break;
      case INT:
        if (decimals > 0) {
          double d = divisor;
          for (int i = from; i < to; i++) {
            int v = ints[i];
            int ok = (((v ^ Integer.MIN_VALUE) >>> 2) - 1 >>> 31) ^ 1;
            values[i + off] = Double.longBitsToDouble(Double.doubleToRawLongBits(v / d) & -(long) ok);
            answered[i + off] = ok;
          }
          break;
        }
        for (int i = from; i < to; i++) {
          int v = ints[i];
          // v - MIN_VALUE as unsigned is 0 to 3 for a state code: then ok is 0
          int ok = (((v ^ Integer.MIN_VALUE) >>> 2) - 1 >>> 31) ^ 1;
          values[i + off] = Double.longBitsToDouble(Double.doubleToRawLongBits(v) & -(long) ok);
          answered[i + off] = ok;
        }
        break;
      default:
        for (int i = from; i < to; i++) {
          int ok = (states[i] - 1) >>> 31;
          values[i + off] = Double.longBitsToDouble(Double.doubleToRawLongBits(doubles[i]) & -(long) ok);
          answered[i + off] = ok;
        }
    }
  }

  /**
   * How an integer storage codes its cells, for kernels that sum codes as integers without
   * converting each one to a double ({@link #readCodes}).
   *
   * <p>An answered cell's code {@code c} lies in {@code [first, last]} and its value is {@code
   * (base + c) / 10^decimals}, the integer {@code base + c} divided by the exact double {@code
   * 10^decimals} (for an integer variable {@code decimals} is 0 and the value is {@code base +
   * c}); every code outside that range is a cell in another state. {@code first} and {@code
   * last} are the codes of the smallest and the largest answered value.
   *
   * @param base the integer of code 0
   * @param first the code of the smallest answered value
   * @param last the code of the largest answered value, at least {@code first}
   * @param decimals the decimal digits the integers carry, 0 to {@link #MAX_DECIMALS}
   */
  public record IntegerCodes(long base, int first, int last, int decimals) {
    /**
     * Checks the range and the digits.
     *
     * @throws IllegalArgumentException when {@code last < first}, {@code base + first} or {@code
     *     base + last} is beyond 2^52 in magnitude (where a double no longer holds every integer),
     *     or {@code decimals} is outside 0 to {@link #MAX_DECIMALS}
     */
    public IntegerCodes {
      if (last < first) {
        throw new IllegalArgumentException("last code " + last + " is below first " + first);
      }
      if (Math.abs(base + first) > INTEGER_LIMIT || Math.abs(base + last) > INTEGER_LIMIT) {
        throw new IllegalArgumentException(
            "integers " + (base + first) + " to " + (base + last) + " are beyond 2^52 in magnitude");
      }
      if (decimals < 0 || decimals > MAX_DECIMALS) {
        throw new IllegalArgumentException("decimals " + decimals + " outside 0 to " + MAX_DECIMALS);
      }
    }

    /**
     * The value of a code, {@code (base + code) / 10^decimals}: exactly what the column reads for
     * an answered cell of that code.
     *
     * @param code a code in {@code [first, last]}
     * @return the value
     */
    public double value(long code) {
      return (base + code) / POWERS_OF_TEN[decimals];
    }

    /**
     * The divisor of the integers, {@code 10^decimals}: an exact double.
     *
     * @return 1, 10, ..., 10^{@value #MAX_DECIMALS}
     */
    public double divisor() {
      return POWERS_OF_TEN[decimals];
    }

    /**
     * The span of the answered codes, {@code last - first}.
     *
     * @return the span, at least 0
     */
    public long span() {
      return (long) last - first;
    }
  }

  /**
   * The integer coding of the column's cells, when it is stored as integers (every answered value
   * an integer, or a decimal of a few digits, whose integers less a base fit 32-bit codes) and
   * has an answered cell; empty for a column stored as doubles or without an answer, whose cells {@link
   * #readCodes} cannot read.
   *
   * @return the coding, or empty
   */
  public Optional<IntegerCodes> integerCodes() {
    return Optional.ofNullable(integerCodes);
  }

  /**
   * Reads the integer codes of a block of rows into {@code dst[0 .. to - from)}, as {@link
   * #integerCodes()} describes them: a cell's code is its integer less the base when it is
   * answered, and a code outside the answered range for a cell in any other state. The rest of
   * {@code dst} is left as it was.
   *
   * @param from the first row, inclusive
   * @param to the last row, exclusive
   * @param dst the destination, at least {@code to - from} long
   * @throws IllegalStateException when {@link #integerCodes()} is empty
   * @throws IndexOutOfBoundsException when {@code from < 0}, {@code to > size()}, {@code from >
   *     to}, or {@code dst} is shorter than {@code to - from}
   */
  public void readCodes(int from, int to, int[] dst) {
    if (integerCodes == null) {
      throw new IllegalStateException("column '" + name + "' is not stored as integer codes");
    }
    States.checkRange(from, to, size, dst.length);
    int off = -from;
    switch (kind) {
      case BYTE:
        for (int i = from; i < to; i++) {
          dst[i + off] = bytes[i] & 0xFF;
        }
        break;
      case CHAR:
        for (int i = from; i < to; i++) {
          dst[i + off] = chars[i];
        }
        break;
      default:
        System.arraycopy(ints, from, dst, 0, to - from);
    }
  }

  /** The storage chosen at build time, for tests and memory reports. */
  String storage() {
    return new String[] {"byte", "char", "int", "double"}[kind];
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof NumericColumn c) || c.size != size || !c.name.equals(name)) {
      return false;
    }
    for (int i = 0; i < size; i++) {
      int s = ordinal(i);
      if (c.ordinal(i) != s
          || (s == 0 && Double.doubleToLongBits(c.value(i)) != Double.doubleToLongBits(value(i)))) {
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
      h = 31 * h + (s == 0 ? Double.hashCode(value(i)) : s);
    }
    return Objects.hash(name, size, h);
  }

  @Override
  public String toString() {
    return "NumericColumn[" + name + ", " + size + " rows]";
  }

  /**
   * Builds a {@link NumericColumn} row by row, in the narrowest storage that holds the values seen
   * so far: it starts with one byte per row and widens (or moves its base) only when a value does
   * not fit, so building costs about the memory of the built column.
   */
  public static final class Builder {
    private final String name;
    private int size;
    private byte kind = BYTE;
    private boolean anyAnswered;
    private boolean anyNotAnswered;
    /** Decimal digits of the integers, while the storage is an integer one. */
    private int decimals;
    /** The smallest and largest answered integer, while the storage is an integer one. */
    private long min;
    private long max;
    private double base;
    private byte[] bytes;
    private char[] chars = States.NO_CHARS;
    private int[] ints = States.NO_INTS;
    private double[] doubles = States.NO_DOUBLES;
    private byte[] states = States.NO_BYTES;

    private Builder(String name, int capacity) {
      this.name = name;
      this.bytes = new byte[Math.max(capacity, 8)];
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
            "column '" + name + "' row " + size + ": value " + value + " is not finite");
      }
      if (kind != DOUBLE) {
        long x = scaled(value, decimals);
        if (x == NOT_SCALED) {
          x = rescale(value);
        }
        if (x != NOT_SCALED) {
          if (!fits(x)) {
            long lo = anyAnswered ? Math.min(min, x) : x;
            long hi = anyAnswered ? Math.max(max, x) : x;
            recode(lo, hi, 1);
          }
          if (kind != DOUBLE) {
            min = anyAnswered ? Math.min(min, x) : x;
            max = anyAnswered ? Math.max(max, x) : x;
            anyAnswered = true;
            ensureCapacity();
            switch (kind) {
              case BYTE:
                bytes[size] = (byte) (x - (long) base);
                break;
              case CHAR:
                chars[size] = (char) (x - (long) base);
                break;
              default:
                ints[size] = (int) x;
            }
            size++;
            return this;
          }
        }
        // no integer holds the value: rescale or recode has moved the cells to doubles
      }
      anyAnswered = true;
      ensureCapacity();
      doubles[size] = value;
      size++;
      return this;
    }

    /** {@link #scaled} of a value no integer of at most {@link #MAX_DECIMALS} digits gives back. */
    private static final long NOT_SCALED = Long.MIN_VALUE;

    /**
     * The integer {@code x} for which {@code x / 10^digits} is {@code v} bit for bit, small enough
     * that base plus code stays exact; {@link #NOT_SCALED} when there is none ({@code -0.0}, a
     * value with more digits, a larger one).
     */
    private static long scaled(double v, int digits) {
      if (digits == 0) {
        // the common case, an integer: no multiply, rounding or division
        long integer = (long) v;
        return integer == v && Math.abs(integer) <= (long) INTEGER_LIMIT
            && Double.doubleToRawLongBits(v) != Double.doubleToRawLongBits(-0.0) ? integer : NOT_SCALED;
      }
      double p = POWERS_OF_TEN[digits];
      double x = Math.rint(v * p);
      if (Math.abs(x) > INTEGER_LIMIT) {
        return NOT_SCALED;
      }
      long integer = (long) x;
      if (backTo(integer, p, v)) {
        return integer;
      }
      // from 2^51 up the product v * p can round to a neighbour of the integer
      if (Math.abs(integer) >= 1L << 51) {
        for (long k = integer - 1; k <= integer + 1; k += 2) {
          if (Math.abs(k) <= (long) INTEGER_LIMIT && backTo(k, p, v)) {
            return k;
          }
        }
      }
      return NOT_SCALED;
    }

    /** Whether {@code integer / p} is {@code v} bit for bit (never for -0.0: a long has none). */
    private static boolean backTo(long integer, double p, double v) {
      return Double.doubleToRawLongBits(integer / p) == Double.doubleToRawLongBits(v);
    }

    /**
     * Moves the integers to the fewest decimal digits above the present ones that hold {@code
     * v}, and returns its integer there; or moves the cells to doubles and returns {@link
     * #NOT_SCALED} when no number of digits up to {@link #MAX_DECIMALS} holds it, or the
     * integers outgrow the exact range.
     */
    private long rescale(double v) {
      for (int d = decimals + 1; d <= MAX_DECIMALS; d++) {
        long x = scaled(v, d);
        if (x == NOT_SCALED) {
          continue;
        }
        long factor = (long) POWERS_OF_TEN[d - decimals];
        if (anyAnswered) {
          // the integers so far, times the factor: still exact below 2^52 in magnitude
          if (Math.abs(min) > INTEGER_LIMIT / factor || Math.abs(max) > INTEGER_LIMIT / factor) {
            break;
          }
          long lo = min * factor;
          long hi = max * factor;
          recode(lo, hi, factor);
          if (kind == DOUBLE) {
            return NOT_SCALED;
          }
          min = lo;
          max = hi;
        }
        decimals = d;
        return x;
      }
      toDoubles();
      return NOT_SCALED;
    }

    private boolean fits(long x) {
      switch (kind) {
        case BYTE:
          return anyAnswered && x - (long) base >= 0 && x - (long) base <= BYTE_LAST;
        case CHAR:
          return anyAnswered && x - (long) base >= 0 && x - (long) base <= CHAR_LAST;
        default:
          return x >= INT_FIRST && x <= Integer.MAX_VALUE;
      }
    }

    /**
     * Moves the cells to the narrowest integer storage for answered values in {@code [lo, hi]},
     * or to doubles. The base is centred in the slack so that each later move at least halves it:
     * at most a few dozen moves over the whole build.
     */
    private void recode(long lo, long hi, long factor) {
      long span = hi - lo;
      byte to;
      long newBase = 0;
      if (span <= BYTE_LAST) {
        to = BYTE;
        newBase = lo - (BYTE_LAST - span) / 2;
      } else if (span <= CHAR_LAST) {
        to = CHAR;
        newBase = lo - (CHAR_LAST - span) / 2;
      } else if (lo >= INT_FIRST && hi <= Integer.MAX_VALUE) {
        to = INT;
      } else {
        toDoubles();
        return;
      }
      int capacity = Math.max(size + 1, capacity());
      byte[] nb = to == BYTE ? new byte[capacity] : States.NO_BYTES;
      char[] nc = to == CHAR ? new char[capacity] : States.NO_CHARS;
      int[] ni = to == INT ? new int[capacity] : States.NO_INTS;
      for (int i = 0; i < size; i++) {
        int s = ordinalAt(i);
        long v = s == 0 ? integerAt(i) * factor : 0;
        switch (to) {
          case BYTE:
            nb[i] = (byte) (s == 0 ? v - newBase : BYTE_LAST + s);
            break;
          case CHAR:
            nc[i] = (char) (s == 0 ? v - newBase : CHAR_LAST + s);
            break;
          default:
            ni[i] = s == 0 ? (int) v : Integer.MIN_VALUE + s - 1;
        }
      }
      kind = to;
      base = newBase;
      bytes = nb;
      chars = nc;
      ints = ni;
    }

    private void toDoubles() {
      double[] nd = new double[Math.max(size + 1, capacity())];
      byte[] ns = anyNotAnswered ? new byte[nd.length] : States.NO_BYTES;
      for (int i = 0; i < size; i++) {
        int s = ordinalAt(i);
        if (s == 0) {
          nd[i] = integerAt(i) / POWERS_OF_TEN[decimals];
        } else {
          ns[i] = (byte) s;
        }
      }
      kind = DOUBLE;
      doubles = nd;
      states = ns;
      bytes = States.NO_BYTES;
      chars = States.NO_CHARS;
      ints = States.NO_INTS;
    }

    private int capacity() {
      switch (kind) {
        case BYTE:
          return bytes.length;
        case CHAR:
          return chars.length;
        case INT:
          return ints.length;
        default:
          return doubles.length;
      }
    }

    private int ordinalAt(int i) {
      switch (kind) {
        case BYTE:
          return Math.max((bytes[i] & 0xFF) - BYTE_LAST, 0);
        case CHAR:
          return Math.max(chars[i] - CHAR_LAST, 0);
        case INT:
          return ints[i] < INT_FIRST ? ints[i] - Integer.MIN_VALUE + 1 : 0;
        default:
          return states.length == 0 ? 0 : states[i];
      }
    }

    /** The answered integer at row {@code i} of an integer storage. */
    private long integerAt(int i) {
      switch (kind) {
        case BYTE:
          return (long) base + (bytes[i] & 0xFF);
        case CHAR:
          return (long) base + chars[i];
        default:
          return ints[i];
      }
    }

    /**
     * Makes room for one more cell. A built column may share the builder's array when it was
     * full, so this always moves to a new array before writing past a full one.
     */
    private void ensureCapacity() {
      if (size < capacity()) {
        return;
      }
      int n = States.grow(size, size + 1);
      switch (kind) {
        case BYTE:
          bytes = Arrays.copyOf(bytes, n);
          break;
        case CHAR:
          chars = Arrays.copyOf(chars, n);
          break;
        case INT:
          ints = Arrays.copyOf(ints, n);
          break;
        default:
          doubles = Arrays.copyOf(doubles, n);
          if (states.length > 0) {
            states = Arrays.copyOf(states, n);
          }
      }
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
      ensureCapacity();
      int s = state.ordinal();
      switch (kind) {
        case BYTE:
          bytes[size] = (byte) (BYTE_LAST + s);
          break;
        case CHAR:
          chars[size] = (char) (CHAR_LAST + s);
          break;
        case INT:
          ints[size] = Integer.MIN_VALUE + s - 1;
          break;
        default:
          if (states.length == 0) {
            states = new byte[doubles.length];
          }
          doubles[size] = 0.0;
          states[size] = (byte) s;
      }
      anyNotAnswered = true;
      size++;
      return this;
    }

    /**
     * The rows added so far.
     *
     * @return the count
     */
    public int size() {
      return size;
    }

    // The built column takes the builder's array as it is when it is exactly full (no copy); the
    // builder never writes into a full array (see ensureCapacity), so later adds cannot reach it.
    private byte[] trimmedBytes() {
      return bytes.length == size ? bytes : Arrays.copyOf(bytes, size);
    }

    private char[] trimmedChars() {
      return chars.length == size ? chars : Arrays.copyOf(chars, size);
    }

    private int[] trimmedInts() {
      return ints.length == size ? ints : Arrays.copyOf(ints, size);
    }

    private double[] trimmedDoubles() {
      return doubles.length == size ? doubles : Arrays.copyOf(doubles, size);
    }

    private byte[] trimmedStates() {
      return states.length == size ? states : Arrays.copyOf(states, size);
    }

    /**
     * Builds the immutable column.
     *
     * @return the column
     */
    public NumericColumn build() {
      return new NumericColumn(this);
    }
  }
}
