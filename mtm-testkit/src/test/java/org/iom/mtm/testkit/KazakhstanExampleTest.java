package org.iom.mtm.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntPredicate;
import org.iom.mtm.core.baseline.BaselineRecord;
import org.iom.mtm.core.data.AnswerState;
import org.iom.mtm.core.data.CategoricalColumn;
import org.iom.mtm.core.data.MultiSelectColumn;
import org.iom.mtm.core.data.NumericColumn;
import org.iom.mtm.core.data.SurveyData;
import org.junit.jupiter.api.Test;

/**
 * The published figures of the MTM Kazakhstan 2023 report (INDICATORS.md), recounted by hand from
 * the example's records: plain counting here, independent of the estimators.
 */
class KazakhstanExampleTest {
  private static final KazakhstanExample.Result EX = KazakhstanExample.generate();
  private static final SurveyData D = EX.data();

  private static IntPredicate women() {
    CategoricalColumn sex = D.categorical("sex");
    return i -> "female".equals(sex.level(i));
  }

  private static IntPredicate men() {
    return women().negate();
  }

  /** Percent (rounded half up) of the rows in the filter, asked the question, giving the level. */
  private static long pct(String question, String level, IntPredicate filter) {
    CategoricalColumn c = D.categorical(question);
    long num = 0;
    long den = 0;
    for (int i = 0; i < D.rowCount(); i++) {
      AnswerState s = c.state(i);
      if (!filter.test(i) || s == AnswerState.NOT_ASKED) {
        continue;
      }
      den++;
      boolean hit = switch (level) {
        case "dnk" -> s == AnswerState.DONT_KNOW;
        case "pnta" -> s == AnswerState.REFUSED;
        default -> s == AnswerState.ANSWERED && c.level(i).equals(level);
      };
      num += hit ? 1 : 0;
    }
    return Math.round(100.0 * num / den);
  }

  private static long pct(String question, String level) {
    return pct(question, level, i -> true);
  }

  private static long pctMulti(String question, String option, IntPredicate filter) {
    MultiSelectColumn c = D.multiSelect(question);
    int o = c.options().indexOf(option);
    long num = 0;
    long den = 0;
    for (int i = 0; i < D.rowCount(); i++) {
      if (filter.test(i) && c.state(i) == AnswerState.ANSWERED) {
        den++;
        num += c.selected(i, o) ? 1 : 0;
      }
    }
    return Math.round(100.0 * num / den);
  }

  private static long count(String question, String level) {
    CategoricalColumn c = D.categorical(question);
    long k = 0;
    for (int i = 0; i < D.rowCount(); i++) {
      k += c.state(i) == AnswerState.ANSWERED && c.level(i).equals(level) ? 1 : 0;
    }
    return k;
  }

  private static double mean(String var, IntPredicate filter) {
    NumericColumn c = D.numeric(var);
    double s = 0;
    int n = 0;
    for (int i = 0; i < D.rowCount(); i++) {
      if (filter.test(i) && c.state(i) == AnswerState.ANSWERED) {
        s += c.value(i);
        n++;
      }
    }
    return s / n;
  }

  @Test
  void profile() {
    assertEquals(1131, D.rowCount());
    assertEquals(204, count("sex", "female"));
    assertEquals(18, pct("sex", "female"));
    assertEquals(37.0, mean("age", women()), 1e-9);
    assertEquals(35.0, mean("age", men()), 1e-9);
    assertEquals(60, pct("marital_status", "married"));
    assertEquals(53, pct("marital_status", "married", women()));
    assertEquals(61, pct("marital_status", "married", men()));
    assertEquals(20, pct("marital_status", "divorced", women()));
    assertEquals(7, pct("marital_status", "divorced", men()));
    assertEquals(30, pct("education", "upper_secondary"));
    assertEquals(30, pct("education_field", "engineering"));
    assertEquals(53, pct("main_provider", "yes"));
    assertEquals(30, pct("main_provider", "yes", women()));
    assertEquals(58, pct("main_provider", "yes", men()));
  }

  @Test
  void tablesOneAndTwo() {
    long[] t1 = {708, 144, 96, 84, 46};
    String[] nat = {"UZB", "RUS", "TJK", "KGZ", "AZE"};
    for (int k = 0; k < 5; k++) {
      assertEquals(t1[k], count("nationality", nat[k]), nat[k]);
    }
    String[] type = {"employee", "dependent_contractor", "self_employed", "employer"};
    long[] t2 = {496, 425, 95, 14};
    for (int k = 0; k < 4; k++) {
      assertEquals(t2[k], count("employment_type", type[k]), type[k]);
    }
    assertEquals(65, pct("employment_status", "employed"));
    assertEquals(5, pct("employment_status", "unemployed_looking"));
  }

  @Test
  void employmentIncomeAndRemittances() {
    assertEquals(194_212.0, mean("income", i -> true), 1e-6);
    assertEquals(36, pct("prior_employment", "employed"));
    assertEquals(34, pct("prior_sector", "trade", women()));
    assertEquals(17, pct("prior_sector", "trade", men()));
    assertEquals(19, pct("prior_sector", "trade"));
    assertEquals(44, pct("sector", "construction", men()));
    assertEquals(37, pct("sector", "trade", women()));
    assertEquals(26, pct("sector", "trade"));
    assertEquals(73, pctMulti("job_search", "internet", i -> true));
    assertEquals(38, pctMulti("obstacles", "poor_conditions", men()));
    assertEquals(33, pctMulti("obstacles", "lack_documents", women()));
    assertEquals(47, pct("written_contract", "no"));
    assertEquals(14, pct("pension", "dnk"));
    assertEquals(53, pct("remits", "yes"));
    assertEquals(57, pct("remits", "yes", men()));
    assertEquals(35, pct("remits", "yes", women()));
    assertEquals(72, pct("remit_main_income", "yes"));
    assertEquals(86, pctMulti("remit_reasons", "living_costs", i -> true));
    long hh = Math.round(mean("household_size", i -> true));
    assertEquals(4, hh);
    assertEquals(54, pct("informed_rights", "yes"));
    assertEquals(55, pct("informed_rights", "yes", women()));
    assertEquals(53, pct("informed_rights", "yes", men()));
    assertEquals(35, pct("destination", "RUS"));
  }

  @Test
  void baseline() {
    // Reconcile informants by the median, by hand.
    Map<String, List<Long>> cells = new HashMap<>();
    for (BaselineRecord r : EX.baseline()) {
      cells.computeIfAbsent(r.admin2Pcode() + "|" + r.nationality() + "|" + r.year(), k -> new ArrayList<>()).add(r.count());
    }
    Map<Integer, Double> byYear = new TreeMap<>();
    Map<String, Double> nat2022 = new HashMap<>();
    Map<String, Double> nat2020 = new HashMap<>();
    for (Map.Entry<String, List<Long>> e : cells.entrySet()) {
      List<Long> v = new ArrayList<>(e.getValue());
      v.sort(null);
      double median = v.size() % 2 == 1 ? v.get(v.size() / 2) : (v.get(v.size() / 2 - 1) + v.get(v.size() / 2)) / 2.0;
      String[] k = e.getKey().split("\\|");
      int year = Integer.parseInt(k[2]);
      byYear.merge(year, median, Double::sum);
      if (year == 2022) {
        nat2022.merge(k[1], median, Double::sum);
      } else if (year == 2020) {
        nat2020.merge(k[1], median, Double::sum);
      }
    }
    assertEquals(668_422.0, byYear.get(2022), 1e-9);
    assertEquals(26.3, Math.round(1000 * (byYear.get(2022) / byYear.get(2021) - 1)) / 10.0, 1e-9);
    assertEquals(14.9, Math.round(1000 * (byYear.get(2021) / byYear.get(2020) - 1)) / 10.0, 1e-9);
    assertEquals(81, Math.round(100 * nat2022.get("UZB") / 668_422));
    assertEquals(95.6, Math.round(1000 * (nat2022.get("RUS") / nat2020.get("RUS") - 1)) / 10.0, 1e-9);
    assertEquals(38.9, Math.round(1000 * (nat2022.get("UZB") / nat2020.get("UZB") - 1)) / 10.0, 1e-9);
    assertEquals(113, EX.baseline().stream().map(BaselineRecord::admin2Pcode).distinct().count());
    assertEquals(12, EX.baseline().stream().map(BaselineRecord::admin1Pcode).distinct().count());
    assertEquals(270, EX.baseline().stream().map(BaselineRecord::informantId).distinct().count());
    assertTrue(nat2022.values().stream().allMatch(v -> v >= 0));
  }

  @Test
  void sameSeedSameData() {
    assertEquals(D.toString(), KazakhstanExample.generate().data().toString());
    assertEquals(EX.baseline(), KazakhstanExample.generate().baseline());
  }

  /**
   * Every single-answer figure of INDICATORS.md section B that the example reproduces: question,
   * level, sub-group (all, f, m) and the printed percentage.
   */
  private static final String[] PRINTED = {
    "marital_status single all 28", "marital_status divorced all 9",
    "education lower_secondary all 27", "education post_secondary all 24", "education tertiary all 9",
    "education_field services all 13", "education_field agriculture all 12", "education_field education all 9",
    "time_away lt_6m all 50", "time_away m7_12 all 19", "time_away y1_3 all 17", "time_away y3_5 all 13",
    "expected_duration yes all 58", "expected_duration dnk all 19", "expected_duration dont_remember all 15",
    "leave_reason employment all 79", "leave_reason other all 18", "leave_reason pnta all 2", "leave_reason dnk all 1",
    "leave_reason_other friends all 35", "leave_reason_other mobilization all 32", "leave_reason_other family all 11",
    "leave_reason_other education all 3", "leave_reason_other trade all 3", "leave_reason_other marriage all 2",
    "leave_reason_other health all 2", "leave_reason_other pnta all 12",
    "work_for self all 89", "work_for self_spouse all 10",
    "prior_employment unemployed_looking all 32", "prior_employment self_employed all 13",
    "prior_employment daily_wages all 8",
    "prior_sector construction all 29", "prior_sector construction m 33", "prior_sector services all 12",
    "prior_sector services f 26", "prior_sector agriculture all 8",
    "employment_status self_employed all 15", "employment_status daily_wages all 11",
    "worked_in_kz yes all 65", "start_business yes all 2",
    "desired_conditions pays_well all 48", "desired_conditions qualification all 26",
    "desired_conditions sector all 21", "desired_conditions any all 5",
    "sector construction all 38", "sector trade m 23", "sector services all 14", "sector services f 29",
    "same_sector yes all 81", "same_sector_years y3_5 all 35", "same_sector_years y1_2 all 24",
    "same_sector_years y6_10 all 23", "same_sector_years y11_plus all 13", "same_sector_years lt_1y all 5",
    "income_sufficiency save all 45", "income_sufficiency needs_only all 19", "income_sufficiency no_essentials all 6",
    "income_sufficiency no_income all 3",
    "written_contract no f 55", "written_contract no m 45", "pension no all 62", "annual_leave no all 78",
    "annual_leave dnk all 10", "paid_less yes all 40",
    "remit_share p25_50 all 46", "remit_share p25_50 m 48", "remit_share p25_50 f 31", "remit_share gt_50 all 30",
    "remit_share gt_50 f 31", "remit_share p10_25 all 18", "remit_main_income yes m 74", "remit_main_income yes f 51",
    "remit_frequency monthly all 67", "remit_frequency quarterly all 12",
    "housing permanent all 52", "housing temporary all 46", "housing homeless all 1",
    "health_access yes all 68", "health_access yes m 68", "health_access no all 16", "health_access dnk all 16",
    "education_access yes all 41", "education_access no all 19", "education_access dnk all 38",
    "financial_access yes all 78", "financial_access no all 7", "financial_access pnta all 3",
    "informed_rights dnk all 29", "informed_rights no all 15", "informed_rights pnta all 3",
    "relations_local yes all 98", "relations_migrants yes all 94",
    "intentions circulate all 46", "intentions stay all 40", "intentions return all 6",
    "intentions third_country all 6", "intentions other all 2",
    "departure_time m1_3 all 29", "departure_time dnk all 23",
    "destination undecided all 18", "destination USA all 8", "destination KOR all 8", "destination GEO all 5",
  };

  @Test
  void everyPrintedSingleAnswerFigure() {
    for (String line : PRINTED) {
      String[] f = line.split(" ");
      IntPredicate who = switch (f[2]) {
        case "f" -> women();
        case "m" -> men();
        default -> i -> true;
      };
      assertEquals(Long.parseLong(f[3]), pct(f[0], f[1], who), line);
    }
  }

  @Test
  void everyPrintedMultiSelectFigure() {
    String[] printed = {
      "job_search friends all 60", "job_search worksites all 18", "job_search direct all 15",
      "employment_services no_help all 48", "employment_services vacancies all 31", "employment_services advice all 23",
      "obstacles poor_conditions all 32", "obstacles no_experience all 21", "obstacles no_education all 15",
      "remit_reasons property all 4", "remit_reasons business all 4", "remit_reasons debts all 3",
      "remit_reasons lifestyle all 3", "housing_barriers high_rent all 70", "housing_barriers low_income all 32",
      "housing_barriers administrative all 25", "afford phone all 67", "afford meat all 43", "afford clean all 37",
      "afford holidays all 10", "afford car all 8",
    };
    for (String line : printed) {
      String[] f = line.split(" ");
      assertEquals(Long.parseLong(f[3]), pctMulti(f[0], f[1], i -> true), line);
    }
  }

  @Test
  void householdBandsWithRefusals() {
    NumericColumn hh = D.numeric("household_size");
    long[] bands = new long[5];
    for (int i = 0; i < D.rowCount(); i++) {
      if (hh.state(i) == AnswerState.REFUSED) {
        bands[4]++;
      } else {
        double v = hh.value(i);
        bands[v <= 3 ? 0 : v <= 6 ? 1 : v <= 9 ? 2 : 3]++;
      }
    }
    long[] printed = {41, 43, 7, -1, 7};
    for (int b = 0; b < 5; b++) {
      if (printed[b] >= 0) {
        assertEquals(printed[b], Math.round(100.0 * bands[b] / D.rowCount()), "band " + b);
      }
    }
  }
}
