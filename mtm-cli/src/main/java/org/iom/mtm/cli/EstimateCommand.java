package org.iom.mtm.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.iom.mtm.core.data.SurveyData;
import org.iom.mtm.core.data.TextColumn;
import org.iom.mtm.indicators.design.SurveyDesign;
import org.iom.mtm.indicators.disclosure.Disclosure;
import org.iom.mtm.indicators.disclosure.ReliabilityStandard;
import org.iom.mtm.indicators.estimate.ConfidenceInterval;
import org.iom.mtm.indicators.estimate.Conventions;
import org.iom.mtm.indicators.estimate.Denominator;
import org.iom.mtm.indicators.estimate.DesignEffect;
import org.iom.mtm.indicators.estimate.Estimation;
import org.iom.mtm.indicators.result.ResultTable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mtm estimate}: design-based estimates with standard errors, intervals and honest n. */
@Command(
    name = "estimate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
        "Design-based estimates (means, totals, proportions, select_multiple shares, ratios,"
            + " quantiles) with standard errors by Taylor linearization, confidence intervals,"
            + " design effects and unweighted and weighted denominators, as R survey computes them.",
        "Only the columns of --data that the options name (estimated, --by, design and"
            + " calibration variables, and the questions their skip logic refers to) are converted"
            + " and checked; the others are skipped, though every row is still counted. --read-all"
            + " converts every column; mtm validate checks and reports them all."})
final class EstimateCommand implements Callable<Integer> {

  @Option(names = "--data", required = true, paramLabel = "FILE", description = "KoBo export: CSV (, ; or tab; gzip ok), XLSX or API JSON.")
  Path data;

  @Option(names = "--form", paramLabel = "FORM", description = "XLSForm (.xlsx) or KoBo asset JSON: types, choice lists and skip logic.")
  @Nullable Path form;

  @Mixin DesignOptions design = new DesignOptions();

  @Mixin CalibrationOptions calibration = new CalibrationOptions();

  @Option(names = "--mean", paramLabel = "V", description = "Numeric mean (repeatable).")
  List<String> means = new ArrayList<>();

  @Option(names = "--total", paramLabel = "V", description = "Numeric total, or the population count of each level / option (repeatable).")
  List<String> totals = new ArrayList<>();

  @Option(names = "--prop", paramLabel = "V", description = "select_one: share of each level (repeatable).")
  List<String> props = new ArrayList<>();

  @Option(names = "--multi", paramLabel = "V", description = "select_multiple: share of respondents selecting each option (repeatable).")
  List<String> multis = new ArrayList<>();

  @Option(names = "--ratio", paramLabel = "N/D", description = "Ratio of totals (repeatable).")
  List<String> ratios = new ArrayList<>();

  @Option(names = "--median", paramLabel = "V", description = "Median, as R's svyquantile (repeatable).")
  List<String> medians = new ArrayList<>();

  @Option(names = "--quantile", paramLabel = "V:P1,P2,...", description = "Quantiles, as R's svyquantile (repeatable).")
  List<String> quantiles = new ArrayList<>();

  @Option(names = "--by", split = ",", paramLabel = "V1[,V2]", description = "Domains: every crossing of the levels; SEs from the full design.")
  List<String> by = new ArrayList<>();

  @Option(names = "--denominator", paramLabel = "answered|all", defaultValue = "answered", description = "For --prop/--multi: those who answered (default) or everyone.")
  String denominator = "answered";

  @Option(names = "--na-rm", description = "Set aside rows missing the analysed variable (a domain, not a filter), as R's na.rm.")
  boolean naRm;

  @Option(names = "--ci", paramLabel = "METHOD", description = "wald, t, logit, xlogit, beta, wilson, clopper-pearson, likelihood, asin, mean.")
  @Nullable String ci;

  @Option(names = "--level", defaultValue = "0.95", description = "Confidence level (default: ${DEFAULT-VALUE}).")
  double level = 0.95;

  @Option(names = "--conventions", paramLabel = "r|impact", defaultValue = "r", description = "r (default): R survey's methods; impact: IMPACT analysistools row for row.")
  String conventions = "r";

  @Option(names = "--deff", arity = "0..1", fallbackValue = "srswor", paramLabel = "replace", description = "Design effect against SRS without replacement, or with replacement (--deff replace).")
  @Nullable String deff;

  @Option(names = "--min-n", defaultValue = "30", description = "Rows with fewer respondents in the denominator are flagged low_n (default: ${DEFAULT-VALUE}).")
  long minN = 30;

  @Option(names = "--suppress", description = "Withhold stat, se and interval of flagged small cells, and as many others as it takes that none can be derived from margins; n and n_total are kept.")
  boolean suppress;

  @Option(names = "--threads", paramLabel = "N", description = "Threads for the estimation (default: the available processors). Any number gives the same numbers: the rows are cut into chunks by row count alone.")
  @Nullable Integer threads;

  @Option(names = "--read-all", description = "Read and check every column of --data, not only the variables the estimates need (slower; the estimates are the same).")
  boolean readAll;

  @picocli.CommandLine.Mixin OutputOptions output = new OutputOptions();

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    if (threads != null && threads < 1) {
      throw new InputException("--threads must be at least 1, got " + threads);
    }
    if (means.isEmpty() && totals.isEmpty() && props.isEmpty() && multis.isEmpty()
        && ratios.isEmpty() && medians.isEmpty() && quantiles.isEmpty()) {
      throw new InputException("nothing to estimate: give --mean, --total, --prop, --multi, --ratio, --median or --quantile");
    }
    output.format();
    Set<String> categorical = new LinkedHashSet<>(props);
    categorical.addAll(by);
    if (design.strata != null) {
      categorical.add(design.strata);
    }
    Set<String> wanted = variables();
    InputFiles.Survey survey =
        InputFiles.readSurvey(data, form, categorical, new LinkedHashSet<>(multis), readAll ? null : wanted);
    if (!readAll && !survey.data().names().containsAll(wanted)) {
      // A variable the file lacks: the message names every variable of the file, so read them all.
      survey = InputFiles.readSurvey(data, form, categorical, new LinkedHashSet<>(multis), null);
    }
    SurveyData d = survey.data();
    for (String v : means) {
      requireNumbers(survey, v, "--mean");
    }
    for (String v : medians) {
      requireNumbers(survey, v, "--median");
    }
    for (String q : quantiles) {
      requireNumbers(survey, quantileVar(q), "--quantile");
    }
    for (String r : ratios) {
      for (String part : r.split("/", -1)) {
        requireNumbers(survey, part.strip(), "--ratio");
      }
    }
    if (design.weights != null) {
      requireNumbers(survey, design.weights, "--weights");
      requireEveryRow(survey, design.weights, "--weights");
    }
    for (String f : design.fpc) {
      requireNumbers(survey, f, "--fpc");
      requireEveryRow(survey, f, "--fpc");
    }
    ResultTable table =
        InputFiles.inFile(
            data,
            () -> {
              SurveyDesign sd = calibration.apply(design.design(d));
              Estimation e = Estimation.of(sd);
              means.forEach(e::mean);
              totals.forEach(e::total);
              props.forEach(e::prop);
              multis.forEach(e::multi);
              for (String r : ratios) {
                String[] nd = r.split("/", -1);
                if (nd.length != 2 || nd[0].isBlank() || nd[1].isBlank()) {
                  throw new InputException("--ratio: '" + r + "' is not NUMERATOR/DENOMINATOR");
                }
                e.ratio(nd[0].strip(), nd[1].strip());
              }
              medians.forEach(e::median);
              for (String q : quantiles) {
                e.quantile(quantileVar(q), quantileProbs(q));
              }
              if (!by.isEmpty()) {
                e.by(by.toArray(String[]::new));
              }
              e.denominator(denominator(denominator));
              e.naRm(naRm);
              if (ci != null) {
                e.ci(interval(ci));
              }
              e.level(level);
              e.conventions(conventions(conventions));
              if (deff != null) {
                e.deff(deff.equalsIgnoreCase("replace") ? DesignEffect.SRSWR : DesignEffect.SRSWOR);
              }
              return e.threads(threads == null ? Runtime.getRuntime().availableProcessors() : threads).run();
            });
    if (minN < 0) {
      throw new InputException("--min-n must be >= 0, got " + minN);
    }
    table = Disclosure.flag(table, ReliabilityStandard.DEFAULT.withMinN(minN));
    if (suppress) {
      table = Disclosure.suppress(table);
    }
    output.write(table, spec.commandLine().getOut());
    return 0;
  }

  /**
   * Every variable the options name: what the projected read keeps. Specs are split leniently
   * here; malformed ones are reported when the estimates are set up.
   */
  Set<String> variables() {
    Set<String> v = new LinkedHashSet<>();
    v.addAll(means);
    v.addAll(totals);
    v.addAll(props);
    v.addAll(multis);
    for (String r : ratios) {
      for (String part : r.split("/", -1)) {
        v.add(part.strip());
      }
    }
    v.addAll(medians);
    for (String q : quantiles) {
      int colon = q.lastIndexOf(':');
      v.add((colon > 0 ? q.substring(0, colon) : q).strip());
    }
    v.addAll(by);
    v.addAll(design.variables());
    v.addAll(calibration.variables());
    return v;
  }

  private static String quantileVar(String spec) {
    int colon = spec.lastIndexOf(':');
    if (colon <= 0) {
      throw new InputException("--quantile: '" + spec + "' is not V:P1,P2,...");
    }
    return spec.substring(0, colon).strip();
  }

  private static double[] quantileProbs(String spec) {
    String[] parts = spec.substring(spec.lastIndexOf(':') + 1).split(",", -1);
    double[] p = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        p[i] = Double.parseDouble(parts[i].strip());
      } catch (NumberFormatException e) {
        throw new InputException("--quantile: '" + parts[i] + "' in '" + spec + "' is not a probability");
      }
      if (!(p[i] >= 0 && p[i] <= 1)) {
        throw new InputException("--quantile: probability " + parts[i] + " in '" + spec + "' is outside [0, 1]");
      }
    }
    return p;
  }

  static Denominator denominator(String name) {
    return switch (name.strip().toLowerCase(Locale.ROOT)) {
      case "answered" -> Denominator.ANSWERED;
      case "all" -> Denominator.ALL;
      default -> throw new InputException("--denominator: '" + name + "' is not answered or all");
    };
  }

  static ConfidenceInterval interval(String name) {
    try {
      return ConfidenceInterval.valueOf(name.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new InputException(
          "--ci: '" + name + "' is not one of wald, t, logit, xlogit, beta, wilson, clopper-pearson, likelihood, asin, mean");
    }
  }

  static Conventions conventions(String name) {
    try {
      return Conventions.valueOf(name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InputException("--conventions: '" + name + "' is not r or impact");
    }
  }

  /**
   * A variable the estimate needs as numbers that the file gave as text (no form, and a cell that
   * is not a number): the error names the file, the line and the first such value, not only the
   * column's type.
   */
  private static void requireNumbers(InputFiles.Survey survey, String variable, String flag) {
    if (!(survey.data().find(variable).orElse(null) instanceof TextColumn text)) {
      return;
    }
    for (int row = 0; row < text.size(); row++) {
      if (text.isAnswered(row) && !isNumber(text.text(row))) {
        long line = survey.read().line(row);
        throw new InputException(survey.file() + (line > 0 ? ":" + line : "") + ": column '" + variable
            + "': value '" + text.text(row) + "' is not a number, so the column was read as text; "
            + flag + " needs numbers (a --form declares the type; KoBo writes numbers with a dot)");
      }
    }
  }

  /** A design variable needs a value on every row: the first row without one, with its line. */
  private static void requireEveryRow(InputFiles.Survey survey, String variable, String flag) {
    org.iom.mtm.core.data.Column c = survey.data().find(variable).orElse(null);
    if (c == null || c.allAnswered()) {
      return;
    }
    for (int row = 0; row < c.size(); row++) {
      if (!c.isAnswered(row)) {
        long line = survey.read().line(row);
        throw new InputException(survey.file() + (line > 0 ? ":" + line : "") + ": column '" + variable
            + "': no value (" + c.state(row) + "); " + flag + " needs one on every row");
      }
    }
  }

  /** A decimal number as KoBo writes it: digits, a dot, an exponent; not Java's 1d, 0x1p3 or NaN. */
  private static final java.util.regex.Pattern NUMBER =
      java.util.regex.Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

  private static boolean isNumber(String s) {
    return NUMBER.matcher(s.strip()).matches();
  }
}
