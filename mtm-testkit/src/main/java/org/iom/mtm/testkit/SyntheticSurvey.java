package org.iom.mtm.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
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

/**
 * A seeded generator of realistic MTM survey data of any size: a questionnaire modelled on the
 * IOM MTM Kazakhstan 2023 survey of migrant workers (English labels), and respondent records
 * drawn from distributions close to the published figures, with skip logic, "don't know" and
 * refusals as answer states, a stratified two-stage design (region, then sites) and site effects
 * so that design effects exceed 1.
 *
 * <p>Determinism: the same {@link Spec} gives the same data on every machine. Each variable draws
 * from its own random stream ({@link Seed#stream(String)}), so a variable added later never
 * changes the values of the others.
 */
public final class SyntheticSurvey {

  /** The regions of the seed's sample with their shares of respondents (the baseline's shares). */
  private static final String[][] REGIONS = {
    {"KAZ014", "0.32"}, // Mangystau Region
    {"KAZ005", "0.19"}, // Almaty Region
    {"KAZ004", "0.18"}, // Almaty (city)
    {"KAZ011", "0.08"}, // Karaganda Region
    {"KAZ017", "0.08"}, // Shymkent (city)
    {"KAZ002", "0.03"}, // Akmola Region
    {"KAZ006", "0.03"}, // Astana (city)
    {"KAZ007", "0.03"}, // Atyrau Region
    {"KAZ003", "0.02"}, // Aktobe Region
    {"KAZ018", "0.02"}, // Turkistan Region
    {"KAZ009", "0.01"}, // Jambyl Region
    {"KAZ020", "0.01"}, // West Kazakhstan Region
  };

  private static final String[] NATIONALITIES = {"UZB", "RUS", "TJK", "KGZ", "AZE", "TKM", "CHN", "TUR", "UKR"};
  private static final double[] NATIONALITY_SHARES = {0.626, 0.127, 0.085, 0.074, 0.041, 0.02, 0.012, 0.01, 0.005};

  /** The options of the 12-option select_multiple used by the benchmarks (obstacles to work). */
  public static final List<String> OBSTACLES =
      List.of("poor_conditions", "no_experience", "no_education", "lack_documents", "language",
          "discrimination", "low_pay", "no_contacts", "distance", "health", "family", "other");

  /**
   * What to generate.
   *
   * @param respondents the number of respondent records, at least 0
   * @param seed the seed
   * @param sitesPerRegion the number of primary sampling units (sites) per region, at least 2
   */
  public record Spec(int respondents, long seed, int sitesPerRegion) {
    /**
     * Validates.
     *
     * @throws IllegalArgumentException naming the value when out of range
     */
    public Spec {
      if (respondents < 0) {
        throw new IllegalArgumentException("respondents must be >= 0, got " + respondents);
      }
      if (sitesPerRegion < 2) {
        throw new IllegalArgumentException("sites per region must be >= 2, got " + sitesPerRegion);
      }
    }

    /**
     * The usual shape: 8 sites per region.
     *
     * @param respondents the number of respondents
     * @param seed the seed
     * @return the spec
     */
    public static Spec of(int respondents, long seed) {
      return new Spec(respondents, seed, 8);
    }
  }

  /**
   * The generated survey.
   *
   * @param form the questionnaire
   * @param data the respondent records, one column per question plus {@code _index}, {@code
   *     _uuid}, the design variables {@code region} (stratum), {@code site} (PSU) and the
   *     population of the region {@code region_population} (for a finite population correction)
   */
  public record Result(Questionnaire form, SurveyData data) {}

  private SyntheticSurvey() {}

  /**
   * The questionnaire alone.
   *
   * @return the form
   */
  public static Questionnaire questionnaire() {
    Gazetteer kz = Gazetteer.kazakhstan();
    List<String> regionChoices = new ArrayList<>();
    for (String[] r : REGIONS) {
      AdminArea a = kz.area(r[0]);
      regionChoices.add(a.pcode());
      regionChoices.add(a.name());
    }
    List<String> natChoices = new ArrayList<>();
    for (String n : NATIONALITIES) {
      natChoices.add(n);
      natChoices.add(org.iom.mtm.core.geo.Country.of(n).name());
    }
    List<String> obstacleChoices = new ArrayList<>();
    for (String o : OBSTACLES) {
      obstacleChoices.add(o);
      obstacleChoices.add(o.replace('_', ' '));
    }
    return Questionnaire.builder("mtm_kaz_survey")
        .title("MTM survey of international migrant workers (synthetic)")
        .version("1")
        .choices(ChoiceList.of("region", regionChoices.toArray(String[]::new)))
        .choices(ChoiceList.of("sex", "female", "Female", "male", "Male"))
        .choices(ChoiceList.of("nationality", natChoices.toArray(String[]::new)))
        .choices(ChoiceList.of("yes_no", "yes", "Yes", "no", "No"))
        .choices(ChoiceList.of("yes_no_dnk", "yes", "Yes", "no", "No", "dnk", "Don't know"))
        .choices(ChoiceList.of("marital", "married", "Married", "single", "Single", "divorced", "Divorced", "widowed", "Widowed"))
        .choices(
            ChoiceList.of("education", "none", "No education", "primary", "Primary",
                "lower_secondary", "Lower secondary", "upper_secondary", "Upper secondary",
                "post_secondary", "Post-secondary non-tertiary", "tertiary", "Tertiary"))
        .choices(
            ChoiceList.of("field", "engineering", "Engineering, manufacturing and construction",
                "services", "Services", "agriculture", "Agriculture", "education", "Education",
                "health", "Health and welfare", "business", "Business and law", "other", "Other"))
        .choices(
            ChoiceList.of("employment", "employed", "Employed", "self_employed", "Self-employed",
                "daily_wages", "Daily wages", "unemployed_looking", "Unemployed, looking for work",
                "other", "Other"))
        .choices(
            ChoiceList.of("job_search", "internet", "Newspapers or internet", "friends",
                "Friends or relatives", "worksites", "At worksites", "direct", "Direct applications"))
        .choices(ChoiceList.of("obstacles", obstacleChoices.toArray(String[]::new)))
        .choices(
            ChoiceList.of("remit_reason", "living_costs", "Living costs", "property", "Property",
                "business", "Business", "debts", "Debts", "education", "Education"))
        .choices(
            ChoiceList.of("intentions", "circulate", "Circulate", "stay", "Stay", "return",
                "Return home", "third_country", "Move to a third country", "other", "Other"))
        .add(Question.builder("region", "select_one region").label("Region of interview").required(true))
        .add(Question.builder("site", "text").label("Interview site"))
        .add(Question.builder("sex", "select_one sex").label("Sex").required(true))
        .add(Question.builder("age", "integer").label("Age").constraint(". >= 18"))
        .add(Question.builder("nationality", "select_one nationality").label("Nationality"))
        .add(Question.builder("marital_status", "select_one marital").label("Marital status"))
        .add(Question.builder("education", "select_one education").label("Highest level of education"))
        .add(
            Question.builder("education_field", "select_one field")
                .label("Field of education")
                .relevant("selected(${education}, 'post_secondary') or selected(${education}, 'tertiary')"))
        .add(Question.builder("main_provider", "select_one yes_no").label("Are you the main provider of your household?"))
        .add(Question.builder("employment_status", "select_one employment").label("Current employment status"))
        .add(
            Question.builder("job_search", "select_multiple job_search")
                .label("How do you look for work?")
                .relevant("${employment_status} = 'unemployed_looking'"))
        .add(
            Question.builder("income", "decimal")
                .label("Monthly income (KZT)")
                .relevant("${employment_status} != 'unemployed_looking'"))
        .add(Question.builder("obstacles", "select_multiple obstacles").label("Obstacles to finding work"))
        .add(Question.builder("remits", "select_one yes_no").label("Do you send remittances?"))
        .add(
            Question.builder("remittance_reasons", "select_multiple remit_reason")
                .label("What are the remittances for?")
                .relevant("${remits} = 'yes'"))
        .add(Question.builder("household_size", "integer").label("Household size"))
        .add(Question.builder("health_access", "select_one yes_no_dnk").label("Do you have access to health care?"))
        .add(Question.builder("intentions", "select_one intentions").label("Intentions for the next 12 months"))
        .build();
  }

  /**
   * Generates a survey.
   *
   * @param spec what to generate
   * @return the questionnaire and the data
   */
  public static Result generate(Spec spec) {
    Questionnaire form = questionnaire();
    Seed seed = new Seed(spec.seed());
    int n = spec.respondents();
    List<String> regionCodes = form.choiceList("region").names();
    double[] regionShares = new double[REGIONS.length];
    for (int i = 0; i < REGIONS.length; i++) {
      regionShares[i] = Double.parseDouble(REGIONS[i][1]);
    }
    int sites = spec.sitesPerRegion();
    // Site effects: on log income and on the chance of the site's dominant nationality.
    SplittableRandom siteRandom = seed.stream("site_effects");
    double[] siteIncome = new double[REGIONS.length * sites];
    int[] siteNationality = new int[REGIONS.length * sites];
    for (int s = 0; s < siteIncome.length; s++) {
      siteIncome[s] = 0.25 * gaussian(siteRandom);
      siteNationality[s] = pick(siteRandom, NATIONALITY_SHARES);
    }
    // Centre the site effects (weighted by the sites' expected shares of respondents) so that
    // they move incomes between sites but keep the mean income.
    double meanEffect = 0;
    for (int s = 0; s < siteIncome.length; s++) {
      meanEffect += Math.exp(siteIncome[s]) * regionShares[s / sites] / sites;
    }
    for (int s = 0; s < siteIncome.length; s++) {
      siteIncome[s] -= Math.log(meanEffect);
    }

    SplittableRandom rRegion = seed.stream("region");
    SplittableRandom rSite = seed.stream("site");
    SplittableRandom rSex = seed.stream("sex");
    SplittableRandom rAge = seed.stream("age");
    SplittableRandom rNat = seed.stream("nationality");
    SplittableRandom rMarital = seed.stream("marital_status");
    SplittableRandom rEdu = seed.stream("education");
    SplittableRandom rField = seed.stream("education_field");
    SplittableRandom rProvider = seed.stream("main_provider");
    SplittableRandom rEmp = seed.stream("employment_status");
    SplittableRandom rSearch = seed.stream("job_search");
    SplittableRandom rIncome = seed.stream("income");
    SplittableRandom rObst = seed.stream("obstacles");
    SplittableRandom rRemit = seed.stream("remits");
    SplittableRandom rReason = seed.stream("remittance_reasons");
    SplittableRandom rHh = seed.stream("household_size");
    SplittableRandom rHealth = seed.stream("health_access");
    SplittableRandom rIntent = seed.stream("intentions");
    SplittableRandom rUuid = seed.stream("_uuid");

    NumericColumn.Builder index = NumericColumn.builder("_index");
    TextColumn.Builder uuid = TextColumn.builder("_uuid");
    CategoricalColumn.Builder region = CategoricalColumn.builder("region", regionCodes);
    TextColumn.Builder site = TextColumn.builder("site");
    NumericColumn.Builder regionPopulation = NumericColumn.builder("region_population");
    CategoricalColumn.Builder sex = CategoricalColumn.builder("sex", form.choiceList("sex").names());
    NumericColumn.Builder age = NumericColumn.builder("age");
    CategoricalColumn.Builder nationality = CategoricalColumn.builder("nationality", form.choiceList("nationality").names());
    CategoricalColumn.Builder marital = CategoricalColumn.builder("marital_status", form.choiceList("marital").names());
    CategoricalColumn.Builder education = CategoricalColumn.builder("education", form.choiceList("education").names());
    CategoricalColumn.Builder field = CategoricalColumn.builder("education_field", form.choiceList("field").names());
    CategoricalColumn.Builder provider = CategoricalColumn.builder("main_provider", form.choiceList("yes_no").names());
    CategoricalColumn.Builder employment = CategoricalColumn.builder("employment_status", form.choiceList("employment").names());
    MultiSelectColumn.Builder search = MultiSelectColumn.builder("job_search", form.choiceList("job_search").names());
    NumericColumn.Builder income = NumericColumn.builder("income");
    MultiSelectColumn.Builder obstacles = MultiSelectColumn.builder("obstacles", OBSTACLES);
    CategoricalColumn.Builder remits = CategoricalColumn.builder("remits", form.choiceList("yes_no").names());
    MultiSelectColumn.Builder reasons = MultiSelectColumn.builder("remittance_reasons", form.choiceList("remit_reason").names());
    NumericColumn.Builder household = NumericColumn.builder("household_size");
    CategoricalColumn.Builder health = CategoricalColumn.builder("health_access", List.of("yes", "no"));
    CategoricalColumn.Builder intentions = CategoricalColumn.builder("intentions", form.choiceList("intentions").names());

    double[] obstacleRates = {0.32, 0.21, 0.15, 0.10, 0.12, 0.06, 0.18, 0.08, 0.05, 0.03, 0.04, 0.05};
    for (int i = 0; i < n; i++) {
      index.add(i + 1);
      uuid.add(new UUID(rUuid.nextLong(), rUuid.nextLong()).toString());
      int reg = pick(rRegion, regionShares);
      region.add(reg);
      int siteId = reg * sites + rSite.nextInt(sites);
      site.add(String.format(Locale.ROOT, "%s-S%02d", regionCodes.get(reg), siteId % sites + 1));
      // Region populations stand in for the baseline's migrant-worker counts (668,422 in all).
      regionPopulation.add(Math.round(668_422 * regionShares[reg]));
      boolean female = rSex.nextDouble() < 0.18;
      sex.add(female ? 0 : 1);
      double a = (female ? 37 : 35) + 10 * gaussian(rAge);
      age.add(Math.max(18, Math.min(70, Math.round(a))));
      int nat = rNat.nextDouble() < 0.3 ? siteNationality[siteId] : pick(rNat, NATIONALITY_SHARES);
      nationality.add(nat);
      marital.add(pick(rMarital, female ? new double[] {0.53, 0.24, 0.20, 0.03} : new double[] {0.61, 0.29, 0.07, 0.03}));
      int edu = pick(rEdu, new double[] {0.03, 0.07, 0.27, 0.30, 0.24, 0.09});
      education.add(edu);
      if (edu >= 4) {
        field.add(pick(rField, new double[] {0.30, 0.13, 0.12, 0.09, 0.08, 0.10, 0.18}));
      } else {
        rField.nextDouble(); // keep the stream aligned with the row, whatever the skip logic says
        field.addState(AnswerState.NOT_ASKED);
      }
      provider.add(rProvider.nextDouble() < (female ? 0.30 : 0.58) ? 0 : 1);
      int emp = pick(rEmp, new double[] {0.65, 0.15, 0.11, 0.05, 0.04});
      employment.add(emp);
      boolean unemployed = emp == 3;
      double u1 = rSearch.nextDouble();
      if (unemployed) {
        search.addIndexes(selected(rSearch, new double[] {0.73, 0.60, 0.18, 0.15}, u1));
      } else {
        selected(rSearch, new double[] {0.73, 0.60, 0.18, 0.15}, u1);
        search.addState(AnswerState.NOT_ASKED);
      }
      double incomeDraw = gaussian(rIncome);
      double incomeState = rIncome.nextDouble();
      if (unemployed) {
        income.addState(AnswerState.NOT_ASKED);
      } else if (incomeState < 0.03) {
        income.addState(AnswerState.REFUSED);
      } else if (incomeState < 0.05) {
        income.addState(AnswerState.DONT_KNOW);
      } else {
        // Log-normal with sigma 0.45: mean exp(mu + sigma^2 / 2) = 194,212 KZT before site effects.
        double mu = Math.log(194_212) - 0.45 * 0.45 / 2;
        income.add(Math.round(Math.exp(mu + 0.45 * incomeDraw + siteIncome[siteId]) / 1000.0) * 1000.0);
      }
      obstacles.addIndexes(selected(rObst, obstacleRates, rObst.nextDouble()));
      boolean remitting = rRemit.nextDouble() < (female ? 0.35 : 0.57);
      remits.add(remitting ? 0 : 1);
      double u2 = rReason.nextDouble();
      int[] why = selected(rReason, new double[] {0.86, 0.04, 0.04, 0.03, 0.05}, u2);
      if (remitting) {
        reasons.addIndexes(why.length == 0 ? new int[] {0} : why);
      } else {
        reasons.addState(AnswerState.NOT_ASKED);
      }
      double hh = rHh.nextDouble();
      int size = 1 + (int) Math.min(11, Math.floor(-Math.log(1 - rHh.nextDouble()) * 3.2));
      if (hh < 0.07) {
        household.addState(AnswerState.REFUSED);
      } else {
        household.add(size);
      }
      int h = pick(rHealth, new double[] {0.68, 0.16, 0.16});
      if (h == 2) {
        health.addState(AnswerState.DONT_KNOW);
      } else {
        health.add(h);
      }
      intentions.add(pick(rIntent, new double[] {0.46, 0.40, 0.06, 0.06, 0.02}));
    }
    List<Column> columns =
        List.of(index.build(), uuid.build(), region.build(), site.build(), regionPopulation.build(),
            sex.build(), age.build(), nationality.build(), marital.build(), education.build(),
            field.build(), provider.build(), employment.build(), search.build(), income.build(),
            obstacles.build(), remits.build(), reasons.build(), household.build(), health.build(),
            intentions.build());
    return new Result(form, SurveyData.of(columns));
  }

  /** Index drawn with the given probabilities (normalised), one uniform draw. */
  static int pick(SplittableRandom r, double[] p) {
    double total = 0;
    for (double v : p) {
      total += v;
    }
    double u = r.nextDouble() * total;
    for (int i = 0; i < p.length - 1; i++) {
      u -= p[i];
      if (u < 0) {
        return i;
      }
    }
    return p.length - 1;
  }

  /** Options selected independently with their rates; the first draw is given by the caller. */
  private static int[] selected(SplittableRandom r, double[] rates, double first) {
    int[] chosen = new int[rates.length];
    int k = 0;
    for (int i = 0; i < rates.length; i++) {
      double u = i == 0 ? first : r.nextDouble();
      if (u < rates[i]) {
        chosen[k++] = i;
      }
    }
    return java.util.Arrays.copyOf(chosen, k);
  }

  /** A standard normal draw (Box-Muller, one of the pair), reproducible across JVMs. */
  static double gaussian(SplittableRandom r) {
    double u1 = 1 - r.nextDouble();
    double u2 = r.nextDouble();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }
}
