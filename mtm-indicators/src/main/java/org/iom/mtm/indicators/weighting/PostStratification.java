package org.iom.mtm.indicators.weighting;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Post-stratification as R survey's {@code postStratify}: the weights of each post-stratum are
 * multiplied by {@code N_h / Nhat_h}, its population count over its weighted sample count, so the
 * weighted counts equal the population's. Immutable.
 *
 * <p>A post-stratum with units but no population count is an error; one with a population count
 * but no unit is an error too, unless partial ({@code partial = TRUE}), when it is left out with
 * a warning in the report (the population total is then not met).
 */
public final class PostStratification implements WeightAdjustment {
  private final Margin margin;
  private final boolean partial;

  private PostStratification(Margin margin, boolean partial) {
    this.margin = margin;
    this.partial = partial;
  }

  /**
   * Post-stratification on a margin.
   *
   * @param margin the post-strata and their population counts
   * @return the step, not partial
   */
  public static PostStratification of(Margin margin) {
    return new PostStratification(margin, false);
  }

  /**
   * Whether population cells without units are left out (R's {@code partial}).
   *
   * @param partial true to leave them out with a warning
   * @return a new step
   */
  public PostStratification partial(boolean partial) {
    return new PostStratification(margin, partial);
  }

  @Override
  public WeightStep apply(double[] weights) {
    Result r = compute(margin, weights, partial);
    double[] oldw = weights.clone();
    double[] psw = r.weights;
    int[] codes = margin.codes();
    int k = margin.levels().size();
    List<MarginCheck> checks = new ArrayList<>();
    double[] achieved = totals(codes, k, psw);
    for (int l = 0; l < k; l++) {
      Double target = margin.population().get(margin.levels().get(l));
      if (target != null && (achieved[l] > 0 || target > 0)) {
        checks.add(new MarginCheck(margin.variable() + "=" + margin.levels().get(l), target, achieved[l]));
      }
    }
    WeightingReport report = new WeightingReport(
        "post-stratification",
        "~" + margin.variable() + (partial ? ", partial = TRUE" : ""),
        1, true, List.of(), checks, WeightSummary.of(oldw), WeightSummary.of(psw), 0,
        List.of(), List.of(), r.warnings);
    return new WeightStep(psw, report, z -> residualize(z, codes, k, oldw, psw));
  }

  /** The new weights and warnings of post-stratifying {@code weights} on {@code margin}. */
  record Result(double[] weights, List<String> warnings) {}

  static Result compute(Margin margin, double[] weights, boolean partial) {
    Weights.checkPositive(weights, "post-stratification on '" + margin.variable() + "'");
    if (weights.length != margin.size()) {
      throw new IllegalArgumentException(
          "margin '" + margin.variable() + "' has " + margin.size() + " units, the weights " + weights.length);
    }
    int[] codes = margin.codes();
    Reweights r = reweights(margin, totals(codes, margin.levels().size(), weights), partial);
    double[] reweight = r.factors();
    List<String> warnings = r.warnings();
    double[] w = new double[weights.length];
    for (int i = 0; i < w.length; i++) {
      w[i] = weights[i] * reweight[codes[i]];
    }
    return new Result(w, warnings);
  }

  /** Each level's factor {@code N_h / Nhat_h} (0 for a level left out) and the warnings. */
  record Reweights(double[] factors, List<String> warnings) {}

  /**
   * The factors of post-stratifying on {@code margin} given the weighted sample count of each of
   * its levels; the errors and warnings of {@link #compute}.
   */
  static Reweights reweights(Margin margin, double[] sample, boolean partial) {
    int k = margin.levels().size();
    double[] reweight = new double[k];
    List<String> absentFromPopulation = new ArrayList<>();
    List<String> absentFromSample = new ArrayList<>();
    for (int l = 0; l < k; l++) {
      String level = margin.levels().get(l);
      Double pop = margin.population().get(level);
      boolean sampleZero = sample[l] == 0;
      boolean popZero = pop == null || pop == 0;
      if (popZero && !sampleZero) {
        absentFromPopulation.add(level);
      } else if (sampleZero && !popZero) {
        absentFromSample.add(level + " (" + Json.number(pop) + ")");
      } else if (!sampleZero) {
        reweight[l] = pop / sample[l];
      }
    }
    if (!absentFromPopulation.isEmpty()) {
      throw new IllegalArgumentException(
          "post-strata of '" + margin.variable() + "' with units but no population count: " + absentFromPopulation);
    }
    List<String> warnings = new ArrayList<>();
    if (!absentFromSample.isEmpty()) {
      String msg = "post-strata of '" + margin.variable() + "' with a population count but no unit: " + absentFromSample;
      if (!partial) {
        throw new IllegalArgumentException(msg + "; post-stratify with partial to leave them out");
      }
      warnings.add(msg + " left out (partial): the weights do not add up to the population total");
    }
    return new Reweights(reweight, List.copyOf(warnings));
  }

  static double[] totals(int[] codes, int k, double[] w) {
    double[] t = new double[k];
    for (int i = 0; i < codes.length; i++) {
      t[codes[i]] += w[i];
    }
    return t;
  }

  /**
   * R's {@code svyrecvar} for a post-stratum: {@code x - psw * sum_h(x oldw / psw) / sum_h(oldw)},
   * the influence values minus their post-stratum mean on the scale of the old weights.
   */
  static double[] residualize(double[] x, int[] codes, int k, double[] oldw, double[] psw) {
    double[] num = new double[k];
    double[] den = new double[k];
    for (int i = 0; i < x.length; i++) {
      num[codes[i]] += x[i] * oldw[i] / psw[i];
      den[codes[i]] += oldw[i];
    }
    for (int i = 0; i < x.length; i++) {
      x[i] -= num[codes[i]] / den[codes[i]] * psw[i];
    }
    return x;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "PostStratification[%s, partial=%b]", margin.variable(), partial);
  }
}
