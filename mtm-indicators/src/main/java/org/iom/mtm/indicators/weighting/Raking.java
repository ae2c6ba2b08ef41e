package org.iom.mtm.indicators.weighting;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Raking (iterative proportional fitting) as R survey's {@code rake}: post-stratify on each margin
 * in turn, sweep after sweep, until the weighted table of the crossed margin variables changes by
 * less than {@code epsilon} in every cell. Immutable.
 *
 * <p>R's default control ({@code maxit = 10, epsilon = 1}) stops early; this class's default,
 * {@link #DEFAULT_CONTROL}, converges fully: {@code epsilon = 1e-10} relative to the weight total,
 * at most 1000 sweeps. Non-convergence is a warning in the report, as in R; margins whose
 * population totals disagree by more than {@link #TOTALS_TOLERANCE} (relative) cannot all be met
 * and are an error, as is a positive target on a category without units.
 */
public final class Raking implements WeightAdjustment {

  /**
   * R's control of {@code rake}.
   *
   * @param maxit the largest number of sweeps
   * @param epsilon below 1, a tolerance relative to the sum of the starting weights; from 1 on,
   *     an absolute tolerance on the change of the weighted count of any cell
   */
  public record Control(int maxit, double epsilon) {
    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException naming the value when {@code maxit < 1} or epsilon is not
     *     positive
     */
    public Control {
      if (maxit < 1) {
        throw new IllegalArgumentException("raking maxit " + maxit + " is below 1");
      }
      if (!(epsilon > 0) || !Double.isFinite(epsilon)) {
        throw new IllegalArgumentException("raking epsilon " + epsilon + " is not a positive number");
      }
    }
  }

  /** R's default: {@code control = list(maxit = 10, epsilon = 1)}. */
  public static final Control R_CONTROL = new Control(10, 1);

  /** Full convergence: 1e-10 of the weight total, at most 1000 sweeps. */
  public static final Control DEFAULT_CONTROL = new Control(1000, 1e-10);

  /** Relative disagreement of the margins' population totals beyond which raking is refused. */
  public static final double TOTALS_TOLERANCE = 1e-6;

  /**
   * R's {@code svyrecvar} residualizes on raking margins with exactly this many sweeps of
   * margin-by-margin centring, not to convergence; we do the same so that standard errors agree.
   */
  static final int VARIANCE_SWEEPS = 10;

  private final List<Margin> margins;
  private final Control control;

  private Raking(List<Margin> margins, Control control) {
    this.margins = margins;
    this.control = control;
  }

  /**
   * Raking to margins with the default (full) convergence.
   *
   * @param margins at least one margin, all on the same units
   * @return the step
   * @throws IllegalArgumentException when there is no margin or their unit counts differ
   */
  public static Raking of(List<Margin> margins) {
    if (margins.isEmpty()) {
      throw new IllegalArgumentException("raking needs at least one margin");
    }
    for (Margin m : margins) {
      if (m.size() != margins.get(0).size()) {
        throw new IllegalArgumentException(
            "margin '" + m.variable() + "' has " + m.size() + " units, margin '"
                + margins.get(0).variable() + "' " + margins.get(0).size());
      }
    }
    return new Raking(List.copyOf(margins), DEFAULT_CONTROL);
  }

  /**
   * The same raking with another control.
   *
   * @param control maxit and epsilon, as R's {@code control}
   * @return a new step
   */
  public Raking control(Control control) {
    return new Raking(margins, control);
  }

  /**
   * The control in use.
   *
   * @return maxit and epsilon
   */
  public Control control() {
    return control;
  }

  /**
   * {@inheritDoc}
   *
   * <p>Every unit of a cell of the crossed margins gets the same factor in every sweep, so the
   * sweeps run on the crossed table's weighted counts (a few cells), and the units' weights are
   * written once at the end: the same weights as post-stratifying the units sweep after sweep (up
   * to rounding), in a few passes over the units instead of two per margin and sweep.
   */
  @Override
  public WeightStep apply(double[] weights) {
    Weights.checkPositive(weights, "raking");
    if (weights.length != margins.get(0).size()) {
      throw new IllegalArgumentException(
          "the margins have " + margins.get(0).size() + " units, the weights " + weights.length);
    }
    checkTargets();
    double[] start = weights.clone();
    double total = Weights.sum(start);
    double epsilon = control.epsilon() < 1 ? control.epsilon() * total : control.epsilon();
    Crossing crossing = crossing();
    int[] cells = crossing.cells;
    int nCells = crossing.count;
    double[] startTable = PostStratification.totals(cells, nCells, start);
    // factor[c]: the product of the reweighting factors of cell c so far; marginFactor[m]: the
    // factor after margin m in the last sweep (its post-stratified weights, for the variance)
    double[] factor = new double[nCells];
    java.util.Arrays.fill(factor, 1);
    double[][] marginFactor = new double[margins.size()][];
    double[] oldTable = startTable.clone();
    List<Double> trace = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    int iter = 0;
    boolean converged = false;
    while (iter < control.maxit()) {
      for (int m = 0; m < margins.size(); m++) {
        Margin margin = margins.get(m);
        int[] levelOfCell = crossing.levels[m];
        double[] sample = new double[margin.levels().size()];
        for (int c = 0; c < nCells; c++) {
          sample[levelOfCell[c]] += startTable[c] * factor[c];
        }
        double[] reweight = PostStratification.reweights(margin, sample, false).factors();
        for (int c = 0; c < nCells; c++) {
          factor[c] *= reweight[levelOfCell[c]];
        }
        marginFactor[m] = factor.clone();
      }
      double delta = 0;
      double[] newTable = new double[nCells];
      for (int c = 0; c < nCells; c++) {
        newTable[c] = startTable[c] * factor[c];
        delta = Math.max(delta, Math.abs(oldTable[c] - newTable[c]));
      }
      trace.add(delta);
      if (delta < epsilon) {
        converged = true;
        break;
      }
      oldTable = newTable;
      iter++;
    }
    int sweeps = converged ? iter + 1 : iter;
    if (!converged) {
      warnings.add(String.format(Locale.ROOT,
          "raking did not converge after %d sweeps: the last sweep changed a cell by %.6g, epsilon is %.6g",
          sweeps, trace.get(trace.size() - 1), epsilon));
    }
    double[] fin = new double[start.length];
    for (int i = 0; i < fin.length; i++) {
      fin[i] = start[i] * factor[cells[i]];
    }
    List<MarginCheck> checks = new ArrayList<>();
    for (int m = 0; m < margins.size(); m++) {
      Margin margin = margins.get(m);
      double[] achieved = new double[margin.levels().size()];
      for (int c = 0; c < nCells; c++) {
        achieved[crossing.levels[m][c]] += startTable[c] * factor[c];
      }
      for (int l = 0; l < margin.levels().size(); l++) {
        Double target = margin.population().get(margin.levels().get(l));
        if (target != null && (target > 0 || achieved[l] > 0)) {
          checks.add(new MarginCheck(margin.variable() + "=" + margin.levels().get(l), target, achieved[l]));
        }
      }
    }
    List<String> names = new ArrayList<>();
    for (Margin m : margins) {
      names.add("~" + m.variable());
    }
    WeightingReport report = new WeightingReport(
        "raking",
        String.format(Locale.ROOT, "%s; maxit = %d, epsilon = %s", String.join(" + ", names),
            control.maxit(), Json.number(control.epsilon())),
        sweeps, converged, trace, checks, WeightSummary.unchecked(start), WeightSummary.unchecked(fin), 0,
        List.of(), List.of(), warnings);
    List<Margin> ms = margins;
    return new WeightStep(fin, report, z -> residualize(z, ms, start, cells, marginFactor));
  }

  /**
   * R's {@code svyrecvar} for raking: {@value #VARIANCE_SWEEPS} sweeps of, for each margin,
   * {@code x - psw * ave(x / psw, margin)}, with {@code psw} the weights after that margin's
   * post-stratification in the last sweep of the raking ({@code start} times the cell's factor).
   */
  private static double[] residualize(
      double[] x, List<Margin> margins, double[] start, int[] cells, double[][] marginFactor) {
    for (int it = 0; it < VARIANCE_SWEEPS; it++) {
      for (int m = 0; m < margins.size(); m++) {
        int[] codes = margins.get(m).codes();
        int k = margins.get(m).levels().size();
        double[] f = marginFactor[m];
        double[] sum = new double[k];
        int[] count = new int[k];
        for (int i = 0; i < x.length; i++) {
          sum[codes[i]] += x[i] / (start[i] * f[cells[i]]);
          count[codes[i]]++;
        }
        for (int i = 0; i < x.length; i++) {
          x[i] -= start[i] * f[cells[i]] * (sum[codes[i]] / count[codes[i]]);
        }
      }
    }
    return x;
  }

  private void checkTargets() {
    double first = margins.get(0).populationTotal();
    for (Margin m : margins) {
      double t = m.populationTotal();
      if (Math.abs(t - first) > TOTALS_TOLERANCE * Math.max(Math.abs(first), Math.abs(t))) {
        StringBuilder sb = new StringBuilder("raking margins disagree on the population total:");
        for (Margin mm : margins) {
          sb.append(' ').append(mm.variable()).append(' ').append(Json.number(mm.populationTotal())).append(';');
        }
        sb.setLength(sb.length() - 1);
        throw new WeightingException(sb + " (make the margins add up to the same total)", null);
      }
      int[] counts = new int[m.levels().size()];
      for (int c : m.codes()) {
        counts[c]++;
      }
      List<String> empty = new ArrayList<>();
      for (int l = 0; l < counts.length; l++) {
        Double target = m.population().get(m.levels().get(l));
        if (counts[l] == 0 && target != null && target > 0) {
          empty.add(m.levels().get(l) + " (" + Json.number(target) + ")");
        }
      }
      if (!empty.isEmpty()) {
        throw new WeightingException(
            "raking margin '" + m.variable() + "' has a target on a category without units: " + empty, null);
      }
    }
  }

  /**
   * The crossing of all margin variables, as R's {@code svytable(ff)}: each unit's cell, the
   * number of cells, and per margin the level of each cell.
   */
  private record Crossing(int[] cells, int count, int[][] levels) {}

  private Crossing crossing() {
    int n = margins.get(0).size();
    int[] cells = new int[n];
    Map<List<Integer>, Integer> index = new HashMap<>();
    List<int[]> levelsOfCells = new ArrayList<>();
    long stride = 1;
    for (Margin m : margins) {
      stride = stride > Long.MAX_VALUE / Math.max(1, m.levels().size()) ? Long.MAX_VALUE : stride * Math.max(1, m.levels().size());
    }
    int[] dense = stride <= 1 << 24 ? new int[(int) stride] : null;
    if (dense != null) {
      java.util.Arrays.fill(dense, -1);
    }
    for (int i = 0; i < n; i++) {
      int c;
      if (dense != null) {
        int key = 0;
        int s = 1;
        for (Margin m : margins) {
          key += s * m.code(i);
          s *= m.levels().size();
        }
        c = dense[key];
        if (c < 0) {
          c = levelsOfCells.size();
          dense[key] = c;
          levelsOfCells.add(levelsOf(i));
        }
      } else {
        int[] key = levelsOf(i);
        List<Integer> boxed = new ArrayList<>(key.length);
        for (int v : key) {
          boxed.add(v);
        }
        Integer found = index.get(boxed);
        if (found == null) {
          found = levelsOfCells.size();
          index.put(boxed, found);
          levelsOfCells.add(key);
        }
        c = found;
      }
      cells[i] = c;
    }
    int count = levelsOfCells.size();
    int[][] levels = new int[margins.size()][count];
    for (int c = 0; c < count; c++) {
      for (int m = 0; m < margins.size(); m++) {
        levels[m][c] = levelsOfCells.get(c)[m];
      }
    }
    return new Crossing(cells, count, levels);
  }

  private int[] levelsOf(int unit) {
    int[] key = new int[margins.size()];
    for (int m = 0; m < margins.size(); m++) {
      key[m] = margins.get(m).code(unit);
    }
    return key;
  }

  @Override
  public String toString() {
    return "Raking[" + margins + ", " + control + "]";
  }
}
