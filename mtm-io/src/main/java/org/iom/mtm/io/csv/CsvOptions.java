package org.iom.mtm.io.csv;

import java.nio.charset.Charset;
import org.jspecify.annotations.Nullable;

/**
 * How to read a CSV file. The defaults ({@link #DETECT}) detect everything: the delimiter from the
 * header line, the encoding (UTF-8, else Windows-1252), gzip from the magic bytes.
 *
 * @param delimiter {@code ;}, {@code ,}, tab or another character; null to detect it from the
 *     first line (the most frequent of {@code ;}, {@code ,} and tab outside quotes; ties go to
 *     {@code ;}, KoBo's current default, then {@code ,})
 * @param charset the encoding; null to read UTF-8 and fall back to Windows-1252 at the first byte
 *     that is not UTF-8
 * @param header whether the first record is a header of column names
 * @param skipBlankLines whether lines with nothing on them are skipped (a quoted empty field
 *     {@code ""} is not blank)
 */
public record CsvOptions(
    @Nullable Character delimiter, @Nullable Charset charset, boolean header, boolean skipBlankLines) {

  /** Detect the delimiter and encoding; a header; blank lines skipped. */
  public static final CsvOptions DETECT = new CsvOptions(null, null, true, true);

  /**
   * Validates.
   *
   * @throws IllegalArgumentException when the delimiter is a quote or a line break
   */
  public CsvOptions {
    if (delimiter != null && (delimiter == '"' || delimiter == '\n' || delimiter == '\r')) {
      throw new IllegalArgumentException("delimiter cannot be '" + delimiter + "'");
    }
  }

  /**
   * These options with a fixed delimiter.
   *
   * @param d the delimiter
   * @return new options
   */
  public CsvOptions withDelimiter(char d) {
    return new CsvOptions(d, charset, header, skipBlankLines);
  }

  /**
   * These options with a fixed encoding.
   *
   * @param cs the charset
   * @return new options
   */
  public CsvOptions withCharset(Charset cs) {
    return new CsvOptions(delimiter, cs, header, skipBlankLines);
  }

  /**
   * These options with or without a header record.
   *
   * @param h whether the first record is a header
   * @return new options
   */
  public CsvOptions withHeader(boolean h) {
    return new CsvOptions(delimiter, charset, h, skipBlankLines);
  }

  /**
   * These options with blank lines kept or skipped.
   *
   * @param skip whether blank lines are skipped
   * @return new options
   */
  public CsvOptions withSkipBlankLines(boolean skip) {
    return new CsvOptions(delimiter, charset, header, skip);
  }
}
