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
 */
public record SurveyRead(
    SurveyData data, ReadReport report, Map<String, String> hashtags, Map<String, SurveyData> repeats) {

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
  }
}
