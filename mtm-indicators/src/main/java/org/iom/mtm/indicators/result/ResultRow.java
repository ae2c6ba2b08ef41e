package org.iom.mtm.indicators.result;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * One row of a result table, with the columns of DESIGN.md. A statistic that cannot be computed
 * (an empty domain, a zero base) is {@code null} with a {@link Flag} saying why; never NaN.
 *
 * @param analysisType the kind of statistic
 * @param analysisVar the variable; a ratio is {@code num %/% den}
 * @param analysisVarValue the level, option, probability or period; null where none applies
 * @param groupVars the by-variables, empty for the whole population
 * @param groupValues their values, same order and length as {@code groupVars}
 * @param stat the estimate (proportions as fractions), or null
 * @param se its standard error, or null
 * @param statLow the lower confidence limit, or null
 * @param statUpp the upper confidence limit, or null
 * @param df the degrees of freedom used for the interval, or null
 * @param deff the design effect where requested, or null
 * @param n unweighted count with the value (or in the domain, for means)
 * @param nTotal unweighted count in the denominator
 * @param nW weighted count with the value, or null
 * @param nWTotal weighted count in the denominator, or null
 * @param flags reliability and data flags
 */
public record ResultRow(
    AnalysisType analysisType,
    String analysisVar,
    @Nullable String analysisVarValue,
    List<String> groupVars,
    List<String> groupValues,
    @Nullable Double stat,
    @Nullable Double se,
    @Nullable Double statLow,
    @Nullable Double statUpp,
    @Nullable Double df,
    @Nullable Double deff,
    long n,
    long nTotal,
    @Nullable Double nW,
    @Nullable Double nWTotal,
    Set<Flag> flags) {

  /** The separator of IMPACT's keys between a name and its value, and of by-variables. */
  public static final String VALUE_SEPARATOR = " %/% ";

  /** The separator of IMPACT's keys between parts. */
  public static final String PART_SEPARATOR = " @/@ ";

  /** The separator of IMPACT's keys between several groups. */
  public static final String GROUP_SEPARATOR = " -/- ";

  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException when group variables and values differ in length, a number
   *     is not finite, or a count is negative
   */
  public ResultRow {
    Objects.requireNonNull(analysisType, "analysisType");
    Objects.requireNonNull(analysisVar, "analysisVar");
    groupVars = List.copyOf(groupVars);
    groupValues = List.copyOf(groupValues);
    if (groupVars.size() != groupValues.size()) {
      throw new IllegalArgumentException(
          "group variables " + groupVars + " and values " + groupValues + " differ in length");
    }
    checkFinite("stat", stat);
    checkFinite("se", se);
    checkFinite("stat_low", statLow);
    checkFinite("stat_upp", statUpp);
    checkFinite("df", df);
    checkFinite("deff", deff);
    checkFinite("n_w", nW);
    checkFinite("n_w_total", nWTotal);
    if (n < 0 || nTotal < 0) {
      throw new IllegalArgumentException("negative count: n=" + n + ", n_total=" + nTotal);
    }
    flags = flags.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(EnumSet.copyOf(flags));
  }

  private static void checkFinite(String column, @Nullable Double v) {
    if (v != null && !Double.isFinite(v)) {
      throw new IllegalArgumentException(column + " is " + v + ": use null with a flag instead");
    }
  }

  /**
   * The by-variables joined as in the {@code group_var} column.
   *
   * @return {@code a %/% b}, or empty
   */
  public String groupVar() {
    return String.join(VALUE_SEPARATOR, groupVars);
  }

  /**
   * The by-values joined as in the {@code group_var_value} column.
   *
   * @return {@code x %/% y}, or empty
   */
  public String groupVarValue() {
    return String.join(VALUE_SEPARATOR, groupValues);
  }

  /**
   * The flags as in the {@code flags} column.
   *
   * @return codes joined by {@code ;} in declaration order, or empty
   */
  public String flagCodes() {
    return flags.stream().sorted().map(Flag::code).collect(Collectors.joining(";"));
  }

  /**
   * IMPACT analysistools' {@code analysis_key}, byte for byte: {@code type @/@ var %/% value @/@
   * group %/% group_value}, several groups joined by {@code -/-}, an absent part {@code NA}; a
   * ratio is {@code ratio @/@ num %/% NA -/- den %/% NA @/@ ...}.
   *
   * @return the key
   */
  public String analysisKey() {
    StringBuilder key = new StringBuilder(analysisType.code()).append(PART_SEPARATOR);
    if (analysisType == AnalysisType.RATIO) {
      String[] parts = analysisVar.split(" %/% ", -1);
      for (int i = 0; i < parts.length; i++) {
        if (i > 0) {
          key.append(GROUP_SEPARATOR);
        }
        key.append(parts[i]).append(VALUE_SEPARATOR).append("NA");
      }
    } else {
      key.append(analysisVar)
          .append(VALUE_SEPARATOR)
          .append(analysisVarValue == null ? "NA" : analysisVarValue);
    }
    key.append(PART_SEPARATOR);
    if (groupVars.isEmpty()) {
      key.append("NA").append(VALUE_SEPARATOR).append("NA");
    } else {
      for (int i = 0; i < groupVars.size(); i++) {
        if (i > 0) {
          key.append(GROUP_SEPARATOR);
        }
        key.append(groupVars.get(i)).append(VALUE_SEPARATOR).append(groupValues.get(i));
      }
    }
    return key.toString();
  }
}
