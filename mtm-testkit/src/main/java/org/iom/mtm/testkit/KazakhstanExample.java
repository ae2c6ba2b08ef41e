package org.iom.mtm.testkit;

import static org.iom.mtm.testkit.PublishedShares.free;
import static org.iom.mtm.testkit.PublishedShares.pct;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.IntPredicate;
import org.iom.mtm.core.PopulationCategory;
import org.iom.mtm.core.baseline.BaselineRecord;
import org.iom.mtm.core.data.AnswerState;
import org.iom.mtm.core.data.CategoricalColumn;
import org.iom.mtm.core.data.Column;
import org.iom.mtm.core.data.MultiSelectColumn;
import org.iom.mtm.core.data.NumericColumn;
import org.iom.mtm.core.data.SurveyData;
import org.iom.mtm.core.data.TextColumn;
import org.iom.mtm.core.form.ChoiceList;
import org.iom.mtm.core.form.Label;
import org.iom.mtm.core.form.Question;
import org.iom.mtm.core.form.Questionnaire;
import org.iom.mtm.core.geo.AdminArea;
import org.iom.mtm.core.geo.Gazetteer;
import org.iom.mtm.testkit.PublishedShares.Target;
import org.jspecify.annotations.Nullable;

/**
 * The example data set {@code kazakhstan-2023}: a synthetic twin of IOM's MTM baseline assessment
 * and survey of international migrant workers in Kazakhstan (December 2022 to February 2023),
 * built so that every consistent figure of the published report comes out of the raw data exactly
 * as printed.
 *
 * <p>Exactness comes from construction, not luck: for each question the number of respondents
 * giving each answer (overall, and for women and men where the report disaggregates) is solved so
 * that the rounded percentages are the published ones ({@link PublishedShares}), and those answers
 * are then shuffled over the eligible respondents with the seed. Means (age, income, household
 * size) are met by adjusting drawn values to the exact sum. The baseline's totals by year,
 * nationality and region are fixed first and then split over rayons and key informants, whose
 * reports are spread around the cell's value so that their median is the value.
 *
 * <p>The figures the report prints inconsistently (a swapped table row, percentages that cannot
 * all hold) are documented in the README beside the committed files.
 */
public final class KazakhstanExample {

  /** The seed of the committed files. */
  public static final long SEED = 2023;

  /** Respondents of the survey, as in the report. */
  public static final int RESPONDENTS = 1131;

  /** Women among them: 204 of 1,131 is 18%. */
  public static final int WOMEN = 204;

  /** The migrant workers present in 2022 by the baseline (the report's headline figure). */
  public static final long MIGRANT_WORKERS_2022 = 668_422;

  /** Respondents who work (employee, dependent contractor, self-employed or employer). */
  public static final int WORKING = 1030;

  /** The dependent contractors, employees, self-employed and employers of Table 2. */
  static final int[] TABLE_2 = {496, 425, 95, 14};

  /** The regions covered, with their shares of migrant workers in 2022 (per mille). */
  private static final String[][] REGIONS = {
    {"KAZ014", "320"}, // Mangystau Region
    {"KAZ005", "190"}, // Almaty Region
    {"KAZ004", "180"}, // Almaty (city)
    {"KAZ011", "80"}, // Karaganda Region
    {"KAZ017", "80"}, // Shymkent (city)
    {"KAZ006", "40"}, // Astana (the report's Nur-Sultan)
    {"KAZ013", "20"}, // Kyzylorda Region
    {"KAZ012", "20"}, // Kostanay Region
    {"KAZ003", "20"}, // Aktobe Region
    {"KAZ015", "15"}, // North Kazakhstan Region
    {"KAZ008", "15"}, // East Kazakhstan Region
    {"KAZ020", "20"}, // West Kazakhstan Region
  };

  /** Rayons assessed in Kostanay: the other regions' rayons are all assessed, 113 in all. */
  private static final int KOSTANAY_RAYONS = 7;

  /** Nationalities of the baseline and the survey: the top five, then the rest. */
  private static final String[] NATIONALITIES = {"UZB", "RUS", "TJK", "KGZ", "AZE", "TKM", "TUR", "CHN", "UKR", "BLR"};

  /** Table 1: respondents of the top five nationalities; the other 53 are spread over the rest. */
  static final int[] TABLE_1 = {708, 144, 96, 84, 46, 20, 12, 9, 7, 5};

  /** 2022 shares of the top five (percent) and their growth 2020 to 2022 (per mille). */
  private static final int[] SHARE_2022 = {81, 8, 4, 3, 2};

  private static final int[] GROWTH_2020_2022 = {389, 956, 412, 939, 446};

  /** How the rest are split among the other nationalities. */
  private static final double[] OTHER_SPLIT = {0.40, 0.25, 0.15, 0.12, 0.08};

  /**
   * The example.
   *
   * @param form the questionnaire (English labels)
   * @param data the 1,131 respondent records, design variables {@code region} (stratum) and
   *     {@code site} (the rayon's p-code, the PSU)
   * @param baseline the key informants' counts of migrant workers, 113 rayons, 2020 to 2022
   */
  public record Result(Questionnaire form, SurveyData data, List<BaselineRecord> baseline) {}

  private KazakhstanExample() {}

  /**
   * The example with the seed of the committed files.
   *
   * @return the form, data and baseline
   */
  public static Result generate() {
    return generate(SEED);
  }

  /**
   * The example with another seed: the same published figures, other respondents behind them.
   *
   * @param seed the seed
   * @return the form, data and baseline
   */
  public static Result generate(long seed) {
    Seed s = new Seed(seed);
    Rayons rayons = rayons(s);
    List<BaselineRecord> baseline = baseline(s, rayons);
    Questionnaire form = questionnaire();
    SurveyData data = new Survey(s, form, rayons).build();
    return new Result(form, data, baseline);
  }

  // ---------------------------------------------------------------- the questionnaire

  private static final String[][] LISTS = {
    {"sex", "female", "Female", "male", "Male"},
    {"yes_no", "yes", "Yes", "no", "No"},
    {"marital", "married", "Married", "single", "Single", "divorced", "Divorced", "widowed", "Widowed"},
    {"education", "none", "No formal education", "primary", "Primary", "lower_secondary", "Lower secondary",
      "upper_secondary", "Upper secondary", "post_secondary", "Post-secondary non-tertiary", "tertiary", "Tertiary"},
    {"field", "engineering", "Engineering, manufacturing, construction and architecture", "services", "Services",
      "agriculture", "Agriculture, forestry, fisheries and veterinary", "education", "Education",
      "health", "Health and welfare", "business", "Business, administration and law", "other", "Other"},
    {"time_away", "lt_6m", "Less than 6 months", "m7_12", "7 to 12 months", "y1_3", "1 to 3 years",
      "y3_5", "3 to 5 years", "gt_5y", "More than 5 years"},
    {"expected", "yes", "Yes", "no", "No", "dont_remember", "Don't remember"},
    {"leave_reason", "employment", "Employment opportunities", "other", "Other reasons"},
    {"leave_other", "friends", "Reuniting with friends", "mobilization", "Partial mobilization",
      "family", "Family problems", "education", "Education", "trade", "To buy or sell things",
      "marriage", "Marriage", "health", "Health issues"},
    {"work_for", "self", "Myself", "self_spouse", "Myself and my spouse", "other", "Other family members"},
    {"prior_employment", "employed", "Employed (private or public)", "self_employed", "Self-employed",
      "daily_wages", "Daily wages", "unemployed_looking", "Unemployed, looking for a job",
      "other", "Not working (student, homemaker, other)"},
    {"sector", "construction", "Construction", "trade", "Wholesale and retail trade",
      "services", "Community, social and personal services", "agriculture", "Agriculture",
      "manufacturing", "Manufacturing", "transport", "Transport", "hospitality", "Hotels and restaurants",
      "other", "Other"},
    {"employment_status", "employed", "Employed", "self_employed", "Self-employed", "daily_wages", "Daily work",
      "unemployed_looking", "Unemployed, looking for a job", "other", "Not working, not looking"},
    {"employment_type", "employee", "Employee", "dependent_contractor", "Dependent contractor",
      "self_employed", "Self-employed", "employer", "Employer"},
    {"job_search", "internet", "Newspapers and internet", "friends", "Friends and relatives",
      "worksites", "Worksites, farms, factory gates", "direct", "Direct applications to employers",
      "agency", "Employment agencies"},
    {"desired", "pays_well", "Any job that pays well", "qualification", "A job that meets my qualification",
      "sector", "A job in my sector", "any", "Any job"},
    {"services_help", "no_help", "No help received", "vacancies", "Information about vacancies",
      "advice", "Advice on how to look for a job", "training", "Training"},
    {"obstacles", "poor_conditions", "Poor working conditions", "no_experience", "No work experience",
      "no_education", "No education", "lack_documents", "Lack of documents", "language", "Language",
      "low_pay", "Low pay", "discrimination", "Discrimination", "other", "Other"},
    {"same_years", "lt_1y", "Less than 1 year", "y1_2", "1 to 2 years", "y3_5", "3 to 5 years",
      "y6_10", "6 to 10 years", "y11_plus", "11 years or more"},
    {"sufficiency", "save", "Cover living costs and save", "cover", "Cover living costs, cannot save",
      "needs_only", "Only meet basic needs", "no_essentials", "Cannot buy essential goods", "no_income", "No personal income"},
    {"remit_share", "lt_10", "Less than 10%", "p10_25", "10 to 25%", "p25_50", "25 to 50%", "gt_50", "More than 50%"},
    {"frequency", "monthly", "Monthly", "quarterly", "Every three months", "twice_year", "Twice a year",
      "irregular", "Irregularly"},
    {"channel", "bank", "Bank offices", "mto", "Money transfer operators", "friends", "Friends and relatives"},
    {"remit_reason", "living_costs", "Family living costs", "property", "Buy property", "business", "Start a business",
      "debts", "Repay debts", "lifestyle", "Lifestyle"},
    {"housing", "permanent", "Permanent housing", "temporary", "Temporary accommodation", "homeless", "Homeless",
      "other", "Other"},
    {"housing_barrier", "high_rent", "High rents", "low_income", "Low or unsteady income",
      "administrative", "Administrative difficulties", "other", "Other"},
    {"afford", "phone", "Own a mobile phone", "meat", "Buy meat, chicken or fish", "clean", "Keep accommodation clean",
      "clothes", "Buy new clothes", "holidays", "A week of holidays once a year", "car", "Own a car"},
    {"intentions", "circulate", "Circulate between Kazakhstan and home", "stay", "Stay in Kazakhstan permanently",
      "return", "Return home permanently", "third_country", "Move to a third country", "other", "Other"},
    {"departure", "m1_3", "In 1 to 3 months", "m4_6", "In 4 to 6 months", "m7_12", "In 7 to 12 months",
      "later", "Later than a year"},
    {"destination", "RUS", "Russian Federation", "undecided", "Not decided", "USA", "United States of America",
      "KOR", "Republic of Korea", "GEO", "Georgia", "TUR", "Türkiye", "DEU", "Germany", "ARE", "United Arab Emirates"},
  };

  /**
   * The questionnaire of the example: the seed's survey, question labels in English and Russian
   * (choices in English), skip logic as {@code relevant} expressions.
   *
   * @return the form
   */
  public static Questionnaire questionnaire() {
    Gazetteer kz = Gazetteer.kazakhstan();
    List<String> regionChoices = new ArrayList<>();
    for (String[] r : REGIONS) {
      regionChoices.add(r[0]);
      regionChoices.add(kz.area(r[0]).name());
    }
    List<String> natChoices = new ArrayList<>();
    for (String n : NATIONALITIES) {
      natChoices.add(n);
      natChoices.add(org.iom.mtm.core.geo.Country.of(n).name());
    }
    Questionnaire.Builder b = Questionnaire.builder("mtm_kaz_2023_survey")
        .title("MTM Kazakhstan 2023: survey of international migrant workers (synthetic example)")
        .version("2023.1")
        .defaultLanguage("English (en)")
        .choices(ChoiceList.of("region", regionChoices.toArray(String[]::new)))
        .choices(ChoiceList.of("nationality", natChoices.toArray(String[]::new)));
    for (String[] list : LISTS) {
      b.choices(ChoiceList.of(list[0], Arrays.copyOfRange(list, 1, list.length)));
    }
    String working = "selected(${employment_status}, 'employed') or selected(${employment_status}, 'self_employed')"
        + " or selected(${employment_status}, 'daily_wages')";
    String unemployed = "${employment_status} = 'unemployed_looking'";
    String remits = "${remits} = 'yes'";
    b.add(q("region", "select_one region", "Region of interview").required(true))
        .add(q("site", "text", "Rayon of interview (p-code)").required(true))
        .add(q("sex", "select_one sex", "Sex").required(true))
        .add(q("age", "integer", "Age").constraint(". >= 18").required(true))
        .add(q("nationality", "select_one nationality", "Nationality").required(true))
        .add(q("marital_status", "select_one marital", "Marital status"))
        .add(q("education", "select_one education", "Highest level of education completed"))
        .add(q("education_field", "select_one field", "Field of education")
            .relevant("selected(${education}, 'post_secondary') or selected(${education}, 'tertiary')"))
        .add(q("main_provider", "select_one yes_no", "Are you the sole or primary provider of your household?"))
        .add(q("time_away", "select_one time_away", "How long ago did you leave your country of origin?"))
        .add(q("expected_duration", "select_one expected", "Is this the time you expected to be away?"))
        .add(q("leave_reason", "select_one leave_reason", "Main reason for leaving your country of origin"))
        .add(q("leave_reason_other", "select_one leave_other", "Which other reason?").relevant("${leave_reason} = 'other'"))
        .add(q("work_for", "select_one work_for", "Who intends to work or find work?").relevant("${leave_reason} = 'employment'"))
        .add(q("prior_employment", "select_one prior_employment", "Employment before coming to Kazakhstan"))
        .add(q("prior_sector", "select_one sector", "Sector of your last employment before coming")
            .relevant("${prior_employment} = 'employed' or ${prior_employment} = 'self_employed' or ${prior_employment} = 'daily_wages'"))
        .add(q("employment_status", "select_one employment_status", "Current employment status"))
        .add(q("employment_type", "select_one employment_type", "Current employment type").relevant(working))
        .add(q("worked_in_kz", "select_one yes_no", "Have you worked in Kazakhstan before?").relevant(unemployed))
        .add(q("job_search", "select_multiple job_search", "How do you look for a job?").relevant(unemployed))
        .add(q("start_business", "select_one yes_no", "Are you taking steps to start your own business?").relevant(unemployed))
        .add(q("desired_conditions", "select_one desired", "Which job would you accept?").relevant(unemployed))
        .add(q("employment_services", "select_multiple services_help", "Help received from employment services").relevant(unemployed))
        .add(q("obstacles", "select_multiple obstacles", "Obstacles to finding a good job"))
        .add(q("sector", "select_one sector", "Sector of your current work").relevant(working))
        .add(q("same_sector", "select_one yes_no", "Did you work in the same sector before?").relevant(working))
        .add(q("same_sector_years", "select_one same_years", "For how long?").relevant("${same_sector} = 'yes'"))
        .add(q("income", "integer", "Monthly income (KZT)").relevant(working))
        .add(q("income_sufficiency", "select_one sufficiency", "Is your income sufficient for your monthly expenses?"))
        .add(q("written_contract", "select_one yes_no", "Do you have a written contract?").relevant(working))
        .add(q("pension", "select_one yes_no", "Does your employer pay into a pension scheme?").relevant(working))
        .add(q("annual_leave", "select_one yes_no", "Do you have paid annual leave or compensation instead?").relevant(working))
        .add(q("paid_less", "select_one yes_no", "Are you paid less than you were promised?").relevant(working))
        .add(q("remits", "select_one yes_no", "Do you send money to your country of origin?"))
        .add(q("remit_share", "select_one remit_share", "Share of monthly income remitted").relevant(remits))
        .add(q("remit_main_income", "select_one yes_no", "Are remittances your family's main source of income?").relevant(remits))
        .add(q("remit_frequency", "select_one frequency", "How often do you send money?").relevant(remits))
        .add(q("remit_channel", "select_one channel", "How do you usually send money?").relevant(remits))
        .add(q("remit_reasons", "select_multiple remit_reason", "What is the money for?").relevant(remits))
        .add(q("housing", "select_one housing", "Current housing"))
        .add(q("housing_barriers", "select_multiple housing_barrier", "Barriers to permanent housing")
            .relevant("${housing} != 'permanent'"))
        .add(q("household_size", "integer", "How many people live in your household?").constraint(". >= 1"))
        .add(q("health_access", "select_one yes_no", "Do you have access to health services?"))
        .add(q("education_access", "select_one yes_no", "Do you have access to education?"))
        .add(q("financial_access", "select_one yes_no", "Do you have access to financial services?"))
        .add(q("informed_rights", "select_one yes_no", "Do you feel informed of your rights in Kazakhstan?"))
        .add(q("afford", "select_multiple afford", "Which of these can you afford?"))
        .add(q("relations_local", "select_one yes_no", "Are your relations with the local community positive?"))
        .add(q("relations_migrants", "select_one yes_no", "Are your relations with other migrant communities positive?"))
        .add(q("intentions", "select_one intentions", "Intentions for the future"))
        .add(q("departure_time", "select_one departure", "When do you intend to leave?")
            .relevant("${intentions} = 'return' or ${intentions} = 'third_country'"))
        .add(q("destination", "select_one destination", "Intended country of destination")
            .relevant("${intentions} = 'third_country'"));
    return b.build();
  }

  /** The question labels in Russian, the survey's second language in Kazakhstan. */
  private static final Map<String, String> RUSSIAN = Map.ofEntries(
      Map.entry("region", "Регион интервью"),
      Map.entry("site", "Район интервью (p-код)"),
      Map.entry("sex", "Пол"),
      Map.entry("age", "Возраст"),
      Map.entry("nationality", "Гражданство"),
      Map.entry("marital_status", "Семейное положение"),
      Map.entry("education", "Наивысший полученный уровень образования"),
      Map.entry("education_field", "Область образования"),
      Map.entry("main_provider", "Вы единственный или основной кормилец в своём домохозяйстве?"),
      Map.entry("time_away", "Как давно вы уехали из страны происхождения?"),
      Map.entry("expected_duration", "Вы ожидали отсутствовать именно столько времени?"),
      Map.entry("leave_reason", "Основная причина отъезда из страны происхождения"),
      Map.entry("leave_reason_other", "Какая другая причина?"),
      Map.entry("work_for", "Кто намерен работать или искать работу?"),
      Map.entry("prior_employment", "Занятость до приезда в Казахстан"),
      Map.entry("prior_sector", "Отрасль последней работы до приезда"),
      Map.entry("employment_status", "Текущий статус занятости"),
      Map.entry("employment_type", "Текущий вид занятости"),
      Map.entry("worked_in_kz", "Вы раньше работали в Казахстане?"),
      Map.entry("job_search", "Как вы ищете работу?"),
      Map.entry("start_business", "Предпринимаете ли вы шаги, чтобы начать собственное дело?"),
      Map.entry("desired_conditions", "Какую работу вы бы приняли?"),
      Map.entry("employment_services", "Помощь, полученная от службы занятости"),
      Map.entry("obstacles", "Препятствия к поиску хорошей работы"),
      Map.entry("sector", "Отрасль вашей текущей работы"),
      Map.entry("same_sector", "Вы раньше работали в той же отрасли?"),
      Map.entry("same_sector_years", "Как долго?"),
      Map.entry("income", "Ежемесячный доход (тенге)"),
      Map.entry("income_sufficiency", "Достаточно ли вашего дохода на ежемесячные расходы?"),
      Map.entry("written_contract", "Есть ли у вас письменный трудовой договор?"),
      Map.entry("pension", "Делает ли работодатель пенсионные отчисления?"),
      Map.entry("annual_leave", "Есть ли у вас оплачиваемый ежегодный отпуск или компенсация вместо него?"),
      Map.entry("paid_less", "Вам платят меньше, чем обещали?"),
      Map.entry("remits", "Отправляете ли вы деньги в страну происхождения?"),
      Map.entry("remit_share", "Доля ежемесячного дохода, которую вы отправляете"),
      Map.entry("remit_main_income", "Являются ли переводы основным доходом вашей семьи?"),
      Map.entry("remit_frequency", "Как часто вы отправляете деньги?"),
      Map.entry("remit_channel", "Как вы обычно отправляете деньги?"),
      Map.entry("remit_reasons", "На что идут эти деньги?"),
      Map.entry("housing", "Текущее жильё"),
      Map.entry("housing_barriers", "Препятствия к постоянному жилью"),
      Map.entry("household_size", "Сколько человек живёт в вашем домохозяйстве?"),
      Map.entry("health_access", "Есть ли у вас доступ к медицинским услугам?"),
      Map.entry("education_access", "Есть ли у вас доступ к образованию?"),
      Map.entry("financial_access", "Есть ли у вас доступ к финансовым услугам?"),
      Map.entry("informed_rights", "Чувствуете ли вы себя информированным о своих правах в Казахстане?"),
      Map.entry("afford", "Что из перечисленного вы можете себе позволить?"),
      Map.entry("relations_local", "Хорошие ли у вас отношения с местным сообществом?"),
      Map.entry("relations_migrants", "Хорошие ли у вас отношения с другими сообществами мигрантов?"),
      Map.entry("intentions", "Планы на будущее"),
      Map.entry("departure_time", "Когда вы намерены уехать?"),
      Map.entry("destination", "Страна, в которую вы намерены переехать")
  );

  private static Question.Builder q(String name, String type, String label) {
    Map<String, String> texts = new LinkedHashMap<>();
    texts.put("English (en)", label);
    texts.put("Russian (ru)", RUSSIAN.get(name));
    return Question.builder(name, type).label(Label.of(texts));
  }

  // ---------------------------------------------------------------- the baseline

  /** The assessed rayons of each region and their relative sizes. */
  private record Rayons(List<List<AdminArea>> byRegion, List<double[]> sizes) {}

  private static Rayons rayons(Seed s) {
    Gazetteer kz = Gazetteer.kazakhstan();
    SplittableRandom r = s.stream("rayon_sizes");
    List<List<AdminArea>> byRegion = new ArrayList<>();
    List<double[]> sizes = new ArrayList<>();
    for (String[] region : REGIONS) {
      List<AdminArea> all = kz.children(region[0]);
      List<AdminArea> assessed = region[0].equals("KAZ012") ? all.subList(0, KOSTANAY_RAYONS) : all;
      double[] size = new double[assessed.size()];
      for (int i = 0; i < size.length; i++) {
        // Skewed rayon sizes: the first rayon (usually the regional centre) draws the most.
        size[i] = (0.2 - Math.log(1 - r.nextDouble())) * (i == 0 ? 4 : 1);
      }
      byRegion.add(List.copyOf(assessed));
      sizes.add(size);
    }
    return new Rayons(byRegion, sizes);
  }

  /**
   * The country's migrant workers by nationality (rows, {@link #NATIONALITIES}) and year
   * (2020, 2021, 2022): 668,422 in 2022, +14.9% and +26.3% year on year, the top five's shares and
   * two-year growth as published.
   */
  static long[][] nationalityByYear() {
    long t22 = MIGRANT_WORKERS_2022;
    long t21 = Math.round(t22 / 1.263);
    long t20 = Math.round(t21 / 1.149);
    long[] totals = {t20, t21, t22};
    long[][] c = new long[NATIONALITIES.length][3];
    double path = Math.log(1.149) / Math.log(1.149 * 1.263);
    long[] rest = totals.clone();
    for (int k = 0; k < SHARE_2022.length; k++) {
      double g = GROWTH_2020_2022[k] / 1000.0;
      c[k][2] = Math.round(t22 * SHARE_2022[k] / 100.0);
      c[k][0] = Math.round(c[k][2] / (1 + g));
      // 2021 on the path of the country's growth: the same fraction of the two-year change.
      c[k][1] = Math.round(c[k][0] * Math.pow(1 + g, path));
      for (int y = 0; y < 3; y++) {
        rest[y] -= c[k][y];
      }
    }
    for (int y = 0; y < 3; y++) {
      long[] parts = largestRemainder(rest[y], OTHER_SPLIT);
      for (int j = 0; j < parts.length; j++) {
        c[SHARE_2022.length + j][y] = parts[j];
      }
    }
    return c;
  }

  private static List<BaselineRecord> baseline(Seed s, Rayons rayons) {
    long[][] natYear = nationalityByYear();
    double[] regionShares = new double[REGIONS.length];
    for (int i = 0; i < REGIONS.length; i++) {
      regionShares[i] = Integer.parseInt(REGIONS[i][1]);
    }
    // Counts by rayon: [region][rayon][nationality][year].
    List<long[][][]> counts = new ArrayList<>();
    for (int h = 0; h < REGIONS.length; h++) {
      counts.add(new long[rayons.byRegion().get(h).size()][NATIONALITIES.length][3]);
    }
    // Regions grew at different paces: the 2022 shares are the published ones, earlier years'
    // shares are moved up or down a little (the country and nationality totals stay exact).
    SplittableRandom pace = s.stream("region_pace");
    double[][] sharesByYear = new double[3][];
    sharesByYear[2] = regionShares;
    double[] drift = new double[REGIONS.length];
    for (int h = 0; h < REGIONS.length; h++) {
      drift[h] = 0.12 * SyntheticSurvey.gaussian(pace);
    }
    for (int y = 0; y < 2; y++) {
      sharesByYear[y] = new double[REGIONS.length];
      for (int h = 0; h < REGIONS.length; h++) {
        sharesByYear[y][h] = regionShares[h] * Math.exp(drift[h] * (2 - y) / 2);
      }
    }
    for (int k = 0; k < NATIONALITIES.length; k++) {
      for (int y = 0; y < 3; y++) {
        long[] byRegion = largestRemainder(natYear[k][y], sharesByYear[y]);
        for (int h = 0; h < REGIONS.length; h++) {
          long[] byRayon = largestRemainder(byRegion[h], rayons.sizes().get(h));
          for (int i = 0; i < byRayon.length; i++) {
            counts.get(h)[i][k][y] = byRayon[i];
          }
        }
      }
    }
    // 270 key informants over 113 rayons: 60 rayons with three, 37 with two, 16 with one.
    int totalRayons = 0;
    for (List<AdminArea> r : rayons.byRegion()) {
      totalRayons += r.size();
    }
    int[] informants = new int[totalRayons];
    for (int i = 0; i < totalRayons; i++) {
      informants[i] = i < 60 ? 3 : i < 97 ? 2 : 1;
    }
    shuffle(informants, s.stream("informants"));
    SplittableRandom spread = s.stream("informant_spread");
    List<BaselineRecord> records = new ArrayList<>();
    int r = 0;
    for (int h = 0; h < REGIONS.length; h++) {
      List<AdminArea> list = rayons.byRegion().get(h);
      for (int i = 0; i < list.size(); i++, r++) {
        String rayon = list.get(i).pcode();
        for (int k = 0; k < NATIONALITIES.length; k++) {
          for (int y = 0; y < 3; y++) {
            long v = counts.get(h)[i][k][y];
            // Informants' reports spread around the value so that their median is the value.
            long d = Math.round(v * (0.02 + 0.06 * spread.nextDouble()));
            long[] reports = switch (informants[r]) {
              case 3 -> new long[] {v - d, v, v + Math.round(d * 0.5)};
              case 2 -> new long[] {v - d, v + d};
              default -> new long[] {v};
            };
            for (int ki = 0; ki < reports.length; ki++) {
              records.add(BaselineRecord.of(REGIONS[h][0], rayon, PopulationCategory.MIGRANT_WORKER,
                  NATIONALITIES[k], 2020 + y, reports[ki], rayon + "-KI" + (ki + 1)));
            }
          }
        }
      }
    }
    return records;
  }

  /** Splits a count in proportion to weights, rounding by the largest remainders. */
  static long[] largestRemainder(long total, double[] weights) {
    double sum = 0;
    for (double w : weights) {
      sum += w;
    }
    long[] out = new long[weights.length];
    double[] rem = new double[weights.length];
    long given = 0;
    for (int i = 0; i < weights.length; i++) {
      double exact = total * weights[i] / sum;
      out[i] = (long) Math.floor(exact);
      rem[i] = exact - out[i];
      given += out[i];
    }
    while (given < total) {
      int best = 0;
      for (int i = 1; i < rem.length; i++) {
        if (rem[i] > rem[best]) {
          best = i;
        }
      }
      out[best]++;
      rem[best] = -1;
      given++;
    }
    return out;
  }

  private static void shuffle(int[] a, SplittableRandom r) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  private static <T> void shuffle(List<T> a, SplittableRandom r) {
    for (int i = a.size() - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      T t = a.get(i);
      a.set(i, a.get(j));
      a.set(j, t);
    }
  }

  // ---------------------------------------------------------------- the survey

  /** The answers of the respondents, question by question, then the columns. */
  private static final class Survey {
    private static final String DNK = "dnk";
    private static final String REFUSED = "pnta";

    /** Spread of the site effects against the respondent's own noise (1): a moderate clustering. */
    private static final double SITE_EFFECT = 0.6;

    private final Seed seed;
    private final Questionnaire form;
    private final Rayons rayons;
    private final int n = RESPONDENTS;
    private final boolean[] female = new boolean[RESPONDENTS];
    private final String[] siteOf = new String[RESPONDENTS];
    private final Map<String, @Nullable String[]> one = new HashMap<>();
    private final Map<String, boolean @Nullable [][]> multi = new HashMap<>();
    private final Map<String, double[]> numbers = new HashMap<>();
    private final Map<String, AnswerState[]> numberStates = new HashMap<>();

    Survey(Seed seed, Questionnaire form, Rayons rayons) {
      this.seed = seed;
      this.form = form;
      this.rayons = rayons;
    }

    boolean is(int row, String question, String level) {
      @Nullable String[] a = one.get(question);
      return a != null && level.equals(a[row]);
    }

    /** Assigns a select_one: solved counts for women and men, shuffled over the eligible. */
    void selectOne(String name, IntPredicate eligible, @Nullable Integer baseAll, Target... targets) {
      List<Integer> women = new ArrayList<>();
      List<Integer> men = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (eligible.test(i)) {
          (female[i] ? women : men).add(i);
        }
      }
      int base = baseAll == null ? women.size() + men.size() : baseAll;
      int[][] counts = PublishedShares.solve(women.size(), men.size(), base, List.of(targets));
      @Nullable String[] answers = new String[n];
      SplittableRandom r = seed.stream(name);
      for (int sex = 0; sex < 2; sex++) {
        List<String> levels = new ArrayList<>();
        for (int k = 0; k < targets.length; k++) {
          for (int c = 0; c < counts[k][sex]; c++) {
            levels.add(targets[k].level());
          }
        }
        List<Integer> rows = clustered(sex == 0 ? women : men, name, r);
        for (int j = 0; j < rows.size(); j++) {
          answers[rows.get(j)] = levels.get(j);
        }
      }
      one.put(name, answers);
    }

    /**
     * Assigns a select_multiple: each option's published share met on its own; free options are
     * selected at their weight's rate; a respondent left with none gets the fallback option.
     */
    void selectMultiple(String name, IntPredicate eligible, String fallback, Target... options) {
      List<String> names = form.selectMultiple(name).names();
      boolean @Nullable [][] chosen = new boolean[n][];
      List<Integer> women = new ArrayList<>();
      List<Integer> men = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (eligible.test(i)) {
          (female[i] ? women : men).add(i);
          chosen[i] = new boolean[names.size()];
        }
      }
      SplittableRandom r = seed.stream(name);
      for (Target t : options) {
        int o = names.indexOf(t.level());
        int[][] counts = t.free()
            ? new int[][] {{(int) Math.round(t.weight() * women.size()), (int) Math.round(t.weight() * men.size())}}
            : PublishedShares.solve(women.size(), men.size(), women.size() + men.size(), List.of(t, free("_not", 1)));
        for (int sex = 0; sex < 2; sex++) {
          List<Integer> rows = clustered(sex == 0 ? women : men, name + "/" + t.level(), r);
          for (int j = 0; j < counts[0][sex]; j++) {
            chosen[rows.get(j)][o] = true;
          }
        }
      }
      int f = names.indexOf(fallback);
      for (boolean[] c : chosen) {
        if (c != null) {
          boolean any = false;
          for (boolean b : c) {
            any |= b;
          }
          if (!any) {
            c[f] = true;
          }
        }
      }
      multi.put(name, chosen);
    }

    /**
     * The rows in a random order that keeps respondents of one site together a little: each
     * site draws an effect for the question, and rows are ordered by their site's effect plus
     * their own noise. Answers handed out in this order (level by level) are more alike within
     * a site than between sites, as in real cluster samples, so design effects exceed 1; the
     * counts of each answer stay exactly as solved.
     */
    List<Integer> clustered(List<Integer> rows, String question, SplittableRandom r) {
      SplittableRandom effects = seed.stream(question + "#sites");
      Map<String, Double> effect = new HashMap<>();
      List<Integer> out = new ArrayList<>(rows);
      Map<Integer, Double> key = new HashMap<>();
      for (int row : out) {
        double e = effect.computeIfAbsent(siteOf[row], k -> SITE_EFFECT * SyntheticSurvey.gaussian(effects));
        key.put(row, e + SyntheticSurvey.gaussian(r));
      }
      out.sort((a, b) -> Double.compare(key.get(a), key.get(b)));
      return out;
    }

    /** A select_multiple where everyone asked chose exactly one option, from a solved select_one. */
    void oneAsMultiple(String from, String name) {
      @Nullable String[] a = one.remove(from);
      List<String> names = form.selectMultiple(name).names();
      boolean @Nullable [][] chosen = new boolean[n][];
      for (int i = 0; i < n; i++) {
        if (a[i] != null) {
          chosen[i] = new boolean[names.size()];
          chosen[i][names.indexOf(a[i])] = true;
        }
      }
      multi.put(name, chosen);
    }

    /** Draws integers around a mean and moves them one by one to the exact sum. */
    void numberWithSum(String name, List<Integer> rows, long sum, double sd, int min, int max, SplittableRandom r) {
      double[] v = numbers.computeIfAbsent(name, k -> new double[n]);
      double mean = (double) sum / rows.size();
      long total = 0;
      for (int row : rows) {
        long x = Math.max(min, Math.min(max, Math.round(mean + sd * SyntheticSurvey.gaussian(r))));
        v[row] = x;
        total += x;
      }
      while (total != sum) {
        int row = rows.get(r.nextInt(rows.size()));
        if (total < sum && v[row] < max) {
          v[row]++;
          total++;
        } else if (total > sum && v[row] > min) {
          v[row]--;
          total--;
        }
      }
    }

    SurveyData build() {
      // Sex: exactly 204 women.
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        order.add(i);
      }
      shuffle(order, seed.stream("sex"));
      for (int j = 0; j < WOMEN; j++) {
        female[order.get(j)] = true;
      }
      IntPredicate all = i -> true;

      // Region (stratum) allocated half in proportion to the baseline, half equally, so that the
      // design weights from the baseline differ between regions; the rayon (PSU) by its size.
      double[] alloc = new double[REGIONS.length];
      for (int h = 0; h < REGIONS.length; h++) {
        alloc[h] = 0.5 * Integer.parseInt(REGIONS[h][1]) / 1000.0 + 0.5 / REGIONS.length;
      }
      long[] perRegion = largestRemainder(n, alloc);
      List<Integer> regionOf = new ArrayList<>();
      for (int h = 0; h < REGIONS.length; h++) {
        for (int j = 0; j < perRegion[h]; j++) {
          regionOf.add(h);
        }
      }
      shuffle(regionOf, seed.stream("region"));
      String[] site = siteOf;
      SplittableRandom rSite = seed.stream("site");
      for (int i = 0; i < n; i++) {
        int h = regionOf.get(i);
        site[i] = rayons.byRegion().get(h).get(SyntheticSurvey.pick(rSite, rayons.sizes().get(h))).pcode();
      }

      // Age: mean 37 for women and 35 for men, exactly.
      List<Integer> women = new ArrayList<>();
      List<Integer> men = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        (female[i] ? women : men).add(i);
      }
      SplittableRandom rAge = seed.stream("age");
      numberWithSum("age", women, 37L * women.size(), 10, 18, 70, rAge);
      numberWithSum("age", men, 35L * men.size(), 10, 18, 70, rAge);

      exactCounts("nationality", TABLE_1, NATIONALITIES);

      selectOne("marital_status", all, null, pct("married", 60, 53, 61), pct("single", 28),
          pct("divorced", 9, 20, 7), free("widowed", 1));
      selectOne("education", all, null, pct("lower_secondary", 27), pct("upper_secondary", 30),
          pct("post_secondary", 24), pct("tertiary", 9), free("none", 3), free("primary", 7));
      selectOne("education_field", i -> is(i, "education", "post_secondary") || is(i, "education", "tertiary"), null,
          pct("engineering", 30), pct("services", 13), pct("agriculture", 12), pct("education", 9),
          free("health", 8), free("business", 10), free("other", 18));
      selectOne("main_provider", all, null, pct("yes", 53, 30, 58), free("no", 1));

      selectOne("time_away", all, null, pct("lt_6m", 50), pct("m7_12", 19), pct("y1_3", 17), pct("y3_5", 13),
          free("gt_5y", 1));
      selectOne("expected_duration", all, null, pct("yes", 58), pct(DNK, 19), pct("dont_remember", 15), free("no", 1));
      selectOne("leave_reason", all, null, pct("employment", 79), pct("other", 18), pct(REFUSED, 2), pct(DNK, 1));
      selectOne("leave_reason_other", i -> is(i, "leave_reason", "other"), null, pct("friends", 35),
          pct("mobilization", 32), pct("family", 11), pct("education", 3), pct("trade", 3), pct("marriage", 2),
          pct("health", 2), pct(REFUSED, 12));
      selectOne("work_for", i -> is(i, "leave_reason", "employment"), null, pct("self", 89), pct("self_spouse", 10),
          free("other", 1));

      // Prior employment: 57% worked (49% of women, 59% of men: the report's "employed"), split
      // into employed 36%, self-employed 13% and daily wages 8% of all respondents.
      selectOne("_worked", all, null, pct("yes", 57, 49, 59), free("no", 1));
      selectOne("prior_employment", i -> is(i, "_worked", "yes"), n, pct("employed", 36), pct("self_employed", 13),
          free("daily_wages", 1));
      String[] prior = one.get("prior_employment");
      selectOne("_not_worked", i -> is(i, "_worked", "no"), n, pct("unemployed_looking", 32), free("other", 1));
      String[] notWorked = one.get("_not_worked");
      for (int i = 0; i < n; i++) {
        if (prior[i] == null) {
          prior[i] = notWorked[i];
        }
      }
      one.remove("_worked");
      one.remove("_not_worked");
      IntPredicate workedBefore = i -> is(i, "prior_employment", "employed") || is(i, "prior_employment", "self_employed")
          || is(i, "prior_employment", "daily_wages");
      selectOne("prior_sector", workedBefore, null, pct("construction", 29, null, 33), pct("trade", 19, 34, 17),
          pct("services", 12, 26, null), pct("agriculture", 8), free("manufacturing", 8), free("transport", 7),
          free("hospitality", 6), free("other", 5));

      // Current employment: exactly the 1,030 of Table 2 work (65%, 15%, 11%), 62 (5%) look for work.
      workingAssignment();
      IntPredicate working = i -> is(i, "employment_status", "employed") || is(i, "employment_status", "self_employed")
          || is(i, "employment_status", "daily_wages");
      IntPredicate unemployed = i -> is(i, "employment_status", "unemployed_looking");
      exactCountsAmong("employment_type", working, TABLE_2, "employee", "dependent_contractor", "self_employed", "employer");
      selectOne("worked_in_kz", unemployed, null, pct("yes", 65), free("no", 1));
      selectMultiple("job_search", unemployed, "agency", pct("internet", 73), pct("friends", 60), pct("worksites", 18),
          pct("direct", 15), free("agency", 0.05));
      selectOne("start_business", unemployed, null, pct("yes", 2), free("no", 1));
      selectOne("desired_conditions", unemployed, null, pct("pays_well", 48), pct("qualification", 26),
          pct("sector", 21), pct("any", 5));
      selectMultiple("employment_services", unemployed, "training", pct("no_help", 48), pct("vacancies", 31),
          pct("advice", 23), free("training", 0.05));
      selectMultiple("obstacles", all, "other", pct("poor_conditions", 32, null, 38), pct("no_experience", 21),
          pct("no_education", 15), pct("lack_documents", null, 33, null), free("language", 0.12),
          free("low_pay", 0.14), free("discrimination", 0.05));
      selectOne("sector", working, null, pct("construction", 38, null, 44), pct("trade", 26, 37, 23),
          pct("services", 14, 29, null), free("agriculture", 6), free("manufacturing", 6), free("transport", 5),
          free("hospitality", 4), free("other", 3));
      selectOne("same_sector", working, null, pct("yes", 81), free("no", 1));
      selectOne("same_sector_years", i -> is(i, "same_sector", "yes"), null, pct("y3_5", 35), pct("y1_2", 24),
          pct("y6_10", 23), pct("y11_plus", 13), pct("lt_1y", 5));
      income(working);
      selectOne("income_sufficiency", all, null, pct("save", 45), pct("needs_only", 19), pct("no_essentials", 6),
          pct("no_income", 3), free("cover", 1));
      selectOne("written_contract", working, null, pct("no", 47, 55, 45), free("yes", 1));
      selectOne("pension", working, null, pct("no", 62), pct(DNK, 14), free("yes", 1));
      selectOne("annual_leave", working, null, pct("no", 78), pct(DNK, 10), free("yes", 1));
      selectOne("paid_less", working, null, pct("yes", 40), free("no", 1));

      selectOne("remits", all, null, pct("yes", 53, 35, 57), free("no", 1));
      IntPredicate remitting = i -> is(i, "remits", "yes");
      selectOne("remit_share", remitting, null, pct("p25_50", 46, 31, 48), pct("gt_50", 30, 31, null),
          pct("p10_25", 18), free("lt_10", 1));
      selectOne("remit_main_income", remitting, null, pct("yes", 72, 51, 74), free("no", 1));
      selectOne("remit_frequency", remitting, null, pct("monthly", 67), pct("quarterly", 12), free("twice_year", 6),
          free("irregular", 15));
      selectOne("remit_channel", remitting, null, free("bank", 48), free("mto", 37), free("friends", 15));
      // The printed reasons add up to 100%: each remitter names one, as in a select_one.
      selectOne("_remit_reasons", remitting, null, pct("living_costs", 86), pct("property", 4),
          pct("business", 4), pct("debts", 3), pct("lifestyle", 3));
      oneAsMultiple("_remit_reasons", "remit_reasons");

      selectOne("housing", all, null, pct("permanent", 52), pct("temporary", 46), pct("homeless", 1), free("other", 1));
      selectMultiple("housing_barriers", i -> !is(i, "housing", "permanent"), "other", pct("high_rent", 70),
          pct("low_income", 32), pct("administrative", 25), free("other", 0.05));
      householdSize();

      selectOne("health_access", all, null, pct("yes", 68, 67, 68), pct("no", 16), pct(DNK, 16));
      selectOne("education_access", all, null, pct("yes", 41), pct("no", 19), pct(DNK, 38), free(REFUSED, 1));
      // Printed 78 + 7 + 16 + 3 = 104%: yes, no and refused kept, don't know is what is left (12%).
      selectOne("financial_access", all, null, pct("yes", 78), pct("no", 7), pct(REFUSED, 3), free(DNK, 1));
      selectOne("informed_rights", all, null, pct("yes", 54, 55, 53), pct(DNK, 29), pct("no", 15), pct(REFUSED, 3));
      selectMultiple("afford", all, "clothes", pct("phone", 67), pct("meat", 43), pct("clean", 37),
          pct("holidays", 10), pct("car", 8), free("clothes", 0.2));
      selectOne("relations_local", all, null, pct("yes", 98), free("no", 1));
      selectOne("relations_migrants", all, null, pct("yes", 94), free("no", 1));

      // Intentions: 520 circulate, 452 stay, 68 return, 66 third country (5.8%), 25 other.
      exactCounts("intentions", new int[] {520, 452, 68, 66, 25}, "circulate", "stay", "return", "third_country", "other");
      selectOne("departure_time", i -> is(i, "intentions", "return") || is(i, "intentions", "third_country"), null,
          pct("m1_3", 29), pct(DNK, 23), free("m4_6", 3), free("m7_12", 2), free("later", 1));
      selectOne("destination", i -> is(i, "intentions", "third_country"), null, pct("RUS", 35), pct("undecided", 18),
          pct("USA", 8), pct("KOR", 8), pct("GEO", 5), free("TUR", 4), free("DEU", 3), free("ARE", 3));

      return columns(regionOf, site);
    }

    /** A select_one with exact counts over everyone. */
    void exactCounts(String name, int[] counts, String... levels) {
      exactCountsAmong(name, i -> true, counts, levels);
    }

    /** A select_one with exact counts over the eligible (their number must be the counts' sum). */
    void exactCountsAmong(String name, IntPredicate eligible, int[] counts, String... levels) {
      List<Integer> rows = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (eligible.test(i)) {
          rows.add(i);
        }
      }
      List<String> answers = new ArrayList<>();
      for (int k = 0; k < counts.length; k++) {
        for (int c = 0; c < counts[k]; c++) {
          answers.add(levels[k]);
        }
      }
      if (answers.size() != rows.size()) {
        throw new IllegalStateException(name + ": " + rows.size() + " eligible, " + answers.size() + " answers");
      }
      List<Integer> order = clustered(rows, name, seed.stream(name));
      @Nullable String[] a = new String[n];
      for (int j = 0; j < order.size(); j++) {
        a[order.get(j)] = answers.get(j);
      }
      one.put(name, a);
    }

    /**
     * Employment status: 1,030 working (735 employed, 170 self-employed, 125 daily work), 62
     * unemployed and looking (5%), 39 neither; women work a little more often than men, so that
     * the sectors by sex can meet the report's figures.
     */
    private void workingAssignment() {
      List<Integer> women = new ArrayList<>();
      List<Integer> men = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        (female[i] ? women : men).add(i);
      }
      SplittableRandom r = seed.stream("employment_status");
      shuffle(women, r);
      shuffle(men, r);
      int womenWorking = 186;
      List<Integer> workers = new ArrayList<>(women.subList(0, womenWorking));
      workers.addAll(men.subList(0, WORKING - womenWorking));
      List<Integer> others = new ArrayList<>(women.subList(womenWorking, women.size()));
      others.addAll(men.subList(WORKING - womenWorking, men.size()));
      List<String> work = new ArrayList<>();
      add(work, "employed", 735);
      add(work, "self_employed", 170);
      add(work, "daily_wages", 125);
      shuffle(work, r);
      List<String> rest = new ArrayList<>();
      add(rest, "unemployed_looking", 62);
      add(rest, "other", others.size() - 62);
      shuffle(rest, r);
      @Nullable String[] a = new String[n];
      for (int j = 0; j < workers.size(); j++) {
        a[workers.get(j)] = work.get(j);
      }
      for (int j = 0; j < others.size(); j++) {
        a[others.get(j)] = rest.get(j);
      }
      one.put("employment_status", a);
    }

    private static void add(List<String> list, String level, int count) {
      for (int i = 0; i < count; i++) {
        list.add(level);
      }
    }

    /** Income of the working: log-normal, 3% refused, 2% don't know, mean 194,212 KZT exactly. */
    private void income(IntPredicate working) {
      SplittableRandom r = seed.stream("income");
      double[] v = new double[n];
      AnswerState[] st = new AnswerState[n];
      List<Integer> answered = new ArrayList<>();
      double sum = 0;
      for (int i = 0; i < n; i++) {
        if (!working.test(i)) {
          st[i] = AnswerState.NOT_ASKED;
          continue;
        }
        double u = r.nextDouble();
        double z = SyntheticSurvey.gaussian(r);
        if (u < 0.03) {
          st[i] = AnswerState.REFUSED;
        } else if (u < 0.05) {
          st[i] = AnswerState.DONT_KNOW;
        } else {
          st[i] = AnswerState.ANSWERED;
          v[i] = Math.exp(Math.log(194_212) - 0.5 * 0.45 * 0.45 + 0.45 * z);
          sum += v[i];
          answered.add(i);
        }
      }
      // Rescale to the published mean, round to tenge, and put the rounding's remainder on one row.
      long target = 194_212L * answered.size();
      double scale = target / sum;
      long total = 0;
      for (int i : answered) {
        v[i] = Math.round(v[i] * scale);
        total += (long) v[i];
      }
      v[answered.get(0)] += target - total;
      numbers.put("income", v);
      numberStates.put("income", st);
    }

    /** Household size: 1-3 41%, 4-6 43%, 7-9 7%, 10-12 the rest, refused 7%; mean about 4. */
    private void householdSize() {
      selectOne("_household", i -> true, null, pct("1_3", 41), pct("4_6", 43), pct("7_9", 7), pct(REFUSED, 7),
          free("10_12", 1));
      String[] bin = one.remove("_household");
      SplittableRandom r = seed.stream("household_size");
      double[] v = new double[n];
      AnswerState[] st = new AnswerState[n];
      for (int i = 0; i < n; i++) {
        if (REFUSED.equals(bin[i])) {
          st[i] = AnswerState.REFUSED;
        } else {
          st[i] = AnswerState.ANSWERED;
          int low = Integer.parseInt(bin[i].substring(0, bin[i].indexOf('_')));
          // Within a bin, smaller households are more common.
          double u = r.nextDouble();
          v[i] = low + (u < 0.45 ? 0 : u < 0.8 ? 1 : 2);
        }
      }
      numbers.put("household_size", v);
      numberStates.put("household_size", st);
    }

    private SurveyData columns(List<Integer> regionOf, String[] site) {
      List<Column> columns = new ArrayList<>();
      NumericColumn.Builder index = NumericColumn.builder("_index");
      TextColumn.Builder uuid = TextColumn.builder("_uuid");
      SplittableRandom rUuid = seed.stream("_uuid");
      for (int i = 0; i < n; i++) {
        index.add(i + 1);
        uuid.add(new UUID(rUuid.nextLong(), rUuid.nextLong()).toString());
      }
      columns.add(index.build());
      columns.add(uuid.build());
      Map<String, String[]> fixed = new LinkedHashMap<>();
      String[] region = new String[n];
      String[] sex = new String[n];
      for (int i = 0; i < n; i++) {
        region[i] = REGIONS[regionOf.get(i)][0];
        sex[i] = female[i] ? "female" : "male";
      }
      fixed.put("region", region);
      fixed.put("sex", sex);
      for (Question q : form.questions()) {
        String name = q.name();
        switch (q.declaration().type()) {
          case SELECT_ONE -> {
            @Nullable String[] a = name.equals("region") || name.equals("sex") ? fixed.get(name) : one.get(name);
            if (a == null) {
              throw new IllegalStateException("no answers for " + name);
            }
            CategoricalColumn.Builder c = CategoricalColumn.builder(name, form.selectOne(name).names());
            for (String s : a) {
              if (s == null) {
                c.addState(AnswerState.NOT_ASKED);
              } else if (s.equals(DNK)) {
                c.addState(AnswerState.DONT_KNOW);
              } else if (s.equals(REFUSED)) {
                c.addState(AnswerState.REFUSED);
              } else {
                c.add(s);
              }
            }
            columns.add(c.build());
          }
          case SELECT_MULTIPLE -> {
            boolean @Nullable [][] m = multi.get(name);
            MultiSelectColumn.Builder c = MultiSelectColumn.builder(name, form.selectMultiple(name).names());
            for (boolean[] row : m) {
              if (row == null) {
                c.addState(AnswerState.NOT_ASKED);
              } else {
                int[] idx = new int[row.length];
                int k = 0;
                for (int o = 0; o < row.length; o++) {
                  if (row[o]) {
                    idx[k++] = o;
                  }
                }
                c.addIndexes(Arrays.copyOf(idx, k));
              }
            }
            columns.add(c.build());
          }
          case TEXT -> {
            TextColumn.Builder c = TextColumn.builder(name);
            for (String s : site) {
              c.add(s);
            }
            columns.add(c.build());
          }
          default -> {
            double[] v = numbers.get(name);
            AnswerState[] st = numberStates.get(name);
            NumericColumn.Builder c = NumericColumn.builder(name);
            for (int i = 0; i < n; i++) {
              if (st == null || st[i] == AnswerState.ANSWERED) {
                c.add(v[i]);
              } else {
                c.addState(st[i]);
              }
            }
            columns.add(c.build());
          }
        }
      }
      return SurveyData.of(columns);
    }
  }
}
