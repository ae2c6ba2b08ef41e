package org.iom.mtm.indicators.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.iom.mtm.core.PopulationCategory;
import org.iom.mtm.core.baseline.BaselineRecord;
import org.iom.mtm.indicators.result.AnalysisType;
import org.iom.mtm.indicators.result.ResultRow;
import org.iom.mtm.indicators.result.ResultTable;

class BaselineProperties {

  private static final String[] RAYONS = {"KAZ014001", "KAZ014002", "KAZ004002", "KAZ017001"};
  private static final String[] NATIONALITIES = {"UZB", "RUS", "TJK", "KGZ"};

  /** One informant report: which cell, and the counts of up to three informants. */
  record Report(int rayon, int nationality, int year, List<Long> counts) {}

  @Provide
  Arbitrary<List<BaselineRecord>> baselines() {
    Arbitrary<Report> report =
        Combinators.combine(
                Arbitraries.integers().between(0, RAYONS.length - 1),
                Arbitraries.integers().between(0, NATIONALITIES.length - 1),
                Arbitraries.integers().between(2020, 2022),
                Arbitraries.longs().between(0, 100_000).list().ofMinSize(1).ofMaxSize(3))
            .as(Report::new);
    return report.list().ofMinSize(1).ofMaxSize(30).map(BaselineProperties::records);
  }

  private static List<BaselineRecord> records(List<Report> reports) {
    // One set of informants per cell: repeated cells in the generated list are dropped.
    Map<String, Report> cells = new HashMap<>();
    for (Report r : reports) {
      cells.putIfAbsent(r.rayon() + "/" + r.nationality() + "/" + r.year(), r);
    }
    List<BaselineRecord> out = new ArrayList<>();
    for (Report r : cells.values()) {
      String rayon = RAYONS[r.rayon()];
      for (int i = 0; i < r.counts().size(); i++) {
        out.add(BaselineRecord.of(rayon.substring(0, 6), rayon, PopulationCategory.MIGRANT_WORKER,
            NATIONALITIES[r.nationality()], r.year(), r.counts().get(i), "ki" + i));
      }
    }
    out.sort(java.util.Comparator.comparing(BaselineRecord::toString));
    return out;
  }

  // Each try runs whole analyses: 200 tries keep the suite quick on two cores.
  @Property(tries = 200)
  void sharesOfEachYearSumToOne(@ForAll("baselines") List<BaselineRecord> records) {
    ResultTable t = BaselineAnalysis.create().by(BaselineDimension.NATIONALITY).analyse(records);
    Map<String, Double> sums = new HashMap<>();
    Map<String, Double> totals = new HashMap<>();
    for (ResultRow r : t.rows()) {
      if (r.analysisType() == AnalysisType.SHARE && r.stat() != null) {
        sums.merge(r.analysisVarValue(), r.stat(), Double::sum);
        totals.put(r.analysisVarValue(), r.nWTotal());
      }
    }
    for (Map.Entry<String, Double> e : sums.entrySet()) {
      if (totals.get(e.getKey()) > 0) {
        assertEquals(1, e.getValue(), 1e-12, e.getKey());
      }
    }
  }

  // Each try runs whole analyses: 200 tries keep the suite quick on two cores.
  @Property(tries = 200)
  void resultsDoNotDependOnRowOrder(
      @ForAll("baselines") List<BaselineRecord> records, @ForAll long seed, @ForAll @IntRange(min = 1, max = 3) int top) {
    BaselineAnalysis a =
        BaselineAnalysis.create().by(BaselineDimension.ADMIN1, BaselineDimension.NATIONALITY).top(top);
    List<BaselineRecord> shuffled = new ArrayList<>(records);
    Collections.shuffle(shuffled, new Random(seed));
    ResultTable x = a.analyse(records);
    ResultTable y = a.analyse(shuffled);
    assertEquals(x.rows(), y.rows());
    assertEquals(x.meta(), y.meta());
  }

  // Each try runs whole analyses: 200 tries keep the suite quick on two cores.
  @Property(tries = 200)
  void countsRollUpFromRayonsToRegionsToTheCountry(@ForAll("baselines") List<BaselineRecord> records) {
    ResultTable country = BaselineAnalysis.create().analyse(records);
    ResultTable regions = BaselineAnalysis.create().by(BaselineDimension.ADMIN1).analyse(records);
    ResultTable rayons = BaselineAnalysis.create().by(BaselineDimension.ADMIN2).analyse(records);
    for (ResultRow c : country.rows()) {
      if (c.analysisType() == AnalysisType.COUNT && c.stat() != null) {
        assertEquals(c.stat(), sumOfCounts(regions, c.analysisVarValue()), 1e-9);
        assertEquals(c.stat(), sumOfCounts(rayons, c.analysisVarValue()), 1e-9);
      }
    }
  }

  private static double sumOfCounts(ResultTable t, String year) {
    return t.rows().stream()
        .filter(r -> r.analysisType() == AnalysisType.COUNT && year.equals(r.analysisVarValue()) && r.stat() != null)
        .mapToDouble(ResultRow::stat)
        .sum();
  }

  @Property
  void growthChains(
      @ForAll @LongRange(min = 1, max = 10_000_000) long a,
      @ForAll @LongRange(min = 1, max = 10_000_000) long b,
      @ForAll @LongRange(min = 0, max = 10_000_000) long c) {
    double g12 = Growth.of(2020, (double) a, 2021, (double) b).rate();
    double g23 = Growth.of(2021, (double) b, 2022, (double) c).rate();
    double g13 = Growth.of(2020, (double) a, 2022, (double) c).rate();
    // (1 + g12)(1 + g23) = 1 + g13. Each rate carries a relative error of an ulp or two, so
    // 1 + g carries an absolute error of a few ulps of 1 + |g| (much more, relatively, when g is
    // near -1): the tolerance follows that bound.
    double lhs = (1 + g12) * (1 + g23);
    double bound = 1e-14 * ((1 + Math.abs(g12)) * (1 + Math.abs(g23)) + 1 + Math.abs(g13));
    assertEquals(1 + g13, lhs, bound);
  }

  @Property
  void cagrCompoundsToThePeriodGrowth(
      @ForAll @DoubleRange(min = 1, max = 1e7) double base,
      @ForAll @DoubleRange(min = 0, max = 1e7) double end,
      @ForAll @IntRange(min = 1, max = 30) int years) {
    Growth g = Growth.of(2000, base, 2000 + years, end);
    double compounded = Math.pow(1 + g.cagr(), years);
    assertEquals(1 + g.rate(), compounded, 1e-9 * Math.max(1, compounded));
    assertEquals(100 * (1 + g.rate()), g.index(), 1e-9 * Math.max(1, g.index()));
  }

  @Property
  void reconciledValueLiesWithinTheInformantsRange(
      @ForAll @Size(min = 1, max = 9) List<@LongRange(min = 0, max = 10_000_000) Long> counts) {
    double[] c = counts.stream().mapToDouble(Long::doubleValue).toArray();
    double min = Collections.min(counts);
    double max = Collections.max(counts);
    for (Reconciliation m : Reconciliation.values()) {
      double v = m.reconcile(c);
      assertTrue(min <= v && v <= max, m + " gave " + v + " outside [" + min + ", " + max + "]");
    }
  }

  // Each try runs whole analyses: 200 tries keep the suite quick on two cores.
  @Property(tries = 200)
  void reconciledCellsLieWithinTheirReports(@ForAll("baselines") List<BaselineRecord> records) {
    for (Reconciliation m : Reconciliation.values()) {
      for (ReconciledCell cell : InformantReconciler.of(m, 2).reconcile(records)) {
        long lo = Long.MAX_VALUE;
        long hi = Long.MIN_VALUE;
        for (BaselineRecord r : records) {
          if (r.admin2Pcode().equals(cell.admin2Pcode()) && r.nationality().equals(cell.nationality())
              && r.year() == cell.year()) {
            lo = Math.min(lo, r.count());
            hi = Math.max(hi, r.count());
          }
        }
        assertTrue(lo <= cell.value() && cell.value() <= hi, cell::toString);
      }
    }
  }

  @Property
  void roundedPercentagesAddUpToExactlyOneHundred(
      @ForAll @Size(min = 1, max = 12) List<@LongRange(min = 0, max = 1_000_000) Long> counts,
      @ForAll @IntRange(min = 0, max = 3) int decimals) {
    if (counts.stream().allMatch(x -> x == 0)) {
      return;
    }
    double[] v = counts.stream().mapToDouble(Long::doubleValue).toArray();
    RoundedPercentages p = RoundedPercentages.of(v, decimals);
    BigDecimal sum = p.percents().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    assertEquals(0, sum.compareTo(BigDecimal.valueOf(100)), p::toString);
    double total = counts.stream().mapToLong(Long::longValue).sum();
    double unit = Math.pow(10, -decimals);
    for (int i = 0; i < v.length; i++) {
      // Each rounded percentage is its exact value rounded down or up to the unit.
      double exact = 100 * v[i] / total;
      double rounded = p.percent(i).doubleValue();
      assertTrue(rounded > exact - unit - 1e-9 && rounded < exact + unit + 1e-9, exact + " -> " + rounded);
    }
  }
}
