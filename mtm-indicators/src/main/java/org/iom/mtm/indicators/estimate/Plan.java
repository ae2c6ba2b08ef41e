package org.iom.mtm.indicators.estimate;

import java.lang.ref.SoftReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.iom.mtm.core.data.CategoricalColumn;
import org.iom.mtm.core.data.Column;
import org.iom.mtm.core.data.MultiSelectColumn;
import org.iom.mtm.core.data.NumericColumn;
import org.iom.mtm.core.data.SurveyData;
import org.iom.mtm.core.data.TextColumn;
import org.iom.mtm.indicators.design.SurveyDesign;
import org.iom.mtm.indicators.result.AnalysisType;
import org.iom.mtm.indicators.result.ResultTable;
import org.jspecify.annotations.Nullable;

/**
 * A compiled request: the analyses with their layouts in the accumulators' arrays, the domain
 * groupings with each row's cell, and the options. Immutable; shared by the accumulators of a
 * request.
 */
final class Plan {

  /** How a row feeds an analysis. */
  enum Kind {
    /** A numeric variable: a = w y, b = w. */
    NUMERIC,
    /** Ratio of totals: a = w y, b = w x. */
    RATIO,
    /** A select_one: a_l = w [level l], b = w. */
    CATEGORICAL,
    /** A select_multiple: a_k = w [option k], b = w. */
    MULTI,
    /** Quantiles: the rows are kept. */
    QUANTILE
  }

  /** One requested statistic on one variable (or a ratio's pair). */
  static final class Spec {
    final int index;
    final Kind kind;
    final AnalysisType type;
    final String var;
    final @Nullable String den;
    final @Nullable NumericColumn num;
    final @Nullable NumericColumn denColumn;
    final @Nullable CategoricalColumn cat;
    final @Nullable MultiSelectColumn multi;
    final List<String> labels;
    final int comps;
    final double[] probs;
    final boolean shifted;
    final boolean naRm;
    final Denominator denominator;
    /** Offsets of this spec in the per-row-mode moments, per-unit sums, counts, deff moments. */
    int momOffset;
    int unitOffset;
    int countOffset;
    int deffOffset;
    int shiftOffset;
    int quantileOffset;

    Spec(int index, Kind kind, AnalysisType type, String var, @Nullable String den, SurveyData data,
        double[] probs, boolean naRm, Denominator denominator) {
      this.index = index;
      this.kind = kind;
      this.type = type;
      this.var = var;
      this.den = den;
      this.probs = probs.clone();
      this.naRm = naRm;
      this.denominator = denominator;
      NumericColumn n = null;
      NumericColumn d = null;
      CategoricalColumn c = null;
      MultiSelectColumn m = null;
      List<String> l = List.of("");
      switch (kind) {
        case NUMERIC:
        case QUANTILE:
          n = data.numeric(var);
          break;
        case RATIO:
          n = data.numeric(var);
          d = data.numeric(den == null ? "" : den);
          break;
        case CATEGORICAL:
          c = data.categorical(var);
          l = c.levels();
          break;
        case MULTI:
          m = data.multiSelect(var);
          l = m.options();
          break;
        default:
          throw new AssertionError(kind);
      }
      this.num = n;
      this.denColumn = d;
      this.cat = c;
      this.multi = m;
      this.labels = List.copyOf(l);
      this.comps = labels.size();
      this.shifted = (kind == Kind.NUMERIC && type != AnalysisType.TOTAL) || kind == Kind.RATIO;
    }

    /** Row-mode moments per (cell, stratum): m, meanB, Mbb, sumB, compB, then per comp meanA, Maa, Mab, sumA, compA. */
    int momWidth() {
      return kind == Kind.QUANTILE ? 0 : 5 + 5 * comps;
    }

    /** Cluster-mode sums per (cell, unit): present rows, sumB, compB, then per comp sumA, compA. */
    int unitWidth() {
      return kind == Kind.QUANTILE ? 0 : 3 + 2 * comps;
    }

    /** Counts per cell: present rows, missing rows, then per comp positive rows. */
    int countWidth() {
      return 2 + (kind == Kind.QUANTILE ? 0 : comps);
    }

    /**
     * Deff moments per cell: n, sumW, compW, meanX, Cxx, sumW2, then per comp meanY (of y minus
     * the shift), Cyy, Cyx, shift (the comp's first value, NaN before it).
     */
    int deffWidth() {
      return kind == Kind.QUANTILE ? 0 : 6 + 4 * comps;
    }

    String analysisVar() {
      return kind == Kind.RATIO ? var + " %/% " + den : var;
    }
  }

  /** One crossing of by-variables (or the whole population). */
  static final class Grouping {
    final List<String> vars;
    final List<List<String>> levels;
    final int cells;
    /** Each row's cell, -1 for a row whose by-value is missing. */
    final int[] cellOfRow;
    /** Whether every row lies in a cell (no by-value missing). */
    final boolean complete;

    Grouping(List<String> vars, SurveyData data) {
      this(vars, data, 1);
    }

    /** A grouping whose cells are computed in ranges of rows on {@code threads} threads. */
    Grouping(List<String> vars, SurveyData data, int threads) {
      this.vars = List.copyOf(vars);
      int n = data.rowCount();
      List<List<String>> lv = new ArrayList<>();
      int[] @Nullable [] codes = new int[vars.size()][];
      @Nullable CategoricalColumn[] cats = new CategoricalColumn[vars.size()];
      for (int v = 0; v < vars.size(); v++) {
        Column col = data.column(vars.get(v));
        int @Nullable [] c = null;
        if (col instanceof CategoricalColumn cat) {
          lv.add(cat.levels());
          // read in bulk by range when the cells are computed
          cats[v] = cat;
        } else if (col instanceof NumericColumn num) {
          c = new int[n];
          TreeMap<Double, Integer> distinct = new TreeMap<>();
          for (int i = 0; i < n; i++) {
            if (num.isAnswered(i)) {
              distinct.put(num.value(i), 0);
            }
          }
          List<String> labels = new ArrayList<>();
          int k = 0;
          for (Map.Entry<Double, Integer> e : distinct.entrySet()) {
            e.setValue(k++);
            labels.add(ResultTable.number(e.getKey()));
          }
          lv.add(List.copyOf(labels));
          for (int i = 0; i < n; i++) {
            c[i] = num.isAnswered(i) ? distinct.get(num.value(i)) : -1;
          }
        } else if (col instanceof TextColumn text) {
          c = new int[n];
          TreeMap<String, Integer> distinct = new TreeMap<>();
          for (int i = 0; i < n; i++) {
            if (text.isAnswered(i)) {
              distinct.put(text.text(i), 0);
            }
          }
          int k = 0;
          for (Map.Entry<String, Integer> e : distinct.entrySet()) {
            e.setValue(k++);
          }
          lv.add(List.copyOf(distinct.keySet()));
          for (int i = 0; i < n; i++) {
            c[i] = text.isAnswered(i) ? distinct.get(text.text(i)) : -1;
          }
        } else {
          throw new IllegalArgumentException(
              "by-variable '" + vars.get(v) + "' is a select_multiple: domains need a select_one,"
                  + " numeric or text variable");
        }
        codes[v] = c;
      }
      this.levels = List.copyOf(lv);
      long cellCount = 1;
      for (List<String> l : lv) {
        cellCount *= l.size(); // a by-variable without levels gives no domain
      }
      if (cellCount > 50_000_000L) {
        throw new IllegalArgumentException(
            "by-variables " + vars + " cross into " + cellCount + " domains: too many");
      }
      this.cells = (int) cellCount;
      this.cellOfRow = vars.isEmpty() ? overallCells(n) : new int[n];
      // the level counts as an array: no list call per row and by-variable
      int nVars = vars.size();
      int[] sizes = new int[nVars];
      for (int v = 0; v < nVars; v++) {
        sizes[v] = lv.get(v).size();
      }
      boolean all = true;
      if (nVars == 0) {
        // the overall grouping: every row in cell 0, which the new array already holds
        all = true;
      } else if (threads < 2 || n < (1 << 16)) {
        all = fillCells(0, n, codes, cats, sizes);
      } else {
        int step = (n + threads - 1) / threads;
        int ranges = (n + step - 1) / step;
        boolean[] rangeAll = new boolean[ranges];
        Workers.run(threads, ranges, r -> rangeAll[r] = fillCells(r * step, Math.min(n, (r + 1) * step), codes, cats, sizes));
        for (boolean a : rangeAll) {
          all &= a;
        }
      }
      this.complete = all;
    }

    /**
     * The overall grouping's cells: all 0, read only, so one array per row count is shared by the
     * runs (softly held) instead of 4 bytes per row allocated and cleared for each.
     */
    private static volatile SoftReference<int[]> overall = new SoftReference<>(new int[0]);

    private static int[] overallCells(int n) {
      int[] zeros = overall.get();
      if (zeros == null || zeros.length != n) {
        zeros = new int[n];
        overall = new SoftReference<>(zeros);
      }
      return zeros;
    }

    /**
     * Each row's cell in [from, to); whether every one of them lies in a cell. A by-variable at a
     * time over blocks of rows: the cell so far times the variable's levels plus its code, -1 once
     * a variable has no answer.
     */
    private boolean fillCells(int from, int to, int[] @Nullable [] codes, @Nullable CategoricalColumn[] cats, int[] sizes) {
      int block = 4096;
      int[] buf = new int[block];
      int[] cell = cellOfRow;
      int negative = 0;
      for (int b0 = from; b0 < to; b0 += block) {
        int b1 = Math.min(to, b0 + block);
        int m = b1 - b0;
        for (int v = 0; v < sizes.length; v++) {
          int size = sizes[v];
          CategoricalColumn cat = cats[v];
          int[] src;
          int off;
          if (cat != null) {
            // bulk read: an unanswered cell reads as levels().size(), no domain
            cat.readCodes(b0, b1, buf);
            src = buf;
            off = 0;
          } else {
            // numeric or text by-variable: -1 for no answer
            src = codes[v];
            off = b0;
          }
          if (v == 0) {
            for (int i = 0; i < m; i++) {
              int c = src[off + i];
              cell[b0 + i] = c < 0 || c >= size ? -1 : c;
            }
          } else {
            for (int i = 0; i < m; i++) {
              int c = src[off + i];
              int before = cell[b0 + i];
              cell[b0 + i] = before < 0 || c < 0 || c >= size ? -1 : before * size + c;
            }
          }
        }
        for (int i = b0; i < b1; i++) {
          negative |= cell[i];
        }
      }
      return negative >= 0;
    }

    /** The by-values of a cell, in the order of the by-variables. */
    List<String> values(int cell) {
      String[] out = new String[vars.size()];
      for (int v = vars.size() - 1; v >= 0; v--) {
        int size = levels.get(v).size();
        out[v] = levels.get(v).get(cell % size);
        cell /= size;
      }
      return List.of(out);
    }
  }

  final SurveyDesign design;
  final List<Spec> specs;
  final List<Grouping> groupings;
  final ConfidenceInterval ci;
  final double level;
  final @Nullable DesignEffect deff;
  final Conventions conventions;
  final QuantileRule quantileRule;
  final boolean domainDf;
  final int momWidth;
  final int unitWidth;
  final int countWidth;
  final int deffWidth;
  final int shiftWidth;
  final int quantileWidth;
  /** Whether unit totals are kept per (cell, unit); else moments per (cell, stratum). */
  final boolean clustered;

  Plan(SurveyDesign design, List<Spec> specs, List<Grouping> groupings, ConfidenceInterval ci,
      double level, @Nullable DesignEffect deff, Conventions conventions, QuantileRule rule,
      boolean domainDf) {
    this.domainDf = domainDf;
    this.design = design;
    this.specs = List.copyOf(specs);
    this.groupings = List.copyOf(groupings);
    this.ci = ci;
    this.level = level;
    this.deff = deff;
    this.conventions = conventions;
    this.quantileRule = rule;
    // A calibrated design keeps sums per row: its variance residualizes row-level scores.
    this.clustered = !design.rowsArePsus() || design.isCalibrated();
    int mom = 0;
    int unit = 0;
    int count = 0;
    int de = 0;
    int shift = 0;
    int quant = 0;
    for (Spec s : specs) {
      s.momOffset = mom;
      mom += s.momWidth();
      s.unitOffset = unit;
      unit += s.unitWidth();
      s.countOffset = count;
      count += s.countWidth();
      s.deffOffset = de;
      de += s.deffWidth();
      s.shiftOffset = shift;
      shift += s.shifted ? 1 : 0;
      s.quantileOffset = quant;
      quant += s.kind == Kind.QUANTILE ? 1 : 0;
    }
    this.momWidth = mom;
    this.unitWidth = unit;
    this.countWidth = count;
    this.deffWidth = de;
    this.shiftWidth = shift;
    this.quantileWidth = quant;
  }

  /** The unit a row's sums are kept under in clustered mode: the SSU when stage 2 enters the variance. */
  int unitOf(int row) {
    if (design.isCalibrated()) {
      return row;
    }
    return design.secondStageVariance() ? design.ssu(row) : design.psu(row);
  }

  int unitCount() {
    if (design.isCalibrated()) {
      return design.rowCount();
    }
    return design.secondStageVariance() ? design.ssuCount() : design.psuCount();
  }

  int psuOfUnit(int unit) {
    if (design.isCalibrated()) {
      return design.psu(unit);
    }
    return design.secondStageVariance() ? design.psuOfSsu(unit) : unit;
  }

  static String probabilityLabel(double p) {
    String s = ResultTable.number(p);
    return s.toLowerCase(Locale.ROOT);
  }
}
