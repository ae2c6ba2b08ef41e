package org.iom.mtm.indicators.estimate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.IntStream;
import org.iom.mtm.indicators.design.SurveyDesign;
import org.iom.mtm.indicators.estimate.Plan.Grouping;
import org.iom.mtm.indicators.estimate.Plan.Kind;
import org.iom.mtm.indicators.estimate.Plan.Spec;
import org.iom.mtm.indicators.result.AnalysisType;
import org.iom.mtm.indicators.result.Flag;
import org.iom.mtm.indicators.result.ResultRow;
import org.iom.mtm.indicators.result.ResultTable;
import org.jspecify.annotations.Nullable;

/**
 * A request for design-based estimates, answered in one pass over the data:
 *
 * <pre>{@code
 * ResultTable t = Estimation.of(design)
 *     .mean("income").prop("sex").multi("reasons").ratio("spend", "income")
 *     .median("age").quantile("income", 0.25, 0.75)
 *     .by("sex", "admin1")
 *     .ci(ConfidenceInterval.LOGIT).level(0.9).deff(DesignEffect.SRSWOR)
 *     .run();
 * }</pre>
 *
 * <p>Every statistic is computed for the whole population when no {@link #by} is given, else for
 * each crossing of the by-variables' levels (and for the whole population too after {@link
 * #overall()}). Domains are never filters: standard errors come from the full design, rows
 * outside a domain scoring zero, as R's {@code svyby}. The degrees of freedom are the design's
 * PSUs minus strata among the rows where the analysed variable is present (R's {@code degf} of
 * that subset), kept by the domains; quantiles use their domain's, as R's {@code svyquantile}
 * inside {@code svyby} does (and the normal quantile under {@link ConfidenceInterval#WALD}, R's
 * {@code df = Inf}). Quantile intervals are Woodruff's, on the interval of the proportion below
 * the quantile by R's {@code interval.type} "mean" (or "xlogit", "asin", "beta" when that
 * method is asked).
 *
 * <p>A numeric variable with missing cells in a domain gives a null statistic flagged {@link
 * Flag#MISSING_VALUES}, as R gives NA, unless {@link #naRm(boolean)}; proportions count those who
 * answered (or everyone, by {@link #denominator(Denominator)}). An empty domain or a zero weight
 * sum gives a null statistic flagged {@link Flag#EMPTY}; a variance that cannot be estimated a
 * null standard error flagged {@link Flag#NO_VARIANCE}.
 *
 * <p>The request is a mutable builder; {@link #run()}, {@link #accumulator()} and {@link
 * #result(SufficientStatistics)} read it as it stands.
 */
public final class Estimation {
  private final SurveyDesign design;
  private final List<Request> requests = new ArrayList<>();
  private final List<List<String>> groupings = new ArrayList<>();
  private boolean overall;
  private @Nullable ConfidenceInterval ci;
  private double level = 0.95;
  private @Nullable DesignEffect deff;
  private Denominator denominator = Denominator.ANSWERED;
  private boolean naRm;
  private Conventions conventions = Conventions.R;
  private @Nullable QuantileRule quantileRule;
  private boolean domainDf;
  private int threads = 1;
  /** The compiled request, shared by its accumulators; dropped when the request changes. */
  private @Nullable Plan plan;

  private record Request(Kind kind, AnalysisType type, String var, @Nullable String den, double[] probs) {}

  private Estimation(SurveyDesign design) {
    this.design = design;
  }

  /**
   * Starts a request on a design.
   *
   * @param design the survey design (and through it the data)
   * @return an empty request
   */
  public static Estimation of(SurveyDesign design) {
    return new Estimation(Objects.requireNonNull(design, "design"));
  }

  /**
   * Weighted means of numeric variables (R's {@code svymean}); for a select_one or
   * select_multiple variable, as R's {@code svymean} of a factor, the shares of {@link #prop} or
   * {@link #multi}.
   *
   * @param vars numeric, select_one or select_multiple variables
   * @return this request
   */
  public Estimation mean(String... vars) {
    plan = null;
    for (String v : vars) {
      // as R's svymean: the mean of a factor is the share of each of its levels
      switch (design.data().column(v).getClass().getSimpleName()) {
        case "CategoricalColumn" -> prop(v);
        case "MultiSelectColumn" -> multi(v);
        default -> requests.add(new Request(Kind.NUMERIC, AnalysisType.MEAN, v, null, new double[0]));
      }
    }
    return this;
  }

  /**
   * Population totals (R's {@code svytotal}): of a numeric variable; of each level of a
   * select_one or each option of a select_multiple (a population count).
   *
   * @param vars numeric, select_one or select_multiple variables
   * @return this request
   */
  public Estimation total(String... vars) {
    plan = null;
    for (String v : vars) {
      Kind k = switch (design.data().column(v).getClass().getSimpleName()) {
        case "CategoricalColumn" -> Kind.CATEGORICAL;
        case "MultiSelectColumn" -> Kind.MULTI;
        default -> Kind.NUMERIC;
      };
      requests.add(new Request(k, AnalysisType.TOTAL, v, null, new double[0]));
    }
    return this;
  }

  /**
   * The share of each level of select_one variables.
   *
   * @param vars select_one variables
   * @return this request
   */
  public Estimation prop(String... vars) {
    plan = null;
    for (String v : vars) {
      requests.add(new Request(Kind.CATEGORICAL, AnalysisType.PROP_SELECT_ONE, v, null, new double[0]));
    }
    return this;
  }

  /**
   * The share of respondents selecting each option of select_multiple variables.
   *
   * @param vars select_multiple variables
   * @return this request
   */
  public Estimation multi(String... vars) {
    plan = null;
    for (String v : vars) {
      requests.add(new Request(Kind.MULTI, AnalysisType.PROP_SELECT_MULTIPLE, v, null, new double[0]));
    }
    return this;
  }

  /**
   * The ratio of two totals (R's {@code svyratio}).
   *
   * @param numerator a numeric variable
   * @param denominator a numeric variable
   * @return this request
   */
  public Estimation ratio(String numerator, String denominator) {
    plan = null;
    requests.add(new Request(Kind.RATIO, AnalysisType.RATIO, numerator, denominator, new double[0]));
    return this;
  }

  /**
   * Medians with Woodruff intervals (R's {@code svyquantile(quantiles = 0.5)}).
   *
   * @param vars numeric variables
   * @return this request
   */
  public Estimation median(String... vars) {
    plan = null;
    for (String v : vars) {
      requests.add(new Request(Kind.QUANTILE, AnalysisType.MEDIAN, v, null, new double[] {0.5}));
    }
    return this;
  }

  /**
   * Quantiles with Woodruff intervals (R's {@code svyquantile}).
   *
   * @param var a numeric variable
   * @param probabilities probabilities in [0, 1]
   * @return this request
   * @throws IllegalArgumentException naming a probability outside [0, 1]
   */
  public Estimation quantile(String var, double... probabilities) {
    plan = null;
    for (double p : probabilities) {
      if (!(p >= 0 && p <= 1)) {
        throw new IllegalArgumentException("quantile probability " + p + " is outside [0, 1]");
      }
    }
    requests.add(new Request(Kind.QUANTILE, AnalysisType.QUANTILE, var, null, probabilities.clone()));
    return this;
  }

  /**
   * Adds a domain crossing: every combination of the levels of these variables. Several calls
   * give several crossings.
   *
   * @param vars one or more select_one, numeric or text variables
   * @return this request
   */
  public Estimation by(String... vars) {
    plan = null;
    if (vars.length == 0) {
      throw new IllegalArgumentException("by: name at least one variable");
    }
    groupings.add(List.of(vars));
    return this;
  }

  /**
   * Adds the whole population to the domains asked with {@link #by} (it is the only one without).
   *
   * @return this request
   */
  public Estimation overall() {
    plan = null;
    overall = true;
    return this;
  }

  /**
   * The interval method. Default {@link ConfidenceInterval#T} ({@link ConfidenceInterval#T} under
   * IMPACT conventions whatever is set).
   *
   * @param method the method
   * @return this request
   */
  public Estimation ci(ConfidenceInterval method) {
    plan = null;
    this.ci = Objects.requireNonNull(method, "method");
    return this;
  }

  /**
   * The confidence level. Default 0.95.
   *
   * @param level in (0, 1)
   * @return this request
   * @throws IllegalArgumentException naming the value outside (0, 1)
   */
  public Estimation level(double level) {
    plan = null;
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("confidence level " + level + " is outside (0, 1)");
    }
    this.level = level;
    return this;
  }

  /**
   * Asks for design effects against a simple random sample. Default none.
   *
   * @param reference without or with replacement, or null for none
   * @return this request
   */
  public Estimation deff(@Nullable DesignEffect reference) {
    plan = null;
    this.deff = reference;
    return this;
  }

  /**
   * The denominator of proportions. Default {@link Denominator#ANSWERED}.
   *
   * @param denominator answered or all
   * @return this request
   */
  public Estimation denominator(Denominator denominator) {
    plan = null;
    this.denominator = Objects.requireNonNull(denominator, "denominator");
    return this;
  }

  /**
   * R's {@code na.rm}: set aside the rows missing the analysed numeric variable (a domain, not a
   * filter). Default false: a domain with missing values gives a null statistic.
   *
   * @param naRm whether to set them aside
   * @return this request
   */
  public Estimation naRm(boolean naRm) {
    plan = null;
    this.naRm = naRm;
    return this;
  }

  /**
   * Whose conventions to follow. Default {@link Conventions#R}.
   *
   * @param conventions R or IMPACT
   * @return this request
   */
  public Estimation conventions(Conventions conventions) {
    plan = null;
    this.conventions = Objects.requireNonNull(conventions, "conventions");
    return this;
  }

  /**
   * The quantile rule. Default {@link QuantileRule#MATH} ({@link QuantileRule#SCHOOL} under
   * IMPACT conventions).
   *
   * @param rule the rule
   * @return this request
   */
  public Estimation quantileRule(QuantileRule rule) {
    plan = null;
    this.quantileRule = Objects.requireNonNull(rule, "rule");
    return this;
  }

  /**
   * Whether each domain's intervals use the domain's own degrees of freedom (its PSUs minus its
   * strata, R's {@code degf} of the domain's subset design), as R's {@code svyciprop} and {@code
   * svyquantile} do when called by {@code svyby}. Default false: the design's, as DESIGN.md and
   * {@code confint(svyby(...), df = degf(design))}; quantiles always use their domain's.
   *
   * @param domainDf true for each domain's own degrees of freedom
   * @return this request
   */
  public Estimation domainDf(boolean domainDf) {
    plan = null;
    this.domainDf = domainDf;
    return this;
  }

  /**
   * Runs the request: one pass over all rows.
   *
   * @return the result table
   * @throws IllegalArgumentException naming a variable that is absent or of the wrong type
   */
  public ResultTable run() {
    if (plan == null) {
      // the domains' cells computed by ranges of rows on the same threads as the pass
      plan = plan(threads);
    }
    Plan p = plan;
    if (threads == 1 && !ColumnPass.applies(p)) {
      SufficientStatistics acc = new SufficientStatistics(p);
      acc.acceptRows(0, design.rowCount());
      return result(acc);
    }
    return result(chunked(p, ColumnPass.applies(p), threads));
  }

  /** How many of the request's variables the fast path sums as integer codes, for tests. */
  int specsSummedAsCodes() {
    int rows = design.rowCount();
    return new ColumnPass(new SufficientStatistics(plan(1)), Math.min(rows, chunkSize(rows))).specsSummedAsCodes();
  }

  /** The plain path alone, row at a time in one accumulator: the reference for the fast path. */
  ResultTable runPlain() {
    SufficientStatistics acc = accumulator();
    acc.acceptRows(0, design.rowCount());
    return result(acc);
  }

  /**
   * The number of threads {@link #run()} may use: the caller's and, beyond one, threads of a
   * shared pool of daemon threads, which idle ones return to. Default 1. The rows are cut into
   * chunks whose boundaries depend on the number of rows only, each chunk is accumulated on its
   * own and the chunks are combined along a fixed tree: any number of threads gives the same
   * numbers, to the last bit.
   *
   * @param threads at least 1
   * @return this request
   * @throws IllegalArgumentException naming a count below 1
   */
  public Estimation threads(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    this.threads = threads;
    return this;
  }

  /**
   * Rows per chunk: a function of the row count alone, so that chunks do not depend on threads.
   * Chunks hold at most 2^18 rows (one flush period of the fast path) up to 64 chunks, and
   * their number is a multiple of 4, so that 2 or 4 threads get equal shares of the rows.
   */
  static int chunkSize(int rows) {
    long most = 1 << 18;
    int chunks = (int) Math.min(64, Math.max(1, (rows + most - 1) / most));
    if (chunks > 1) {
      chunks = (chunks + 3) & ~3;
    }
    int perChunk = (int) (((long) rows + chunks - 1) / chunks);
    int blocks = (perChunk + ColumnPass.BLOCK - 1) / ColumnPass.BLOCK;
    return Math.max(1, blocks) * ColumnPass.BLOCK;
  }

  private SufficientStatistics part(Plan plan, boolean fast, int from, int to) {
    SufficientStatistics s = new SufficientStatistics(plan);
    if (fast) {
      // every chunk sized as the first, so that all take the same kernels (the last is shorter)
      int rows = design.rowCount();
      new ColumnPass(s, Math.min(rows, chunkSize(rows))).run(from, to);
    } else {
      s.acceptRows(from, to);
    }
    return s;
  }

  /**
   * The pass over all rows by chunks, on {@code threads} threads. The chunks' accumulators are
   * combined along a fixed pairwise tree: at step s = 1, 2, 4, ... the part of chunk i, a
   * multiple of 2s, takes in the part of chunk i + s. The tree's shape depends on the number of
   * chunks alone, so any number of threads gives the same numbers; the thread that finishes the
   * second of two siblings combines them, so the combining is spread over the threads as they
   * finish instead of waiting for the last chunk.
   */
  private SufficientStatistics chunked(Plan plan, boolean fast, int threads) {
    int n = design.rowCount();
    int size = chunkSize(n);
    int chunks = Math.max(1, (n + size - 1) / size);
    SufficientStatistics[] parts = new SufficientStatistics[chunks];
    int levels = 32 - Integer.numberOfLeadingZeros(chunks - 1);
    // per (level, left child): how many of the node's two children are done
    AtomicIntegerArray done = new AtomicIntegerArray(Math.max(1, levels * chunks));
    Workers.run(threads, chunks, c -> {
      int from = c * size;
      parts[c] = part(plan, fast, from, Math.min(n, from + size));
      int i = c;
      for (int level = 0, step = 1; step < chunks; level++, step <<= 1) {
        int left = i & -(2 * step);
        int right = left + step;
        if (right < chunks) {
          if (done.incrementAndGet(level * chunks + left) == 1) {
            // the sibling is still running: its thread combines the two
            return;
          }
          parts[left].combine(parts[right]);
          parts[right] = null;
        }
        i = left;
      }
    });
    return parts[0];
  }

  /**
   * An empty accumulator for this request, to fill by chunks or threads and {@link
   * SufficientStatistics#combine combine}.
   *
   * @return a new accumulator
   * @throws IllegalArgumentException naming a variable that is absent or of the wrong type
   */
  public SufficientStatistics accumulator() {
    if (plan == null) {
      plan = plan(1);
    }
    return new SufficientStatistics(plan);
  }

  private Plan plan(int threads) {
    if (requests.isEmpty()) {
      throw new IllegalArgumentException("no statistic requested: ask for a mean, total, prop, ...");
    }
    boolean impact = conventions == Conventions.IMPACT;
    List<Spec> specs = new ArrayList<>();
    for (Request r : requests) {
      boolean rm = naRm || impact;
      specs.add(new Spec(specs.size(), r.kind(), r.type(), r.var(), r.den(), design.data(), r.probs(), rm,
          denominator));
    }
    List<Grouping> gs = new ArrayList<>();
    if (groupings.isEmpty() || overall) {
      gs.add(new Grouping(List.of(), design.data()));
    }
    for (List<String> g : groupings) {
      gs.add(new Grouping(g, design.data(), threads));
    }
    ConfidenceInterval method = impact ? ConfidenceInterval.T : (ci == null ? ConfidenceInterval.T : ci);
    QuantileRule rule = quantileRule != null ? quantileRule : impact ? QuantileRule.SCHOOL : QuantileRule.MATH;
    return new Plan(design, specs, gs, method, level, deff, conventions, rule, domainDf);
  }

  /**
   * The result table of a filled accumulator.
   *
   * @param statistics an accumulator from {@link #accumulator()} of this request, filled
   * @return the result table
   */
  public ResultTable result(SufficientStatistics statistics) {
    Plan plan = statistics.plan;
    List<ResultRow> rows = Finisher.finish(plan, statistics, threads);
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("design", design.toString());
    meta.put("degrees_of_freedom", Integer.toString(design.degreesOfFreedom()));
    meta.put("lonely_psu", design.lonelyPsu().code());
    meta.put("ci", plan.ci.code());
    meta.put("level", ResultTable.number(plan.level));
    meta.put("deff", plan.deff == null ? "none" : plan.deff.code());
    meta.put("denominator", denominator.code());
    meta.put("na_rm", Boolean.toString(naRm));
    meta.put("conventions", plan.conventions.code());
    meta.put("quantile_rule", plan.quantileRule.code());
    meta.put("domain_df", Boolean.toString(plan.domainDf));
    return ResultTable.of(rows, meta);
  }

  /** Turns sufficient statistics into rows. */
  private static final class Finisher {
    private final Plan plan;
    private final SufficientStatistics st;
    private final SurveyDesign design;
    private final TaylorVariance tv;
    private final int strata;

    Finisher(Plan plan, SufficientStatistics st, @Nullable UnitOrder[] orders) {
      this.plan = plan;
      this.st = st;
      this.design = plan.design;
      this.tv = new TaylorVariance(plan.design);
      this.strata = plan.design.strataCount();
      this.orders = orders;
    }

    /**
     * The rows of every (spec, grouping, cell) in that order. On several threads the triples are
     * cut into ranges, each finished by its own finisher (the variance keeps running sums), and
     * the ranges' rows are joined in order: the same rows as on one thread.
     */
    static List<ResultRow> finish(Plan plan, SufficientStatistics st, int threads) {
      Finisher first = new Finisher(plan, st, new UnitOrder[plan.groupings.size()]);
      boolean needOrders = false;
      int total = 0;
      for (Spec spec : plan.specs) {
        needOrders |= plan.clustered && spec.kind != Kind.QUANTILE;
        for (Grouping grouping : plan.groupings) {
          total += grouping.cells;
        }
      }
      if (needOrders) {
        Workers.run(threads, plan.groupings.size(), g -> first.orders[g] = first.buildUnitOrder(g));
      }
      int wanted = threads == 1 ? 1 : Math.min(total, threads * 8);
      int step = Math.max(1, (total + wanted - 1) / Math.max(1, wanted));
      int ranges = (total + step - 1) / step;
      int triples = total;
      @SuppressWarnings("unchecked") // a generic array for the ranges' rows, filled below
      List<ResultRow>[] parts = new List[Math.max(1, ranges)];
      Workers.run(threads, ranges, r -> {
        List<ResultRow> part = new ArrayList<>();
        new Finisher(plan, st, first.orders).finish(r * step, Math.min(triples, (r + 1) * step), part);
        parts[r] = part;
      });
      List<ResultRow> out = new ArrayList<>();
      for (List<ResultRow> part : parts) {
        if (part != null) {
          out.addAll(part);
        }
      }
      return out;
    }

    /** The rows of the (spec, grouping, cell) triples numbered {@code from} to {@code to}. */
    private void finish(int from, int to, List<ResultRow> out) {
      int k = 0;
      for (Spec spec : plan.specs) {
        double df = Double.NaN;
        boolean dfKnown = spec.kind == Kind.QUANTILE;
        for (int g = 0; g < plan.groupings.size(); g++) {
          Grouping grouping = plan.groupings.get(g);
          int first = Math.max(0, from - k);
          int last = Math.min(grouping.cells, to - k);
          k += grouping.cells;
          if (first >= last) {
            continue;
          }
          if (!dfKnown) {
            df = specDf(spec);
            dfKnown = true;
          }
          UnitOrder order = plan.clustered && spec.kind != Kind.QUANTILE ? orders[g] : null;
          for (int cell = first; cell < last; cell++) {
            List<String> values = grouping.vars.isEmpty() ? List.of() : grouping.values(cell);
            if (spec.kind == Kind.QUANTILE) {
              quantileRows(spec, g, cell, grouping, values, out);
            } else {
              rows(spec, g, cell, grouping, values, df, order, out);
            }
          }
        }
      }
    }

    private double specDf(Spec spec) {
      int psus = 0;
      for (long bits : st.psuSeen[spec.index]) {
        psus += Long.bitCount(bits);
      }
      int strataCount = 0;
      for (long bits : st.strataSeen[spec.index]) {
        strataCount += Long.bitCount(bits);
      }
      return psus - strataCount;
    }

    /** The clustered store's slots sorted by (cell, stratum, PSU, unit). */
    private record UnitOrder(int[] slots, int[] cellStart, int[] stratum, int[] psu, int[] unit) {}

    /** Per grouping, its slots in order, built before the rows (shared, read only). */
    private final @Nullable UnitOrder[] orders;

    private UnitOrder buildUnitOrder(int g) {
      UnitIndex index = st.units[g];
      int n = index.size();
      long unitCount = plan.unitCount();
      int[] cellOf = new int[n];
      int[] unitOf = new int[n];
      int[] psuOf = new int[n];
      int[] stratumOf = new int[n];
      for (int s = 0; s < n; s++) {
        cellOf[s] = index.cell(s);
        unitOf[s] = (int) (index.key(s) - cellOf[s] * unitCount);
        psuOf[s] = plan.psuOfUnit(unitOf[s]);
        stratumOf[s] = design.stratumOfPsu(psuOf[s]);
      }
      long groups = (long) plan.groupings.get(g).cells * design.strataCount();
      int[] sorted;
      if (groups + design.psuCount() + unitCount <= 4L * n + 4096) {
        // small key ranges: counting sorts, least significant key first, each stable
        int[] cellStratum = new int[n];
        for (int s = 0; s < n; s++) {
          cellStratum[s] = cellOf[s] * design.strataCount() + stratumOf[s];
        }
        sorted = IndexSort.identity(n);
        if (!Arrays.equals(unitOf, psuOf)) {
          sorted = IndexSort.byKey(sorted, unitOf, (int) unitCount);
        }
        sorted = IndexSort.byKey(sorted, psuOf, design.psuCount());
        sorted = IndexSort.byKey(sorted, cellStratum, (int) groups);
      } else {
        double[] cellStratum = new double[n];
        for (int s = 0; s < n; s++) {
          cellStratum[s] = (double) cellOf[s] * design.strataCount() + stratumOf[s];
        }
        sorted = IndexSort.order(n, cellStratum, psuOf, unitOf);
      }
      int cells = plan.groupings.get(g).cells;
      int[] slots = new int[n];
      int[] stratum = new int[n];
      int[] psu = new int[n];
      int[] unit = new int[n];
      int[] cellStart = new int[cells + 1];
      for (int i = 0; i < n; i++) {
        int s = sorted[i];
        slots[i] = s;
        stratum[i] = stratumOf[s];
        psu[i] = psuOf[s];
        unit[i] = unitOf[s];
        cellStart[cellOf[s] + 1]++;
      }
      for (int c = 0; c < cells; c++) {
        cellStart[c + 1] += cellStart[c];
      }
      return new UnitOrder(slots, cellStart, stratum, psu, unit);
    }

    private void rows(Spec spec, int g, int cell, Grouping grouping, List<String> values, double df,
        @Nullable UnitOrder order, List<ResultRow> out) {
      long[] cnt = st.counts[g];
      int cBase = cell * plan.countWidth + spec.countOffset;
      long present = cnt[cBase];
      long missing = cnt[cBase + 1];
      int pw = (cell * plan.specs.size() + spec.index) * 2;
      double presentWeight = st.presentWeight[g][pw] + st.presentWeight[g][pw + 1];
      boolean impact = plan.conventions == Conventions.IMPACT;
      boolean naRow = impact && missing > 0
          && (spec.type == AnalysisType.PROP_SELECT_ONE || spec.type == AnalysisType.PROP_SELECT_MULTIPLE);
      // analysistools writes a row (NA statistic, n = 0) for a domain whose respondents all lack
      // the variable, but none for a select_one or select_multiple option nobody chose
      boolean naDomainRow = impact && present == 0 && missing > 0
          && (spec.type == AnalysisType.MEAN || spec.type == AnalysisType.RATIO);
      if (impact && present == 0 && !naRow && !naDomainRow) {
        return;
      }
      if (naDomainRow) {
        out.add(row(spec, null, grouping, values, null, null, null, null, df, null, 0, 0, Double.NaN, Double.NaN,
            EnumSet.of(Flag.EMPTY)));
        return;
      }
      // the totals A_k and B
      double[] sumA = new double[2 * spec.comps];
      double[] sumB = new double[2];
      if (plan.clustered) {
        double[] u = st.unitSums[g];
        for (int i = order.cellStart()[cell]; i < order.cellStart()[cell + 1]; i++) {
          int base = order.slots()[i] * plan.unitWidth + spec.unitOffset;
          SufficientStatistics.addCompensated(sumB, 0, u[base + 1]);
          sumB[1] += u[base + 2];
          for (int k = 0; k < spec.comps; k++) {
            SufficientStatistics.addCompensated(sumA, 2 * k, u[base + 3 + 2 * k]);
            sumA[2 * k + 1] += u[base + 4 + 2 * k];
          }
        }
      } else {
        double[] m = st.mom[g];
        for (int h = 0; h < strata; h++) {
          int base = (cell * strata + h) * plan.momWidth + spec.momOffset;
          if (m[base] == 0) {
            continue;
          }
          SufficientStatistics.addCompensated(sumB, 0, m[base + 3]);
          sumB[1] += m[base + 4];
          for (int k = 0; k < spec.comps; k++) {
            int off = base + 5 + 5 * k;
            SufficientStatistics.addCompensated(sumA, 2 * k, m[off + 3]);
            sumA[2 * k + 1] += m[off + 4];
          }
        }
      }
      double bTotal = sumB[0] + sumB[1];
      // clustered unit sums of a numeric variable or ratio are of a - c b: A = A' + c B
      double shift = plan.clustered && spec.shifted ? st.shift[g][cell * plan.shiftWidth + spec.shiftOffset] : 0;
      if (Double.isNaN(shift)) {
        shift = 0;
      }
      if (plan.domainDf && !grouping.vars.isEmpty()) {
        df = cellDf(spec, g, cell, order);
      }
      for (int k = 0; k < spec.comps; k++) {
        long positive = spec.kind == Kind.NUMERIC || spec.kind == Kind.RATIO ? present : cnt[cBase + 2 + k];
        if (impact && spec.type == AnalysisType.PROP_SELECT_ONE && positive == 0) {
          continue;
        }
        String value = spec.kind == Kind.CATEGORICAL || spec.kind == Kind.MULTI ? spec.labels.get(k) : null;
        double aTotal = sumA[2 * k] + sumA[2 * k + 1] + shift * bTotal;
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        boolean isTotal = spec.type == AnalysisType.TOTAL;
        boolean proportion = spec.type == AnalysisType.PROP_SELECT_ONE || spec.type == AnalysisType.PROP_SELECT_MULTIPLE;
        double nw = proportion || (isTotal && spec.kind != Kind.NUMERIC) ? aTotal : presentWeight;
        if (!impact && missing > 0 && (spec.kind == Kind.NUMERIC || spec.kind == Kind.RATIO)) {
          flags.add(Flag.MISSING_VALUES);
          out.add(row(spec, value, grouping, values, null, null, null, null, df, null, positive, present, nw,
              presentWeight, flags));
          continue;
        }
        if (present == 0 || (!isTotal && bTotal == 0) || presentWeight == 0) {
          flags.add(Flag.EMPTY);
          out.add(row(spec, value, grouping, values, null, null, null, null, df, null, positive, present, nw,
              presentWeight, flags));
          continue;
        }
        double est;
        double alpha;
        double beta;
        if (isTotal) {
          est = aTotal;
          alpha = 1;
          beta = 0;
        } else {
          // a share that every present row holds is 1 exactly, whatever order its two sums were
          // taken in (else 1 - 1e-16 in one row order, with a logit interval, and 1 in another,
          // without one: EstimationProperties.invariantToTheOrderOfTheRows found it)
          est = proportion && positive == present ? 1 : aTotal / bTotal;
          alpha = 1 / bTotal;
          beta = -est / bTotal;
        }
        // z = alpha a + beta b = alpha (a - c b) + (beta + alpha c) b
        double var = plan.clustered ? clusteredVariance(spec, g, cell, k, alpha, beta + alpha * shift, order)
            : momentVariance(spec, g, cell, k, alpha, beta);
        Double se = null;
        Double lo = null;
        Double hi = null;
        if (Double.isNaN(var)) {
          flags.add(Flag.NO_VARIANCE);
        } else {
          double s = Math.sqrt(var);
          se = s;
          double[] bounds = proportion
              ? plan.ci.proportion(est, s, df, plan.level, present, present)
              : plan.ci.continuous(est, s, df, plan.level);
          lo = finite(bounds[0]);
          hi = finite(bounds[1]);
        }
        Double deffValue = plan.deff == null || se == null ? null : designEffect(spec, g, cell, k, est, var);
        out.add(row(spec, value, grouping, values, est, se, lo, hi, df, deffValue, positive, present, nw,
            presentWeight, flags));
      }
      if (naRow) {
        // analysistools' row for the missing answers: value NA, n their count, no statistic
        out.add(new ResultRow(spec.type, spec.analysisVar(), null, grouping.vars, values, null, null, null, null,
            null, null, missing, 0, null, null, EnumSet.of(Flag.MISSING_VALUES)));
      }
    }

    /** PSUs minus strata with present rows in the cell: R's degf of the domain's subset design. */
    private double cellDf(Spec spec, int g, int cell, @Nullable UnitOrder order) {
      int psus = 0;
      int strataCount = 0;
      if (plan.clustered) {
        double[] u = st.unitSums[g];
        int lastPsu = -1;
        int lastStratum = -1;
        for (int i = order.cellStart()[cell]; i < order.cellStart()[cell + 1]; i++) {
          if (u[order.slots()[i] * plan.unitWidth + spec.unitOffset] == 0) {
            continue;
          }
          if (order.psu()[i] != lastPsu) {
            psus++;
            lastPsu = order.psu()[i];
          }
          if (order.stratum()[i] != lastStratum) {
            strataCount++;
            lastStratum = order.stratum()[i];
          }
        }
      } else {
        double[] m = st.mom[g];
        for (int h = 0; h < strata; h++) {
          double count = m[(cell * strata + h) * plan.momWidth + spec.momOffset];
          if (count > 0) {
            psus += (int) count;
            strataCount++;
          }
        }
      }
      return psus - strataCount;
    }

    private static @Nullable Double finite(double v) {
      return Double.isFinite(v) ? v : null;
    }

    private ResultRow row(Spec spec, @Nullable String value, Grouping grouping, List<String> values,
        @Nullable Double est, @Nullable Double se, @Nullable Double lo, @Nullable Double hi, double df,
        @Nullable Double deff, long n, long nTotal, double nw, double nwTotal, Set<Flag> flags) {
      // the df used for the interval: none for the normal one
      boolean proportion = spec.type == AnalysisType.PROP_SELECT_ONE || spec.type == AnalysisType.PROP_SELECT_MULTIPLE;
      boolean normal = (plan.ci == ConfidenceInterval.WALD
          || (proportion && (plan.ci == ConfidenceInterval.WILSON || plan.ci == ConfidenceInterval.CLOPPER_PEARSON)));
      return new ResultRow(spec.type, spec.analysisVar(), value, grouping.vars, values, est, se, lo, hi,
          Double.isFinite(df) && !normal ? df : null, deff, n, nTotal, finite(nw), finite(nwTotal), flags);
    }

    /** Row mode: the stratum summaries of z = alpha a + beta b from the shifted co-moments. */
    private double momentVariance(Spec spec, int g, int cell, int k, double alpha, double beta) {
      double[] m = st.mom[g];
      double c = spec.shifted ? st.shift[g][cell * plan.shiftWidth + spec.shiftOffset] : 0;
      if (Double.isNaN(c)) {
        c = 0;
      }
      double betaShifted = beta + alpha * c;
      tv.reset();
      for (int h = 0; h < strata; h++) {
        int base = (cell * strata + h) * plan.momWidth + spec.momOffset;
        int count = (int) m[base];
        if (count == 0) {
          continue;
        }
        int off = base + 5 + 5 * k;
        double meanZ = alpha * m[off] + betaShifted * m[base + 1];
        double ss = alpha * alpha * m[off + 1] + 2 * alpha * betaShifted * m[off + 2]
            + betaShifted * betaShifted * m[base + 2];
        tv.addStratum(h, count, meanZ, ss);
      }
      return tv.firstStage();
    }

    /** Clustered mode: z per unit from the unit sums, then the multistage variance. */
    private double clusteredVariance(Spec spec, int g, int cell, int k, double alpha, double beta,
        UnitOrder order) {
      int from = order.cellStart()[cell];
      int to = order.cellStart()[cell + 1];
      int n = to - from;
      int[] stratum = new int[n];
      int[] psu = new int[n];
      int[] unit = new int[n];
      double[] z = new double[n];
      int count = 0;
      double[] u = st.unitSums[g];
      for (int i = from; i < to; i++) {
        int base = order.slots()[i] * plan.unitWidth + spec.unitOffset;
        if (u[base] == 0) {
          continue;
        }
        double a = u[base + 3 + 2 * k] + u[base + 4 + 2 * k];
        double b = u[base + 1] + u[base + 2];
        stratum[count] = order.stratum()[i];
        psu[count] = order.psu()[i];
        unit[count] = order.unit()[i];
        z[count] = alpha * a + beta * b;
        count++;
      }
      if (design.isCalibrated()) {
        // units are rows here (Plan.unitOf)
        double[] byRow = new double[design.rowCount()];
        for (int i = 0; i < count; i++) {
          byRow[unit[i]] += z[i];
        }
        return calibratedVariance(byRow);
      }
      return tv.of(count, stratum, psu, unit, z, new double[count], new double[count]);
    }

    private int @Nullable [] designOrder;

    /**
     * The variance on a calibrated design: the scores of every row (zero outside the domain)
     * replaced by their residuals on the calibration, as R's {@code svyrecvar}, then summed by
     * PSU and stratum over all rows.
     */
    private double calibratedVariance(double[] byRow) {
      int n = design.rowCount();
      boolean stage2 = design.secondStageVariance();
      if (designOrder == null) {
        designOrder = IntStream.range(0, n).boxed()
            .sorted(Comparator.<Integer>comparingInt(design::stratum)
                .thenComparingInt(design::psu)
                .thenComparingInt(i -> stage2 ? design.ssu(i) : 0)
                .thenComparingInt(i -> i))
            .mapToInt(Integer::intValue).toArray();
      }
      double[] r = design.residualize(byRow);
      int[] stratum = new int[n];
      int[] psu = new int[n];
      int[] ssu = new int[n];
      double[] z = new double[n];
      for (int i = 0; i < n; i++) {
        int row = designOrder[i];
        stratum[i] = design.stratum(row);
        psu[i] = design.psu(row);
        ssu[i] = stage2 ? design.ssu(row) : 0;
        z[i] = r[row];
      }
      return tv.of(n, stratum, psu, ssu, z, new double[n], new double[n]);
    }

    /** R's deff: the variance over the SRS variance from svyvar of the domain's values. */
    private @Nullable Double designEffect(Spec spec, int g, int cell, int k, double est, double var) {
      double[] d = st.deffMom[g];
      int base = cell * plan.deffWidth + spec.deffOffset;
      double n = d[base];
      double w = d[base + 1] + d[base + 2];
      if (n < 2 || w == 0) {
        return null;
      }
      int off = base + 6 + 4 * k;
      double ss;
      if (spec.kind == Kind.RATIO) {
        // moments of y - s x, s the first y / x: var(y - R x) = var((y - s x) - (R - s) x)
        double r = est - d[off + 3];
        ss = d[off + 1] - 2 * r * d[off + 2] + r * r * d[base + 4];
      } else {
        ss = d[off + 1];
      }
      double svyvar = ss / w * n / (n - 1);
      double vsrs;
      boolean replace = plan.deff == DesignEffect.SRSWR;
      switch (spec.type) {
        case TOTAL:
          vsrs = replace ? svyvar * w * w / n : svyvar * w * w * (w - n) / (w * n);
          break;
        case RATIO: {
          // svyvar of r = (y - R x) / X, as R's svyratio passes r to svytotal(deff = TRUE)
          double bTotal = ratioDenominator(spec, g, cell);
          double vr = svyvar / (bTotal * bTotal);
          vsrs = replace ? vr * w * w / n : vr * w * w * (w - n) / (w * n);
          break;
        }
        default:
          if (!replace && w < n) {
            return null;
          }
          vsrs = replace ? svyvar / n : svyvar * (w - n) / (w * n);
      }
      return finite(var / vsrs);
    }

    private double ratioDenominator(Spec spec, int g, int cell) {
      double[] sum = new double[2];
      if (plan.clustered) {
        UnitOrder order = Objects.requireNonNull(orders[g], "unit order");
        double[] u = st.unitSums[g];
        for (int i = order.cellStart()[cell]; i < order.cellStart()[cell + 1]; i++) {
          int base = order.slots()[i] * plan.unitWidth + spec.unitOffset;
          SufficientStatistics.addCompensated(sum, 0, u[base + 1]);
          sum[1] += u[base + 2];
        }
      } else {
        double[] m = st.mom[g];
        for (int h = 0; h < strata; h++) {
          int base = (cell * strata + h) * plan.momWidth + spec.momOffset;
          SufficientStatistics.addCompensated(sum, 0, m[base + 3]);
          sum[1] += m[base + 4];
        }
      }
      return sum[0] + sum[1];
    }

    private void quantileRows(Spec spec, int g, int cell, Grouping grouping, List<String> values,
        List<ResultRow> out) {
      long[] cnt = st.counts[g];
      int cBase = cell * plan.countWidth + spec.countOffset;
      long present = cnt[cBase];
      long missing = cnt[cBase + 1];
      int qi = cell * plan.quantileWidth + spec.quantileOffset;
      int size = st.quantileSizes[g][qi];
      int[] list = size == 0 ? new int[0] : Arrays.copyOf(st.quantileRows[g][qi], size);
      boolean impact = plan.conventions == Conventions.IMPACT;
      // as for means: analysistools keeps a domain whose respondents all lack the variable
      if (impact && present == 0 && missing == 0) {
        return;
      }
      if (impact && present == 0) {
        out.add(row(spec, null, grouping, values, null, null, null, null, Double.NaN, null, 0, 0, Double.NaN, Double.NaN,
            EnumSet.of(Flag.EMPTY)));
        return;
      }
      double[] y = new double[size];
      double[] w = new double[size];
      double[] wsum = new double[2];
      for (int i = 0; i < size; i++) {
        y[i] = spec.num.value(list[i]);
        w[i] = design.weight(list[i]);
        SufficientStatistics.addCompensated(wsum, 0, w[i]);
      }
      double total = wsum[0] + wsum[1];
      // sort by value, ties in row order, as R's order()
      int[] idx = IndexSort.order(size, y, list, null);
      double[] ySorted = new double[size];
      double[] wSorted = new double[size];
      int nonzero = 0;
      for (int i = 0; i < size; i++) {
        int j = idx[i];
        if (w[j] != 0) {
          ySorted[nonzero] = y[j];
          wSorted[nonzero] = w[j];
          nonzero++;
        }
      }
      // design order of the rows, for the variance of the Woodruff proportion
      double[] stratumKey = new double[size];
      int[] psuKey = new int[size];
      int[] ssuKey = new int[size];
      for (int i = 0; i < size; i++) {
        stratumKey[i] = design.stratum(list[i]);
        psuKey[i] = design.psu(list[i]);
        ssuKey[i] = design.secondStageVariance() ? design.ssu(list[i]) : list[i];
      }
      int[] byUnit = IndexSort.order(size, stratumKey, psuKey, ssuKey);
      int[] stratum = new int[size];
      int[] psu = new int[size];
      int[] ssu = new int[size];
      for (int i = 0; i < size; i++) {
        int r = list[byUnit[i]];
        stratum[i] = design.stratum(r);
        psu[i] = design.psu(r);
        ssu[i] = design.secondStageVariance() ? design.ssu(r) : 0;
      }
      // R's svyquantile(df = Inf) for a normal interval, else the domain's degf
      double df = plan.ci == ConfidenceInterval.WALD ? Double.POSITIVE_INFINITY : domainDf(list, w);
      for (double p : spec.probs) {
        String value = spec.type == AnalysisType.QUANTILE ? Plan.probabilityLabel(p) : null;
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        if (missing > 0 && !impact) {
          flags.add(Flag.MISSING_VALUES);
          out.add(row(spec, value, grouping, values, null, null, null, null, df, null, present, present, total, total,
              flags));
          continue;
        }
        if (nonzero == 0) {
          flags.add(Flag.EMPTY);
          out.add(row(spec, value, grouping, values, null, null, null, null, df, null, present, present, total, total,
              flags));
          continue;
        }
        double q = plan.quantileRule.quantile(ySorted, wSorted, nonzero, p);
        // Woodruff: the interval of P(Y <= q), mapped back through the quantile function
        double[] below = new double[2];
        for (int i = 0; i < size; i++) {
          if (y[i] <= q) {
            SufficientStatistics.addCompensated(below, 0, w[i]);
          }
        }
        double pm = (below[0] + below[1]) / total;
        double[] z = new double[size];
        for (int i = 0; i < size; i++) {
          int j = byUnit[i];
          z[i] = w[j] * ((y[j] <= q ? 1 : 0) - pm) / total;
        }
        double var;
        if (design.isCalibrated()) {
          double[] byRow = new double[design.rowCount()];
          for (int i = 0; i < size; i++) {
            byRow[list[byUnit[i]]] += z[i];
          }
          var = calibratedVariance(byRow);
        } else {
          var = tv.of(size, stratum, psu, ssu, z, new double[size], new double[size]);
        }
        Double se = null;
        Double lo = null;
        Double hi = null;
        if (Double.isNaN(var)) {
          flags.add(Flag.NO_VARIANCE);
        } else {
          double sp = Math.sqrt(var);
          ConfidenceInterval type = switch (plan.ci) {
            case LOGIT, XLOGIT -> ConfidenceInterval.XLOGIT;
            case ASIN -> ConfidenceInterval.ASIN;
            case BETA -> ConfidenceInterval.BETA;
            default -> ConfidenceInterval.T;
          };
          double[] pb = type.proportion(pm, sp, df, plan.level, present, present);
          double lower = Double.isNaN(pb[0]) || pb[0] < 0 ? Double.NaN
              : plan.quantileRule.quantile(ySorted, wSorted, nonzero, pb[0]);
          double upper = Double.isNaN(pb[1]) || pb[1] > 1 ? Double.NaN
              : plan.quantileRule.quantile(ySorted, wSorted, nonzero, pb[1]);
          lo = finite(lower);
          hi = finite(upper);
          double crit = Quantiles.t(1 - (1 - plan.level) / 2, df);
          se = finite((upper - lower) / (2 * crit));
        }
        out.add(row(spec, value, grouping, values, q, se, lo, hi, df, null, present, present, total, total, flags));
      }
    }

    /** PSUs minus strata among the domain's rows of non-zero weight: R's degf of the subset. */
    private double domainDf(int[] rows, double[] w) {
      java.util.BitSet psus = new java.util.BitSet(design.psuCount());
      java.util.BitSet strataSeen = new java.util.BitSet(strata);
      for (int i = 0; i < rows.length; i++) {
        if (w[i] != 0) {
          psus.set(design.psu(rows[i]));
          strataSeen.set(design.stratum(rows[i]));
        }
      }
      return psus.cardinality() - strataSeen.cardinality();
    }
  }
}
