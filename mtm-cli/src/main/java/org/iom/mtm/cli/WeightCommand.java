package org.iom.mtm.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.iom.mtm.core.data.AnswerState;
import org.iom.mtm.core.data.Column;
import org.iom.mtm.core.data.NumericColumn;
import org.iom.mtm.core.data.SurveyData;
import org.iom.mtm.core.data.TextColumn;
import org.iom.mtm.indicators.design.LonelyPsu;
import org.iom.mtm.indicators.design.SurveyDesign;
import org.iom.mtm.indicators.weighting.Calibration;
import org.iom.mtm.indicators.weighting.CalibrationFunction;
import org.iom.mtm.indicators.weighting.CalibrationModel;
import org.iom.mtm.indicators.weighting.Margin;
import org.iom.mtm.indicators.weighting.Normalisation;
import org.iom.mtm.indicators.weighting.PostStratification;
import org.iom.mtm.indicators.weighting.Raking;
import org.iom.mtm.indicators.weighting.Reweighting;
import org.iom.mtm.indicators.weighting.Trimming;
import org.iom.mtm.indicators.weighting.WeightingReport;
import org.iom.mtm.io.OutputFile;
import org.iom.mtm.io.ReadException;
import org.iom.mtm.io.csv.CsvOptions;
import org.iom.mtm.io.csv.CsvReader;
import org.iom.mtm.io.csv.CsvRecord;
import org.iom.mtm.io.csv.CsvWriter;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
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

  @Option(names = "--ids", split = ",", description = "Cluster ids by stage: V1[,V2].")
  List<String> ids = new ArrayList<>();

  @Option(names = "--strata", description = "Stratum variable.")
  @Nullable String strata;

  @Option(names = "--weights", description = "Starting weight variable; without it, weights from --fpc population sizes, else 1.")
  @Nullable String weights;

  @Option(names = "--fpc", split = ",", description = "Population sizes (or sampling fractions) by stage: V1[,V2].")
  List<String> fpc = new ArrayList<>();

  @Option(names = "--lonely-psu", defaultValue = "certainty",
      description = "Lonely-PSU treatment of the design (weights do not depend on it; default: ${DEFAULT-VALUE}).")
  String lonelyPsu;

  @Option(names = "--poststratify", description = "Post-stratify: V=FILE, FILE a CSV with columns V and Freq (V may be V1,V2 for crossed cells).")
  @Nullable String poststratify;

  @Option(names = "--partial", description = "Post-strata with a count but no respondent are left out with a warning (R's partial = TRUE).")
  boolean partial;

  @Option(names = "--rake", description = "A raking margin: V=FILE, FILE a CSV with columns V and Freq. Repeat for each margin.")
  List<String> rake = new ArrayList<>();

  @Option(names = "--calibrate", split = ",", description = "Calibration variables V1,V2 (numeric ones are numeric terms).")
  List<String> calibrate = new ArrayList<>();

  @Option(names = "--totals", description = "Calibration totals, CSV term,total: stype=E,4421 for a category, api99,3914069 for a numeric variable.")
  @Nullable Path totals;

  @Option(names = "--calfun", defaultValue = "linear", description = "linear, raking or logit (default: ${DEFAULT-VALUE}).")
  String calfun;

  @Option(names = "--bounds", description = "Bounds L:U on the ratio of calibrated to starting weight (needed for logit).")
  @Nullable String bounds;

  @Option(names = "--maxit", description = "Largest number of raking sweeps or calibration steps (default: 1000 for raking, 50 for calibration).")
  @Nullable Integer maxit;

  @Option(names = "--epsilon", description = "Convergence tolerance in R's sense (rake: below 1 relative to the weight total, else absolute; calibrate: relative miss). Default 1e-10.")
  @Nullable Double epsilon;

  @Option(names = "--trim", description = "Trim weights to LOW:HIGH[:strict], as R's trimWeights (one pass, or until all are within).")
  @Nullable String trim;

  @Option(names = "--normalise", description = "Rescale the final weights to sum to n (the respondents) or to a number N.")
  @Nullable String normalise;

  @Override
  public Integer call() {
    Table table = Table.read(data);
    if (table.header.contains(weightVar)) {
      throw new InputException(data + ": the data already have a column '" + weightVar + "': choose another --weight-var");
    }
    Reweighting chain;
    try {
      chain = Reweighting.of(startingWeights(table));
      if (poststratify != null) {
        chain = chain.then(PostStratification.of(margin(table, poststratify, "--poststratify")).partial(partial));
      }
      if (!rake.isEmpty()) {
        List<Margin> margins = new ArrayList<>();
        for (String r : rake) {
          margins.add(margin(table, r, "--rake"));
        }
        Raking raking = Raking.of(margins);
        if (maxit != null || epsilon != null) {
          raking = raking.control(new Raking.Control(
              maxit != null ? maxit : Raking.DEFAULT_CONTROL.maxit(),
              epsilon != null ? epsilon : Raking.DEFAULT_CONTROL.epsilon()));
        }
        chain = chain.then(raking);
      }
      if (!calibrate.isEmpty()) {
        if (totals == null) {
          throw new InputException("--calibrate needs --totals FILE (CSV term,total)");
        }
        CalibrationModel model = CalibrationModel.of(table.data(calibrate), calibrate, readTotals(totals));
        Calibration cal = Calibration.of(model).function(CalibrationFunction.of(calfun));
        if (bounds != null) {
          double[] b = pair(bounds, "--bounds");
          cal = cal.bounds(b[0], b[1]);
        }
        if (maxit != null || epsilon != null) {
          cal = cal.control(maxit != null ? maxit : Calibration.DEFAULT_MAXIT,
              epsilon != null ? epsilon : Calibration.DEFAULT_EPSILON);
        }
        chain = chain.then(cal);
      } else if (totals != null) {
        throw new InputException("--totals without --calibrate: name the calibration variables");
      }
      if (trim != null) {
        chain = chain.then(trimming(trim));
      }
      if (normalise != null) {
        chain = chain.then(normalise.equals("n") ? Normalisation.toSampleSize()
            : Normalisation.toPopulationSize(number(normalise, "--normalise")));
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
    spec.commandLine().getOut().print(done.toString());
    spec.commandLine().getOut().flush();
    for (WeightingReport r : done.reports()) {
      for (String warning : r.warnings()) {
        spec.commandLine().getErr().println("mtm: warning: " + warning);
      }
    }
    spec.commandLine().getErr().flush();
    return 0;
  }

  private static String json(List<WeightingReport> reports) {
    StringBuilder sb = new StringBuilder("{\"steps\":[");
    for (int i = 0; i < reports.size(); i++) {
      sb.append(i == 0 ? "" : ",").append(reports.get(i).toJson());
    }
    return sb.append("]}").toString();
  }

  private double[] startingWeights(Table table) {
    List<String> vars = new ArrayList<>(ids);
    if (strata != null) {
      vars.add(strata);
    }
    if (weights != null) {
      vars.add(weights);
    }
    vars.addAll(fpc);
    SurveyData d = table.data(vars);
    SurveyDesign.Builder b = SurveyDesign.builder(d).lonelyPsu(lonely(lonelyPsu));
    if (!ids.isEmpty()) {
      b.ids(ids.toArray(new String[0]));
    }
    if (strata != null) {
      b.strata(strata);
    }
    if (weights != null) {
      b.weights(weights);
    }
    if (!fpc.isEmpty()) {
      b.fpc(fpc.toArray(new String[0]));
    }
    SurveyDesign design = b.build();
    double[] w = new double[design.rowCount()];
    for (int i = 0; i < w.length; i++) {
      w[i] = design.weight(i);
    }
    return w;
  }

  private static LonelyPsu lonely(String name) {
    try {
      return LonelyPsu.ofCode(name);
    } catch (IllegalArgumentException e) {
      throw new InputException("--lonely-psu: " + e.getMessage(), e);
    }
  }

  /** {@code V=FILE} or {@code V1,V2=FILE}: the margin of the variables with counts from FILE. */
  private static Margin margin(Table table, String spec, String option) {
    int eq = spec.lastIndexOf('=');
    if (eq <= 0 || eq == spec.length() - 1) {
      throw new InputException(option + " '" + spec + "' is not V=FILE");
    }
    List<String> vars = List.of(spec.substring(0, eq).split(","));
    Path file = Path.of(spec.substring(eq + 1));
    Map<String, Double> counts = new LinkedHashMap<>();
    try (CsvReader r = CsvReader.open(file, CsvOptions.DETECT)) {
      int[] cols = new int[vars.size()];
      for (int k = 0; k < vars.size(); k++) {
        cols[k] = r.header().indexOf(vars.get(k));
        if (cols[k] < 0) {
          throw new InputException(file + ": no column '" + vars.get(k) + "' (columns are " + r.header() + ")");
        }
      }
      int freq = r.header().indexOf("Freq");
      if (freq < 0) {
        throw new InputException(file + ": no column 'Freq' (columns are " + r.header() + ")");
      }
      for (CsvRecord rec : r) {
        List<String> key = new ArrayList<>();
        for (int c : cols) {
          key.add(rec.getOrEmpty(c).trim());
        }
        String label = String.join(" %/% ", key);
        String text = rec.getOrEmpty(freq).trim();
        double v;
        try {
          v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
          throw new InputException(file + ":" + rec.lineOf(freq) + ":" + (freq + 1) + ": Freq '" + text + "' is not a number");
        }
        if (counts.put(label, v) != null) {
          throw new InputException(file + ":" + rec.line() + ": '" + label + "' appears twice");
        }
      }
    } catch (ReadException e) {
      throw new InputException(e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw new InputException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return Margin.of(table.data(vars), vars, counts);
  }

  private static Map<String, Double> readTotals(Path file) {
    Map<String, Double> totals = new LinkedHashMap<>();
    try (CsvReader r = CsvReader.open(file, CsvOptions.DETECT.withHeader(false))) {
      for (CsvRecord rec : r) {
        String term = rec.getOrEmpty(0).trim();
        String text = rec.getOrEmpty(1).trim();
        if (rec.line() == 1 && term.equals("term")) {
          continue;
        }
        if (rec.size() != 2) {
          throw new InputException(file + ":" + rec.line() + ": expected term,total, got " + rec.size() + " cells");
        }
        double v;
        try {
          v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
          throw new InputException(file + ":" + rec.line() + ":2: total '" + text + "' is not a number");
        }
        if (totals.put(term, v) != null) {
          throw new InputException(file + ":" + rec.line() + ": term '" + term + "' appears twice");
        }
      }
    } catch (ReadException e) {
      throw new InputException(e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw new InputException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return totals;
  }

  private static Trimming trimming(String spec) {
    String[] parts = spec.split(":");
    if (parts.length < 2 || parts.length > 3 || (parts.length == 3 && !parts[2].equals("strict"))) {
      throw new InputException("--trim '" + spec + "' is not LOW:HIGH or LOW:HIGH:strict");
    }
    double low = parts[0].isEmpty() ? Double.NEGATIVE_INFINITY : number(parts[0], "--trim");
    double high = parts[1].isEmpty() ? Double.POSITIVE_INFINITY : number(parts[1], "--trim");
    return Trimming.of(low, high).strict(parts.length == 3);
  }

  private static double[] pair(String spec, String option) {
    String[] parts = spec.split(":");
    if (parts.length != 2) {
      throw new InputException(option + " '" + spec + "' is not L:U");
    }
    return new double[] {number(parts[0], option), number(parts[1], option)};
  }

  private static double number(String text, String option) {
    try {
      double v = Double.parseDouble(text.trim());
      if (!Double.isFinite(v)) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new InputException(option + ": '" + text + "' is not a number");
    }
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
