package org.iom.mtm.indicators.weighting;

/**
 * Householder QR of an {@code n x p} matrix with R's limited pivoting (LINPACK {@code dqrdc2}):
 * a column whose remaining norm falls below {@code 1e-7} of its original norm is collinear with
 * those before it and is left out. {@link #residuals(double[])} is R's {@code qr.resid}: the part
 * of a vector orthogonal to the columns.
 */
final class QrProjection {
  private static final double TOLERANCE = 1e-7;

  private final int n;
  /** The Householder vectors, {@code v[k]} of length {@code n}, zero above row {@code k}. */
  private final double[][] v;
  private final double[] beta;
  private final int rank;

  /** @param columns the matrix by column, {@code columns[j][i]}; not modified */
  QrProjection(double[][] columns) {
    int p = columns.length;
    this.n = p == 0 ? 0 : columns[0].length;
    double[][] a = new double[p][];
    double[] original = new double[p];
    for (int j = 0; j < p; j++) {
      a[j] = columns[j].clone();
      original[j] = norm(a[j], 0);
    }
    double[][] vs = new double[Math.min(n, p)][];
    double[] bs = new double[Math.min(n, p)];
    int k = 0;
    for (int j = 0; j < p && k < n; j++) {
      double[] col = a[j];
      double rest = norm(col, k);
      if (original[j] == 0 || rest < TOLERANCE * original[j]) {
        continue;
      }
      double alpha = col[k] > 0 ? -rest : rest;
      double[] hv = new double[n];
      for (int i = k; i < n; i++) {
        hv[i] = col[i];
      }
      hv[k] -= alpha;
      double vv = 0;
      for (int i = k; i < n; i++) {
        vv += hv[i] * hv[i];
      }
      double b = 2 / vv;
      for (int jj = j; jj < p; jj++) {
        reflect(hv, b, k, a[jj]);
      }
      vs[k] = hv;
      bs[k] = b;
      k++;
    }
    this.v = vs;
    this.beta = bs;
    this.rank = k;
  }

  int rank() {
    return rank;
  }

  /** {@code y - X (X'X)^- X'y}, as R's {@code qr.resid}. */
  double[] residuals(double[] y) {
    double[] z = y.clone();
    for (int k = 0; k < rank; k++) {
      reflect(v[k], beta[k], k, z);
    }
    for (int k = 0; k < rank; k++) {
      z[k] = 0;
    }
    for (int k = rank - 1; k >= 0; k--) {
      reflect(v[k], beta[k], k, z);
    }
    return z;
  }

  private void reflect(double[] hv, double b, int from, double[] x) {
    double s = 0;
    for (int i = from; i < n; i++) {
      s += hv[i] * x[i];
    }
    s *= b;
    for (int i = from; i < n; i++) {
      x[i] -= s * hv[i];
    }
  }

  private static double norm(double[] x, int from) {
    double scale = 0;
    for (int i = from; i < x.length; i++) {
      scale = Math.max(scale, Math.abs(x[i]));
    }
    if (scale == 0) {
      return 0;
    }
    double s = 0;
    for (int i = from; i < x.length; i++) {
      double t = x[i] / scale;
      s += t * t;
    }
    return scale * Math.sqrt(s);
  }
}
