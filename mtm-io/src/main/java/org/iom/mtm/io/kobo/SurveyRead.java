package org.iom.mtm.io.kobo;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.iom.mtm.core.data.SurveyData;
import org.iom.mtm.io.report.ReadReport;

/**
 * What a KoBo reader returns: the data, the report of the read, the HXL hashtags found under the
 * header, and the tables of repeat groups.
 *
 * @param data the main table, one row per submission
 * @param report rows read and used, every problem
 * @param hashtags the HXL hashtag of each column that had one, by column name
 * @param repeats each repeat group's table by repeat name, with {@code _index} and {@code
 *     _parent_index} joining it to its parent
 * @param rowLines the line (CSV), row number (XLSX) or submission line (JSON) of each data row,
 *     for checks made after the read to name where a row is
 */
public record SurveyRead(
    SurveyData data, ReadReport report, Map<String, String> hashtags, Map<String, SurveyData> repeats,
    long[] rowLines) {

  /**
   * Data without row lines.
   *
   * @param data the main table
   * @param report the read report
   * @param hashtags HXL hashtags by column
   * @param repeats repeat tables by name
   */
  public SurveyRead(SurveyData data, ReadReport report, Map<String, String> hashtags, Map<String, SurveyData> repeats) {
    this(data, report, hashtags, repeats, new long[0]);
  }

  /**
   * The line of a data row in its file.
   *
   * @param row the 0-based row of {@link #data()}
   * @return the line, or 0 when unknown
   */
  public long line(int row) {
    return row >= 0 && row < rowLines.length ? rowLines[row] : 0;
  }


  /**
   * Validates and copies.
   *
   * @throws NullPointerException when a part is null
   */
  public SurveyRead {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(report, "report");
    hashtags = Collections.unmodifiableMap(new LinkedHashMap<>(hashtags));
    repeats = Collections.unmodifiableMap(new LinkedHashMap<>(repeats));
    rowLines = rowLines.clone();
  }

  @Override
  public long[] rowLines() {
    return rowLines.clone();
  }

  @Override
  public boolean equals(@org.jspecify.annotations.Nullable Object o) {
    return o instanceof SurveyRead r && r.data.equals(data) && r.report.equals(report) && r.hashtags.equals(hashtags)
        && r.repeats.equals(repeats) && java.util.Arrays.equals(r.rowLines, rowLines);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(data, report, hashtags, repeats, java.util.Arrays.hashCode(rowLines));
  }

  @Override
  public String toString() {
    return "SurveyRead[" + data + ", " + report + "]";
  }
}
