package org.iom.mtm.io.csv;

import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One record of a CSV file: its cells and the physical line on which it starts. Immutable.
 */
public final class CsvRecord {
  private final String[] cells;
  private final long line;
  private final int @Nullable [] lineOffsets;

  CsvRecord(String[] cells, long line, int @Nullable [] lineOffsets) {
    this.cells = cells;
    this.line = line;
    this.lineOffsets = lineOffsets;
  }

  /**
   * The 1-based physical line on which the record starts.
   *
   * @return the line
   */
  public long line() {
    return line;
  }

  /**
   * The 1-based physical line on which a cell starts (later than {@link #line()} when an earlier
   * quoted cell holds line breaks).
   *
   * @param index the 0-based cell index
   * @return the line
   */
  public long lineOf(int index) {
    return lineOffsets == null || index >= lineOffsets.length ? line : line + lineOffsets[index];
  }

  /**
   * The number of cells.
   *
   * @return the count
   */
  public int size() {
    return cells.length;
  }

  /**
   * A cell.
   *
   * @param index the 0-based index
   * @return its text, unquoted
   * @throws IndexOutOfBoundsException when there is no such cell
   */
  public String get(int index) {
    return cells[index];
  }

  /**
   * A cell, or the empty string when the record is shorter.
   *
   * @param index the 0-based index
   * @return its text, or {@code ""}
   */
  public String getOrEmpty(int index) {
    return index < cells.length ? cells[index] : "";
  }

  /**
   * The cells.
   *
   * @return an immutable list
   */
  public List<String> cells() {
    return List.of(cells);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CsvRecord r && r.line == line && Arrays.equals(r.cells, cells);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(cells) * 31 + Long.hashCode(line);
  }

  @Override
  public String toString() {
    return "line " + line + ": " + Arrays.toString(cells);
  }
}
