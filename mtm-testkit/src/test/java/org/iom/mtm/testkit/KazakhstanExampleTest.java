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
}
