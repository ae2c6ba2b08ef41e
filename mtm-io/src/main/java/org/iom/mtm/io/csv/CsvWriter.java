package org.iom.mtm.io.csv;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Objects;

/**
 * Writes CSV that {@link CsvReader} (and R, Python, Excel) read back unchanged: cells quoted when
 * they hold the delimiter, a quote or a line break (or always), quotes doubled.
 */
public final class CsvWriter implements Closeable, Flushable {

  /** When cells are quoted. */
  public enum Quoting {
    /** Only cells that need it: delimiter, quote, line break, or a lone empty cell on a row. */
    MINIMAL,
    /** Every cell. */
    ALL
  }

  private final Writer out;
  private final char delimiter;
  private final Quoting quoting;
  private final String lineEnd;

  private CsvWriter(Writer out, char delimiter, Quoting quoting, String lineEnd) {
    this.out = Objects.requireNonNull(out, "out");
    this.delimiter = delimiter;
    this.quoting = Objects.requireNonNull(quoting, "quoting");
    this.lineEnd = Objects.requireNonNull(lineEnd, "lineEnd");
    if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
      throw new IllegalArgumentException("delimiter cannot be '" + delimiter + "'");
    }
    if (!lineEnd.equals("\n") && !lineEnd.equals("\r\n")) {
      throw new IllegalArgumentException("line end must be LF or CRLF, not '" + lineEnd.replace("\r", "\\r") + "'");
    }
  }

  /**
   * A comma-separated writer with minimal quoting and LF line ends.
   *
   * @param out where to write; not closed until {@link #close()}
   * @return the writer
   */
  public static CsvWriter of(Writer out) {
    return new CsvWriter(out, ',', Quoting.MINIMAL, "\n");
  }

  /**
   * A writer with a chosen dialect.
   *
   * @param out where to write
   * @param delimiter the delimiter
   * @param quoting when to quote
   * @param lineEnd {@code "\n"} or {@code "\r\n"}
   * @return the writer
   * @throws IllegalArgumentException when the delimiter is a quote or line break, or the line end
   *     is neither LF nor CRLF
   */
  public static CsvWriter of(Writer out, char delimiter, Quoting quoting, String lineEnd) {
    return new CsvWriter(out, delimiter, quoting, lineEnd);
  }

  /**
   * Writes one record.
   *
   * @param cells the cells
   * @return this writer
   * @throws UncheckedIOException when writing fails
   */
  public CsvWriter writeRow(List<String> cells) {
    try {
      for (int i = 0; i < cells.size(); i++) {
        if (i > 0) {
          out.write(delimiter);
        }
        String c = cells.get(i);
        // A record of one empty cell would be a blank line, which readers skip.
        if (quoting == Quoting.ALL || needsQuotes(c) || (cells.size() == 1 && c.isEmpty())) {
          out.write('"');
          out.write(c.replace("\"", "\"\""));
          out.write('"');
        } else {
          out.write(c);
        }
      }
      out.write(lineEnd);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes one record.
   *
   * @param cells the cells
   * @return this writer
   */
  public CsvWriter writeRow(String... cells) {
    return writeRow(List.of(cells));
  }

  private boolean needsQuotes(String c) {
    for (int i = 0; i < c.length(); i++) {
      char ch = c.charAt(i);
      if (ch == delimiter || ch == '"' || ch == '\n' || ch == '\r') {
        return true;
      }
    }
    return false;
  }

  @Override
  public void flush() {
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
