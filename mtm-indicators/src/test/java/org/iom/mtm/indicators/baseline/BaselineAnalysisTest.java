package org.iom.mtm.indicators.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.iom.mtm.core.PopulationCategory;
import org.iom.mtm.core.baseline.BaselineCounts;
import org.iom.mtm.core.baseline.BaselineRecord;
import org.iom.mtm.core.baseline.DeclaredTotal;
import org.iom.mtm.core.baseline.InformantRole;
import org.iom.mtm.core.baseline.KeyInformant;
import org.iom.mtm.core.Sex;
import org.iom.mtm.indicators.result.AnalysisType;
import org.iom.mtm.indicators.result.Flag;
import org.iom.mtm.indicators.result.ResultRow;
import org.iom.mtm.indicators.result.ResultTable;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Hand-derived baseline figures. The fixture reproduces the seed report's year-on-year growth
 * exactly: totals 1,000,000 (2020), 1,149,000 (2021) and 1,451,187 (2022) give +14.9% and +26.3%
 * (Kazakhstan 2023 report: "increased by 26.3 per cent in 2022 compared to 2021 and by 14.9 per
 * cent in 2021 compared to 2020").
 */
class BaselineAnalysisTest {

  static final PopulationCategory MW = PopulationCategory.MIGRANT_WORKER;
  static final String AKTAU = "KAZ014001";
  static final String ALMALY = "KAZ004002";

  static BaselineRecord rec(String admin2, String nat, int year, long count, @Nullable String ki) {
    return BaselineRecord.of(admin2.substring(0, 6), admin2, MW, nat, year, count, ki);
  }

  /**
   * Cells (rayon, nationality): 2020 / 2021 / 2022.
   *
   * <pre>
   * Aktau  UZB  700000 /  800000 / 1000000 (2022: three informants 990000, 1000000, 1010000)
   * Aktau  RUS  100000 /  120000 /  150000
   * Almaly UZB  150000 /  170000 /  220000 (2021: three informants 170000, 170000, 400000:
   *                                         median 170000, max/min 2.35 disagree)
   * Almaly RUS   50000 /   59000 /   81187 (2022: two informants 81000, 81374: median 81187)
   * total      1000000 / 1149000 / 1451187
   * </pre>
   */
  static List<BaselineRecord> seedLike() {
    List<BaselineRecord> r = new ArrayList<>();
    r.add(rec(AKTAU, "UZB", 2020, 700000, "ki1"));
    r.add(rec(AKTAU, "UZB", 2021, 800000, "ki1"));
    r.add(rec(AKTAU, "UZB", 2022, 990000, "ki1"));
    r.add(rec(AKTAU, "UZB", 2022, 1000000, "ki2"));
    r.add(rec(AKTAU, "UZB", 2022, 1010000, "ki3"));
    r.add(rec(AKTAU, "RUS", 2020, 100000, "ki1"));
    r.add(rec(AKTAU, "RUS", 2021, 120000, "ki1"));
    r.add(rec(AKTAU, "RUS", 2022, 150000, "ki1"));
    r.add(rec(ALMALY, "UZB", 2020, 150000, "ki4"));
    r.add(rec(ALMALY, "UZB", 2021, 170000, "ki4"));
    r.add(rec(ALMALY, "UZB", 2021, 170000, "ki5"));
    r.add(rec(ALMALY, "UZB", 2021, 400000, "ki6"));
    r.add(rec(ALMALY, "UZB", 2022, 220000, "ki4"));
    r.add(rec(ALMALY, "RUS", 2020, 50000, "ki4"));
    r.add(rec(ALMALY, "RUS", 2021, 59000, "ki4"));
    r.add(rec(ALMALY, "RUS", 2022, 81000, "ki4"));
    r.add(rec(ALMALY, "RUS", 2022, 81374, "ki5"));
    return r;
  }

  static ResultRow row(ResultTable t, AnalysisType type, String value, String... groupValues) {
    for (ResultRow r : t.rows()) {
      if (r.analysisType() == type
          && value.equals(r.analysisVarValue())
          && r.groupValues().equals(List.of(groupValues))) {
        return r;
      }
    }
    throw new AssertionError("no " + type + " row " + value + " " + List.of(groupValues) + " in\n" + t);
  }

  static double stat(ResultRow r) {
    assertNotNull(r.stat(), r::toString);
    return r.stat();
  }

  @Test
  void countryTotalsAndTheSeedsGrowth() {
    ResultTable t = BaselineAnalysis.create().analyse(seedLike());
    assertEquals(1_000_000, stat(row(t, AnalysisType.COUNT, "2020")));
    assertEquals(1_149_000, stat(row(t, AnalysisType.COUNT, "2021")));
    assertEquals(1_451_187, stat(row(t, AnalysisType.COUNT, "2022")));
    // 149000 / 1000000 and 302187 / 1149000 = 0.263 exactly.
    assertEquals(0.149, stat(row(t, AnalysisType.GROWTH, "2020-2021")), 1e-15);
    assertEquals(0.263, stat(row(t, AnalysisType.GROWTH, "2021-2022")), 1e-15);
    assertEquals(0.451187, stat(row(t, AnalysisType.GROWTH, "2020-2022")), 1e-15);
    // bc -l: sqrt(1.451187) - 1 = .20465223197402494166
    assertEquals(0.20465223197402494, stat(row(t, AnalysisType.CAGR, "2020-2022")), 1e-15);
    assertEquals(100, stat(row(t, AnalysisType.INDEX, "2020")));
    assertEquals(114.9, stat(row(t, AnalysisType.INDEX, "2021")), 1e-12);
    assertEquals(145.1187, stat(row(t, AnalysisType.INDEX, "2022")), 1e-12);
    // No by-variable: no share rows; 3 counts, 3 growths, 1 cagr, 3 indices.
    assertEquals(10, t.size());
    assertTrue(t.rows().stream().noneMatch(r -> r.analysisType() == AnalysisType.SHARE));
    assertEquals("migrant_worker", t.rows().get(0).analysisVar());
    assertEquals("count @/@ migrant_worker %/% 2020 @/@ NA %/% NA", t.rows().get(0).analysisKey());
    // n: the reconciled cells behind each value.
    assertEquals(4, row(t, AnalysisType.COUNT, "2021").n());
  }

  @Test
  void metaSaysCountsAreStocksAndGivesTheSumOverYears() {
    ResultTable t = BaselineAnalysis.create().analyse(seedLike());
    assertEquals("stock_per_year", t.meta().get("count_kind"));
    // 1000000 + 1149000 + 1451187
    assertTrue(t.meta().get("sum_over_years.migrant_worker").startsWith("3600187 "), t.meta()::toString);
    assertEquals("2020-2022", t.meta().get("years"));
    assertEquals("median", t.meta().get("reconciliation"));
    assertEquals("17", t.meta().get("records"));
    assertEquals("12", t.meta().get("cells"));
    assertEquals("1", t.meta().get("cells_with_disagreement"));
  }

  @Test
  void disagreementFlagsEveryRowBuiltOnTheCell() {
    ResultTable t = BaselineAnalysis.create().analyse(seedLike());
    assertEquals(Set.of(Flag.INFORMANT_DISAGREEMENT), row(t, AnalysisType.COUNT, "2021").flags());
    assertEquals(Set.of(), row(t, AnalysisType.COUNT, "2022").flags());
    assertEquals(Set.of(Flag.INFORMANT_DISAGREEMENT), row(t, AnalysisType.GROWTH, "2020-2021").flags());
    assertEquals(Set.of(Flag.INFORMANT_DISAGREEMENT), row(t, AnalysisType.GROWTH, "2021-2022").flags());
    assertEquals(Set.of(), row(t, AnalysisType.CAGR, "2020-2022").flags());
    // A ratio of 2.5 accepts 400000 / 170000 = 2.35.
    ResultTable lenient =
        BaselineAnalysis.create()
            .reconciler(InformantReconciler.of(Reconciliation.MEDIAN, 2.5))
            .analyse(seedLike());
    assertEquals(Set.of(), row(lenient, AnalysisType.COUNT, "2021").flags());
  }

  @Test
  void reconciliationMethodsChangeTheDisputedCell() {
    // Almaly UZB 2021: 170000, 170000, 400000.
    double others2021 = 1_149_000 - 170_000;
    assertEquals(others2021 + (170000.0 + 170000 + 400000) / 3,
        stat(row(withMethod(Reconciliation.MEAN), AnalysisType.COUNT, "2021")), 1e-9);
    assertEquals(others2021 + 400000, stat(row(withMethod(Reconciliation.MAX), AnalysisType.COUNT, "2021")));
    assertEquals(others2021 + 170000, stat(row(withMethod(Reconciliation.MIN), AnalysisType.COUNT, "2021")));
    // Aktau UZB 2022 (990000, 1000000, 1010000) and Almaly RUS 2022 (81000, 81374): min and max.
    assertEquals(1_451_187 - 10000 - 187, stat(row(withMethod(Reconciliation.MIN), AnalysisType.COUNT, "2022")));
    assertEquals(1_451_187 + 10000 + 187, stat(row(withMethod(Reconciliation.MAX), AnalysisType.COUNT, "2022")));
  }

  private static ResultTable withMethod(Reconciliation m) {
    return BaselineAnalysis.create()
        .reconciler(InformantReconciler.of(m, InformantReconciler.DEFAULT_DISAGREEMENT_RATIO))
        .analyse(seedLike());
  }

  @Test
  void sharesByNationalityAndGrowthByNationality() {
    ResultTable t = BaselineAnalysis.create().by(BaselineDimension.NATIONALITY).analyse(seedLike());
    // 2022: UZB 1000000 + 220000 = 1220000, RUS 150000 + 81187 = 231187 of 1451187.
    // bc: 1220000/1451187 = .84069110321412746944
    ResultRow uzb = row(t, AnalysisType.SHARE, "2022", "UZB");
    assertEquals(0.84069110321412747, stat(uzb), 1e-15);
    assertEquals(1_220_000, uzb.nW());
    assertEquals(1_451_187, uzb.nWTotal());
    assertEquals(2, uzb.n());
    assertEquals(4, uzb.nTotal());
    assertEquals(0.15930889678587253, stat(row(t, AnalysisType.SHARE, "2022", "RUS")), 1e-15);
    // RUS 2020 150000 -> 2022 231187: +54.1246...%; UZB 850000 -> 1220000: +43.529...%.
    assertEquals(81187.0 / 150000, stat(row(t, AnalysisType.GROWTH, "2020-2022", "RUS")), 1e-15);
    assertEquals(370000.0 / 850000, stat(row(t, AnalysisType.GROWTH, "2020-2022", "UZB")), 1e-15);
    // Groups ordered by their 2022 count, largest first.
    assertEquals(List.of("UZB"), t.rows().get(0).groupValues());
    assertEquals("nationality", t.rows().get(0).groupVar());
    assertEquals("share @/@ migrant_worker %/% 2022 @/@ nationality %/% UZB", uzb.analysisKey());
  }

  @Test
  void rollUpToRegionsAndCrossings() {
    ResultTable t = BaselineAnalysis.create().by(BaselineDimension.ADMIN1).analyse(seedLike());
    // Mangystau (KAZ014) 2022: 1000000 + 150000; Almaty city (KAZ004): 220000 + 81187.
    assertEquals(1_150_000, stat(row(t, AnalysisType.COUNT, "2022", "KAZ014")));
    assertEquals(301_187, stat(row(t, AnalysisType.COUNT, "2022", "KAZ004")));
    assertEquals(1_150_000 / 1_451_187.0, stat(row(t, AnalysisType.SHARE, "2022", "KAZ014")), 1e-15);
    ResultTable x =
        BaselineAnalysis.create().by(BaselineDimension.ADMIN1, BaselineDimension.NATIONALITY).analyse(seedLike());
    ResultRow r = row(x, AnalysisType.COUNT, "2021", "KAZ004", "UZB");
    assertEquals(170_000, stat(r));
    assertEquals("admin1 %/% nationality", r.groupVar());
    assertEquals(
        "count @/@ migrant_worker %/% 2021 @/@ admin1 %/% KAZ004 -/- nationality %/% UZB", r.analysisKey());
    assertEquals(59_000 / 1_149_000.0, stat(row(x, AnalysisType.SHARE, "2021", "KAZ004", "RUS")), 1e-15);
  }

  @Test
  void topNMergesTheRestIntoOther() {
    ResultTable t = BaselineAnalysis.create().by(BaselineDimension.ADMIN2, BaselineDimension.NATIONALITY)
        .top(2).analyse(seedLike());
    // 2022 ranking: Aktau UZB 1000000, Almaly UZB 220000, Aktau RUS 150000, Almaly RUS 81187.
    assertEquals(List.of(AKTAU, "UZB"), t.rows().get(0).groupValues());
    ResultRow other = row(t, AnalysisType.COUNT, "2022", "Other", "Other");
    assertEquals(150_000 + 81_187, stat(other));
    assertEquals(2, other.n());
    assertEquals(120_000 + 59_000, stat(row(t, AnalysisType.COUNT, "2021", "Other", "Other")));
    assertEquals(231_187 / 1_451_187.0, stat(row(t, AnalysisType.SHARE, "2022", "Other", "Other")), 1e-15);
    // Three groups, three years: 9 counts, 9 shares, 9 growths, 3 cagrs, 9 indices.
    assertEquals(39, t.size());
    double sum2022 = 0;
    for (ResultRow r : t.rows()) {
      if (r.analysisType() == AnalysisType.SHARE && "2022".equals(r.analysisVarValue())) {
        sum2022 += stat(r);
      }
    }
    assertEquals(1, sum2022, 1e-15);
  }

  @Test
  void aYearWithoutDataIsFlaggedNotReadAsZero() {
    List<BaselineRecord> r = new ArrayList<>(seedLike());
    r.removeIf(x -> x.admin2Pcode().equals(ALMALY) && x.nationality().equals("RUS") && x.year() == 2021);
    ResultTable t = BaselineAnalysis.create().by(BaselineDimension.ADMIN2, BaselineDimension.NATIONALITY).analyse(r);
    ResultRow count = row(t, AnalysisType.COUNT, "2021", ALMALY, "RUS");
    assertNull(count.stat());
    assertEquals(Set.of(Flag.NO_DATA), count.flags());
    assertEquals(0, count.n());
    ResultRow share = row(t, AnalysisType.SHARE, "2021", ALMALY, "RUS");
    assertNull(share.stat());
    assertTrue(share.flags().contains(Flag.NO_DATA));
    ResultRow g = row(t, AnalysisType.GROWTH, "2020-2021", ALMALY, "RUS");
    assertNull(g.stat());
    assertTrue(g.flags().contains(Flag.NO_DATA));
    assertNull(row(t, AnalysisType.GROWTH, "2021-2022", ALMALY, "RUS").stat());
    assertNull(row(t, AnalysisType.INDEX, "2021", ALMALY, "RUS").stat());
    // First to last still has both ends: 50000 -> 81187.
    assertEquals(31187 / 50000.0, stat(row(t, AnalysisType.GROWTH, "2020-2022", ALMALY, "RUS")), 1e-15);
    // A whole year missing inside the asked range is no data everywhere.
    ResultTable wide = BaselineAnalysis.create().to(2023).analyse(seedLike());
    assertEquals(Set.of(Flag.NO_DATA), row(wide, AnalysisType.COUNT, "2023").flags());
    assertNull(row(wide, AnalysisType.CAGR, "2020-2023").stat());
  }

  @Test
  void aZeroBaseGivesNullGrowthFlagged() {
    List<BaselineRecord> r = new ArrayList<>(seedLike());
    r.add(rec(AKTAU, "TJK", 2020, 0, "ki1"));
    r.add(rec(AKTAU, "TJK", 2021, 0, "ki1"));
    r.add(rec(AKTAU, "TJK", 2022, 40, "ki1"));
    ResultTable t = BaselineAnalysis.create().by(BaselineDimension.NATIONALITY).analyse(r);
    ResultRow g = row(t, AnalysisType.GROWTH, "2021-2022", "TJK");
    assertNull(g.stat());
    assertEquals(Set.of(Flag.ZERO_BASE), g.flags());
    assertEquals(Set.of(Flag.ZERO_BASE), row(t, AnalysisType.CAGR, "2020-2022", "TJK").flags());
    assertEquals(Set.of(Flag.ZERO_BASE), row(t, AnalysisType.INDEX, "2022", "TJK").flags());
    assertEquals(0, stat(row(t, AnalysisType.SHARE, "2020", "TJK")));
    // The other nationalities are unaffected.
    assertEquals(0.263, stat(row(BaselineAnalysis.create().analyse(seedLike()), AnalysisType.GROWTH, "2021-2022")), 1e-15);
  }

  @Test
  void yearsFilterAndIndexBase() {
    ResultTable t = BaselineAnalysis.create().from(2021).indexBase(2022).analyse(seedLike());
    assertEquals("2021-2022", t.meta().get("years"));
    assertEquals(100, stat(row(t, AnalysisType.INDEX, "2022")));
    assertEquals(100 * 1_149_000 / 1_451_187.0, stat(row(t, AnalysisType.INDEX, "2021")), 1e-12);
    // Two years: one growth (no separate first-to-last), one cagr equal to it.
    assertEquals(1, t.rows().stream().filter(r -> r.analysisType() == AnalysisType.GROWTH).count());
    assertEquals(0.263, stat(row(t, AnalysisType.CAGR, "2021-2022")), 1e-15);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> BaselineAnalysis.create().from(2021).indexBase(2020).analyse(seedLike()));
    assertTrue(e.getMessage().contains("2020"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> BaselineAnalysis.create().from(2023).analyse(seedLike()));
    assertTrue(e.getMessage().contains("2023"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> BaselineAnalysis.create().populationType(PopulationCategory.EMIGRANT).analyse(seedLike()));
    assertTrue(e.getMessage().contains("emigrant"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> BaselineAnalysis.create().from(2022).to(2021).analyse(seedLike()));
    assertTrue(e.getMessage().contains("2022"), e.getMessage());
  }

  @Test
  void populationTypesAreKeptApart() {
    List<BaselineRecord> r = new ArrayList<>(seedLike());
    r.add(BaselineRecord.of("KAZ014", AKTAU, PopulationCategory.RETURN_MIGRANT, "KAZ", 2022, 30, null));
    ResultTable all = BaselineAnalysis.create().analyse(r);
    assertEquals(1_451_187, stat(row(all, AnalysisType.COUNT, "2022")));
    ResultRow ret = all.rows().stream()
        .filter(x -> x.analysisVar().equals("return_migrant") && x.analysisType() == AnalysisType.COUNT
            && "2022".equals(x.analysisVarValue()))
        .findFirst().orElseThrow();
    assertEquals(30, stat(ret));
    ResultRow ret2020 = all.rows().stream()
        .filter(x -> x.analysisVar().equals("return_migrant") && "2020".equals(x.analysisVarValue())
            && x.analysisType() == AnalysisType.COUNT)
        .findFirst().orElseThrow();
    assertEquals(Set.of(Flag.NO_DATA), ret2020.flags());
    ResultTable mw = BaselineAnalysis.create().populationType(MW).analyse(r);
    assertTrue(mw.rows().stream().allMatch(x -> x.analysisVar().equals("migrant_worker")));
  }

  @Test
  void declaredTotalsAreCheckedAgainstTheirParts() {
    List<DeclaredTotal> totals = List.of(
        DeclaredTotal.of("KAZ014", null, MW, null, 2022, 1_150_000, null),
        DeclaredTotal.of("KAZ004", null, MW, null, 2022, 300_000, null),
        DeclaredTotal.of(null, null, MW, "UZB", 2020, 850_000, null),
        DeclaredTotal.of("KAZ004", "KAZ004002", MW, null, 2022, 301_187, null),
        DeclaredTotal.of("KAZ005", null, MW, null, 2022, 10, null));
    ResultTable t = BaselineAnalysis.create().analyse(new BaselineCounts(seedLike(), totals));
    assertEquals("4", t.meta().get("declared_totals_checked"));
    assertEquals("1", t.meta().get("declared_totals_inconsistent"));
    assertEquals(
        "KAZ004 / migrant_worker / all nationalities / 2022: declared 300000, parts (2 cells) add up to 301187",
        t.meta().get("declared_total.1"));
    assertEquals("KAZ005 / migrant_worker / all nationalities / 2022: declared 10, no parts in the data",
        t.meta().get("declared_total.2"));
    // The declared totals are checked, never added.
    assertEquals(1_451_187, stat(row(t, AnalysisType.COUNT, "2022")));
  }

  @Test
  void contradictoryRecordsAreRefusedNamingThem() {
    List<BaselineRecord> r = new ArrayList<>(seedLike());
    r.add(rec(AKTAU, "UZB", 2022, 5, "ki2"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> BaselineAnalysis.create().analyse(r));
    assertEquals("informant 'ki2' reports twice on KAZ014001 / migrant_worker / UZB / 2022", e.getMessage());
    List<BaselineRecord> r2 = new ArrayList<>(seedLike());
    r2.add(BaselineRecord.of("KAZ005", AKTAU, MW, "UZB", 2019, 5, null));
    e = assertThrows(IllegalArgumentException.class, () -> BaselineAnalysis.create().analyse(r2));
    assertEquals("rayon KAZ014001 is placed in two regions: KAZ005 and KAZ014", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> BaselineAnalysis.create().top(0));
    assertThrows(IllegalArgumentException.class,
        () -> BaselineAnalysis.create().by(BaselineDimension.ADMIN1, BaselineDimension.ADMIN1));
  }

  @Test
  void unnamedInformantsAreSeparateReports() {
    List<BaselineRecord> r = List.of(
        rec(AKTAU, "UZB", 2022, 10, null), rec(AKTAU, "UZB", 2022, 30, null), rec(AKTAU, "UZB", 2022, 11, null));
    List<ReconciledCell> cells = InformantReconciler.create().reconcile(r);
    assertEquals(1, cells.size());
    assertEquals(11, cells.get(0).value());
    assertEquals(3, cells.get(0).reports());
    assertTrue(cells.get(0).disagreement());
    assertFalse(InformantReconciler.create().disagree(0, 0));
    assertTrue(InformantReconciler.create().disagree(0, 1));
    assertFalse(InformantReconciler.create().disagree(10, 20));
    assertTrue(InformantReconciler.create().disagree(10, 20.5));
  }

  @Test
  void metaCountsTheInformantsBehindTheFigures() {
    List<BaselineRecord> r = new ArrayList<>(seedLike());
    r.add(rec(AKTAU, "TJK", 2022, 40, null));
    List<KeyInformant> described = List.of(
        KeyInformant.of("ki1", Sex.FEMALE, InformantRole.TEACHER),
        KeyInformant.of("ki4", Sex.MALE, InformantRole.LOCAL_AUTHORITY),
        KeyInformant.of("ki5", null, InformantRole.LOCAL_AUTHORITY));
    ResultTable t = BaselineAnalysis.create().analyse(new BaselineCounts(r, List.of(), described));
    // ki1 ... ki6 report; one report names nobody.
    assertEquals("6", t.meta().get("informants"));
    assertEquals("1", t.meta().get("reports_without_informant_id"));
    assertEquals("female 1, male 1, unknown 4", t.meta().get("informants_by_sex"));
    assertEquals("local_authority 2, teacher 1, unknown 3", t.meta().get("informants_by_role"));
    // Only the informants of the analysed years count: in 2020, ki1 and ki4.
    ResultTable y2020 = BaselineAnalysis.create().to(2020).analyse(new BaselineCounts(r, List.of(), described));
    assertEquals("2", y2020.meta().get("informants"));
    assertFalse(BaselineAnalysis.create().analyse(r).meta().containsKey("informants_by_sex"));
  }

  /**
   * A baseline built so that its figures are the seed report's, by nationality (Kazakhstan 2023
   * report, key findings): 2022 vs 2020 growth Russian Federation +95.6%, Kyrgyzstan +93.9%,
   * Azerbaijan +44.6%, Tajikistan +41.2%, Uzbekistan +38.9%; top 5 nationalities Uzbekistan 81%,
   * Russian Federation 8%, Tajikistan 4%, Kyrgyzstan 3%, Azerbaijan 2%. Each nationality's 2020
   * count is k * 1000 and its 2022 count k * (1000 + growth per mille), with k chosen for the
   * shares: UZB 565, RUS 41, TJK 28, KGZ 15, AZE 14; Turkmenistan 16000 -> 20000 is the rest.
   */
  @Test
  void theSeedsNationalityFiguresFromAConstructedBaseline() {
    String[] nat = {"UZB", "RUS", "TJK", "KGZ", "AZE", "TKM"};
    long[] y2020 = {565_000, 41_000, 28_000, 15_000, 14_000, 16_000};
    long[] y2022 = {565L * 1389, 41L * 1956, 28L * 1412, 15L * 1939, 14L * 1446, 20_000};
    List<BaselineRecord> r = new ArrayList<>();
    for (int i = 0; i < nat.length; i++) {
      // Split over two rayons in two regions, as a roll-up would meet them.
      r.add(rec(AKTAU, nat[i], 2020, y2020[i] / 2, "ki1"));
      r.add(rec(ALMALY, nat[i], 2020, y2020[i] - y2020[i] / 2, "ki2"));
      r.add(rec(AKTAU, nat[i], 2022, y2022[i] / 2, "ki1"));
      r.add(rec(ALMALY, nat[i], 2022, y2022[i] - y2022[i] / 2, "ki2"));
    }
    ResultTable t = BaselineAnalysis.create().by(BaselineDimension.NATIONALITY).top(5).analyse(r);
    assertEquals(0.956, stat(row(t, AnalysisType.GROWTH, "2020-2022", "RUS")), 1e-15);
    assertEquals(0.939, stat(row(t, AnalysisType.GROWTH, "2020-2022", "KGZ")), 1e-15);
    assertEquals(0.446, stat(row(t, AnalysisType.GROWTH, "2020-2022", "AZE")), 1e-15);
    assertEquals(0.412, stat(row(t, AnalysisType.GROWTH, "2020-2022", "TJK")), 1e-15);
    assertEquals(0.389, stat(row(t, AnalysisType.GROWTH, "2020-2022", "UZB")), 1e-15);
    // 2022 shares in rank order, then Other (TKM): 80.59, 8.23, 4.06, 2.99, 2.08, 2.05 per cent;
    // largest remainders give 81, 8, 4, 3, 2, 2 = 100, the report's five figures.
    List<String> order = List.of("UZB", "RUS", "TJK", "KGZ", "AZE", BaselineAnalysis.OTHER);
    double[] shares = new double[order.size()];
    for (int i = 0; i < shares.length; i++) {
      shares[i] = stat(row(t, AnalysisType.SHARE, "2022", order.get(i)));
    }
    assertEquals(List.of("81", "8", "4", "3", "2", "2"),
        RoundedPercentages.of(shares, 0).percents().stream().map(java.math.BigDecimal::toPlainString).toList());
    // The year at the head of the ranking: UZB first, Other last.
    assertEquals(List.of("UZB"), t.rows().get(0).groupValues());
  }

  @Test
  void aGazetteerChecksTheRegionsBeforeRollingUp() {
    org.iom.mtm.core.geo.Gazetteer kz = org.iom.mtm.core.geo.Gazetteer.kazakhstan();
    assertEquals(1_451_187, stat(row(BaselineAnalysis.create().gazetteer(kz).analyse(seedLike()),
        AnalysisType.COUNT, "2022")));
    List<BaselineRecord> r = List.of(BaselineRecord.of("KAZ005", AKTAU, MW, "UZB", 2022, 5, null));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> BaselineAnalysis.create().gazetteer(kz).analyse(r));
    assertEquals("rayon KAZ014001 (Aktau) lies in KAZ014 (Mangystau Region), not in KAZ005", e.getMessage());
    List<BaselineRecord> region = List.of(BaselineRecord.of("KAZ014", "KAZ014", MW, "UZB", 2022, 5, null));
    e = assertThrows(IllegalArgumentException.class, () -> BaselineAnalysis.create().gazetteer(kz).analyse(region));
    assertEquals("p-code KAZ014 (Mangystau Region) is an admin1 area, not a rayon", e.getMessage());
    List<BaselineRecord> unknown = List.of(BaselineRecord.of("KAZ014", "KAZ014999", MW, "UZB", 2022, 5, null));
    e = assertThrows(IllegalArgumentException.class, () -> BaselineAnalysis.create().gazetteer(kz).analyse(unknown));
    assertTrue(e.getMessage().contains("KAZ014999"), e.getMessage());
  }

  @Test
  void byVariablesAreNamedInErrors() {
    assertEquals(BaselineDimension.ADMIN1, BaselineDimension.ofCode("Oblast"));
    assertEquals(BaselineDimension.ADMIN2, BaselineDimension.ofCode("rayon"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> BaselineDimension.ofCode("sex"));
    assertEquals("unknown baseline variable 'sex': expected admin1, admin2 or nationality", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> BaselineDimension.ofCode("year"));
    assertTrue(e.getMessage().startsWith("'year' is always broken down"), e.getMessage());
  }
}
