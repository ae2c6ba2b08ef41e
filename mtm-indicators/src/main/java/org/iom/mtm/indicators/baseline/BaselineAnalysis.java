package org.iom.mtm.indicators.baseline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.iom.mtm.core.PopulationCategory;
import org.iom.mtm.core.Sex;
import org.iom.mtm.core.baseline.BaselineCounts;
import org.iom.mtm.core.baseline.BaselineRecord;
import org.iom.mtm.core.baseline.InformantRole;
import org.iom.mtm.core.baseline.KeyInformant;
import org.iom.mtm.core.geo.AdminArea;
import org.iom.mtm.core.geo.Gazetteer;
import org.iom.mtm.indicators.result.AnalysisType;
import org.iom.mtm.indicators.result.Flag;
import org.iom.mtm.indicators.result.ResultRow;
import org.iom.mtm.indicators.result.ResultTable;
import org.jspecify.annotations.Nullable;

/**
 * Baseline counts to result-table rows: key informants reconciled per cell, then totals by year
 * for the whole country or by any crossing of region, rayon and nationality, with shares, growth
 * for each pair of consecutive years and first to last, compound annual growth and index numbers.
 *
 * <p>Immutable: each {@code with}-style method returns a new analysis.
 *
 * <pre>{@code
 * ResultTable t = BaselineAnalysis.create()
 *     .by(BaselineDimension.NATIONALITY)
 *     .top(5)
 *     .populationType(PopulationCategory.MIGRANT_WORKER)
 *     .analyse(counts);
 * }</pre>
 *
 * <p>Rows, in this order, for each population category ({@code analysis_var}):
 *
 * <ul>
 *   <li>{@code count}, one per group and year ({@code analysis_var_value} the year): the
 *       reconciled stock present in that year, summed over the cells of the group;
 *   <li>{@code share} (only with by-variables): the group's count over the year's total;
 *   <li>{@code growth} for each pair of consecutive years ({@code 2021-2022}) and, over three years
 *       or more, first to last ({@code 2020-2022});
 *   <li>{@code cagr} first to last;
 *   <li>{@code index} for each year, base year = 100.
 * </ul>
 *
 * <p>{@code n} is the number of reconciled cells (rayon by nationality) behind a value; for shares
 * {@code n_total} is the number of cells of the year and {@code n_w}, {@code n_w_total} the
 * group's and the year's counts; for growth, CAGR and index {@code n} is the number of cells of the
 * later year and {@code n_total} of the base year. A group without data in a year has a null
 * count with {@link Flag#NO_DATA}; a row built on a cell whose informants disagree carries {@link
 * Flag#INFORMANT_DISAGREEMENT}.
 *
 * <p>With {@link #top(int)}, groups are ranked by their count in the last year (then by name)
 * and those after the first N are merged into one group whose values are all {@value #OTHER}.
 */
public final class BaselineAnalysis {

  /** The group value of the groups merged beyond the top N. */
  public static final String OTHER = "Other";

  private final List<BaselineDimension> by;
  private final @Nullable Integer fromYear;
  private final @Nullable Integer toYear;
  private final @Nullable Integer top;
  private final @Nullable PopulationCategory populationType;
  private final InformantReconciler reconciler;
  private final @Nullable Integer indexBase;
  private final @Nullable Gazetteer gazetteer;

  private BaselineAnalysis(
      List<BaselineDimension> by,
      @Nullable Integer fromYear,
      @Nullable Integer toYear,
      @Nullable Integer top,
      @Nullable PopulationCategory populationType,
      InformantReconciler reconciler,
      @Nullable Integer indexBase,
      @Nullable Gazetteer gazetteer) {
    this.by = by;
    this.fromYear = fromYear;
    this.toYear = toYear;
    this.top = top;
    this.populationType = populationType;
    this.reconciler = reconciler;
    this.indexBase = indexBase;
    this.gazetteer = gazetteer;
  }

  /**
   * The country totals of every population category over all years, informants reconciled by
   * the median.
   *
   * @return the analysis
   */
  public static BaselineAnalysis create() {
    return new BaselineAnalysis(List.of(), null, null, null, null, InformantReconciler.create(), null, null);
  }

  /**
   * Breaks totals down by a crossing of variables.
   *
   * @param dimensions the by-variables, in order, each at most once; none for country totals
   * @return a new analysis
   * @throws IllegalArgumentException naming the variable when one is repeated
   */
  public BaselineAnalysis by(BaselineDimension... dimensions) {
    return by(List.of(dimensions));
  }

  /**
   * Breaks totals down by a crossing of variables.
   *
   * @param dimensions the by-variables, in order, each at most once; empty for country totals
   * @return a new analysis
   * @throws IllegalArgumentException naming the variable when one is repeated
   */
  public BaselineAnalysis by(List<BaselineDimension> dimensions) {
    if (new TreeSet<>(dimensions).size() != dimensions.size()) {
      throw new IllegalArgumentException("a by-variable is repeated: " + dimensions);
    }
    return new BaselineAnalysis(
        List.copyOf(dimensions), fromYear, toYear, top, populationType, reconciler, indexBase, gazetteer);
  }

  /**
   * Keeps the years from a first year on.
   *
   * @param year the first year
   * @return a new analysis
   */
  public BaselineAnalysis from(int year) {
    return new BaselineAnalysis(by, year, toYear, top, populationType, reconciler, indexBase, gazetteer);
  }

  /**
   * Keeps the years up to a last year.
   *
   * @param year the last year
   * @return a new analysis
   */
  public BaselineAnalysis to(int year) {
    return new BaselineAnalysis(by, fromYear, year, top, populationType, reconciler, indexBase, gazetteer);
  }

  /**
   * Keeps the N largest groups and merges the others into {@value #OTHER}.
   *
   * @param n the number of groups to keep, at least 1
   * @return a new analysis
   * @throws IllegalArgumentException naming the value when below 1
   */
  public BaselineAnalysis top(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("top N must be at least 1, got " + n);
    }
    return new BaselineAnalysis(by, fromYear, toYear, n, populationType, reconciler, indexBase, gazetteer);
  }

  /**
   * Analyses one population category only.
   *
   * @param category the category, or null for each category in the data
   * @return a new analysis
   */
  public BaselineAnalysis populationType(@Nullable PopulationCategory category) {
    return new BaselineAnalysis(by, fromYear, toYear, top, category, reconciler, indexBase, gazetteer);
  }

  /**
   * Sets how informants are reconciled and when they disagree.
   *
   * @param r the reconciler
   * @return a new analysis
   */
  public BaselineAnalysis reconciler(InformantReconciler r) {
    return new BaselineAnalysis(by, fromYear, toYear, top, populationType, Objects.requireNonNull(r), indexBase, gazetteer);
  }

  /**
   * Sets the base year of the index numbers (by default the first year).
   *
   * @param year the base year, within the analysed years
   * @return a new analysis
   */
  public BaselineAnalysis indexBase(int year) {
    return new BaselineAnalysis(by, fromYear, toYear, top, populationType, reconciler, year, gazetteer);
  }

  /**
   * Checks every rayon against a gazetteer before rolling up: the rayon must be an admin2 area
   * and the region a record names must be the rayon's admin1 ancestor. Without a gazetteer the
   * records' own regions are trusted (the reader has checked them).
   *
   * @param g the gazetteer
   * @return a new analysis
   */
  public BaselineAnalysis gazetteer(Gazetteer g) {
    return new BaselineAnalysis(
        by, fromYear, toYear, top, populationType, reconciler, indexBase, Objects.requireNonNull(g));
  }

  /**
   * Analyses records without declared totals.
   *
   * @param records the informants' records
   * @return the rows and metadata
   * @throws IllegalArgumentException when no record is left after the filters, the years are out
   *     of order, the index base year is outside them, or the records contradict each other (see
   *     {@link InformantReconciler#reconcile})
   */
  public ResultTable analyse(List<BaselineRecord> records) {
    return analyse(BaselineCounts.of(records));
  }

  /**
   * Analyses a baseline and checks its declared totals.
   *
   * <p>The metadata say what the rows are: {@code count_kind} ({@code stock_per_year}), {@code
   * count_definition}, {@code sum_over_years.TYPE} (the yearly counts added up, for comparison with
   * reports that print one figure for several years), {@code growth_definition}, the options,
   * {@code records}, {@code cells}, {@code cells_with_disagreement}, {@code informants} (distinct
   * informant ids behind the analysed counts), {@code reports_without_informant_id}, {@code
   * informants_by_sex} and {@code informants_by_role} (when the file describes informants), and
   * for declared totals {@code declared_totals_checked}, {@code declared_totals_inconsistent} and
   * one {@code declared_total.K} entry per inconsistent or unchecked total.
   *
   * @param counts the records and declared totals
   * @return the rows and metadata
   * @throws IllegalArgumentException when no record is left after the filters, the years are out
   *     of order, the index base year is outside them, or the records contradict each other
   */
  public ResultTable analyse(BaselineCounts counts) {
    if (fromYear != null && toYear != null && fromYear > toYear) {
      throw new IllegalArgumentException("years out of order: from " + fromYear + " to " + toYear);
    }
    if (gazetteer != null) {
      checkRegions(counts.records(), gazetteer);
    }
    List<ReconciledCell> all = reconciler.reconcile(counts.records());
    List<ReconciledCell> cells = new ArrayList<>();
    for (ReconciledCell c : all) {
      if ((populationType == null || c.populationCategory() == populationType)
          && (fromYear == null || c.year() >= fromYear)
          && (toYear == null || c.year() <= toYear)) {
        cells.add(c);
      }
    }
    if (cells.isEmpty()) {
      throw new IllegalArgumentException(
          "no baseline counts" + (populationType == null ? "" : " of " + populationType.code())
              + (fromYear == null && toYear == null
                  ? ""
                  : " in the years " + (fromYear == null ? "" : fromYear) + "-"
                      + (toYear == null ? "" : toYear))
              + " among " + counts.records().size() + " records");
    }
    int first = fromYear != null ? fromYear : cells.stream().mapToInt(ReconciledCell::year).min().orElseThrow();
    int last = toYear != null ? toYear : cells.stream().mapToInt(ReconciledCell::year).max().orElseThrow();
    int base = indexBase != null ? indexBase : first;
    if (base < first || base > last) {
      throw new IllegalArgumentException(
          "index base year " + base + " is outside the years " + first + "-" + last);
    }
    Set<PopulationCategory> categories = EnumSet.noneOf(PopulationCategory.class);
    for (ReconciledCell c : cells) {
      categories.add(c.populationCategory());
    }

    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("analysis", "baseline");
    meta.put("population_type", populationType == null ? "all" : populationType.code());
    meta.put("by", String.join(",", by.stream().map(BaselineDimension::code).toList()));
    meta.put("years", first + "-" + last);
    meta.put("reconciliation", reconciler.method().code());
    meta.put("disagreement_ratio", Double.toString(reconciler.disagreementRatio()));
    meta.put("top", top == null ? "" : Integer.toString(top));
    meta.put("index_base_year", Integer.toString(base));
    meta.put("count_kind", "stock_per_year");
    meta.put(
        "count_definition",
        "each count row is the stock present in the year of analysis_var_value: key informants'"
            + " counts reconciled per rayon, population type, nationality and year, then summed"
            + " over rayons and nationalities; counts of different years are never added");
    meta.put(
        "growth_definition",
        "growth = (count(to) - count(from)) / count(from); cagr = (count(last) /"
            + " count(first))^(1 / (last - first)) - 1; index = 100 * count(year) /"
            + " count(base year)");
    meta.put("records", Integer.toString(counts.records().size()));
    meta.put("cells", Integer.toString(cells.size()));
    meta.put(
        "cells_with_disagreement",
        Long.toString(cells.stream().filter(ReconciledCell::disagreement).count()));

    describeInformants(counts, first, last, meta);

    List<ResultRow> rows = new ArrayList<>();
    for (PopulationCategory category : categories) {
      List<ReconciledCell> mine = cells.stream().filter(c -> c.populationCategory() == category).toList();
      double sumOverYears = 0;
      for (ReconciledCell c : mine) {
        sumOverYears += c.value();
      }
      meta.put(
          "sum_over_years." + category.code(),
          ResultTable.number(sumOverYears)
              + " (the yearly counts " + first + "-" + last + " added up: a person present in"
              + " several years is counted once per year, so this is not a population size)");
      rows.addAll(rowsOf(category, mine, first, last, base));
    }
    List<TotalCheck> checks = TotalCheck.check(counts.declaredTotals(), all);
    if (!checks.isEmpty()) {
      meta.put("declared_totals_checked", Long.toString(checks.stream().filter(TotalCheck::checked).count()));
      meta.put(
          "declared_totals_inconsistent",
          Long.toString(checks.stream().filter(c -> c.checked() && !c.consistent()).count()));
      int k = 0;
      for (TotalCheck c : checks) {
        if (!c.consistent()) {
          meta.put("declared_total." + (++k), c.describe());
        }
      }
    }
    return ResultTable.of(rows, meta);
  }

  /**
   * Says how many informants stand behind the analysed counts (reports count informants twice
   * where the report gives 142 interviews in the text and 270 in the highlights), and their sex
   * and role where the file describes them.
   */
  private void describeInformants(BaselineCounts counts, int first, int last, Map<String, String> meta) {
    Set<String> ids = new TreeSet<>();
    long anonymous = 0;
    for (BaselineRecord r : counts.records()) {
      if ((populationType == null || r.populationCategory() == populationType)
          && r.year() >= first && r.year() <= last) {
        if (r.informantId() == null) {
          anonymous++;
        } else {
          ids.add(r.informantId());
        }
      }
    }
    meta.put("informants", Integer.toString(ids.size()));
    meta.put("reports_without_informant_id", Long.toString(anonymous));
    if (counts.informants().isEmpty()) {
      return;
    }
    Map<String, KeyInformant> described = new HashMap<>();
    for (KeyInformant k : counts.informants()) {
      described.put(k.id(), k);
    }
    Map<String, Integer> bySex = new TreeMap<>();
    Map<String, Integer> byRole = new TreeMap<>();
    for (String id : ids) {
      KeyInformant k = described.get(id);
      Sex sex = k == null ? null : k.sex();
      InformantRole role = k == null ? null : k.role();
      bySex.merge(sex == null ? "unknown" : sex.code(), 1, Integer::sum);
      byRole.merge(role == null ? "unknown" : role.code(), 1, Integer::sum);
    }
    meta.put("informants_by_sex", tally(bySex));
    meta.put("informants_by_role", tally(byRole));
  }

  private static String tally(Map<String, Integer> counts) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append(e.getKey()).append(' ').append(e.getValue());
    }
    return sb.toString();
  }

  private static void checkRegions(List<BaselineRecord> records, Gazetteer g) {
    Map<String, String> checked = new HashMap<>();
    for (BaselineRecord r : records) {
      if (r.admin1Pcode().equals(checked.get(r.admin2Pcode()))) {
        continue;
      }
      AdminArea rayon = g.area(r.admin2Pcode());
      if (rayon.level() != 2) {
        throw new IllegalArgumentException(
            "p-code " + rayon.pcode() + " (" + rayon.name() + ") is an admin" + rayon.level()
                + " area, not a rayon");
      }
      AdminArea region = g.ancestorAt(rayon.pcode(), 1);
      if (!region.pcode().equals(r.admin1Pcode())) {
        throw new IllegalArgumentException(
            "rayon " + rayon.pcode() + " (" + rayon.name() + ") lies in " + region.pcode() + " ("
                + region.name() + "), not in " + r.admin1Pcode());
      }
      checked.put(r.admin2Pcode(), r.admin1Pcode());
    }
  }

  /** The sum of a group's cells in one year. */
  private static final class Total {
    double value;
    int cells;
    boolean disagreement;

    Total add(ReconciledCell c) {
      value += c.value();
      cells++;
      disagreement |= c.disagreement();
      return this;
    }

    Total combine(Total o) {
      value += o.value;
      cells += o.cells;
      disagreement |= o.disagreement;
      return this;
    }
  }

  private static final Comparator<List<String>> GROUP_ORDER =
      (a, b) -> {
        for (int i = 0; i < a.size(); i++) {
          int c = a.get(i).compareTo(b.get(i));
          if (c != 0) {
            return c;
          }
        }
        return 0;
      };

  private List<ResultRow> rowsOf(
      PopulationCategory category, List<ReconciledCell> cells, int first, int last, int base) {
    // Group -> year -> total; cells come sorted, so sums are added in one order whatever the
    // order of the input rows.
    Map<List<String>, Map<Integer, Total>> groups = new TreeMap<>(GROUP_ORDER);
    Map<Integer, Total> yearTotals = new TreeMap<>();
    for (ReconciledCell c : cells) {
      List<String> key = by.stream().map(d -> d.valueOf(c)).toList();
      groups.computeIfAbsent(key, k -> new TreeMap<>()).computeIfAbsent(c.year(), y -> new Total()).add(c);
      yearTotals.computeIfAbsent(c.year(), y -> new Total()).add(c);
    }
    List<Map.Entry<List<String>, Map<Integer, Total>>> ordered = new ArrayList<>(groups.entrySet());
    if (!by.isEmpty()) {
      // Largest in the last year first; groups without data that year after all others.
      ordered.sort(
          Comparator.<Map.Entry<List<String>, Map<Integer, Total>>>comparingDouble(
                  e -> {
                    Total t = e.getValue().get(last);
                    return t == null ? Double.POSITIVE_INFINITY : -t.value;
                  })
              .thenComparing(Map.Entry::getKey, GROUP_ORDER));
    }
    if (top != null && ordered.size() > top) {
      Map<Integer, Total> other = new TreeMap<>();
      for (Map.Entry<List<String>, Map<Integer, Total>> e : ordered.subList(top, ordered.size())) {
        for (Map.Entry<Integer, Total> y : e.getValue().entrySet()) {
          other.computeIfAbsent(y.getKey(), k -> new Total()).combine(y.getValue());
        }
      }
      List<String> otherKey = by.stream().map(d -> OTHER).toList();
      ordered = new ArrayList<>(ordered.subList(0, top));
      ordered.add(Map.entry(otherKey, other));
    }

    String var = category.code();
    List<String> groupVars = by.stream().map(BaselineDimension::code).toList();
    List<ResultRow> rows = new ArrayList<>();
    for (Map.Entry<List<String>, Map<Integer, Total>> g : ordered) {
      for (int y = first; y <= last; y++) {
        Total t = g.getValue().get(y);
        rows.add(
            new ResultRow(
                AnalysisType.COUNT, var, Integer.toString(y), groupVars, g.getKey(),
                t == null ? null : t.value, null, null, null, null, null,
                t == null ? 0 : t.cells, t == null ? 0 : t.cells, null, null,
                flags(t == null, t)));
      }
    }
    if (!by.isEmpty()) {
      for (Map.Entry<List<String>, Map<Integer, Total>> g : ordered) {
        for (int y = first; y <= last; y++) {
          Total t = g.getValue().get(y);
          Total year = yearTotals.get(y);
          Double share = null;
          Set<Flag> flags = flags(t == null, t);
          if (t != null && year != null) {
            if (year.value > 0) {
              share = t.value / year.value;
            } else {
              flags.add(Flag.EMPTY);
            }
          }
          rows.add(
              new ResultRow(
                  AnalysisType.SHARE, var, Integer.toString(y), groupVars, g.getKey(),
                  share, null, null, null, null, null,
                  t == null ? 0 : t.cells, year == null ? 0 : year.cells,
                  t == null ? null : t.value, year == null ? null : year.value,
                  flags));
        }
      }
    }
    for (Map.Entry<List<String>, Map<Integer, Total>> g : ordered) {
      for (int y = first; y < last; y++) {
        rows.add(changeRow(AnalysisType.GROWTH, var, groupVars, g, y, y + 1));
      }
      if (last - first >= 2) {
        rows.add(changeRow(AnalysisType.GROWTH, var, groupVars, g, first, last));
      }
    }
    if (last > first) {
      for (Map.Entry<List<String>, Map<Integer, Total>> g : ordered) {
        rows.add(changeRow(AnalysisType.CAGR, var, groupVars, g, first, last));
      }
    }
    for (Map.Entry<List<String>, Map<Integer, Total>> g : ordered) {
      for (int y = first; y <= last; y++) {
        rows.add(indexRow(var, groupVars, g, base, y));
      }
    }
    return rows;
  }

  private static Set<Flag> flags(boolean noData, @Nullable Total... totals) {
    Set<Flag> f = EnumSet.noneOf(Flag.class);
    if (noData) {
      f.add(Flag.NO_DATA);
    }
    for (Total t : totals) {
      if (t != null && t.disagreement) {
        f.add(Flag.INFORMANT_DISAGREEMENT);
      }
    }
    return f;
  }

  private static @Nullable Double valueOf(@Nullable Total t) {
    return t == null ? null : t.value;
  }

  private static ResultRow changeRow(
      AnalysisType type,
      String var,
      List<String> groupVars,
      Map.Entry<List<String>, Map<Integer, Total>> g,
      int from,
      int to) {
    Total b = g.getValue().get(from);
    Total e = g.getValue().get(to);
    Growth growth = Growth.of(from, valueOf(b), to, valueOf(e));
    Set<Flag> flags = flags(false, b, e);
    flags.addAll(growth.flags());
    return new ResultRow(
        type, var, growth.period(), groupVars, g.getKey(),
        type == AnalysisType.CAGR ? growth.cagr() : growth.rate(), null, null, null, null, null,
        e == null ? 0 : e.cells, b == null ? 0 : b.cells, null, null, flags);
  }

  private static ResultRow indexRow(
      String var,
      List<String> groupVars,
      Map.Entry<List<String>, Map<Integer, Total>> g,
      int base,
      int year) {
    Total b = g.getValue().get(base);
    Total e = g.getValue().get(year);
    Set<Flag> flags = flags(false, b, e);
    Double index;
    if (b == null || e == null) {
      index = null;
      flags.add(Flag.NO_DATA);
    } else if (b.value == 0) {
      index = null;
      flags.add(Flag.ZERO_BASE);
    } else {
      index = year == base ? 100.0 : 100 * e.value / b.value;
    }
    return new ResultRow(
        AnalysisType.INDEX, var, Integer.toString(year), groupVars, g.getKey(),
        index, null, null, null, null, null,
        e == null ? 0 : e.cells, b == null ? 0 : b.cells, null, null, flags);
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "BaselineAnalysis[by=%s, years=%s-%s, top=%s, population_type=%s, reconciliation=%s,"
            + " disagreement_ratio=%s, index_base=%s]",
        by, fromYear, toYear, top, populationType, reconciler.method().code(),
        reconciler.disagreementRatio(), indexBase);
  }
}
