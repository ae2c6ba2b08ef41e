package org.iom.mtm.indicators.result;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * An immutable table of {@link ResultRow}s with metadata (design, options, versions). Prints as an
 * aligned text table, so that it reads well in JShell.
 */
public final class ResultTable {

  /** The CSV header of DESIGN.md, in order. */
  public static final List<String> COLUMNS =
      List.of(
          "analysis_type", "analysis_var", "analysis_var_value", "group_var", "group_var_value",
          "stat", "se", "stat_low", "stat_upp", "df", "deff", "n", "n_total", "n_w", "n_w_total",
          "flags", "analysis_key");

  private final List<ResultRow> rows;
  private final Map<String, String> meta;

  private ResultTable(List<ResultRow> rows, Map<String, String> meta) {
    this.rows = rows;
    this.meta = meta;
  }

  /**
   * A table of rows with metadata.
   *
   * @param rows the rows, in order
   * @param meta metadata (insertion order kept)
   * @return the table
   */
  public static ResultTable of(List<ResultRow> rows, Map<String, String> meta) {
    return new ResultTable(List.copyOf(rows), Collections.unmodifiableMap(new LinkedHashMap<>(meta)));
  }

  /**
   * A table of rows without metadata.
   *
   * @param rows the rows, in order
   * @return the table
   */
  public static ResultTable of(List<ResultRow> rows) {
    return of(rows, Map.of());
  }

  /**
   * The rows.
   *
   * @return an immutable list
   */
  public List<ResultRow> rows() {
    return rows;
  }

  /**
   * The metadata.
   *
   * @return an immutable map, in insertion order
   */
  public Map<String, String> meta() {
    return meta;
  }

  /**
   * The number of rows.
   *
   * @return the count
   */
  public int size() {
    return rows.size();
  }

  /**
   * The rows that satisfy a condition, same metadata.
   *
   * @param keep the condition
   * @return a new table
   */
  public ResultTable filter(Predicate<ResultRow> keep) {
    return new ResultTable(rows.stream().filter(keep).toList(), meta);
  }

  /**
   * The row with an {@code analysis_key}, if any.
   *
   * @param analysisKey IMPACT's key
   * @return the row, or null
   */
  public @Nullable ResultRow row(String analysisKey) {
    for (ResultRow r : rows) {
      if (r.analysisKey().equals(analysisKey)) {
        return r;
      }
    }
    return null;
  }

  /**
   * The cells of a row as strings in {@link #COLUMNS} order: numbers in full precision
   * (shortest representation that round-trips), locale-free; null as empty.
   *
   * @param r the row
   * @return 17 strings
   */
  public static List<String> cells(ResultRow r) {
    List<String> c = new ArrayList<>(COLUMNS.size());
    c.add(r.analysisType().code());
    c.add(r.analysisVar());
    c.add(r.analysisVarValue() == null ? "" : r.analysisVarValue());
    c.add(r.groupVar());
    c.add(r.groupVarValue());
    c.add(number(r.stat()));
    c.add(number(r.se()));
    c.add(number(r.statLow()));
    c.add(number(r.statUpp()));
    c.add(number(r.df()));
    c.add(number(r.deff()));
    c.add(Long.toString(r.n()));
    c.add(Long.toString(r.nTotal()));
    c.add(number(r.nW()));
    c.add(number(r.nWTotal()));
    c.add(r.flagCodes());
    c.add(r.analysisKey());
    return c;
  }

  /**
   * A number in full precision, locale-free: integers without a decimal point, others as the
   * shortest decimal that round-trips; null as empty.
   *
   * @param v the number or null
   * @return its text
   */
  public static String number(@Nullable Double v) {
    if (v == null) {
      return "";
    }
    double d = v;
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    return Double.toString(d);
  }

  /**
   * An aligned text table of the main columns, numbers rounded for reading (4 significant
   * decimals for fractions). Writers in mtm-io give full precision.
   *
   * @return the table as text
   */
  @Override
  public String toString() {
    List<String> header =
        List.of("analysis_type", "analysis_var", "value", "group", "group_value", "stat", "se",
            "stat_low", "stat_upp", "n", "n_total", "flags");
    List<List<String>> body = new ArrayList<>();
    for (ResultRow r : rows) {
      body.add(
          List.of(
              r.analysisType().code(),
              r.analysisVar(),
              r.analysisVarValue() == null ? "" : r.analysisVarValue(),
              r.groupVar(),
              r.groupVarValue(),
              readable(r.stat()),
              readable(r.se()),
              readable(r.statLow()),
              readable(r.statUpp()),
              Long.toString(r.n()),
              Long.toString(r.nTotal()),
              r.flagCodes()));
    }
    int[] width = new int[header.size()];
    for (int i = 0; i < width.length; i++) {
      width[i] = header.get(i).length();
      for (List<String> b : body) {
        width[i] = Math.max(width[i], b.get(i).length());
      }
    }
    StringBuilder sb = new StringBuilder();
    appendLine(sb, header, width);
    for (List<String> b : body) {
      appendLine(sb, b, width);
    }
    sb.append('(').append(rows.size()).append(rows.size() == 1 ? " row)" : " rows)");
    return sb.toString();
  }

  private static void appendLine(StringBuilder sb, List<String> cells, int[] width) {
    for (int i = 0; i < cells.size(); i++) {
      String c = cells.get(i);
      boolean numeric = i >= 5 && i <= 10;
      if (i > 0) {
        sb.append("  ");
      }
      if (numeric) {
        sb.append(" ".repeat(width[i] - c.length())).append(c);
      } else {
        sb.append(c);
        if (i < cells.size() - 1) {
          sb.append(" ".repeat(width[i] - c.length()));
        }
      }
    }
    sb.append('\n');
  }

  private static String readable(@Nullable Double v) {
    if (v == null) {
      return "";
    }
    double a = Math.abs(v);
    if (a != 0 && (a < 1e-4 || a >= 1e9)) {
      return String.format(java.util.Locale.ROOT, "%.4g", v);
    }
    if (a >= 1000) {
      return String.format(java.util.Locale.ROOT, "%.1f", v);
    }
    return String.format(java.util.Locale.ROOT, "%.4f", v);
  }
}
