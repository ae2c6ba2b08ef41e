package org.iom.mtm.indicators.estimate;

import java.util.Locale;

/**
 * Confidence-interval methods. For a proportion each is the method of its name, with the figures
 * of R's {@code svyciprop} where R has it (its {@code df = degf(design)}); for a mean, total or
 * ratio every method but {@link #WALD} gives the t interval on the design's degrees of freedom.
 *
 * <p>{@link #WILSON} and {@link #CLOPPER_PEARSON}, which R lacks, apply the classical binomial
 * formulas to the effective sample size {@code n_eff = p (1 - p) / se^2} (Korn and Graubard 1998,
 * "Confidence intervals for proportions with small expected number of positive counts estimated
 * from survey data", Survey Methodology 24: 193-201; Dean and Pagano 2015, "Evaluating confidence
 * interval methods for binomial proportions in clustered surveys", JSSAM 3: 484-503), with the
 * normal quantile {@code z}: Wilson {@code (p + z^2/(2 n_eff) +/- z sqrt(p (1 - p)/n_eff + z^2/(4
 * n_eff^2))) / (1 + z^2/n_eff)}; Clopper-Pearson {@code [B(a/2; x, n_eff - x + 1), B(1 - a/2; x +
 * 1, n_eff - x)]} with {@code x = p n_eff} and {@code B} the beta quantile.
 */
public enum ConfidenceInterval {
  /** Normal (Wald): {@code est +/- z se}; R's {@code confint} default. */
  WALD,
  /** Wald with the t quantile on the design df: {@code est +/- t_df se}. */
  T,
  /** R svyciprop {@code "logit"}: the t interval of the logit of the proportion, transformed back. */
  LOGIT,
  /** R svyciprop {@code "xlogit"}: the same interval by the delta method on {@code log(p/(1-p))}. */
  XLOGIT,
  /**
   * R svyciprop {@code "likelihood"}: the Rao-Scott scaled profile-likelihood interval of the
   * quasi-binomial intercept; here the exact root, where R interpolates a spline on a grid (the
   * figures agree to about 1e-5).
   */
  LIKELIHOOD,
  /** R svyciprop {@code "asin"}: the t interval of {@code asin(sqrt(p))}, transformed back. */
  ASIN,
  /**
   * R svyciprop {@code "beta"}: Korn and Graubard's Clopper-Pearson interval on the effective
   * sample size, scaled by {@code (t_{n-1} / t_df)^2}.
   */
  BETA,
  /** R svyciprop {@code "mean"}: the t interval of the proportion, as {@link #T}. */
  MEAN,
  /** Wilson's score interval on the effective sample size (see the class comment). */
  WILSON,
  /** Clopper-Pearson's interval on the effective sample size (see the class comment). */
  CLOPPER_PEARSON;

  /**
   * The code on the command line ({@code wald}, {@code clopper-pearson}, ...).
   *
   * @return the lower-case code with hyphens
   */
  public String code() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Parses a code.
   *
   * @param code a method code, case-insensitive, {@code _} or {@code -}
   * @return the method
   * @throws IllegalArgumentException naming the value when unknown
   */
  public static ConfidenceInterval ofCode(String code) {
    String c = code.strip().replace('_', '-');
    for (ConfidenceInterval m : values()) {
      if (m.code().equalsIgnoreCase(c)) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "unknown interval method '" + code + "': use wald, t, logit, xlogit, likelihood, asin,"
            + " beta, mean, wilson or clopper-pearson");
  }

  /**
   * The interval of a mean, total or ratio: normal for {@link #WALD}, t on {@code df} for every
   * other method.
   *
   * @param est the estimate
   * @param se its standard error
   * @param df the degrees of freedom (infinite for normal)
   * @param level the confidence level in (0, 1)
   * @return {lower, upper}, NaN where undefined
   */
  double[] continuous(double est, double se, double df, double level) {
    double q = this == WALD ? Quantiles.normal(1 - (1 - level) / 2) : Quantiles.t(1 - (1 - level) / 2, df);
    return new double[] {est - q * se, est + q * se};
  }

  /**
   * The interval of a proportion.
   *
   * @param p the estimate in [0, 1]
   * @param se its standard error
   * @param df the degrees of freedom of the design (infinite for normal)
   * @param level the confidence level
   * @param rows the rows of the (domain) design, R's {@code nrow(design)}
   * @param positiveWeightRows those of them with a non-zero weight
   * @return {lower, upper}, NaN where undefined
   */
  double[] proportion(double p, double se, double df, double level, long rows, long positiveWeightRows) {
    double alpha = 1 - level;
    double var = se * se;
    switch (this) {
      case WALD:
      case T:
      case MEAN:
        return continuous(p, se, df, level);
      case LOGIT:
      case XLOGIT: {
        if (!(p > 0 && p < 1)) {
          // the logit of 0 or 1 is infinite: no interval, as R's svyciprop gives NaN; without this
          // an se of 0 gave (NaN, NaN) and an se of 1e-17 (rounding) gave (NaN, 1)
          return new double[] {Double.NaN, Double.NaN};
        }
        double q = Quantiles.t(1 - alpha / 2, df);
        double eta = Math.log(p / (1 - p));
        double s = se / (p * (1 - p));
        return new double[] {expit(eta - q * s), expit(eta + q * s)};
      }
      case ASIN: {
        double q = Quantiles.t(1 - alpha / 2, df);
        double eta = Math.asin(Math.sqrt(p));
        double s = se / (2 * Math.sqrt(p) * Math.sqrt(1 - p));
        double lo = Math.sin(eta - q * s);
        double hi = Math.sin(eta + q * s);
        return new double[] {lo * lo, hi * hi};
      }
      case BETA: {
        double nEff = p * (1 - p) / var;
        double ratio = Quantiles.t(alpha / 2, rows - 1) / Quantiles.t(alpha / 2, df);
        nEff *= ratio * ratio;
        return new double[] {
          Quantiles.beta(alpha / 2, nEff * p, nEff * (1 - p) + 1),
          Quantiles.beta(1 - alpha / 2, nEff * p + 1, nEff * (1 - p))
        };
      }
      case CLOPPER_PEARSON: {
        double nEff = p * (1 - p) / var;
        double x = nEff * p;
        return new double[] {
          Quantiles.beta(alpha / 2, x, nEff - x + 1), Quantiles.beta(1 - alpha / 2, x + 1, nEff - x)
        };
      }
      case WILSON: {
        double nEff = p * (1 - p) / var;
        double z = Quantiles.normal(1 - alpha / 2);
        double z2 = z * z;
        double centre = p + z2 / (2 * nEff);
        double half = z * Math.sqrt(p * (1 - p) / nEff + z2 / (4 * nEff * nEff));
        double denom = 1 + z2 / nEff;
        return new double[] {(centre - half) / denom, (centre + half) / denom};
      }
      case LIKELIHOOD:
        return likelihood(p, var, df, level, rows, positiveWeightRows);
      default:
        throw new AssertionError(this);
    }
  }

  private static double expit(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  /**
   * R's {@code confint(svyglm(y ~ 1, family = quasibinomial), method = "likelihood", ddf = df)}
   * solved exactly: the profile deviance of the intercept, divided by the quasi-binomial
   * dispersion {@code n / (n_ok - 1)}, equals {@code t^2 lambda} with {@code lambda} the design
   * variance over the model variance, {@code V n / (p (1 - p))}. With the weights rescaled to
   * mean 1 that is {@code KL(p || mu) = t^2 V n / (2 (n_ok - 1) p (1 - p))}.
   */
  private static double[] likelihood(double p, double var, double df, double level, long rows, long okRows) {
    if (!(p > 0 && p < 1) || !(var > 0) || okRows < 2) {
      return new double[] {Double.NaN, Double.NaN};
    }
    double q = Quantiles.t((1 - level) / 2, df);
    double k = q * q * var * rows / (2 * (okRows - 1) * p * (1 - p));
    return new double[] {klRoot(p, k, false), klRoot(p, k, true)};
  }

  /** The mu on one side of p where the binomial Kullback-Leibler divergence KL(p || mu) = k. */
  private static double klRoot(double p, double k, boolean above) {
    // Bisection on the logit scale: KL grows monotonically away from p on either side.
    double lo = above ? Math.log(p / (1 - p)) : -745;
    double hi = above ? 745 : Math.log(p / (1 - p));
    for (int i = 0; i < 200; i++) {
      double mid = (lo + hi) / 2;
      if (mid == lo || mid == hi) {
        break;
      }
      double mu = expit(mid);
      double kl = p * Math.log(p / mu) + (1 - p) * Math.log((1 - p) / (1 - mu));
      boolean beyond = kl > k;
      if (above == beyond) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    return expit((lo + hi) / 2);
  }
}
