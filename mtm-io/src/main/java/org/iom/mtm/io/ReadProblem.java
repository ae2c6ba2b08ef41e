package org.iom.mtm.io;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One thing wrong with an input file, where it is and what was there: the unit of every read
 * report and of {@link ReadException}.
 *
 * <p>Locations are 1-based like an editor's. A line of 0 means the problem concerns the whole file
 * (an empty file, a missing column); a column of 0 means it concerns the whole record.
 *
 * @param file the file name as the user gave it
 * @param line the 1-based physical line, 0 for the whole file
 * @param column the 1-based column, 0 for the whole record
 * @param columnName the column's header name, if known
 * @param value the offending value, if any
 * @param reason what is wrong, in words
 */
public record ReadProblem(
    String file, long line, int column, @Nullable String columnName, @Nullable String value, String reason) {

  /** Longest value quoted in a message; longer ones are cut so one line stays readable. */
  private static final int MAX_QUOTED = 80;

  /**
   * Validates.
   *
   * @throws IllegalArgumentException when the line or column is negative
   */
  public ReadProblem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(reason, "reason");
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException("negative location " + line + ":" + column + " in " + file);
    }
  }

  /**
   * A problem with the whole file.
   *
   * @param file the file name
   * @param reason what is wrong
   * @return the problem
   */
  public static ReadProblem ofFile(String file, String reason) {
    return new ReadProblem(file, 0, 0, null, null, reason);
  }

  /**
   * A problem at a line, not tied to a column.
   *
   * @param file the file name
   * @param line the 1-based line
   * @param reason what is wrong
   * @return the problem
   */
  public static ReadProblem atLine(String file, long line, String reason) {
    return new ReadProblem(file, line, 0, null, null, reason);
  }

  /**
   * The problem on one line: {@code FILE:LINE:COLUMN: column 'NAME': REASON: 'VALUE'}.
   *
   * @return the message, without a line break
   */
  public String message() {
    StringBuilder sb = new StringBuilder(file);
    sb.append(':').append(line).append(':').append(column).append(": ");
    if (columnName != null) {
      sb.append("column '").append(oneLine(columnName)).append("': ");
    }
    // The reason is ours and may name the nearest candidates: never cut, only kept on one line.
    sb.append(escapeBreaks(reason));
    if (value != null) {
      sb.append(": '").append(oneLine(value)).append('\'');
    }
    return sb.toString();
  }

  /** Line breaks and overlong values would break the one-line contract of the CLI. */
  private static String oneLine(String s) {
    return escapeBreaks(s.length() > MAX_QUOTED ? s.substring(0, MAX_QUOTED) + "..." : s);
  }

  private static String escapeBreaks(String s) {
    if (s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return s.replace("\r", "\\r").replace("\n", "\\n");
  }

  @Override
  public String toString() {
    return message();
  }
}
