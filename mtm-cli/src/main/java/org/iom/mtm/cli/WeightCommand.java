package org.iom.mtm.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.iom.mtm.core.PopulationCategory;
import org.iom.mtm.core.baseline.BaselineCounts;
import org.iom.mtm.core.data.AnswerState;
import org.iom.mtm.core.data.Column;
import org.iom.mtm.core.data.NumericColumn;
import org.iom.mtm.core.data.SurveyData;
import org.iom.mtm.core.data.TextColumn;
import org.iom.mtm.indicators.baseline.BaselineDimension;
import org.iom.mtm.indicators.baseline.InformantReconciler;
import org.iom.mtm.indicators.baseline.PopulationSizes;
import org.iom.mtm.indicators.design.SurveyDesign;
import org.iom.mtm.indicators.weighting.DesignWeights;
import org.iom.mtm.indicators.weighting.Normalisation;
import org.iom.mtm.indicators.weighting.Reweighting;
import org.iom.mtm.indicators.weighting.WeightingReport;
import org.iom.mtm.io.OutputFile;
import org.iom.mtm.io.ReadException;
import org.iom.mtm.io.baseline.BaselineReader;
import org.iom.mtm.io.csv.CsvOptions;
import org.iom.mtm.io.csv.CsvReader;
import org.iom.mtm.io.csv.CsvRecord;
import org.iom.mtm.io.csv.CsvWriter;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mtm weight}: starting weights from the design (the weight variable, or population sizes
 * over sample sizes from {@code --fpc} as R's {@code svydesign}), then post-stratification,
 * raking, calibration, trimming and normalisation in that order; writes the data with the new
 * weight column and prints the weighting report (JSON to {@code --report}).
 */
@Command(
    name = "weight",
    mixinStandardHelpOptions = true,
    description =
        "Compute survey weights: design weights (--weights, or --fpc population sizes over sample"
            + " sizes), then post-stratification, raking, calibration, trimming and normalisation,"
            + " as R survey does. Writes the data with the new weight column to --out, the report"
            + " as text to standard output and as JSON to --report.")
final class WeightCommand implements Callable<Integer> {
  private static final Set<String> MISSING = Set.of("", "NA", "n/a", "N/A", "NULL", "NaT");

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--data", required = true, description = "Survey data, CSV (delimiter and encoding detected).")
  Path data;

  @Option(names = "--out", required = true, description = "Where to write the data with the new weight column (CSV).")
  Path out;

  @Option(names = "--report", description = "Where to write the weighting report as JSON.")
  @Nullable Path report;

  @Option(names = "--weight-var", defaultValue = "weight", description = "Name of the new weight column (default: ${DEFAULT-VALUE}).")
  String weightVar;

  @Mixin DesignOptions design = new DesignOptions();

  @Option(names = "--design-counts", paramLabel = "V1[,V2]=FILE",
      description = "Design weights from baseline counts: in each cell of V1 (x V2), w = N_h / n_h, N_h from FILE"
          + " (CSV with columns V1[,V2] and Freq), n_h the respondents. Replaces --weights/--fpc weights.")
  @Nullable String designCounts;

  @Option(names = "--baseline", paramLabel = "FILE",
      description = "Design weights straight from a baseline (long CSV or JSON): w = N_h / n_h with N_h the"
          + " reconciled count of the latest year (or --baseline-year) in each stratum of --baseline-strata.")
  @Nullable Path baseline;

  @Option(names = "--baseline-strata", split = ",", paramLabel = "V=admin1|admin2|nationality",
      description = "Survey variables and the baseline dimension each matches, e.g. region=admin1,nationality=nationality.")
  List<String> baselineStrata = new ArrayList<>();

  @Option(names = "--baseline-year", paramLabel = "YEAR", description = "Baseline year for --baseline (default: the latest).")
  @Nullable Integer baselineYear;

  @Option(names = "--population-type", defaultValue = "migrant_worker", paramLabel = "migrant_worker|return_migrant|emigrant",
      description = "Population counted by --baseline (default: ${DEFAULT-VALUE}).")
  String populationType = "migrant_worker";

  @Mixin CalibrationOptions calibration = new CalibrationOptions();

  @Option(names = "--normalise", description = "Rescale the final weights to sum to n (the respondents) or to a number N.")
  @Nullable String normalise;

  @Override
  public Integer call() {
    Table table = Table.read(data);
    if (table.header.contains(weightVar)) {
      throw new InputException(data + ": the data already have a column '" + weightVar + "': choose another --weight-var");
    }
    List<String> vars = new ArrayList<>(design.variables());
    vars.addAll(calibration.variables());
    if (designCounts != null && baseline != null) {
      throw new InputException("--design-counts and --baseline both give design weights: give one");
    }
    if (designCounts != null || baseline != null) {
      if (design.weights != null || !design.fpc.isEmpty()) {
        throw new InputException((baseline != null ? "--baseline" : "--design-counts")
            + " replaces --weights and --fpc: give one or the other");
      }
      vars.addAll(designStrata());
    }
    SurveyData d = table.data(vars);
    Reweighting chain;
    try {
      SurveyDesign sd = design.design(d);
      double[] start = new double[sd.rowCount()];
      for (int i = 0; i < start.length; i++) {
        start[i] = sd.weight(i);
      }
      if (designCounts != null || baseline != null) {
        Map<String, Double> counts =
            baseline != null ? baselineSizes() : CalibrationOptions.cellCounts(designCounts, "--design-counts");
        DesignWeights dw = DesignWeights.of(d, designStrata(), counts);
        chain = calibration.reweight(d, dw);
      } else {
        chain = calibration.reweight(d, Reweighting.of(start));
      }
      if (normalise != null) {
        chain = chain.then(normalise.equals("n") ? Normalisation.toSampleSize()
            : Normalisation.toPopulationSize(CalibrationOptions.number(normalise, "--normalise")));
      }
    } catch (InputException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new InputException(data + ": " + e.getMessage(), e);
    }
    double[] w = chain.weights();
    Reweighting done = chain;
    OutputFile.write(out, writer -> table.write(writer, weightVar, w));
    if (report != null) {
      OutputFile.write(report, writer -> writer.write(json(done.reports()) + "\n"));
    }
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.print(done.toString());
    stdout.flush();
    PrintWriter stderr = spec.commandLine().getErr();
    for (WeightingReport r : done.reports()) {
      for (String warning : r.warnings()) {
        stderr.println("mtm: warning: " + warning);
      }
    }
    stderr.flush();
    return 0;
  }

  private static String json(List<WeightingReport> reports) {
    StringBuilder sb = new StringBuilder("{\"steps\":[");
    for (int i = 0; i < reports.size(); i++) {
      sb.append(i == 0 ? "" : ",").append(reports.get(i).toJson());
    }
    return sb.append("]}").toString();
  }

  /** The survey variables that define the design strata of --design-counts or --baseline. */
  private List<String> designStrata() {
    if (designCounts != null) {
      return CalibrationOptions.cellVariables(designCounts, "--design-counts");
    }
    if (baselineStrata.isEmpty()) {
      throw new InputException("--baseline needs --baseline-strata V=admin1|admin2|nationality[,...]");
    }
    List<String> vars = new ArrayList<>();
    for (String pair : baselineStrata) {
      int eq = pair.indexOf('=');
      if (eq <= 0 || eq == pair.length() - 1) {
        throw new InputException("--baseline-strata: '" + pair + "' is not V=admin1|admin2|nationality");
      }
      vars.add(pair.substring(0, eq).strip());
    }
    return vars;
  }

  /** N_h of each stratum from the baseline, keyed as DesignWeights labels the crossing. */
  private Map<String, Double> baselineSizes() {
    List<BaselineDimension> dims = new ArrayList<>();
    for (String pair : baselineStrata) {
      String dim = pair.substring(pair.indexOf('=') + 1).strip();
      try {
        dims.add(BaselineDimension.ofCode(dim));
      } catch (IllegalArgumentException e) {
        throw new InputException("--baseline-strata: " + e.getMessage(), e);
      }
    }
    PopulationCategory category;
    try {
      category = PopulationCategory.ofCode(populationType);
    } catch (IllegalArgumentException e) {
      throw new InputException("--population-type: " + e.getMessage(), e);
    }
    BaselineCounts counts;
    try {
      counts = BaselineReader.create().read(baseline);
    } catch (ReadException e) {
      throw new InputException(e.getMessage(), e);
    }
    return InputFiles.inFile(baseline,
        () -> PopulationSizes.of(counts.records(), category, baselineYear, dims, InformantReconciler.create()).sizes());
  }

  /** The data file as read: header, an optional HXL hashtag row, the records. */
  private static final class Table {
    final String file;
    final char delimiter;
    final List<String> header;
    final @Nullable CsvRecord hxl;
    final List<CsvRecord> records;

    private Table(String file, char delimiter, List<String> header, @Nullable CsvRecord hxl, List<CsvRecord> records) {
      this.file = file;
      this.delimiter = delimiter;
      this.header = header;
      this.hxl = hxl;
      this.records = records;
    }

    static Table read(Path path) {
      try (CsvReader r = CsvReader.open(path, CsvOptions.DETECT)) {
        List<CsvRecord> all = r.readAll();
        CsvRecord hxl = null;
        if (!all.isEmpty() && !all.get(0).getOrEmpty(0).isEmpty() && all.get(0).getOrEmpty(0).startsWith("#")) {
          hxl = all.get(0);
          all = all.subList(1, all.size());
        }
        if (all.isEmpty()) {
          throw new InputException(path + ": no data rows");
        }
        return new Table(path.toString(), r.delimiter(), r.header(), hxl, List.copyOf(all));
      } catch (ReadException e) {
        throw new InputException(e.getMessage(), e);
      } catch (UncheckedIOException e) {
        throw new InputException("cannot read " + path + ": " + e.getMessage(), e);
      }
    }

    /**
     * The named variables as columns: numeric when every value present reads as a number, else
     * text; the usual missing markers are missing.
     */
    SurveyData data(List<String> vars) {
      List<Column> cols = new ArrayList<>();
      for (String v : new java.util.LinkedHashSet<>(vars)) {
        int c = header.indexOf(v);
        if (c < 0) {
          throw new InputException(file + ": no variable '" + v + "' (columns are " + header + ")");
        }
        cols.add(column(v, c));
      }
      return SurveyData.of(cols);
    }

    private Column column(String name, int c) {
      boolean numeric = true;
      for (CsvRecord r : records) {
        String s = r.getOrEmpty(c).trim();
        if (!MISSING.contains(s) && !isNumber(s)) {
          numeric = false;
          break;
        }
      }
      if (numeric) {
        NumericColumn.Builder b = NumericColumn.builder(name);
        for (CsvRecord r : records) {
          String s = r.getOrEmpty(c).trim();
          if (MISSING.contains(s)) {
            b.addState(AnswerState.MISSING);
          } else {
            b.add(Double.parseDouble(s));
          }
        }
        return b.build();
      }
      TextColumn.Builder b = TextColumn.builder(name);
      for (CsvRecord r : records) {
        String s = r.getOrEmpty(c).trim();
        if (MISSING.contains(s)) {
          b.addState(AnswerState.MISSING);
        } else {
          b.add(s);
        }
      }
      return b.build();
    }

    private static boolean isNumber(String s) {
      if (s.isEmpty()) {
        return false;
      }
      char first = s.charAt(0);
      if (!(Character.isDigit(first) || first == '-' || first == '+' || first == '.')) {
        return false;
      }
      try {
        return Double.isFinite(Double.parseDouble(s));
      } catch (NumberFormatException e) {
        return false;
      }
    }

    void write(java.io.Writer w, String weightVar, double[] weights) throws IOException {
      CsvWriter out = CsvWriter.of(w, delimiter, CsvWriter.Quoting.MINIMAL, "\n");
      List<String> head = new ArrayList<>(header);
      head.add(weightVar);
      out.writeRow(head);
      if (hxl != null) {
        List<String> tags = new ArrayList<>(pad(hxl.cells()));
        tags.add("#indicator+weight");
        out.writeRow(tags);
      }
      for (int i = 0; i < records.size(); i++) {
        List<String> cells = new ArrayList<>(pad(records.get(i).cells()));
        cells.add(new BigDecimal(Double.toString(weights[i])).stripTrailingZeros().toPlainString());
        out.writeRow(cells);
      }
      out.flush();
    }

    private List<String> pad(List<String> cells) {
      List<String> c = new ArrayList<>(cells);
      while (c.size() < header.size()) {
        c.add("");
      }
      return c;
    }
  }
}
