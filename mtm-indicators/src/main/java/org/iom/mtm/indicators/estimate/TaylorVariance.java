package org.iom.mtm.indicators.estimate;

import org.iom.mtm.indicators.design.LonelyPsu;
import org.iom.mtm.indicators.design.SurveyDesign;

/**
 * The Taylor-linearization variance of a total of scores over the design, as R's {@code
 * svyrecvar}: per stratum {@code f n/(n-1) sum (z_i - zbar)^2} over the stratum's {@code n} PSUs
 * (those without rows in the domain score 0), {@code f = 1 - n/N} with a finite population
 * correction and 1 without; at the second stage, with fpc, the same within each PSU times the
 * first-stage sampling fraction; lonely PSUs as {@link LonelyPsu} says.
 */
final class TaylorVariance {
  private final SurveyDesign design;
  private double sum;
  private int strataSeen;
  private int strataOk;

  TaylorVariance(SurveyDesign design) {
    this.design = design;
  }

  void reset() {
    sum = 0;
    strataSeen = 0;
    strataOk = 0;
  }

  /**
   * Adds one first-stage stratum present in the domain.
   *
   * @param h the stratum
   * @param m PSUs of the stratum with rows in the domain
   * @param meanZ mean score of those PSUs
   * @param ss centred sum of squares of their scores
   */
  void addStratum(int h, int m, double meanZ, double ss) {
    strataSeen++;
    double c = contribution(design.lonelyPsu(), design.adjustDomainLonely(),
        design.psuCountInStratum(h), design.populationPsuInStratum(h), m, meanZ, ss);
    if (!Double.isNaN(c)) {
      sum += c;
      strataOk++;
    }
  }

  /**
   * The first-stage variance so far: the sum over strata, scaled by strata / strata with an
   * estimate under {@link LonelyPsu#AVERAGE}.
   *
   * @return the variance, NaN when no stratum has an estimate
   */
  double firstStage() {
    if (strataSeen == 0) {
      return 0;
    }
    if (strataOk == 0) {
      return Double.NaN;
    }
    return sum * strataSeen / strataOk;
  }

  /**
   * The second-stage variance of one PSU present in the domain, times the first-stage sampling
   * fraction {@code n_h / N_h}, as R's {@code multistage}.
   *
   * @param psu the PSU
   * @param m its SSUs with rows in the domain
   * @param meanZ mean score of those SSUs
   * @param ss centred sum of squares of their scores
   * @return the term, NaN when the PSU's variance cannot be estimated
   */
  double secondStage(int psu, int m, double meanZ, double ss) {
    double c = contribution(design.lonelyPsu(), design.adjustDomainLonely(), design.ssuCountInPsu(psu),
        design.populationSsuInPsu(psu), m, meanZ, ss);
    int h = design.stratumOfPsu(psu);
    return c * design.psuCountInStratum(h) / design.populationPsuInStratum(h);
  }

  /**
   * R's {@code onestrat}: the variance contribution of one stratum of {@code n} sampled units
   * (population {@code pop}, infinite without fpc) of which {@code m} have rows in the domain.
   *
   * @return the contribution, NaN for "not available" (a lonely PSU under average)
   */
  static double contribution(LonelyPsu lonely, boolean adjustDomain, int n, double pop, int m, double meanZ,
      double ss) {
    double f = Double.isInfinite(pop) ? 1 : (pop - n) / pop;
    if (f < 1e-7) {
      return 0;
    }
    double scale = n > 1 ? f * n / (n - 1) : f;
    boolean centred = lonely != LonelyPsu.ADJUST || m > 1 || (n > 1 && !adjustDomain);
    double s = centred ? ss + (double) m * (n - m) / n * meanZ * meanZ : ss + m * meanZ * meanZ;
    if (m == 1 && n > 1 && adjustDomain && lonely == LonelyPsu.AVERAGE) {
      return Double.NaN;
    }
    if (n > 1) {
      return scale * Math.max(0, s);
    }
    switch (lonely) {
      case AVERAGE:
        return Double.NaN;
      case FAIL:
        throw new IllegalStateException("a lonely PSU under fail: the design should have refused it");
      default:
        return scale * Math.max(0, s);
    }
  }

  /**
   * The variance of the total of scores given per entry (units or rows), the entries sorted by
   * stratum, PSU and SSU; entries of the same unit are summed first.
   *
   * @param count the number of entries
   * @param stratum stratum per entry
   * @param psu PSU per entry
   * @param ssu SSU per entry, or null for one stage
   * @param z score per entry
   * @param scratch1 room for {@code count} doubles
   * @param scratch2 room for {@code count} doubles
   * @return the variance, NaN when not estimable
   */
  double of(int count, int[] stratum, int[] psu, int[] ssu, double[] z, double[] scratch1, double[] scratch2) {
    reset();
    boolean stage2 = design.secondStageVariance();
    double second = 0;
    int i = 0;
    while (i < count) {
      int h = stratum[i];
      int np = 0;
      while (i < count && stratum[i] == h) {
        int p = psu[i];
        double total = 0;
        int ns = 0;
        while (i < count && stratum[i] == h && psu[i] == p) {
          if (stage2) {
            int s = ssu[i];
            double st = 0;
            while (i < count && stratum[i] == h && psu[i] == p && ssu[i] == s) {
              st += z[i];
              i++;
            }
            scratch2[ns++] = st;
            total += st;
          } else {
            total += z[i];
            i++;
          }
        }
        scratch1[np++] = total;
        if (stage2) {
          double mean = mean(scratch2, ns);
          second += secondStage(p, ns, mean, centredSs(scratch2, ns, mean));
        }
      }
      double mean = mean(scratch1, np);
      addStratum(h, np, mean, centredSs(scratch1, np, mean));
    }
    return firstStage() + second;
  }

  private static double mean(double[] v, int n) {
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += v[i];
    }
    double mean = s / n;
    double c = 0;
    for (int i = 0; i < n; i++) {
      c += v[i] - mean;
    }
    return mean + c / n;
  }

  private static double centredSs(double[] v, int n, double mean) {
    double s = 0;
    for (int i = 0; i < n; i++) {
      double d = v[i] - mean;
      s += d * d;
    }
    return s;
  }
}
