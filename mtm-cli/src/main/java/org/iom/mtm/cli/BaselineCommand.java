package org.iom.mtm.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.iom.mtm.core.PopulationCategory;
import org.iom.mtm.core.baseline.BaselineCounts;
import org.iom.mtm.indicators.baseline.BaselineAnalysis;
import org.iom.mtm.indicators.baseline.BaselineDimension;
import org.iom.mtm.indicators.baseline.InformantReconciler;
import org.iom.mtm.indicators.baseline.Reconciliation;
import org.iom.mtm.indicators.disclosure.Disclosure;
import org.iom.mtm.indicators.result.ResultTable;
import org.iom.mtm.io.ReadException;
import org.iom.mtm.io.baseline.BaselineReader;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mtm baseline}: key informants' counts to totals, shares, growth, compound annual growth
 * and index numbers, as result-table rows (DESIGN.md, baseline section).
 */
@Command(
    name = "baseline",
    mixinStandardHelpOptions = true,
    description = {
      "Baseline counts (long CSV or JSON of DESIGN.md) to result-table rows: count (the stock of"
          + " each year), share, growth (each pair of consecutive years and first to last), cagr"
          + " and index (base year = 100).",
      "Several informants on one rayon, population type, nationality and year are reconciled;"
          + " their disagreement is flagged. Counts are stocks per year: the metadata give the"
          + " sum over years separately."
    })
final class BaselineCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--data", required = true, paramLabel = "FILE", description = "The baseline table: CSV, or JSON (.json).")
  Path data;

  @Option(
      names = "--by",
      split = ",",
      paramLabel = "V",
      description = "Break down by admin1, admin2 and/or nationality (comma-separated, crossed).")
  List<String> by = new ArrayList<>();

  @Option(names = "--from", paramLabel = "YEAR", description = "First year analysed.")
  @Nullable Integer from;

  @Option(names = "--to", paramLabel = "YEAR", description = "Last year analysed.")
  @Nullable Integer to;

  @Option(names = "--top", paramLabel = "N", description = "Keep the N largest groups (by the last year); merge the rest into 'Other'.")
  @Nullable Integer top;

  @Option(
      names = "--population-type",
      paramLabel = "TYPE",
      defaultValue = "all",
      description = "migrant_worker, return_migrant, emigrant or all (each type present, apart; default).")
  String populationType = "all";

  @Option(
      names = "--reconcile",
      paramLabel = "METHOD",
      defaultValue = "median",
      description = "How several informants' counts become one: median (default), mean, max or min.")
  String reconcile = "median";

  @Option(
      names = "--disagreement-ratio",
      paramLabel = "R",
      defaultValue = "2",
      description = "Flag informant_disagreement when the largest count exceeds R times the smallest (default 2).")
  double disagreementRatio = InformantReconciler.DEFAULT_DISAGREEMENT_RATIO;

  @Option(
      names = "--round-years",
      paramLabel = "FIRST-LAST",
      description = "The years the round covers (2020-2022): a row of another year is an input error.")
  @Nullable String roundYears;

  @Option(names = "--index-base", paramLabel = "YEAR", description = "Base year of the index numbers (default the first year).")
  @Nullable Integer indexBase;

  @Option(names = "--suppress", description = "Withhold counts below --min-count, their shares, and as many other counts as it takes that none can be derived from the totals.")
  boolean suppress;

  @Option(names = "--min-count", paramLabel = "N", defaultValue = "5", description = "Smallest count published under --suppress (default: ${DEFAULT-VALUE}).")
  long minCount = 5;

  @picocli.CommandLine.Mixin OutputOptions output = new OutputOptions();

  @Override
  public Integer call() {
    output.format();
    BaselineAnalysis analysis = analysis();
    BaselineReader reader = BaselineReader.create();
    if (roundYears != null) {
      String[] ends = roundYears.strip().split("-", -1);
      if (ends.length != 2 || !ends[0].strip().matches("[0-9]{4}") || !ends[1].strip().matches("[0-9]{4}")) {
        throw new InputException("--round-years: expected FIRST-LAST such as 2020-2022, got '" + roundYears + "'");
      }
      int first = Integer.parseInt(ends[0].strip());
      int last = Integer.parseInt(ends[1].strip());
      BaselineReader plain = reader;
      reader = option("--round-years", () -> plain.roundYears(first, last));
    }
    BaselineCounts counts;
    try {
      counts = reader.read(data);
    } catch (ReadException e) {
      throw new InputException(e.getMessage(), e);
    }
    ResultTable table;
    try {
      table = analysis.analyse(counts);
    } catch (IllegalArgumentException e) {
      throw new InputException(data + ": " + e.getMessage(), e);
    }
    if (suppress) {
      if (minCount < 1) {
        throw new InputException("--min-count must be at least 1, got " + minCount);
      }
      table = Disclosure.suppressSmallCounts(table, minCount);
    }
    PrintWriter err = spec.commandLine().getErr();
    for (Map.Entry<String, String> m : table.meta().entrySet()) {
      if (m.getKey().startsWith("declared_total.")) {
        err.println("mtm: warning: " + data + ": declared total " + m.getValue());
      }
    }
    err.flush();
    output.write(table, spec.commandLine().getOut());
    return 0;
  }

  private BaselineAnalysis analysis() {
    List<BaselineDimension> dims = new ArrayList<>();
    for (String v : by) {
      dims.add(option("--by", () -> BaselineDimension.ofCode(v)));
    }
    if (from != null && to != null && from > to) {
      throw new InputException("--from " + from + " is after --to " + to);
    }
    BaselineAnalysis a = option("--by", () -> BaselineAnalysis.create().by(dims));
    if (from != null) {
      a = a.from(from);
    }
    if (to != null) {
      a = a.to(to);
    }
    if (top != null) {
      BaselineAnalysis before = a;
      int n = top;
      a = option("--top", () -> before.top(n));
    }
    if (!populationType.strip().toLowerCase(Locale.ROOT).equals("all")) {
      a = a.populationType(option("--population-type", () -> PopulationCategory.ofCode(populationType)));
    }
    Reconciliation method = option("--reconcile", () -> Reconciliation.ofCode(reconcile));
    a = a.reconciler(option("--disagreement-ratio", () -> InformantReconciler.of(method, disagreementRatio)));
    if (indexBase != null) {
      a = a.indexBase(indexBase);
    }
    return a;
  }

  /** A value parsed from an option; a bad one is bad usage naming the option. */
  private static <T> T option(String name, Supplier<T> parse) {
    try {
      return parse.get();
    } catch (IllegalArgumentException e) {
      throw new InputException(name + ": " + e.getMessage(), e);
    }
  }
}
