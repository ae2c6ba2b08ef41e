package org.iom.mtm.cli.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.iom.mtm.indicators.result.AnalysisType;
import org.iom.mtm.indicators.result.ResultRow;
import org.iom.mtm.indicators.result.ResultTable;
import org.jspecify.annotations.Nullable;

/**
 * The headline tables printed in the terminal: the baseline's totals, the top nationalities and
 * regions, and the first analyses of the survey, each with n, the unweighted estimate (the
 * report's method) and its interval, and the weighted estimate where there is one.
 */
public final class Headlines {
  private Headlines() {}

  /**
   * The text.
   *
   * @param survey the unweighted survey rows
   * @param weighted the weighted survey rows, or null
   * @param baseline the baseline rows, or null
   * @param analyses the analyses to show (the headline ones)
   * @param labels names of variables and levels
   * @return lines of plain text, each ending with a newline
   */
  public static String text(
      ResultTable survey, @Nullable ResultTable weighted, @Nullable ResultTable baseline, List<Analysis> analyses,
      Labels labels) {
    StringBuilder out = new StringBuilder();
    if (baseline != null) {
      baselineText(baseline, labels, out);
    }
    for (Analysis a : analyses) {
      out.append('\n').append(a.title()).append(" (").append(labels.variable(a.variable())).append(")\n");
      if (!a.published().isEmpty()) {
        out.append("  report: ").append(a.published()).append('\n');
      }
      out.append(String.format(Locale.ROOT, "  %-34s %-12s %6s %9s  %-17s %9s%n", "", "group", "n", "estimate", "95% CI", "weighted"));
      for (ResultRow r : survey.rows()) {
        if (r.analysisType() != a.type() || !r.analysisVar().equals(a.variable())) {
          continue;
        }
        if (!r.groupVars().isEmpty() && !r.groupVars().equals(a.by())) {
          continue;
        }
        ResultRow w = weighted == null ? null : weighted.row(r.analysisKey());
        String level = r.analysisVarValue() == null ? labels.variable(a.variable()) : labels.level(a.variable(), r.analysisVarValue());
        String group = r.groupValues().isEmpty() ? "all" : labels.level(r.groupVars().get(0), r.groupValues().get(0));
        out.append(String.format(Locale.ROOT, "  %-34s %-12s %6d %9s  %-17s %9s%s%n",
            cut(level, 34), cut(group, 12), r.n(), value(r.analysisType(), r.stat()),
            interval(r.analysisType(), r.statLow(), r.statUpp()), w == null ? "" : value(w.analysisType(), w.stat()),
            r.flags().isEmpty() ? "" : "  [" + r.flagCodes() + "]"));
        if (a.variable().equals("income") && a.type() == AnalysisType.MEAN && r.groupVars().isEmpty() && r.stat() != null) {
          out.append("  = ").append(Catalogue.inUsd(r.stat())).append('\n');
        }
      }
    }
    return out.toString();
  }

  private static void baselineText(ResultTable baseline, Labels labels, StringBuilder out) {
    out.append("Baseline: international migrant workers (key informants, median per rayon)\n");
    String last = lastYear(baseline);
    String span = "";
    for (ResultRow r : baseline.rows()) {
      if (r.analysisType() == AnalysisType.GROWTH && r.groupVars().isEmpty() && r.analysisVarValue() != null
          && r.analysisVarValue().endsWith("-" + last) && (span.isEmpty() || r.analysisVarValue().compareTo(span) < 0)) {
        span = r.analysisVarValue();
      }
    }
    // One line per group: the last year's count and share, and growth over the whole period.
    Map<String, String[]> lines = new LinkedHashMap<>();
    for (ResultRow r : baseline.rows()) {
      if (!r.analysisVar().equals("migrant_worker") || r.stat() == null || r.groupVars().contains("admin2")) {
        continue;
      }
      String group = r.groupVars().isEmpty() ? "Kazakhstan" : labels.level(r.groupVars().get(0), r.groupValues().get(0));
      String key = String.join(",", r.groupVars()) + "|" + group;
      String[] cells = lines.computeIfAbsent(key, k -> new String[] {group, "", "", "", ""});
      String v = r.analysisVarValue();
      if (r.analysisType() == AnalysisType.COUNT && last.equals(v)) {
        cells[1] = String.format(Locale.ROOT, "%,.0f", r.stat());
      } else if (r.analysisType() == AnalysisType.SHARE && last.equals(v)) {
        cells[2] = String.format(Locale.ROOT, "%.1f%%", 100 * r.stat());
      } else if (r.analysisType() == AnalysisType.GROWTH && v != null && v.endsWith(last) && !v.equals(span)) {
        cells[3] = String.format(Locale.ROOT, "%+.1f%%", 100 * r.stat());
      } else if (r.analysisType() == AnalysisType.GROWTH && span.equals(v)) {
        cells[4] = String.format(Locale.ROOT, "%+.1f%%", 100 * r.stat());
      }
    }
    String previous = last.isEmpty() ? "" : Integer.toString(Integer.parseInt(last) - 1);
    out.append(String.format(Locale.ROOT, "  %-28s %12s %8s %11s %11s%n", "", last, "share", previous + "-" + last, span));
    for (String[] c : lines.values()) {
      out.append(String.format(Locale.ROOT, "  %-28s %12s %8s %11s %11s%n", cut(c[0], 28), c[1], c[2], c[3], c[4]));
    }
  }

  private static String lastYear(ResultTable baseline) {
    String last = "";
    for (ResultRow r : baseline.rows()) {
      if (r.analysisType() == AnalysisType.COUNT && r.analysisVarValue() != null && r.analysisVarValue().compareTo(last) > 0) {
        last = r.analysisVarValue();
      }
    }
    return last;
  }

  static String value(AnalysisType type, @Nullable Double v) {
    if (v == null) {
      return "-";
    }
    return isProportion(type) ? String.format(Locale.ROOT, "%.1f%%", 100 * v) : String.format(Locale.ROOT, "%,.1f", v);
  }

  static String interval(AnalysisType type, @Nullable Double low, @Nullable Double upp) {
    if (low == null || upp == null) {
      return "";
    }
    return isProportion(type)
        ? String.format(Locale.ROOT, "(%.1f, %.1f)", 100 * low, 100 * upp)
        : Math.abs(upp) < 1000
            ? String.format(Locale.ROOT, "(%.1f, %.1f)", low, upp)
            : String.format(Locale.ROOT, "(%,.0f, %,.0f)", low, upp);
  }

  static boolean isProportion(AnalysisType type) {
    return type == AnalysisType.PROP_SELECT_ONE || type == AnalysisType.PROP_SELECT_MULTIPLE || type == AnalysisType.SHARE;
  }

  private static String cut(String s, int width) {
    return s.length() <= width ? s : s.substring(0, width - 1) + "…";
  }
}
