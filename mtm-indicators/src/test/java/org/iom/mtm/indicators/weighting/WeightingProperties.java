package org.iom.mtm.indicators.weighting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/** Properties of the weighting steps on random samples (a seed drives each sample). */
class WeightingProperties {

  /** A random sample: weights, a few categorical variables (every level used), one numeric. */
  private record Sample(double[] w, int[][] codes, int[] levels, double[] x) {}

  private static Sample sample(long seed, int n, int variables) {
    Random r = new Random(seed);
    double[] w = new double[n];
    double[] x = new double[n];
    int[][] codes = new int[variables][n];
    int[] levels = new int[variables];
    for (int v = 0; v < variables; v++) {
      levels[v] = 2 + r.nextInt(3);
      for (int i = 0; i < n; i++) {
        // The first units cover every level, so no target falls on an empty category.
        codes[v][i] = i < levels[v] ? i : r.nextInt(levels[v]);
      }
    }
    for (int i = 0; i < n; i++) {
      w[i] = 1 + 99 * r.nextDouble();
      x[i] = 10 + 90 * r.nextDouble();
    }
    return new Sample(w, codes, levels, x);
  }

  private static List<String> names(int k) {
    List<String> l = new ArrayList<>();
    for (int j = 0; j < k; j++) {
      l.add("c" + j);
    }
    return l;
  }

  /** Targets with a common total: the weighted sample counts, shifted by up to 30 %. */
  private static Map<String, Double> targets(Sample s, int v, double total, Random r) {
    double[] t = new double[s.levels()[v]];
    double sum = 0;
    for (int i = 0; i < s.w().length; i++) {
      t[s.codes()[v][i]] += s.w()[i];
    }
    for (int l = 0; l < t.length; l++) {
      t[l] *= 0.7 + 0.6 * r.nextDouble();
      sum += t[l];
    }
    Map<String, Double> m = new LinkedHashMap<>();
    for (int l = 0; l < t.length; l++) {
      m.put("c" + l, t[l] * total / sum);
    }
    return m;
  }

  @Property(tries = 60)
  void rakedMarginsHitTheirTargets(@ForAll long seed, @ForAll @IntRange(min = 20, max = 300) int n,
      @ForAll @IntRange(min = 1, max = 4) int variables) {
    Sample s = sample(seed, n, variables);
    Random r = new Random(seed + 1);
    // Targets that positive weights can meet: the margins of the weights times a factor in
    // [0.5, 1.5] per unit. (Random margins can be reachable only in the limit, where raking
    // slows down without end; that case is a warning, tested in WeightingTest.)
    double[] u = new double[n];
    for (int i = 0; i < n; i++) {
      u[i] = s.w()[i] * (0.5 + r.nextDouble());
    }
    List<Margin> margins = new ArrayList<>();
    List<double[]> targets = new ArrayList<>();
    for (int v = 0; v < variables; v++) {
      double[] t = PostStratification.totals(s.codes()[v], s.levels()[v], u);
      targets.add(t);
      Map<String, Double> m = new LinkedHashMap<>();
      for (int l = 0; l < t.length; l++) {
        m.put("c" + l, t[l]);
      }
      margins.add(Margin.of("v" + v, names(s.levels()[v]), s.codes()[v], m));
    }
    double total = Weights.sum(u);
    WeightStep step = Raking.of(margins).apply(s.w());
    assertTrue(step.report().converged(), step.report().toString());
    double[] w = step.weights();
    for (int v = 0; v < variables; v++) {
      double[] achieved = PostStratification.totals(s.codes()[v], s.levels()[v], w);
      for (int l = 0; l < achieved.length; l++) {
        assertEquals(targets.get(v)[l], achieved[l], 1e-8 * total, "margin v" + v + " level " + l);
      }
    }
  }

  /**
   * Raking runs its sweeps on the crossed table's counts; the plain path post-stratifies the
   * units on each margin in turn. After the same number of sweeps both give the same weights, and
   * the same residuals for the variance (R's svyrecvar: ten sweeps of x - psw ave(x / psw) with
   * the last sweep's post-stratified weights).
   */
  @Property(tries = 60)
  void rakingOnTheTableEqualsPostStratifyingTheUnits(@ForAll long seed,
      @ForAll @IntRange(min = 20, max = 300) int n, @ForAll @IntRange(min = 1, max = 4) int variables,
      @ForAll @IntRange(min = 1, max = 6) int sweeps) {
    Sample s = sample(seed, n, variables);
    Random r = new Random(seed + 7);
    double total = Weights.sum(s.w()) * (0.5 + r.nextDouble());
    List<Margin> margins = new ArrayList<>();
    for (int v = 0; v < variables; v++) {
      margins.add(Margin.of("v" + v, names(s.levels()[v]), s.codes()[v], targets(s, v, total, r)));
    }
    // epsilon below any change but none: `sweeps` sweeps, or fewer when a sweep changes nothing
    WeightStep step = Raking.of(margins).control(new Raking.Control(sweeps, 1e-300)).apply(s.w());
    int done = step.report().iterations();
    assertTrue(done == sweeps || step.report().trace().get(done - 1) == 0, step.report().toString());
    double[] w = s.w().clone();
    double[][] psw = new double[variables][];
    for (int it = 0; it < done; it++) {
      for (int v = 0; v < variables; v++) {
        w = PostStratification.compute(margins.get(v), w, false).weights();
        psw[v] = w;
      }
    }
    double[] mine = step.weights();
    for (int i = 0; i < n; i++) {
      assertEquals(w[i], mine[i], 1e-12 * Math.abs(w[i]), "unit " + i);
    }
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = s.x()[i] * mine[i];
    }
    double[] expected = x.clone();
    for (int it = 0; it < 10; it++) {
      for (int v = 0; v < variables; v++) {
        int[] codes = s.codes()[v];
        double[] sum = new double[s.levels()[v]];
        int[] count = new int[s.levels()[v]];
        for (int i = 0; i < n; i++) {
          sum[codes[i]] += expected[i] / psw[v][i];
          count[codes[i]]++;
        }
        for (int i = 0; i < n; i++) {
          expected[i] -= psw[v][i] * (sum[codes[i]] / count[codes[i]]);
        }
      }
    }
    double[] actual = step.residualize(x.clone());
    double scale = 0;
    for (double e : x) {
      scale = Math.max(scale, Math.abs(e));
    }
    for (int i = 0; i < n; i++) {
      assertEquals(expected[i], actual[i], 1e-10 * scale, "residual of unit " + i);
    }
  }

  @Property(tries = 60)
  void calibratedTotalsEqualTheTargets(@ForAll long seed, @ForAll @IntRange(min = 30, max = 300) int n,
      @ForAll("functions") CalibrationFunction f) {
    Sample s = sample(seed, n, 2);
    Random r = new Random(seed + 2);
    double total = 5_000;
    Map<String, Double> t0 = targets(s, 0, total, r);
    Map<String, Double> t1 = targets(s, 1, total, r);
    double xTotal = 0;
    double wTotal = 0;
    for (int i = 0; i < n; i++) {
      xTotal += s.w()[i] * s.x()[i];
      wTotal += s.w()[i];
    }
    xTotal *= total / wTotal * (0.95 + 0.1 * r.nextDouble());
    CalibrationModel model = CalibrationModel.builder()
        .categorical("a", names(s.levels()[0]), s.codes()[0], t0)
        .categorical("b", names(s.levels()[1]), s.codes()[1], t1)
        .numeric("x", s.x(), xTotal)
        .build();
    Calibration cal = Calibration.of(model).function(f).force(true);
    if (f == CalibrationFunction.LOGIT) {
      cal = cal.bounds(0.05, 20);
    }
    WeightStep step;
    try {
      step = cal.apply(s.w());
    } catch (WeightingException e) {
      // Weights that diverge are an error even when forced; only bounded or positive
      // calibration can get there.
      assertTrue(f != CalibrationFunction.LINEAR, e.getMessage());
      return;
    }
    if (!step.report().converged()) {
      // Random targets can be out of reach of bounded or positive weights: never silently.
      assertTrue(f != CalibrationFunction.LINEAR, "linear calibration always converges");
      assertTrue(!step.report().warnings().isEmpty());
      return;
    }
    for (MarginCheck c : step.report().margins()) {
      assertEquals(c.target(), c.achieved(), 1e-9 * (1 + Math.abs(c.target())), c.term());
    }
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<CalibrationFunction> functions() {
    return net.jqwik.api.Arbitraries.of(CalibrationFunction.class);
  }

  @Property(tries = 60)
  void calibrationToTotalsAlreadyMetLeavesWeightsAlone(@ForAll long seed, @ForAll @IntRange(min = 10, max = 200) int n,
      @ForAll("functions") CalibrationFunction f) {
    Sample s = sample(seed, n, 1);
    double[] t = new double[s.levels()[0]];
    double xt = 0;
    for (int i = 0; i < n; i++) {
      t[s.codes()[0][i]] += s.w()[i];
      xt += s.w()[i] * s.x()[i];
    }
    Map<String, Double> m = new LinkedHashMap<>();
    for (int l = 0; l < t.length; l++) {
      m.put("c" + l, t[l]);
    }
    CalibrationModel model = CalibrationModel.builder()
        .categorical("a", names(t.length), s.codes()[0], m).numeric("x", s.x(), xt).build();
    Calibration cal = Calibration.of(model).function(f);
    if (f == CalibrationFunction.LOGIT) {
      cal = cal.bounds(0.5, 2);
    }
    double[] w = cal.apply(s.w()).weights();
    for (int i = 0; i < n; i++) {
      assertEquals(s.w()[i], w[i], 1e-9 * s.w()[i]);
    }
  }

  @Property(tries = 60)
  void calibratedTotalsOfTheAuxiliariesHaveNoVariance(@ForAll long seed, @ForAll @IntRange(min = 10, max = 200) int n,
      @ForAll("functions") CalibrationFunction f) {
    // The totals a calibration meets are known, so their residuals vanish (R 4.2:
    // SE(svytotal(~stype, postStratify(dclus1, ~stype, pop.types))) is 1e-12).
    Sample s = sample(seed, n, 1);
    Random r = new Random(seed + 5);
    int k = s.levels()[0];
    Map<String, Double> t = targets(s, 0, 1000, r);
    double xt = 0;
    for (int i = 0; i < n; i++) {
      xt += s.w()[i] * s.x()[i];
    }
    CalibrationModel model = CalibrationModel.builder()
        .categorical("a", names(k), s.codes()[0], t).numeric("x", s.x(), xt * 1000 / Weights.sum(s.w())).build();
    Calibration cal = Calibration.of(model).function(f).force(true);
    if (f == CalibrationFunction.LOGIT) {
      cal = cal.bounds(0.2, 5);
    }
    WeightStep step;
    try {
      step = cal.apply(s.w());
    } catch (WeightingException e) {
      assertTrue(f != CalibrationFunction.LINEAR, e.getMessage());
      return;
    }
    if (!step.report().converged()) {
      return;
    }
    double[] w = step.weights();
    double[] zx = new double[n];
    double scale = 0;
    for (int i = 0; i < n; i++) {
      zx[i] = w[i] * s.x()[i];
      scale = Math.max(scale, Math.abs(zx[i]));
    }
    for (double v : step.residualize(zx)) {
      assertEquals(0, v, 1e-9 * scale);
    }
    for (int l = 0; l < k; l++) {
      double[] z = new double[n];
      for (int i = 0; i < n; i++) {
        z[i] = s.codes()[0][i] == l ? w[i] : 0;
      }
      for (double v : step.residualize(z)) {
        assertEquals(0, v, 1e-9 * 100);
      }
    }
    // Post-stratification, likewise, on the same categories.
    WeightStep ps = PostStratification.of(Margin.of("a", names(k), s.codes()[0], t)).apply(s.w());
    double[] wp = ps.weights();
    for (int l = 0; l < k; l++) {
      double[] z = new double[n];
      for (int i = 0; i < n; i++) {
        z[i] = s.codes()[0][i] == l ? wp[i] : 0;
      }
      for (double v : ps.residualize(z)) {
        assertEquals(0, v, 1e-9 * 100);
      }
    }
  }

  @Property(tries = 60)
  void linearCalibrationIsTheGregClosedForm(@ForAll long seed, @ForAll @IntRange(min = 10, max = 200) int n) {
    Sample s = sample(seed, n, 1);
    Random r = new Random(seed + 3);
    int k = s.levels()[0];
    Map<String, Double> t = targets(s, 0, 1000, r);
    double xt = 1000 * 55 * (0.9 + 0.2 * r.nextDouble());
    CalibrationModel model = CalibrationModel.builder()
        .categorical("a", names(k), s.codes()[0], t).numeric("x", s.x(), xt).build();
    double[] w = Calibration.of(model).apply(s.w()).weights();
    // GREG: w_i (1 + z_i' T^-1 (t - that)) with z = (indicators of every level, x), T = sum w z z'.
    int p = k + 1;
    double[][] tm = new double[p][p];
    double[] diff = new double[p];
    for (int l = 0; l < k; l++) {
      diff[l] = t.get("c" + l);
    }
    diff[k] = xt;
    for (int i = 0; i < n; i++) {
      double[] z = z(s, i, k);
      for (int a = 0; a < p; a++) {
        diff[a] -= s.w()[i] * z[a];
        for (int b = 0; b < p; b++) {
          tm[a][b] += s.w()[i] * z[a] * z[b];
        }
      }
    }
    RealMatrix tmat = new Array2DRowRealMatrix(tm);
    double[] lambda = new LUDecomposition(tmat).getSolver().solve(new ArrayRealVector(diff)).toArray();
    for (int i = 0; i < n; i++) {
      double[] z = z(s, i, k);
      double g = 1;
      for (int a = 0; a < p; a++) {
        g += z[a] * lambda[a];
      }
      assertEquals(s.w()[i] * g, w[i], 1e-9 * Math.abs(s.w()[i] * g) + 1e-9);
    }
  }

  private static double[] z(Sample s, int i, int k) {
    double[] z = new double[k + 1];
    z[s.codes()[0][i]] = 1;
    z[k] = s.x()[i];
    return z;
  }

  @Property(tries = 60)
  void postStratifiedWeightsDoNotDependOnRowOrder(@ForAll long seed, @ForAll @IntRange(min = 5, max = 200) int n) {
    Sample s = sample(seed, n, 1);
    Random r = new Random(seed + 4);
    int k = s.levels()[0];
    Map<String, Double> t = targets(s, 0, 777, r);
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int tmp = perm[i];
      perm[i] = perm[j];
      perm[j] = tmp;
    }
    int[] codes2 = new int[n];
    double[] w2 = new double[n];
    for (int i = 0; i < n; i++) {
      codes2[i] = s.codes()[0][perm[i]];
      w2[i] = s.w()[perm[i]];
    }
    double[] a = PostStratification.of(Margin.of("a", names(k), s.codes()[0], t)).apply(s.w()).weights();
    double[] b = PostStratification.of(Margin.of("a", names(k), codes2, t)).apply(w2).weights();
    for (int i = 0; i < n; i++) {
      assertEquals(a[perm[i]], b[i], 1e-12 * a[perm[i]]);
    }
    double[] achieved = PostStratification.totals(s.codes()[0], k, a);
    for (int l = 0; l < k; l++) {
      assertEquals(t.get("c" + l), achieved[l], 1e-9 * 777);
    }
  }

  @Property(tries = 100)
  void trimmingKeepsTheTotalAndStrictTrimmingTheBounds(@ForAll long seed, @ForAll @IntRange(min = 5, max = 300) int n,
      @ForAll @DoubleRange(min = 0.1, max = 0.95) double low, @ForAll @DoubleRange(min = 1.05, max = 3) double high,
      @ForAll boolean strict) {
    Sample s = sample(seed, n, 1);
    double total = Weights.sum(s.w());
    double mean = total / n;
    WeightStep step;
    try {
      step = Trimming.of(low * mean, high * mean).strict(strict).apply(s.w());
    } catch (IllegalArgumentException e) {
      // Narrow bounds can leave no weight inside to take the trimmings: R divides by zero there.
      assertTrue(e.getMessage().contains("every weight is outside")
          || (!strict && e.getMessage().contains("negative")), e.getMessage());
      return;
    }
    double[] w = step.weights();
    assertEquals(total, Weights.sum(w), 1e-9 * total);
    if (strict) {
      for (double v : w) {
        assertTrue(v >= low * mean * (1 - 1e-12) && v <= high * mean * (1 + 1e-12), v + " outside");
      }
    }
  }
}
