package org.iom.mtm.indicators.result;

import java.util.Locale;

/** The kind of statistic in a result-table row: the {@code analysis_type} column of DESIGN.md. */
public enum AnalysisType {
  /** Numeric mean. */
  MEAN,
  /** Numeric total, or the population count of a level or option. */
  TOTAL,
  /** Ratio of two totals. */
  RATIO,
  /** Median. */
  MEDIAN,
  /** Quantile at a probability. */
  QUANTILE,
  /** Share of each level of a select_one question. */
  PROP_SELECT_ONE,
  /** Share of respondents selecting each option of a select_multiple question. */
  PROP_SELECT_MULTIPLE,
  /** Baseline count. */
  COUNT,
  /** Baseline share. */
  SHARE,
  /** Growth between two years, as a fraction. */
  GROWTH,
  /** Compound annual growth rate. */
  CAGR,
  /** Index number, base year = 100. */
  INDEX,
  /** Sample size. */
  SAMPLE_SIZE;

  /**
   * The code written in result tables ({@code prop_select_one}, ...).
   *
   * @return the lower-case code
   */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a code as written in result tables.
   *
   * @param code the code, case-insensitive
   * @return the type
   * @throws IllegalArgumentException naming the value when unknown
   */
  public static AnalysisType ofCode(String code) {
    for (AnalysisType t : values()) {
      if (t.code().equalsIgnoreCase(code.strip())) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown analysis type '" + code + "'");
  }
}
