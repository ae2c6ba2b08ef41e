package org.iom.mtm.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iom.mtm.core.data.SurveyData;
import org.iom.mtm.indicators.design.SurveyDesign;
import org.iom.mtm.indicators.weighting.Calibration;
import org.iom.mtm.indicators.weighting.CalibrationFunction;
import org.iom.mtm.indicators.weighting.CalibrationModel;
import org.iom.mtm.indicators.weighting.DesignWeights;
import org.iom.mtm.indicators.weighting.Margin;
import org.iom.mtm.indicators.weighting.PostStratification;
import org.iom.mtm.indicators.weighting.Raking;
import org.iom.mtm.indicators.weighting.Reweighting;
import org.iom.mtm.indicators.weighting.Trimming;
import org.iom.mtm.indicators.weighting.WeightingReport;
import org.iom.mtm.io.ReadException;
import org.iom.mtm.io.csv.CsvOptions;
import org.iom.mtm.io.csv.CsvReader;
import org.iom.mtm.io.csv.CsvRecord;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The calibration flags shared by {@code mtm estimate} and {@code mtm weight}: post-stratification,
 * raking, calibration and trimming, applied in that order to the design's weights, with standard
 * errors that account for them as R survey's do.
 */
final class CalibrationOptions {

  /** The command using these options, for its standard error. */
  @Spec(Spec.Target.MIXEE) @Nullable CommandSpec mixee;

  @Option(names = "--poststratify", paramLabel = "V=FILE",
      description = "Post-stratify on V; FILE a CSV with columns V and Freq (V1,V2=FILE for crossed cells).")
  @Nullable String poststratify;

  @Option(names = "--partial",
      description = "Post-strata with a count but no respondent are left out with a warning (R's partial = TRUE).")
  boolean partial;

  @Option(names = "--rake", paramLabel = "V=FILE",
      description = "A raking margin; FILE a CSV with columns V and Freq. Repeat for each margin.")
  List<String> rake = new ArrayList<>();

  @Option(names = "--calibrate", split = ",", paramLabel = "V1,V2",
      description = "Calibration variables (numeric ones are numeric terms, the others categorical).")
  List<String> calibrate = new ArrayList<>();

  @Option(names = "--totals", paramLabel = "FILE",
      description = "Calibration totals, CSV term,total: stype=E,4421 for a category, api99,3914069 for a numeric variable.")
  @Nullable Path totals;

  @Option(names = "--calfun", paramLabel = "linear|raking|logit", defaultValue = "linear",
      description = "Calibration function (default: ${DEFAULT-VALUE}).")
  String calfun = "linear";

  @Option(names = "--bounds", paramLabel = "L:U",
      description = "Bounds on the ratio of calibrated to design weight (needed for logit).")
  @Nullable String bounds;

  @Option(names = "--maxit", paramLabel = "N",
      description = "Largest number of raking sweeps or calibration steps (default: 1000 for raking, 50 for calibration).")
  @Nullable Integer maxit;

  @Option(names = "--epsilon", paramLabel = "E",
      description = "Tolerance as R's: rake, below 1 relative to the weight total, else absolute; calibrate, relative miss of a"
          + " target. Default 1e-10 (full convergence).")
  @Nullable Double epsilon;

  @Option(names = "--trim", paramLabel = "LOW:HIGH[:strict]",
      description = "Trim weights as R's trimWeights: one pass, or until all are within (strict). An empty bound is none.")
  @Nullable String trim;

  /**
   * Whether any weighting step is asked for.
   *
   * @return true when the design's weights will change
   */
  boolean any() {
    return poststratify != null || !rake.isEmpty() || !calibrate.isEmpty() || trim != null;
  }

  /** The variables the steps read, for reading the data. */
  List<String> variables() {
    List<String> v = new ArrayList<>();
    if (poststratify != null) {
      v.addAll(marginVariables(poststratify, "--poststratify"));
    }
    for (String r : rake) {
      v.addAll(marginVariables(r, "--rake"));
    }
    v.addAll(calibrate);
    return v;
  }

  /**
   * The design with calibrated weights and standard errors that account for the calibration;
   * the design itself when no step is asked for.
   *
   * @throws InputException naming the file, variable or target that is wrong
   */
  SurveyDesign apply(SurveyDesign design) {
    if (!any()) {
      return design;
    }
    double[] w = new double[design.rowCount()];
    for (int i = 0; i < w.length; i++) {
      w[i] = design.weight(i);
    }
    Reweighting chain = reweight(design.data(), Reweighting.of(w));
    // Warnings (partial post-strata, forced calibration, one-pass trimming) are never silent.
    if (mixee != null) {
      PrintWriter err = mixee.commandLine().getErr();
      for (WeightingReport r : chain.reports()) {
        for (String warning : r.warnings()) {
          err.println("mtm: warning: " + warning);
        }
      }
      err.flush();
    }
    return chain.applyTo(design);
  }

  /**
   * The chain of steps after the starting weights.
   *
   * @param data the data holding every variable of {@link #variables()}
   * @param start the chain of the design weights
   * @throws InputException naming the file, variable or target that is wrong
   */
  Reweighting reweight(SurveyData data, DesignWeights start) {
    return reweight(data, Reweighting.of(start));
  }

  /**
   * The chain of steps after the starting weights.
   *
   * @param data the data holding every variable of {@link #variables()}
   * @param start the chain of the design weights
   * @throws InputException naming the file, variable or target that is wrong
   */
  Reweighting reweight(SurveyData data, Reweighting start) {
    try {
      Reweighting chain = start;
      if (poststratify != null) {
        chain = chain.then(PostStratification.of(margin(data, poststratify, "--poststratify")).partial(partial));
      } else if (partial) {
        throw new InputException("--partial without --poststratify");
      }
      if (!rake.isEmpty()) {
        List<Margin> margins = new ArrayList<>();
        for (String r : rake) {
          margins.add(margin(data, r, "--rake"));
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
        CalibrationModel model = CalibrationModel.of(data, calibrate, readTotals(totals));
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
      return chain;
    } catch (InputException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new InputException(e.getMessage(), e);
    }
  }

  /** The variables of {@code V1[,V2]=FILE}. */
  static List<String> cellVariables(String spec, String option) {
    return marginVariables(spec, option);
  }

  private static List<String> marginVariables(String spec, String option) {
    int eq = spec.lastIndexOf('=');
    if (eq <= 0 || eq == spec.length() - 1) {
      throw new InputException(option + " '" + spec + "' is not V=FILE");
    }
    return List.of(spec.substring(0, eq).split(","));
  }

  /** {@code V=FILE} or {@code V1,V2=FILE}: the margin of the variables with counts from FILE. */
  private static Margin margin(SurveyData data, String spec, String option) {
    List<String> vars = marginVariables(spec, option);
    Map<String, Double> counts = cellCounts(spec, option);
    try {
      return Margin.of(data, vars, counts);
    } catch (IllegalArgumentException e) {
      throw new InputException(option + " " + spec + ": " + e.getMessage(), e);
    }
  }

  /**
   * The counts of {@code V1[,V2]=FILE}: FILE a CSV with the columns V1 (V2) and Freq; the key of
   * a cell is its values joined with {@code " %/% "}.
   */
  static Map<String, Double> cellCounts(String spec, String option) {
    List<String> vars = marginVariables(spec, option);
    Path file = Path.of(spec.substring(spec.lastIndexOf('=') + 1));
    requireFile(file, option);
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
          key.add(rec.getOrEmpty(c).strip());
        }
        String label = String.join(" %/% ", key);
        double v = number(rec.getOrEmpty(freq), file + ":" + rec.lineOf(freq) + ":" + (freq + 1) + ": Freq");
        if (counts.put(label, v) != null) {
          throw new InputException(file + ":" + rec.line() + ": '" + label + "' appears twice");
        }
      }
    } catch (ReadException e) {
      throw new InputException(e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw new InputException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return counts;
  }

  private static Map<String, Double> readTotals(Path file) {
    requireFile(file, "--totals");
    Map<String, Double> totals = new LinkedHashMap<>();
    try (CsvReader r = CsvReader.open(file, CsvOptions.DETECT.withHeader(false))) {
      for (CsvRecord rec : r) {
        String term = rec.getOrEmpty(0).strip();
        if (rec.line() == 1 && term.equals("term")) {
          continue;
        }
        if (rec.size() != 2) {
          throw new InputException(file + ":" + rec.line() + ": expected term,total, got " + rec.size() + " cells");
        }
        double v = number(rec.getOrEmpty(1), file + ":" + rec.line() + ":2: total");
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

  private static void requireFile(Path file, String option) {
    if (!Files.isRegularFile(file)) {
      throw new InputException(option + ": no file " + file);
    }
  }

  private static Trimming trimming(String spec) {
    String[] parts = spec.split(":", -1);
    if (parts.length < 2 || parts.length > 3 || (parts.length == 3 && !parts[2].equals("strict"))) {
      throw new InputException("--trim '" + spec + "' is not LOW:HIGH or LOW:HIGH:strict");
    }
    double low = parts[0].isBlank() ? Double.NEGATIVE_INFINITY : number(parts[0], "--trim LOW");
    double high = parts[1].isBlank() ? Double.POSITIVE_INFINITY : number(parts[1], "--trim HIGH");
    return Trimming.of(low, high).strict(parts.length == 3);
  }

  private static double[] pair(String spec, String option) {
    String[] parts = spec.split(":", -1);
    if (parts.length != 2) {
      throw new InputException(option + " '" + spec + "' is not L:U");
    }
    return new double[] {number(parts[0], option + " L"), number(parts[1], option + " U")};
  }

  static double number(String text, String what) {
    try {
      double v = Double.parseDouble(text.strip());
      if (Double.isFinite(v)) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below, with the value
    }
    throw new InputException(what + " '" + text + "' is not a number");
  }
}
