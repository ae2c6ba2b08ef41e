package org.iom.mtm.indicators.disclosure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.iom.mtm.indicators.result.AnalysisType;
import org.iom.mtm.indicators.result.Flag;
import org.iom.mtm.indicators.result.ResultRow;
import org.iom.mtm.indicators.result.ResultTable;
import org.jspecify.annotations.Nullable;

/**
 * Reliability flags and suppression of a result table.
 *
 * <p>Primary suppression withholds the statistic, standard error, interval and weighted numerator
 * ({@code n_w}, from which a proportion could be read back) of every row with a suppressing flag
 * ({@link ReliabilityStandard#SUPPRESSING}), keeping {@code n} and {@code n_total}. Secondary
 * suppression then withholds further cells until no suppressed cell can be solved from the
 * published ones: the table's linear relations are (a) the levels of a select_one in one domain
 * sum to 1, (b) a margin equals the sum of its parts (totals, counts) or their weighted average
 * with weights {@code n_w_total} (means, proportions), for every by-variable dropped from a
 * crossing whose margin row is published. A suppressed cell is solvable exactly when its unit
 * vector lies in the row space of the relations restricted to suppressed cells; while one is, the
 * published cell with the smallest {@code n_total} in one of its relations is suppressed too (a
 * margin only when no part is left).
 */
public final class Disclosure {
  private Disclosure() {}

  /**
   * Adds the reliability flags of the standard to every row.
   *
   * @param table the table
   * @param standard the thresholds
   * @return a new table, same metadata plus the standard used
   */
  public static ResultTable flag(ResultTable table, ReliabilityStandard standard) {
    List<ResultRow> rows = new ArrayList<>(table.size());
    for (ResultRow r : table.rows()) {
      Set<Flag> f = standard.flagsOf(r);
      if (f.isEmpty()) {
        rows.add(r);
      } else {
        EnumSet<Flag> all = r.flags().isEmpty() ? EnumSet.noneOf(Flag.class) : EnumSet.copyOf(r.flags());
        all.addAll(f);
        rows.add(withFlags(r, all));
      }
    }
    Map<String, String> meta = new LinkedHashMap<>(table.meta());
    meta.put("min_n", Long.toString(standard.minN()));
    meta.put("reliability_standard", "NCHS 2017 proportions; 30/30 counts and totals");
    return ResultTable.of(rows, meta);
  }

  /**
   * Primary and secondary suppression of the survey rows that carry a suppressing flag (flag the
   * table first with {@link #flag}).
   *
   * @param table the flagged table
   * @return a new table; metadata record the counts of primary and secondary suppressions
   */
  public static ResultTable suppress(ResultTable table) {
    List<ResultRow> rows = table.rows();
    boolean[] suppressed = new boolean[rows.size()];
    int primary = 0;
    for (int i = 0; i < rows.size(); i++) {
      ResultRow r = rows.get(i);
      if (r.stat() != null && r.flags().stream().anyMatch(ReliabilityStandard.SUPPRESSING::contains)) {
        suppressed[i] = true;
        primary++;
      }
    }
    int secondary = secondary(rows, suppressed, relations(rows));
    return apply(table, suppressed, primary, secondary);
  }

  /**
   * Suppresses baseline counts below a threshold (default 5 in {@code mtm baseline}), then as many
   * other counts as it takes so that none can be recovered from margins; the share, growth, CAGR
   * and index rows of a withheld count's group and year are withheld with it.
   *
   * @param table a baseline table
   * @param threshold counts below this are withheld
   * @return a new table
   */
  public static ResultTable suppressSmallCounts(ResultTable table, long threshold) {
    List<ResultRow> rows = table.rows();
    boolean[] suppressed = new boolean[rows.size()];
    int primary = 0;
    for (int i = 0; i < rows.size(); i++) {
      ResultRow r = rows.get(i);
      if (r.analysisType() == AnalysisType.COUNT && r.stat() != null && r.stat() < threshold) {
        suppressed[i] = true;
        primary++;
      }
    }
    int secondary = secondary(rows, suppressed, relations(rows));
    // A share, growth, CAGR or index of a withheld count would give it back: withhold every such
    // row of the same group whose year, or either end of whose period, is a withheld count's.
    Map<String, Boolean> cells = new HashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      if (suppressed[i]) {
        cells.put(cellKey(rows.get(i), rows.get(i).analysisVarValue()), true);
      }
    }
    for (int i = 0; i < rows.size(); i++) {
      ResultRow r = rows.get(i);
      if (suppressed[i] || r.stat() == null || r.analysisType() == AnalysisType.COUNT) {
        continue;
      }
      String value = r.analysisVarValue() == null ? "" : r.analysisVarValue();
      for (String year : value.split("-", -1)) {
        if (cells.containsKey(cellKey(r, year))) {
          suppressed[i] = true;
          secondary++;
          break;
        }
      }
    }
    ResultTable out = apply(table, suppressed, primary, secondary);
    Map<String, String> meta = new LinkedHashMap<>(out.meta());
    meta.put("count_threshold", Long.toString(threshold));
    return ResultTable.of(out.rows(), meta);
  }

  private static String cellKey(ResultRow r, @Nullable String year) {
    return r.analysisVar() + "\u0000" + year + "\u0000" + r.groupVar() + "\u0000" + r.groupVarValue();
  }

  private static ResultTable apply(ResultTable table, boolean[] suppressed, int primary, int secondary) {
    List<ResultRow> out = new ArrayList<>(table.size());
    for (int i = 0; i < table.size(); i++) {
      ResultRow r = table.rows().get(i);
      out.add(suppressed[i] ? blank(r) : r);
    }
    Map<String, String> meta = new LinkedHashMap<>(table.meta());
    meta.put("suppressed_primary", Integer.toString(primary));
    meta.put("suppressed_secondary", Integer.toString(secondary));
    return ResultTable.of(out, meta);
  }

  /** A linear relation among rows: sum of coefficient x stat over the cells = a known value. */
  record Relation(int[] cells, double[] coefficients) {}

  /** The relations of DESIGN's result tables: level sums and margins. */
  static List<Relation> relations(List<ResultRow> rows) {
    List<Relation> out = new ArrayList<>();
    // (a) Levels of a select_one within one domain sum to 1.
    Map<String, List<Integer>> levels = new LinkedHashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      ResultRow r = rows.get(i);
      if (r.analysisType() == AnalysisType.PROP_SELECT_ONE && r.stat() != null) {
        levels.computeIfAbsent(r.analysisVar() + "\u0000" + r.groupVar() + "\u0000" + r.groupVarValue(), k -> new ArrayList<>()).add(i);
      }
    }
    for (List<Integer> cells : levels.values()) {
      double[] c = new double[cells.size()];
      java.util.Arrays.fill(c, 1);
      out.add(new Relation(cells.stream().mapToInt(Integer::intValue).toArray(), c));
    }
    // (b) Margins: for each row with by-variables, dropping one by-variable gives its margin.
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      index.put(key(rows.get(i), rows.get(i).groupVars(), rows.get(i).groupValues()), i);
    }
    Map<String, List<Integer>> parts = new LinkedHashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      ResultRow r = rows.get(i);
      if (!additive(r.analysisType()) && !averaged(r.analysisType())) {
        continue;
      }
      for (int d = 0; d < r.groupVars().size(); d++) {
        List<String> vars = new ArrayList<>(r.groupVars());
        List<String> vals = new ArrayList<>(r.groupValues());
        String droppedVar = vars.remove(d);
        vals.remove(d);
        Integer margin = index.get(key(r, vars, vals));
        if (margin != null) {
          parts.computeIfAbsent(margin + "\u0000" + droppedVar, k -> new ArrayList<>(List.of(margin))).add(i);
        }
      }
    }
    for (List<Integer> cells : parts.values()) {
      ResultRow m = rows.get(cells.get(0));
      boolean avg = averaged(m.analysisType());
      if (avg && (m.nWTotal() == null || m.nWTotal() == 0)) {
        continue;
      }
      int[] c = cells.stream().mapToInt(Integer::intValue).toArray();
      double[] k = new double[c.length];
      k[0] = -1;
      boolean usable = true;
      for (int j = 1; j < c.length; j++) {
        ResultRow p = rows.get(c[j]);
        if (avg) {
          if (p.nWTotal() == null) {
            usable = false;
            break;
          }
          k[j] = p.nWTotal() / m.nWTotal();
        } else {
          k[j] = 1;
        }
      }
      if (usable) {
        out.add(new Relation(c, k));
      }
    }
    return out;
  }

  private static boolean additive(AnalysisType t) {
    return t == AnalysisType.TOTAL || t == AnalysisType.COUNT;
  }

  private static boolean averaged(AnalysisType t) {
    return t == AnalysisType.MEAN || t == AnalysisType.PROP_SELECT_ONE || t == AnalysisType.PROP_SELECT_MULTIPLE;
  }

  private static String key(ResultRow r, List<String> vars, List<String> values) {
    return r.analysisType() + "\u0000" + r.analysisVar() + "\u0000" + Objects.toString(r.analysisVarValue())
        + "\u0000" + String.join("\u0001", vars) + "\u0000" + String.join("\u0001", values);
  }

  /** Suppresses more cells until no suppressed cell is solvable; returns how many were added. */
  static int secondary(List<ResultRow> rows, boolean[] suppressed, List<Relation> relations) {
    int added = 0;
    while (true) {
      int pick = -1;
      int stuck = -1;
      for (int i = 0; i < rows.size() && pick < 0; i++) {
        if (suppressed[i] && solvable(i, suppressed, relations)) {
          // A solvable cell whose own relations are all withheld is solved through another
          // withheld cell: protecting that one (later in this loop) protects it too.
          pick = cheapestPartner(i, rows, suppressed, relations);
          stuck = i;
        }
      }
      if (pick < 0) {
        if (stuck >= 0) {
          throw new IllegalStateException("cannot protect suppressed row " + rows.get(stuck).analysisKey());
        }
        return added;
      }
      suppressed[pick] = true;
      added++;
    }
  }

  /** Whether e_i lies in the row space of the relations restricted to suppressed cells. */
  static boolean solvable(int cell, boolean[] suppressed, List<Relation> relations) {
    List<Relation> touching = new ArrayList<>();
    Map<Integer, Integer> column = new LinkedHashMap<>();
    // Only the connected component of suppressed cells reachable from this one matters.
    java.util.ArrayDeque<Integer> todo = new java.util.ArrayDeque<>(List.of(cell));
    column.put(cell, 0);
    java.util.Set<Relation> seen = new java.util.HashSet<>();
    while (!todo.isEmpty()) {
      int c = todo.poll();
      for (Relation r : relations) {
        if (!contains(r, c) || !seen.add(r)) {
          continue;
        }
        touching.add(r);
        for (int x : r.cells()) {
          if (suppressed[x] && !column.containsKey(x)) {
            column.put(x, column.size());
            todo.add(x);
          }
        }
      }
    }
    if (touching.isEmpty()) {
      return false;
    }
    double[][] a = new double[touching.size() + 1][column.size()];
    for (int i = 0; i < touching.size(); i++) {
      Relation r = touching.get(i);
      for (int j = 0; j < r.cells().length; j++) {
        Integer col = column.get(r.cells()[j]);
        if (col != null && suppressed[r.cells()[j]]) {
          a[i][col] += r.coefficients()[j];
        }
      }
    }
    RealMatrix without = new Array2DRowRealMatrix(java.util.Arrays.copyOf(a, touching.size()), false);
    a[touching.size()][0] = 1;
    RealMatrix with = new Array2DRowRealMatrix(a, false);
    return rank(with) == rank(without);
  }

  private static int rank(RealMatrix m) {
    return new SingularValueDecomposition(m).getRank();
  }

  private static boolean contains(Relation r, int cell) {
    for (int c : r.cells()) {
      if (c == cell) {
        return true;
      }
    }
    return false;
  }

  /**
   * The published cell to withhold for a solvable cell: among the published cells sharing a
   * relation with it (parts before margins, then smallest {@code n_total}), the first whose
   * withholding makes the cell unsolvable, else the first.
   */
  private static int cheapestPartner(int cell, List<ResultRow> rows, boolean[] suppressed, List<Relation> relations) {
    List<Integer> candidates = new ArrayList<>();
    for (Relation r : relations) {
      if (contains(r, cell)) {
        for (int c : r.cells()) {
          if (!suppressed[c] && rows.get(c).stat() != null && !candidates.contains(c)) {
            candidates.add(c);
          }
        }
      }
    }
    candidates.sort(
        Comparator.comparingInt((Integer c) -> -rows.get(c).groupVars().size())
            .thenComparingLong(c -> rows.get(c).nTotal())
            .thenComparingInt(c -> c));
    for (int c : candidates) {
      suppressed[c] = true;
      boolean protects = !solvable(cell, suppressed, relations);
      suppressed[c] = false;
      if (protects) {
        return c;
      }
    }
    return candidates.isEmpty() ? -1 : candidates.get(0);
  }

  private static ResultRow withFlags(ResultRow r, Set<Flag> flags) {
    return new ResultRow(
        r.analysisType(), r.analysisVar(), r.analysisVarValue(), r.groupVars(), r.groupValues(),
        r.stat(), r.se(), r.statLow(), r.statUpp(), r.df(), r.deff(), r.n(), r.nTotal(), r.nW(),
        r.nWTotal(), flags);
  }

  private static ResultRow blank(ResultRow r) {
    EnumSet<Flag> f = r.flags().isEmpty() ? EnumSet.noneOf(Flag.class) : EnumSet.copyOf(r.flags());
    f.add(Flag.SUPPRESSED);
    return new ResultRow(
        r.analysisType(), r.analysisVar(), r.analysisVarValue(), r.groupVars(), r.groupValues(),
        null, null, null, null, r.df(), null, r.n(), r.nTotal(), null, r.nWTotal(), f);
  }
}
