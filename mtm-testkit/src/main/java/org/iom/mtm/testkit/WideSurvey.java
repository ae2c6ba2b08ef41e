package org.iom.mtm.testkit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.iom.mtm.core.data.AnswerState;
import org.iom.mtm.core.data.CategoricalColumn;
import org.iom.mtm.core.data.Column;
import org.iom.mtm.core.data.MultiSelectColumn;
import org.iom.mtm.core.data.NumericColumn;
import org.iom.mtm.core.data.SurveyData;
import org.iom.mtm.core.data.TextColumn;

/**
 * A wide household survey of 100 questions at any number of respondents, for measuring how much
 * memory the columnar data takes. Deterministic for a seed, each column from its own random
 * stream ({@link Seed#stream}), built one column at a time.
 *
 * <p>The mix of questions follows a real multi-sector needs assessment: the REACH Somalia MSNA
 * 2018 XLSForm and its 131 interviews (the {@code reach-somalia-msna} fixture of the test data,
 * public under GPL-3.0 in {@code impact-initiatives/hypegrammaR}). Its 344 questions present in
 * the data are 133 select_one (38.7%), 116 integer or calculate (33.7%), 52 text or date (15.1%)
 * and 43 select_multiple (12.5%); scaled to 100 by largest remainder that is:
 *
 * <ul>
 *   <li><b>39 select_one</b>: every 3.4th select_one of the form in order, with its number of
 *       choices (2 to 95, median 3; a settlement list of 300 stands in for the form's external
 *       settlement list) and its share of interviews where it was not asked (0 to 99%);
 *   <li><b>34 numeric</b>: every 3.4th integer or calculate, with its range (counts of household
 *       members 0 to 5, days a week 0 to 7, prices up to 8,000) and not-asked share; five of them
 *       replaced by the numbers a household survey always has: respondent age (18 to 90), household
 *       size (1 to 25), monthly income (integer shillings, log-normal, in thousands), and two
 *       decimals, a food consumption score (steps of 0.5) and income per head. The form itself has
 *       2 decimals in 346 questions; 2 in 34 here exercise the double storage more than the form;
 *   <li><b>15 text</b>: every 3.5th text or date, as in the form mostly "other, specify" answers
 *       (13, not asked in 72.5 to 99.7% of rows, half of the answers common words, half typed
 *       phrases with many distinct values), a settlement name typed in 37% of rows (many distinct
 *       values) and a date of arrival in 44%;
 *   <li><b>12 select_multiple</b>: every 3.6th, with its options (5 to 22) and not-asked share, and
 *       about as many options selected on average as in the interviews (1.0 to 2.1).
 * </ul>
 *
 * <p>Of the 100 x rows cells about 41% are not asked by the form's skip logic (45% of the cells of
 * the 131 interviews are empty or NA); of the cells asked 0.5% are "don't know", 0.2% refused and
 * 0.3% missing, more for income (3% don't know, 5% refused). Answers within a question are skewed
 * as real answers are (the first choices most often). A question the 131 interviews never reached
 * is asked in 0.3% of rows. Each column is built and finished before the next one starts, so
 * generating takes little more memory than the data.
 */
public final class WideSurvey {

  /** The number of questions. */
  public static final int QUESTIONS = 100;

  private enum Kind {
    SELECT_ONE,
    COUNT,
    AMOUNT,
    AGE,
    HOUSEHOLD_SIZE,
    INCOME,
    FOOD_SCORE,
    INCOME_PER_HEAD,
    SELECT_MULTIPLE,
    OTHER_TEXT,
    SETTLEMENT_NAME,
    DATE
  }

  /**
   * One question: its kind, choices (or options), the share of rows where it is not asked, and
   * for numbers the range of answers, for select_multiple the mean number selected.
   */
  private record Question(String name, Kind kind, int choices, double notAsked, double min, double max) {}

  private static final List<Question> QUESTION_LIST = questionList();

  private WideSurvey() {}

  private static List<Question> questionList() {
    List<Question> q = new ArrayList<>();
    // select_one: choices and not-asked share of every 3.4th select_one of the form.
    int[] choices = {
      300, 18, 2, 2, 95, 16, 19, 13, 95, 2, 3, 3, 3, 5, 14, 16, 2, 2, 11, 8, 2, 8, 2, 2, 4, 7, 2,
      4, 3, 4, 2, 2, 2, 2, 3, 2, 4, 2, 51
    };
    double[] selectOneNotAsked = {
      0, 0, 0, .565, .687, .885, .565, .573, .992, 0, 0, 0, .481, .817, .298, 0, 0, 0, 0, .519, 0,
      .618, .42, .42, .58, .397, 0, .519, 0, .855, 0, .099, 0, 0, .924, 0, 0, .191, 0
    };
    for (int i = 0; i < choices.length; i++) {
      q.add(new Question(String.format(Locale.ROOT, "so_%02d", i + 1), Kind.SELECT_ONE, choices[i],
          selectOneNotAsked[i], 0, 0));
    }
    // numeric: range and not-asked share of every 3.4th integer or calculate; five replaced.
    double[][] numbers = {
      {0, 1, 0}, {0, 3, 0}, {0, 3, 0}, {0, 4, 0}, {0, 3, 0}, {-1, 0, 0}, {0, 5, 0}, {0, 1, .221},
      {0, 3, .008}, {0, 1, .87}, {0, 1, .962}, {0, 1, .977}, {-2, 0, 0}, {-3, 0, .05}, {10, 55, .824},
      {0, 6, 0}, {0, 7, 0}, {0, 7, 0}, {0, 7, 0}, {0, 7, 0}, {0, 6, 0}, {0, 20, 0}, {3, 8000, .443},
      {0, 4000, .702}, {0, 5, .031}, {1, 5, .725}, {1, 4, .702}, {1, 5, .595}, {0, 3, .374},
      {-4, 0, .02}, {0, 5, .748}, {-5, 0, .05}, {0, 2, .817}, {10, 500, .997}
    };
    Kind[] special = {Kind.HOUSEHOLD_SIZE, Kind.AGE, Kind.INCOME, Kind.FOOD_SCORE, Kind.INCOME_PER_HEAD};
    for (int i = 0; i < numbers.length; i++) {
      double[] n = numbers[i];
      Kind kind = n[0] < 0 ? special[(int) -n[0] - 1] : n[1] - n[0] > 30 ? Kind.AMOUNT : Kind.COUNT;
      q.add(new Question(String.format(Locale.ROOT, "num_%02d", i + 1), kind, 0, n[2], n[0], n[1]));
    }
    // text: every 3.5th text or date; 13 "other, specify", a settlement name, a date.
    double[] otherNotAsked = {.725, .997, .997, .997, .997, .997, .997, .992, .997, .997, .997, .992, .997};
    q.add(new Question("date_arrived", Kind.DATE, 0, .565, 0, 0));
    q.add(new Question("settlement_name", Kind.SETTLEMENT_NAME, 0, .63, 0, 0));
    for (int i = 0; i < otherNotAsked.length; i++) {
      q.add(new Question(String.format(Locale.ROOT, "other_%02d", i + 1), Kind.OTHER_TEXT, 0,
          otherNotAsked[i], 0, 0));
    }
    // select_multiple: options, not-asked share and mean selected of every 3.6th.
    double[][] multi = {
      {8, 0, 1.24}, {13, .008, 1.05}, {5, .997, 1.0}, {11, .969, 2.0}, {9, 0, 1.49}, {12, 0, 1.18},
      {12, .29, 2.05}, {6, .985, 2.0}, {15, .603, 1.42}, {22, .924, 1.0}, {22, .992, 1.0}, {11, 0, 1.09}
    };
    for (int i = 0; i < multi.length; i++) {
      q.add(new Question(String.format(Locale.ROOT, "sm_%02d", i + 1), Kind.SELECT_MULTIPLE,
          (int) multi[i][0], multi[i][1], 0, multi[i][2]));
    }
    return List.copyOf(q);
  }

  /**
   * The question names, in column order: {@code so_01..so_39}, {@code num_01..num_34}, {@code
   * date_arrived}, {@code settlement_name}, {@code other_01..other_13}, {@code sm_01..sm_12}.
   *
   * @return the 100 names
   */
  public static List<String> names() {
    return QUESTION_LIST.stream().map(Question::name).toList();
  }

  /**
   * Generates the survey.
   *
   * @param respondents the number of rows, at least 0
   * @param seed the seed
   * @return the data, 100 columns
   * @throws IllegalArgumentException naming the value when the row count is negative
   */
  public static SurveyData generate(int respondents, long seed) {
    if (respondents < 0) {
      throw new IllegalArgumentException("respondents must be >= 0, got " + respondents);
    }
    Seed s = new Seed(seed);
    List<Column> columns = new ArrayList<>(QUESTIONS);
    for (Question q : QUESTION_LIST) {
      columns.add(column(q, respondents, s.stream(q.name())));
    }
    return SurveyData.of(columns);
  }

  /** The state of a cell: not asked, or asked and then answered or not. */
  private static AnswerState state(SplittableRandom r, double notAsked, double dontKnow, double refused) {
    double u = r.nextDouble();
    if (u < notAsked) {
      return AnswerState.NOT_ASKED;
    }
    double v = r.nextDouble();
    if (v < dontKnow) {
      return AnswerState.DONT_KNOW;
    }
    if (v < dontKnow + refused) {
      return AnswerState.REFUSED;
    }
    return v < dontKnow + refused + 0.003 ? AnswerState.MISSING : AnswerState.ANSWERED;
  }

  private static Column column(Question q, int rows, SplittableRandom r) {
    double dk = q.kind() == Kind.INCOME ? 0.03 : 0.005;
    double refused = q.kind() == Kind.INCOME ? 0.05 : 0.002;
    switch (q.kind()) {
      case SELECT_ONE: {
        List<String> levels = numbered("c", q.choices());
        double[] cumulative = skewed(q.choices());
        CategoricalColumn.Builder b = CategoricalColumn.builder(q.name(), levels);
        for (int i = 0; i < rows; i++) {
          AnswerState s = state(r, q.notAsked(), dk, refused);
          if (s.isAnswered()) {
            b.add(pick(cumulative, r.nextDouble()));
          } else {
            b.addState(s);
          }
        }
        return b.build();
      }
      case SELECT_MULTIPLE: {
        List<String> options = numbered("o", q.choices());
        double[] cumulative = skewed(q.choices());
        MultiSelectColumn.Builder b = MultiSelectColumn.builder(q.name(), options);
        double extra = q.max() - 1;
        for (int i = 0; i < rows; i++) {
          AnswerState s = state(r, q.notAsked(), dk, refused);
          if (!s.isAnswered()) {
            b.addState(s);
            continue;
          }
          // One option, then each further one with the chance that gives the interviews' mean.
          int n = 1;
          while (n < q.choices() && r.nextDouble() < extra / (extra + 1)) {
            n++;
          }
          long bits = 0;
          for (int k = 0; k < n; k++) {
            bits |= 1L << pick(cumulative, r.nextDouble());
          }
          b.addIndexes(BitSet.valueOf(new long[] {bits}).stream().toArray());
        }
        return b.build();
      }
      case OTHER_TEXT:
      case SETTLEMENT_NAME:
      case DATE: {
        TextColumn.Builder b = TextColumn.builder(q.name());
        for (int i = 0; i < rows; i++) {
          AnswerState s = state(r, q.notAsked(), dk, refused);
          if (s.isAnswered()) {
            b.add(text(q.kind(), r));
          } else {
            b.addState(s);
          }
        }
        return b.build();
      }
      default: {
        NumericColumn.Builder b = NumericColumn.builder(q.name());
        for (int i = 0; i < rows; i++) {
          AnswerState s = state(r, q.notAsked(), dk, refused);
          if (s.isAnswered()) {
            b.add(number(q, r));
          } else {
            b.addState(s);
          }
        }
        return b.build();
      }
    }
  }

  private static double number(Question q, SplittableRandom r) {
    switch (q.kind()) {
      case COUNT: {
        // Skewed towards the low counts, as counts of household members and days are.
        double u = r.nextDouble();
        return q.min() + Math.floor((q.max() - q.min() + 1) * u * u);
      }
      case AMOUNT: {
        // Log-normal between the bounds, rounded to the nearest 5 as prices are quoted.
        double mid = Math.sqrt(Math.max(q.min(), 1) * q.max());
        double v = mid * Math.exp(0.9 * r.nextGaussian());
        return Math.min(q.max(), Math.max(q.min(), Math.rint(v / 5) * 5));
      }
      case AGE:
        return Math.min(90, 18 + Math.floor(Math.abs(r.nextGaussian()) * 22));
      case HOUSEHOLD_SIZE:
        return householdSize(r);
      case INCOME:
        return income(r);
      case FOOD_SCORE: {
        // Days a week (0-7) of each of the seven food groups times the WFP weights.
        double[] weights = {2, 3, 1, 4, 4, 0.5, 0.5};
        double score = 0;
        for (double w : weights) {
          score += w * r.nextInt(8);
        }
        return score;
      }
      default:
        return income(r) / householdSize(r);
    }
  }

  private static double householdSize(SplittableRandom r) {
    return Math.min(25, 1 + Math.floor(-Math.log(1 - r.nextDouble()) * 4.5));
  }

  /** Monthly income in shillings: log-normal around 1.5 million, reported in thousands. */
  private static double income(SplittableRandom r) {
    double v = 1.5e6 * Math.exp(0.8 * r.nextGaussian());
    return Math.min(2e7, Math.rint(v / 1000) * 1000);
  }

  private static final String[] SYLLABLES = {
    "ba", "bur", "ca", "da", "dhu", "doo", "ga", "gal", "ha", "hiir", "ja", "ka", "kaa", "la", "ma",
    "mog", "na", "oo", "qa", "ra", "sa", "shi", "ta", "wa", "xa", "ya", "bay", "cel", "dar", "eyl"
  };

  private static final String[] COMMON_OTHER = {
    "relatives", "neighbours", "mosque", "community leader", "local market", "private clinic",
    "traditional healer", "borehole", "water truck", "river", "rain water", "plastic sheet",
    "iron sheet", "mud", "stones", "no money", "too far", "insecurity", "no documents", "disability",
    "old age", "pregnancy", "not needed", "waiting", "employer", "landlord", "camp leader", "radio",
    "phone", "friends", "school", "church", "police", "none", "do not remember", "other family",
    "NGO staff", "government", "cash transfer", "charcoal"
  };

  private static final String[] WORDS = {
    "water", "food", "house", "camp", "road", "rain", "market", "money", "school", "clinic", "goats",
    "camels", "farm", "town", "family", "child", "mother", "father", "work", "shop", "well", "tent",
    "roof", "door", "bus", "truck", "phone", "radio", "bread", "rice", "milk", "sugar", "oil",
    "flour", "beans", "maize", "firewood", "charcoal", "soap", "clothes", "shoes", "blanket", "mat",
    "bucket", "jerrycan", "latrine", "debt", "loan", "rent", "fees", "medicine", "doctor", "nurse",
    "teacher", "elder", "leader", "soldier", "police", "court", "paper", "card", "list", "office"
  };

  private static String text(Kind kind, SplittableRandom r) {
    switch (kind) {
      case DATE: {
        // Arrival dates over ten years before the interviews, more of them recent.
        double u = r.nextDouble();
        return LocalDate.of(2018, 7, 15).minusDays((long) (3800 * u * u)).toString();
      }
      case SETTLEMENT_NAME: {
        // Names typed by enumerators: a few thousand places, some spelt in several ways.
        int place = (int) (20_000 * Math.pow(r.nextDouble(), 2.5));
        return settlement(place);
      }
      default: {
        if (r.nextBoolean()) {
          return COMMON_OTHER[pick(OTHER_CUMULATIVE, r.nextDouble())];
        }
        int words = 2 + r.nextInt(3);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words; i++) {
          sb.append(i == 0 ? "" : " ").append(WORDS[r.nextInt(WORDS.length)]);
        }
        return sb.toString();
      }
    }
  }

  private static final double[] OTHER_CUMULATIVE = skewed(COMMON_OTHER.length);

  private static String settlement(int place) {
    StringBuilder sb = new StringBuilder();
    int p = place;
    for (int i = 0; i < 3; i++) {
      sb.append(SYLLABLES[p % SYLLABLES.length]);
      p /= SYLLABLES.length;
    }
    sb.setCharAt(0, Character.toUpperCase(sb.charAt(0)));
    return place % 7 == 0 ? sb + " " + (1 + place % 5) : sb.toString();
  }

  private static List<String> numbered(String prefix, int n) {
    List<String> names = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      names.add(prefix + (i + 1));
    }
    return names;
  }

  /** Cumulative shares proportional to {@code 1 / (k + 1)}: the first choices most often. */
  private static double[] skewed(int n) {
    double[] c = new double[n];
    double sum = 0;
    for (int k = 0; k < n; k++) {
      sum += 1.0 / (k + 1);
      c[k] = sum;
    }
    for (int k = 0; k < n; k++) {
      c[k] /= sum;
    }
    return c;
  }

  private static int pick(double[] cumulative, double u) {
    int lo = 0;
    int hi = cumulative.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulative[mid] > u) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }
}
