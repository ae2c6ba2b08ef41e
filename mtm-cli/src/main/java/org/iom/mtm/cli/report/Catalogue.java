package org.iom.mtm.cli.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.iom.mtm.core.data.AnswerState;
import org.iom.mtm.core.data.CategoricalColumn;
import org.iom.mtm.core.data.Column;
import org.iom.mtm.core.data.NumericColumn;
import org.iom.mtm.core.data.SurveyData;

/**
 * The catalogue of the MTM Kazakhstan 2023 report (section B of INDICATORS.md): one analysis per
 * figure, in the report's order and sections, by sex where the report disaggregates; and the two
 * variables the report derives from the answers (household size in bands, and having worked in
 * any form before coming).
 */
public final class Catalogue {
  private Catalogue() {}

  /**
   * Tenge per US dollar for the report's income in USD: the rate its own figures imply (194,212
   * KZT printed as 421 USD), close to the National Bank's rate of the survey months.
   */
  public static final double KZT_PER_USD = 461.3;

  /**
   * The mean income in US dollars, as the report states it beside the tenge.
   *
   * @param kzt an amount in tenge
   * @return the text {@code "421 USD at 461.3 KZT per USD"}
   */
  public static String inUsd(double kzt) {
    return String.format(java.util.Locale.ROOT, "%,.0f USD at %.1f KZT per USD", kzt / KZT_PER_USD, KZT_PER_USD);
  }

  /** Sections of the survey part, in the report's order. */
  public static final List<String> SECTIONS =
      List.of(
          "Socio-economic profiles of migrant workers",
          "Migration experience",
          "Employment prior to arrival to Kazakhstan",
          "Current employment status",
          "Employment services and obstacles",
          "Employment sector and income",
          "Remittances",
          "General well-being in Kazakhstan",
          "Awareness about rights",
          "Future intentions");

  /**
   * The analyses of the report's survey sections.
   *
   * @return the analyses
   */
  public static List<Analysis> kazakhstan2023() {
    List<Analysis> a = new ArrayList<>();
    String s = SECTIONS.get(0);
    a.add(Analysis.of(s, "Figure 3: sex of respondents", "prop_select_one", "sex").published("women 18%, men 82%"));
    a.add(Analysis.of(s, "Figure 3: mean age by sex", "mean", "age", "sex").published("women 37, men 35"));
    a.add(Analysis.of(s, "Marital status by sex", "prop_select_one", "marital_status", "sex")
        .published("married 60% (men 61%, women 53%), single 28%, divorced 9% (women 20%, men 7%)"));
    a.add(Analysis.of(s, "Figure 4: completed level of education", "prop_select_one", "education")
        .published("upper secondary 30%, lower secondary 27%, post-secondary non-tertiary 24%, tertiary 9%"));
    a.add(Analysis.of(s, "Field of education (post-secondary or higher)", "prop_select_one", "education_field")
        .published("engineering 30%, services 13%, agriculture 12%, education 9%"));
    a.add(Analysis.of(s, "Sole or primary provider of the household, by sex", "prop_select_one", "main_provider", "sex")
        .published("53% (men 58%, women 30%)"));
    s = SECTIONS.get(1);
    a.add(Analysis.of(s, "Table 1: countries of origin", "prop_select_one", "nationality")
        .published("Uzbekistan 708, Russian Federation 144, Tajikistan 96, Kyrgyzstan 84, Azerbaijan 46 (% of the five)"));
    a.add(Analysis.of(s, "Table 1 as printed: percent of the five countries", "prop_select_one", "nationality_top5")
        .published("66%, 13%, 9%, 8%, 4%: of the five rows' 1,078, not of the 1,131 respondents"));
    a.add(Analysis.of(s, "Figure 5: length of stay outside the country of origin", "prop_select_one", "time_away")
        .published("<6 months 50%, 7-12 months 19%, 1-3 years 17%, 3-5 years 13%"));
    a.add(Analysis.of(s, "Figure 6: planned length of stay", "prop_select_one", "expected_duration")
        .published("as planned 58%, don't know 19%, don't remember 15%"));
    a.add(Analysis.of(s, "Main reason to leave the country of origin", "prop_select_one", "leave_reason")
        .published("employment 79%, other 18%, refused 2%, don't know 1%"));
    a.add(Analysis.of(s, "The other reasons to leave", "prop_select_one", "leave_reason_other")
        .published("friends 35%, partial mobilization 32%, family 11%, education 3%, trade 3%, marriage 2%, health 2%, refused 12%"));
    a.add(Analysis.of(s, "Who intends to work", "prop_select_one", "work_for").published("themselves 89%, with spouse 10%"));
    s = SECTIONS.get(2);
    a.add(Analysis.of(s, "Employment before arrival", "prop_select_one", "prior_employment")
        .published("employed 36%, unemployed looking 32%, self-employed 13%, daily wages 8%"));
    a.add(Analysis.of(s, "Worked in any form before arrival, by sex", "prop_select_one", "prior_worked", "sex")
        .published("men 59%, women 49%"));
    a.add(Analysis.of(s, "Figures 7-8: previous employment sector by sex", "prop_select_one", "prior_sector", "sex")
        .published("construction 29% (men 33%), trade 19% (women 34%, men 17%), services 12% (women 26%), agriculture 8%"));
    s = SECTIONS.get(3);
    a.add(Analysis.of(s, "Current employment status", "prop_select_one", "employment_status")
        .published("employed 65%, self-employed 15%, daily 11%, unemployed looking 5%"));
    a.add(Analysis.of(s, "Table 2: current employment type", "prop_select_one", "employment_type")
        .published("employee 496 (48%), dependent contractor 425 (41%), self-employed 95 (9%), employer 14 (2%); 1,030"));
    a.add(Analysis.of(s, "Unemployed: worked in Kazakhstan before", "prop_select_one", "worked_in_kz").published("65%"));
    a.add(Analysis.of(s, "Figure 9: sources of job hunting (unemployed)", "prop_select_multiple", "job_search")
        .published("newspapers/internet 73%, friends/relatives 60%, worksites 18%, direct applications 15%"));
    a.add(Analysis.of(s, "Unemployed: taking steps to start a business", "prop_select_one", "start_business").published("2%"));
    a.add(Analysis.of(s, "Figure 10: desired working conditions (unemployed)", "prop_select_one", "desired_conditions")
        .published("pays well 48%, qualification 26%, sector 21%, any job 5%"));
    s = SECTIONS.get(4);
    a.add(Analysis.of(s, "Figure 11: assistance received from employment services", "prop_select_multiple", "employment_services")
        .published("no help 48%, vacancies 31%, advice 23%"));
    a.add(Analysis.of(s, "Figure 12: job-related obstacles by sex", "prop_select_multiple", "obstacles", "sex")
        .published("poor conditions 32% (men 38%), no experience 21%, no education 15%; women: lack of documents 33%"));
    s = SECTIONS.get(5);
    a.add(Analysis.of(s, "Figure 13: employment sectors by sex", "prop_select_one", "sector", "sex")
        .published("construction 38% (men 44%), trade 26% (women 37%, men 23%), services 14% (women 29%)"));
    a.add(Analysis.of(s, "Worked in the same sector before", "prop_select_one", "same_sector").published("81%"));
    a.add(Analysis.of(s, "Figure 14: years in the same sector", "prop_select_one", "same_sector_years")
        .published("3-5 years 35%, 1-2 years 24%, 6-10 years 23%, 11+ 13%, <1 year 5%"));
    a.add(Analysis.of(s, "Mean monthly income (KZT) by sex", "mean", "income", "sex").published("194,212 KZT (421 USD)"));
    a.add(Analysis.of(s, "Median monthly income (KZT) by sex", "median", "income", "sex"));
    a.add(Analysis.of(s, "Figure 15: income sufficiency", "prop_select_one", "income_sufficiency")
        .published("cover and save 45%, meet needs only 19%, cannot buy essentials 6%, no income 3%"));
    a.add(Analysis.of(s, "Written contract, by sex", "prop_select_one", "written_contract", "sex")
        .published("no contract 47% (women 55%, men 45%)"));
    a.add(Analysis.of(s, "Pension scheme", "prop_select_one", "pension").published("no 62%, don't know 14%"));
    a.add(Analysis.of(s, "Annual leave", "prop_select_one", "annual_leave").published("no 78%, don't know 10%"));
    a.add(Analysis.of(s, "Paid less than promised", "prop_select_one", "paid_less").published("40%"));
    s = SECTIONS.get(6);
    a.add(Analysis.of(s, "Send remittances, by sex", "prop_select_one", "remits", "sex").published("53% (men 57%, women 35%)"));
    a.add(Analysis.of(s, "Figure 16: share of monthly income remitted, by sex", "prop_select_one", "remit_share", "sex")
        .published("25-50% 46% (men 48%, women 31%), >50% 30% (women 31%), 10-25% 18%"));
    a.add(Analysis.of(s, "Remittances the family's main income, by sex", "prop_select_one", "remit_main_income", "sex")
        .published("72% (men 74%, women 51%)"));
    a.add(Analysis.of(s, "Frequency of remittances", "prop_select_one", "remit_frequency").published("monthly 67%, quarterly 12%"));
    a.add(Analysis.of(s, "Figure 17: preferred ways of sending money", "prop_select_one", "remit_channel")
        .published("banks, money transfer operators, friends (order only)"));
    a.add(Analysis.of(s, "Figure 18: main reasons for remittances", "prop_select_multiple", "remit_reasons")
        .published("living costs 86%, property 4%, business 4%, debts 3%, lifestyle 3%"));
    s = SECTIONS.get(7);
    a.add(Analysis.of(s, "Figure 19: current housing situation", "prop_select_one", "housing")
        .published("permanent 52%, temporary 46%, homeless 1%"));
    a.add(Analysis.of(s, "Barriers to permanent housing", "prop_select_multiple", "housing_barriers")
        .published("high rent 70%, low income 32%, administrative 25%"));
    a.add(Analysis.of(s, "Mean household size", "mean", "household_size").published("4"));
    a.add(Analysis.of(s, "Figure 20: household size", "prop_select_one", "household_size_group")
        .published("1-3 41%, 4-6 43%, 7-9 7%, refused 7%"));
    a.add(Analysis.of(s, "Access to health services, by sex", "prop_select_one", "health_access", "sex")
        .published("yes 68% (men 68%, women 67%), no 16%, don't know 16%"));
    a.add(Analysis.of(s, "Figure 21: access to education", "prop_select_one", "education_access")
        .published("yes 41%, no 19%, don't know 38%"));
    a.add(Analysis.of(s, "Figure 22: access to financial services", "prop_select_one", "financial_access")
        .published("yes 78%, no 7%, don't know 16%, refused 3% (sums to 104%)"));
    s = SECTIONS.get(8);
    a.add(Analysis.of(s, "Figure 23: feel informed of rights, by sex", "prop_select_one", "informed_rights", "sex")
        .published("informed 54% (women 55%, men 53%), don't know 29%, not informed 15%, refused 3%"));
    a.add(Analysis.of(s, "Figure 24: ability to afford goods and services", "prop_select_multiple", "afford")
        .published("mobile phone 67%, meat/fish 43%, clean accommodation 37%, holidays 10%, car 8%"));
    a.add(Analysis.of(s, "Positive relations with the local community", "prop_select_one", "relations_local").published("98%"));
    a.add(Analysis.of(s, "Positive relations with other migrants", "prop_select_one", "relations_migrants").published("94%"));
    s = SECTIONS.get(9);
    a.add(Analysis.of(s, "Figure 25: future migration intentions", "prop_select_one", "intentions")
        .published("circulate 46%, stay 40%, return 6%, third country 6%, other 2%"));
    a.add(Analysis.of(s, "When those leaving intend to go", "prop_select_one", "departure_time")
        .published("in 1-3 months 29%, don't know 23%"));
    a.add(Analysis.of(s, "Figure 25: countries of destination of re-migration", "prop_select_one", "destination")
        .published("Russian Federation 35%, undecided 18%, USA 8%, Korea 8%, Georgia 5%"));
    return List.copyOf(a);
  }

  /**
   * Adds the variables the report derives, when their sources are present: {@code
   * nationality_top5} (the five most common nationalities; the others not in the domain), {@code
   * household_size_group} (1-3, 4-6, 7-9, 10 or more; refusals kept) from {@code household_size},
   * and {@code prior_worked} (employed, self-employed or on daily wages before coming) from
   * {@code prior_employment}.
   *
   * @param data the survey data
   * @return the data with the derived columns appended
   */
  public static SurveyData derive(SurveyData data) {
    // nationality_top5: the report's Table 1 divides by the five rows' total, so the five most
    // common nationalities are a sub-population of their own and the others are not in it.
    List<Column> columns = new ArrayList<>(data.columns());
    Optional<Column> hh = data.find("household_size");
    if (hh.isPresent() && hh.get() instanceof NumericColumn size && data.find("household_size_group").isEmpty()) {
      CategoricalColumn.Builder b = CategoricalColumn.builder("household_size_group", List.of("1_3", "4_6", "7_9", "10_plus"));
      for (int i = 0; i < size.size(); i++) {
        if (size.state(i) != AnswerState.ANSWERED) {
          b.addState(size.state(i));
        } else {
          double v = size.value(i);
          b.add(v <= 3 ? 0 : v <= 6 ? 1 : v <= 9 ? 2 : 3);
        }
      }
      columns.add(b.build());
    }
    Optional<Column> nat = data.find("nationality");
    if (nat.isPresent() && nat.get() instanceof CategoricalColumn n && data.find("nationality_top5").isEmpty()) {
      columns.add(topFive(n));
    }
    Optional<Column> prior = data.find("prior_employment");
    if (prior.isPresent() && prior.get() instanceof CategoricalColumn p && data.find("prior_worked").isEmpty()) {
      CategoricalColumn.Builder b = CategoricalColumn.builder("prior_worked", List.of("yes", "no"));
      for (int i = 0; i < p.size(); i++) {
        if (p.state(i) != AnswerState.ANSWERED) {
          b.addState(p.state(i));
        } else {
          String level = p.level(i);
          b.add(level.equals("employed") || level.equals("self_employed") || level.equals("daily_wages") ? 0 : 1);
        }
      }
      columns.add(b.build());
    }
    return SurveyData.of(columns);
  }

  /** The five most common levels (ties by level order); other answers are not in the domain. */
  private static CategoricalColumn topFive(CategoricalColumn c) {
    int[] counts = new int[c.levels().size()];
    for (int i = 0; i < c.size(); i++) {
      if (c.state(i) == AnswerState.ANSWERED) {
        counts[c.code(i)]++;
      }
    }
    List<Integer> order = new ArrayList<>();
    for (int k = 0; k < counts.length; k++) {
      order.add(k);
    }
    order.sort((x, y) -> counts[y] != counts[x] ? Integer.compare(counts[y], counts[x]) : Integer.compare(x, y));
    List<Integer> top = order.subList(0, Math.min(5, order.size()));
    List<String> levels = new ArrayList<>();
    for (int k : top) {
      levels.add(c.levels().get(k));
    }
    CategoricalColumn.Builder b = CategoricalColumn.builder("nationality_top5", levels);
    for (int i = 0; i < c.size(); i++) {
      if (c.state(i) != AnswerState.ANSWERED) {
        b.addState(c.state(i));
      } else {
        int pos = top.indexOf(c.code(i));
        if (pos < 0) {
          b.addState(AnswerState.NOT_ASKED);
        } else {
          b.add(pos);
        }
      }
    }
    return b.build();
  }
}
