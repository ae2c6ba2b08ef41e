package org.iom.mtm.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.iom.mtm.core.PopulationCategory;
import org.iom.mtm.core.baseline.BaselineCounts;
import org.iom.mtm.indicators.baseline.BaselineDimension;
import org.iom.mtm.indicators.baseline.InformantReconciler;
import org.iom.mtm.indicators.baseline.PopulationSizes;
import org.iom.mtm.indicators.baseline.Reconciliation;
import org.iom.mtm.indicators.result.ResultTable;
import org.iom.mtm.indicators.samplesize.Allocation;
import org.iom.mtm.indicators.samplesize.SamplePlan;
import org.iom.mtm.indicators.samplesize.Stratum;
import org.iom.mtm.io.ReadException;
import org.iom.mtm.io.baseline.BaselineReader;
import org.iom.mtm.io.csv.CsvOptions;
import org.iom.mtm.io.csv.CsvReader;
import org.iom.mtm.io.csv.CsvRecord;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mtm sample-size}: the survey's sample size for a proportion from the baseline's
 * population counts, allocated over strata.
 */
@Command(
    name = "sample-size",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description =
        "Sample size for a proportion (n0 = z^2 p(1-p)/e^2, times the design effect, finite"
            + " population correction, divided by the response rate, rounded up) with N from the"
            + " baseline (latest year, informants reconciled), allocated over strata.")
final class SampleSizeCommand implements Callable<Integer> {

  @Option(names = "--baseline", required = true, paramLabel = "FILE", description = "Baseline long CSV or JSON (DESIGN.md).")
  Path baseline;

  @Option(names = "--strata", required = true, paramLabel = "V", description = "admin1, admin2 or nationality.")
  String strata;

  @Option(names = "--moe", required = true, description = "Margin of error (half-width), e.g. 0.05.")
  double moe;

  @Option(names = "--level", defaultValue = "0.95", description = "Confidence level (default: ${DEFAULT-VALUE}).")
  double level = 0.95;

  @Option(names = "--p", defaultValue = "0.5", description = "Anticipated proportion (default: ${DEFAULT-VALUE}).")
  double p = 0.5;

  @Option(names = "--deff", defaultValue = "1.5", description = "Anticipated design effect (default: ${DEFAULT-VALUE}).")
  double deff = 1.5;

  @Option(names = "--response-rate", defaultValue = "0.8", description = "Expected response rate (default: ${DEFAULT-VALUE}).")
  double responseRate = 0.8;

  @Option(names = "--allocation", defaultValue = "proportional", paramLabel = "proportional|neyman|equal|per-stratum",
      description = "How the total is divided (default: ${DEFAULT-VALUE}); per-stratum sizes each stratum for the precision within it.")
  String allocation = "proportional";

  @Option(names = "--min-per-stratum", defaultValue = "0", description = "Minimum per stratum (default: ${DEFAULT-VALUE}).")
  long minPerStratum;

  @Option(names = "--stratum-p", paramLabel = "FILE",
      description = "Anticipated proportion per stratum for Neyman allocation: CSV with columns stratum,p (or stratum,sd); strata not listed take --p.")
  @Nullable Path stratumP;

  @Option(names = "--year", description = "Baseline year (default: the latest).")
  @Nullable Integer year;

  @Option(names = "--population-type", defaultValue = "migrant_worker", paramLabel = "migrant_worker|return_migrant|emigrant",
      description = "Population counted (default: ${DEFAULT-VALUE}).")
  String populationType = "migrant_worker";

  @Option(names = "--reconcile", defaultValue = "median", paramLabel = "median|mean|max|min", description = "Informants' counts reconciled by (default: ${DEFAULT-VALUE}).")
  String reconcile = "median";

  @picocli.CommandLine.Mixin OutputOptions output = new OutputOptions();

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    output.format();
    BaselineDimension dimension = parse("--strata", () -> BaselineDimension.ofCode(strata));
    PopulationCategory category = parse("--population-type", () -> PopulationCategory.ofCode(populationType));
    Reconciliation method = parse("--reconcile", () -> Reconciliation.ofCode(reconcile));
    BaselineCounts counts;
    try {
      counts = BaselineReader.create().read(baseline);
    } catch (ReadException e) {
      throw new InputException(e.getMessage(), e);
    }
    PopulationSizes sizes =
        InputFiles.inFile(
            baseline,
            () ->
                PopulationSizes.of(counts.records(), category, year, List.of(dimension),
                    InformantReconciler.of(method, InformantReconciler.DEFAULT_DISAGREEMENT_RATIO)));
    Map<String, Double> population = sizes.sizes();
    int y = sizes.year();
    Map<String, Double> sd = stratumP == null ? Map.of() : standardDeviations(stratumP);
    for (String name : sd.keySet()) {
      if (!population.containsKey(name)) {
        throw new InputException(stratumP + ": stratum '" + name + "' is not in the baseline (strata are " + population.keySet() + ")");
      }
    }
    List<Stratum> list = new ArrayList<>();
    population.forEach((name, n) -> {
      if (Math.round(n) > 0) {
        list.add(new Stratum(name, Math.round(n), sd.getOrDefault(name, Math.sqrt(p * (1 - p)))));
      }
    });
    ResultTable table =
        InputFiles.inFile(
            baseline,
            () -> {
              String how = allocation.strip().toLowerCase(Locale.ROOT);
              SamplePlan plan =
                  how.equals("per-stratum") || how.equals("per_stratum")
                      ? SamplePlan.perStratumPrecision(moe, level, p, deff, responseRate, list, minPerStratum)
                      : SamplePlan.allocated(moe, level, p, deff, responseRate, list,
                          parse("--allocation", () -> Allocation.valueOf(how.toUpperCase(Locale.ROOT))), minPerStratum);
              return plan.toResultTable(dimension.code());
            });
    Map<String, String> meta = new java.util.LinkedHashMap<>(table.meta());
    meta.put("baseline_year", Integer.toString(y));
    meta.put("population_type", category.code());
    meta.put("reconcile", method.code());
    output.write(ResultTable.of(table.rows(), meta), spec.commandLine().getOut());
    return 0;
  }

  private static <T> T parse(String option, java.util.function.Supplier<T> parser) {
    try {
      return parser.get();
    } catch (IllegalArgumentException e) {
      throw new InputException(option + ": " + e.getMessage(), e);
    }
  }

  /** Reads {@code stratum,p} or {@code stratum,sd} into standard deviations. */
  private static Map<String, Double> standardDeviations(Path file) {
    Map<String, Double> sd = new java.util.LinkedHashMap<>();
    try (CsvReader r = CsvReader.open(file, CsvOptions.DETECT)) {
      List<String> header = r.header();
      int name = header.indexOf("stratum");
      int pc = header.indexOf("p");
      int sc = header.indexOf("sd");
      if (name < 0 || (pc < 0 && sc < 0)) {
        throw new InputException(file + ":1: expected columns stratum and p (or sd), found " + header);
      }
      for (CsvRecord rec : r) {
        int c = pc >= 0 ? pc : sc;
        String text = rec.getOrEmpty(c).strip();
        double v;
        try {
          v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
          throw new InputException(file + ":" + rec.line() + ":" + (c + 1) + ": '" + text + "' is not a number");
        }
        if (pc >= 0 && !(v >= 0 && v <= 1) || sc >= 0 && !(v >= 0)) {
          throw new InputException(file + ":" + rec.line() + ":" + (c + 1) + ": '" + text + "' is out of range");
        }
        sd.put(rec.getOrEmpty(name).strip(), pc >= 0 ? Math.sqrt(v * (1 - v)) : v);
      }
    } catch (ReadException e) {
      throw new InputException(e.getMessage(), e);
    }
    return sd;
  }
}
