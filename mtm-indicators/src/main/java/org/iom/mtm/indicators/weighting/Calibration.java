package org.iom.mtm.indicators.weighting;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.jspecify.annotations.Nullable;

/**
 * Calibration to population totals as R survey's {@code calibrate} on a design without
 * replicate weights: new weights {@code w g} with {@code g = F(x'eta)} such that the weighted
 * totals of the auxiliary variables {@code x} equal the population's. Immutable.
 *
 * <p>Linear calibration without bounds is the GREG estimator in closed form (R's {@code
 * regcalibrate}); otherwise {@code eta} is found by Newton's method as in R's {@code grake}: the
 * step solves {@code T deta = misfit} with the Moore-Penrose inverse of {@code T = sum w F'(x'eta)
 * x x'}, halves while a ratio is not finite, and stops when every target is met within {@code
 * epsilon} relative ({@code |miss| / (1 + |target|)}). When every target exceeds 20 times its
 * weighted sample total the weights are first rescaled by the mean of those ratios, as R does
 * (bounds then apply to the rescaled weights, with a warning). Failure to converge is an error
 * unless {@link #force(boolean)} (R's {@code force = TRUE}), when it is a warning.
 */
public final class Calibration implements WeightAdjustment {

  /** R's default {@code maxit} of {@code calibrate}. */
  public static final int DEFAULT_MAXIT = 50;

  /** Full convergence, tighter than R's default {@code epsilon = 1e-7}. */
  public static final double DEFAULT_EPSILON = 1e-10;

  /** R's threshold of the ratio of population to sample totals beyond which weights are rescaled. */
  private static final double RESCALE_THRESHOLD = 20;

  private final CalibrationModel model;
  private final CalibrationFunction function;
  private final double lower;
  private final double upper;
  private final int maxit;
  private final double epsilon;
  private final boolean force;

  private Calibration(
      CalibrationModel model, CalibrationFunction function, double lower, double upper,
      int maxit, double epsilon, boolean force) {
    this.model = model;
    this.function = function;
    this.lower = lower;
    this.upper = upper;
    this.maxit = maxit;
    this.epsilon = epsilon;
    this.force = force;
  }

  /**
   * Linear calibration (GREG) without bounds.
   *
   * @param model the auxiliary variables and their totals
   * @return the step
   */
  public static Calibration of(CalibrationModel model) {
    return new Calibration(model, CalibrationFunction.LINEAR, Double.NEGATIVE_INFINITY,
        Double.POSITIVE_INFINITY, DEFAULT_MAXIT, DEFAULT_EPSILON, false);
  }

  /**
   * The same calibration with another distance function.
   *
   * @param function linear, raking or logit
   * @return a new step
   */
  public Calibration function(CalibrationFunction function) {
    return new Calibration(model, function, lower, upper, maxit, epsilon, force);
  }

  /**
   * The same calibration with bounds on the ratio {@code g} of new to old weight (R's {@code
   * bounds = c(L, U)}); infinite bounds are no bound.
   *
   * @param lower {@code L}, below 1
   * @param upper {@code U}, above 1
   * @return a new step
   * @throws IllegalArgumentException naming the bounds when not {@code L < 1 < U}
   */
  public Calibration bounds(double lower, double upper) {
    if (Double.isNaN(lower) || Double.isNaN(upper) || !(lower < 1) || !(upper > 1)) {
      throw new IllegalArgumentException(
          "calibration bounds " + lower + ", " + upper + " do not satisfy lower < 1 < upper");
    }
    return new Calibration(model, function, lower, upper, maxit, epsilon, force);
  }

  /**
   * The same calibration with another iteration limit and tolerance (R's {@code maxit} and
   * {@code epsilon}).
   *
   * @param maxit the largest number of Newton steps, at least 1
   * @param epsilon the relative tolerance on every target, positive
   * @return a new step
   * @throws IllegalArgumentException naming a bad value
   */
  public Calibration control(int maxit, double epsilon) {
    if (maxit < 1) {
      throw new IllegalArgumentException("calibration maxit " + maxit + " is below 1");
    }
    if (!(epsilon > 0) || !Double.isFinite(epsilon)) {
      throw new IllegalArgumentException("calibration epsilon " + epsilon + " is not a positive number");
    }
    return new Calibration(model, function, lower, upper, maxit, epsilon, force);
  }

  /**
   * Whether weights that miss the targets are returned with a warning rather than an error
   * (R's {@code force}).
   *
   * @param force true to accept a calibration that did not converge
   * @return a new step
   */
  public Calibration force(boolean force) {
    return new Calibration(model, function, lower, upper, maxit, epsilon, force);
  }

  private boolean bounded() {
    return lower != Double.NEGATIVE_INFINITY || upper != Double.POSITIVE_INFINITY;
  }

  @Override
  public WeightStep apply(double[] weights) {
    Weights.checkPositive(weights, "calibration");
    int n = model.units();
    if (weights.length != n) {
      throw new IllegalArgumentException("the calibration model has " + n + " units, the weights " + weights.length);
    }
    if (function == CalibrationFunction.LOGIT
        && (Double.isInfinite(lower) || Double.isInfinite(upper))) {
      throw new IllegalArgumentException("logit calibration needs finite bounds, got " + lower + ", " + upper);
    }
    double[][] x = model.columns();
    double[] pop = model.totalsView();
    int p = pop.length;
    List<Double> trace = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    double[] g;
    int iterations;
    boolean converged;
    if (function == CalibrationFunction.LINEAR && !bounded()) {
      // R's regcalibrate: one exact step of generalized regression.
      double[] st = totals(x, weights, null);
      double[][] t = crossprod(x, weights, null);
      double[] misfit = new double[p];
      for (int j = 0; j < p; j++) {
        misfit[j] = pop[j] - st[j];
      }
      double[] eta = multiply(pseudoInverse(t), misfit);
      g = new double[n];
      for (int i = 0; i < n; i++) {
        g[i] = 1 + dot(x, i, eta);
      }
      double miss = relativeMiss(pop, totals(x, weights, g));
      trace.add(miss);
      iterations = 1;
      converged = miss < epsilon;
    } else {
      double[] ww = weights.clone();
      double[] st = totals(x, ww, null);
      double scale = 1;
      double minScale = Double.POSITIVE_INFINITY;
      double meanScale = 0;
      for (int j = 0; j < p; j++) {
        double s = pop[j] / st[j];
        minScale = Math.min(minScale, s);
        meanScale += s / p;
      }
      if (minScale > RESCALE_THRESHOLD) {
        scale = meanScale;
        for (int i = 0; i < n; i++) {
          ww[i] *= scale;
        }
        for (int j = 0; j < p; j++) {
          st[j] *= scale;
        }
        if (bounded()) {
          warnings.add(String.format(Locale.ROOT,
              "the weights were rescaled by %.6g before calibration (every target exceeds 20 times its sample total);"
                  + " the bounds apply to the rescaled weights", scale));
        }
      }
      double[] eta = new double[p];
      double[] u = new double[n];
      double[] fm1 = new double[n];
      double[] deriv = new double[n];
      evaluate(u, fm1, deriv);
      int iter = 1;
      boolean failed = false;
      while (true) {
        double[][] t = crossprod(x, ww, deriv);
        double[] misfit = misfit(pop, st, x, ww, fm1);
        double[] deta = multiply(pseudoInverse(t), misfit);
        for (int j = 0; j < p; j++) {
          eta[j] += deta[j];
        }
        linear(x, eta, u);
        evaluate(u, fm1, deriv);
        while (iter < maxit && !allFinite(fm1, deriv)) {
          iter++;
          for (int j = 0; j < p; j++) {
            deta[j] /= 2;
            eta[j] -= deta[j];
          }
          linear(x, eta, u);
          evaluate(u, fm1, deriv);
        }
        misfit = misfit(pop, st, x, ww, fm1);
        double miss = 0;
        boolean all = true;
        for (int j = 0; j < p; j++) {
          double r = Math.abs(misfit[j]) / (1 + Math.abs(pop[j]));
          miss = Math.max(miss, r);
          all &= r < epsilon;
        }
        trace.add(miss);
        if (all) {
          break;
        }
        iter++;
        if (Double.isNaN(miss)) {
          // R stops here too (a missing value in its convergence test): the step diverged.
          failed = true;
          break;
        }
        if (iter > maxit) {
          failed = true;
          break;
        }
      }
      g = new double[n];
      for (int i = 0; i < n; i++) {
        g[i] = (1 + fm1[i]) * scale;
      }
      iterations = Math.min(iter, maxit);
      converged = !failed;
    }
    double[] w = new double[n];
    boolean finite = true;
    for (int i = 0; i < n; i++) {
      w[i] = weights[i] * g[i];
      finite &= Double.isFinite(w[i]);
    }
    String settings = String.format(Locale.ROOT, "%s; calfun = %s, bounds = c(%s, %s), maxit = %d, epsilon = %s",
        model.formula(), function.rName(), bound(lower), bound(upper), maxit,
        Json.number(epsilon));
    if (!finite) {
      throw new WeightingException("calibration (" + function.rName() + ") gave weights that are not finite: the targets cannot be met", null);
    }
    List<MarginCheck> checks = model.checks(w);
    if (!converged) {
      String msg = String.format(Locale.ROOT,
          "calibration (%s) failed to converge: a target is missed by %.6g relative after %d iterations, epsilon is %s",
          function.rName(), trace.get(trace.size() - 1), iterations, Json.number(epsilon));
      warnings.add(msg);
      WeightingReport failed = report(settings, iterations, false, trace, checks, weights, w, warnings);
      if (!force) {
        throw new WeightingException(msg + "; the targets may contradict each other or the bounds be too tight", failed);
      }
    }
    for (double gi : g) {
      if (gi < 0) {
        warnings.add("some calibrated weights are negative (linear calibration without bounds)");
        break;
      }
    }
    WeightingReport report = report(settings, iterations, converged, trace, checks, weights, w, warnings);
    double[] whalf = new double[n];
    double[][] a = new double[p][n];
    double[] scaleBack = new double[n];
    for (int i = 0; i < n; i++) {
      whalf[i] = Math.sqrt(weights[i]);
      scaleBack[i] = g[i] * whalf[i];
    }
    for (int j = 0; j < p; j++) {
      for (int i = 0; i < n; i++) {
        a[j][i] = x[j][i] * whalf[i];
      }
    }
    QrProjection qr = new QrProjection(a);
    return new WeightStep(w, report, z -> {
      // R's svyrecvar for a greg_calibration: qr.resid(qr(x * sqrt(w)), z / (g sqrt(w))) * g sqrt(w).
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        y[i] = z[i] / scaleBack[i];
      }
      double[] r = qr.residuals(y);
      for (int i = 0; i < n; i++) {
        r[i] *= scaleBack[i];
      }
      return r;
    });
  }

  private WeightingReport report(
      String settings, int iterations, boolean converged, List<Double> trace, List<MarginCheck> checks,
      double[] before, double[] after, List<String> warnings) {
    // Linear calibration may give negative weights; their summary is still reported.
    return new WeightingReport("calibration (" + function.rName() + ")", settings, iterations, converged,
        trace, checks, WeightSummary.of(before), summary(after), 0, List.of(), List.of(), warnings);
  }

  private static WeightSummary summary(double[] w) {
    return WeightSummary.unchecked(w);
  }

  private static String bound(double b) {
    return b == Double.NEGATIVE_INFINITY ? "-Inf" : b == Double.POSITIVE_INFINITY ? "Inf" : Json.number(b);
  }

  private void evaluate(double[] u, double[] fm1, double[] deriv) {
    for (int i = 0; i < u.length; i++) {
      fm1[i] = function.fm1(u[i], lower, upper);
      deriv[i] = function.derivative(u[i], lower, upper);
    }
  }

  private static boolean allFinite(double[] a, double[] b) {
    for (int i = 0; i < a.length; i++) {
      if (!Double.isFinite(a[i]) || !Double.isFinite(b[i])) {
        return false;
      }
    }
    return true;
  }

  private static void linear(double[][] x, double[] eta, double[] u) {
    for (int i = 0; i < u.length; i++) {
      u[i] = dot(x, i, eta);
    }
  }

  private static double dot(double[][] x, int i, double[] eta) {
    double s = 0;
    for (int j = 0; j < eta.length; j++) {
      s += x[j][i] * eta[j];
    }
    return s;
  }

  private static double[] misfit(double[] pop, double[] st, double[][] x, double[] ww, double[] fm1) {
    double[] m = new double[pop.length];
    for (int j = 0; j < pop.length; j++) {
      double s = 0;
      for (int i = 0; i < ww.length; i++) {
        s += x[j][i] * ww[i] * fm1[i];
      }
      m[j] = pop[j] - st[j] - s;
    }
    return m;
  }

  /** {@code sum_i w_i g_i x_ij}, with {@code g = 1} when null. */
  private static double[] totals(double[][] x, double[] w, double @Nullable [] g) {
    double[] t = new double[x.length];
    for (int j = 0; j < x.length; j++) {
      double s = 0;
      for (int i = 0; i < w.length; i++) {
        s += x[j][i] * w[i] * (g == null ? 1 : g[i]);
      }
      t[j] = s;
    }
    return t;
  }

  /** {@code sum_i w_i d_i x_i x_i'}, with {@code d = 1} when null. */
  private static double[][] crossprod(double[][] x, double[] w, double @Nullable [] d) {
    int p = x.length;
    double[][] t = new double[p][p];
    for (int j = 0; j < p; j++) {
      for (int k = 0; k <= j; k++) {
        double s = 0;
        for (int i = 0; i < w.length; i++) {
          s += x[j][i] * x[k][i] * w[i] * (d == null ? 1 : d[i]);
        }
        t[j][k] = s;
        t[k][j] = s;
      }
    }
    return t;
  }

  private static double relativeMiss(double[] pop, double[] achieved) {
    double m = 0;
    for (int j = 0; j < pop.length; j++) {
      m = Math.max(m, Math.abs(pop[j] - achieved[j]) / (1 + Math.abs(pop[j])));
    }
    return m;
  }

  /** MASS's {@code ginv} with R's {@code tol = 256 * .Machine$double.eps}. */
  static double[][] pseudoInverse(double[][] t) {
    RealMatrix m = new Array2DRowRealMatrix(t, false);
    SingularValueDecomposition svd = new SingularValueDecomposition(m);
    double[] d = svd.getSingularValues();
    double tol = 256 * Math.ulp(1.0) * (d.length == 0 ? 0 : d[0]);
    RealMatrix u = svd.getU();
    RealMatrix v = svd.getV();
    int p = t.length;
    double[][] out = new double[p][p];
    for (int k = 0; k < d.length; k++) {
      if (!(d[k] > tol)) {
        continue;
      }
      for (int a = 0; a < p; a++) {
        double va = v.getEntry(a, k) / d[k];
        for (int b = 0; b < p; b++) {
          out[a][b] += va * u.getEntry(b, k);
        }
      }
    }
    return out;
  }

  private static double[] multiply(double[][] m, double[] v) {
    double[] r = new double[m.length];
    for (int a = 0; a < m.length; a++) {
      double s = 0;
      for (int b = 0; b < v.length; b++) {
        s += m[a][b] * v[b];
      }
      r[a] = s;
    }
    return r;
  }

  @Override
  public String toString() {
    return "Calibration[" + model + ", " + function.rName() + ", bounds (" + bound(lower) + ", " + bound(upper) + ")]";
  }
}
