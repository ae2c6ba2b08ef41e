package org.iom.mtm.indicators.weighting;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.iom.mtm.core.data.CategoricalColumn;
import org.iom.mtm.core.data.NumericColumn;
import org.iom.mtm.core.data.SurveyData;

/**
 * R survey's {@code apiclus1} (golden/weighting/apiclus1.csv, copied from the project's oracle
 * data, itself an export of {@code data(api)}) and the goldens of {@code src/test/r/weighting.R},
 * with the one-stage cluster variance of {@code dclus1 <- svydesign(id = ~dnum, weights = ~pw,
 * fpc = ~fpc)} derived by hand: {@code (1 - n/N) n/(n - 1) sum_psu (z_psu - mean)^2}.
 */
final class ApiClus1 {
  static final String DIR = "/golden/weighting/";

  final SurveyData data;
  final double[] pw;
  final int[] dnum;
  final double fpc;

  private ApiClus1(String file) {
    List<String[]> rows = csv(file);
    String[] head = rows.get(0);
    List<String[]> body = rows.subList(1, rows.size());
    int n = body.size();
    pw = new double[n];
    dnum = new int[n];
    double f = 0;
    for (int i = 0; i < n; i++) {
      pw[i] = Double.parseDouble(body.get(i)[index(head, "pw")]);
      dnum[i] = Integer.parseInt(body.get(i)[index(head, "dnum")]);
      f = Double.parseDouble(body.get(i)[index(head, "fpc")]);
    }
    fpc = f;
    data = SurveyData.of(
        categorical(head, body, "stype"), categorical(head, body, "sch.wide"), categorical(head, body, "comp.imp"),
        categorical(head, body, "awards"),
        numeric(head, body, "api00"), numeric(head, body, "api99"), numeric(head, body, "enroll"),
        numeric(head, body, "dnum"), numeric(head, body, "pw"), numeric(head, body, "fpc"));
  }

  private static final ApiClus1 INSTANCE = new ApiClus1("apiclus1.csv");
  private static final ApiClus1 STRAT = new ApiClus1("apistrat.csv");

  /** apiclus1. */
  static ApiClus1 get() {
    return INSTANCE;
  }

  /** apistrat (golden/weighting/apistrat.csv, from the oracle's data like apiclus1). */
  static ApiClus1 strat() {
    return STRAT;
  }

  /** R: {@code dstrat <- svydesign(id = ~1, strata = ~stype, weights = ~pw, data = apistrat, fpc = ~fpc)}. */
  org.iom.mtm.indicators.design.SurveyDesign dstrat() {
    return org.iom.mtm.indicators.design.SurveyDesign.builder(data).strata("stype").weights("pw").fpc("fpc").build();
  }

  /** R: {@code dclus1 <- svydesign(id = ~dnum, weights = ~pw, data = apiclus1, fpc = ~fpc)}. */
  org.iom.mtm.indicators.design.SurveyDesign dclus1() {
    return org.iom.mtm.indicators.design.SurveyDesign.builder(data).ids("dnum").weights("pw").fpc("fpc").build();
  }

  int size() {
    return pw.length;
  }

  double[] values(String variable) {
    NumericColumn c = data.numeric(variable);
    double[] x = new double[c.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = c.value(i);
    }
    return x;
  }

  /** svymean's influence values: {@code w (y - mean) / sum(w)}. */
  static double[] meanInfluence(double[] y, double[] w) {
    double sw = 0;
    double swy = 0;
    for (int i = 0; i < y.length; i++) {
      sw += w[i];
      swy += w[i] * y[i];
    }
    double mean = swy / sw;
    double[] z = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      z[i] = w[i] * (y[i] - mean) / sw;
    }
    return z;
  }

  static double weightedMean(double[] y, double[] w) {
    double sw = 0;
    double swy = 0;
    for (int i = 0; i < y.length; i++) {
      sw += w[i];
      swy += w[i] * y[i];
    }
    return swy / sw;
  }

  static double[] totalInfluence(double[] y, double[] w) {
    double[] z = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      z[i] = w[i] * y[i];
    }
    return z;
  }

  /** The variance of {@code sum(z)} under dclus1: PSU totals, centred, with the fpc. */
  double clusterVariance(double[] z) {
    java.util.Map<Integer, Double> totals = new java.util.TreeMap<>();
    for (int i = 0; i < z.length; i++) {
      totals.merge(dnum[i], z[i], Double::sum);
    }
    int m = totals.size();
    double mean = 0;
    for (double t : totals.values()) {
      mean += t / m;
    }
    double ss = 0;
    for (double t : totals.values()) {
      ss += (t - mean) * (t - mean);
    }
    return (1 - m / fpc) * m / (m - 1.0) * ss;
  }

  static Map<String, double[]> goldenWeights() {
    List<String[]> rows = csv("weights.csv");
    String[] head = rows.get(0);
    Map<String, double[]> out = new java.util.LinkedHashMap<>();
    for (int c = 1; c < head.length; c++) {
      double[] w = new double[rows.size() - 1];
      for (int i = 1; i < rows.size(); i++) {
        w[i - 1] = Double.parseDouble(rows.get(i)[c]);
      }
      out.put(head[c], w);
    }
    return out;
  }

  /** An estimate of estimates.csv. */
  record Golden(String caseName, String statistic, String variable, double estimate, double se, String rCall) {}

  /** A row of more.csv: {@code level} is the domain or the category, empty otherwise. */
  record More(String caseName, String statistic, String variable, String level, double estimate, double se, String rCall) {
    @Override
    public String toString() {
      return caseName + " " + statistic + " " + variable + " " + level;
    }
  }

  static List<More> goldenMore() {
    List<String[]> rows = csv("more.csv");
    List<More> out = new ArrayList<>();
    for (String[] r : rows.subList(1, rows.size())) {
      out.add(new More(r[0], r[1], r[2], r[3], Double.parseDouble(r[4]), Double.parseDouble(r[5]), r[6]));
    }
    return out;
  }

  static Map<String, double[]> goldenWeights(String file) {
    List<String[]> rows = csv(file);
    String[] head = rows.get(0);
    Map<String, double[]> out = new java.util.LinkedHashMap<>();
    for (int c = 1; c < head.length; c++) {
      double[] w = new double[rows.size() - 1];
      for (int i = 1; i < rows.size(); i++) {
        w[i - 1] = Double.parseDouble(rows.get(i)[c]);
      }
      out.put(head[c], w);
    }
    return out;
  }

  static List<Golden> goldenEstimates() {
    List<String[]> rows = csv("estimates.csv");
    List<Golden> out = new ArrayList<>();
    for (String[] r : rows.subList(1, rows.size())) {
      out.add(new Golden(r[0], r[1], r[2], Double.parseDouble(r[3]), Double.parseDouble(r[4]), r[5]));
    }
    return out;
  }

  private static int index(String[] head, String name) {
    for (int i = 0; i < head.length; i++) {
      if (head[i].equals(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException("no column " + name);
  }

  private static CategoricalColumn categorical(String[] head, List<String[]> body, String name) {
    int k = index(head, name);
    TreeSet<String> levels = new TreeSet<>();
    for (String[] r : body) {
      levels.add(r[k]);
    }
    CategoricalColumn.Builder b = CategoricalColumn.builder(name, List.copyOf(levels));
    for (String[] r : body) {
      b.add(r[k]);
    }
    return b.build();
  }

  private static NumericColumn numeric(String[] head, List<String[]> body, String name) {
    int k = index(head, name);
    double[] x = new double[body.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = Double.parseDouble(body.get(i)[k]);
    }
    return NumericColumn.of(name, x);
  }

  /** A CSV reader for these files: fields may be quoted, {@code ""} is a quote. */
  static List<String[]> csv(String file) {
    try (InputStream in = ApiClus1.class.getResourceAsStream(DIR + file)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + DIR + file);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<String[]> out = new ArrayList<>();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isEmpty()) {
          out.add(split(line));
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String[] split(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder sb = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          sb.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          sb.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields.add(sb.toString());
        sb.setLength(0);
      } else {
        sb.append(c);
      }
    }
    fields.add(sb.toString());
    return fields.toArray(new String[0]);
  }

  static String format(double x) {
    return String.format(Locale.ROOT, "%.17g", x);
  }
}
