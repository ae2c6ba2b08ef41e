package org.iom.mtm.indicators.weighting;

import java.util.List;
import java.util.Locale;

/**
 * Trimming as R survey's {@code trimWeights}: weights outside {@code [lower, upper]} are set to the
 * bound, and what was cut (or added) is shared equally among the weights that were inside, so the
 * weight total is kept. One pass by default; strict repeats until every weight is within the
 * bounds (R's {@code strict = TRUE}). Immutable.
 *
 * <p>Like R, trimming does not change how standard errors are computed: the steps before it keep
 * their variance adjustment.
 */
public final class Trimming implements WeightAdjustment {
  /**
   * A guard on strict trimming. Sharing the trimmings equally can push weights that sat on a
   * bound over it again, so R's repetition converges geometrically rather than in a finite number
   * of passes; after the first pass a weight counts as outside only beyond {@link #SLACK}
   * (relative) of the bound, which R's result meets to far better than our 1e-10.
   */
  private static final int MAX_PASSES = 100_000;

  private static final double SLACK = 1e-12;

  private final double lower;
  private final double upper;
  private final boolean strict;

  private Trimming(double lower, double upper, boolean strict) {
    this.lower = lower;
    this.upper = upper;
    this.strict = strict;
  }

  /**
   * Trimming to bounds, one pass.
   *
   * @param lower the smallest weight kept, or negative infinity
   * @param upper the largest weight kept, or positive infinity
   * @return the step
   * @throws IllegalArgumentException naming the bounds when {@code lower > upper} or one is NaN
   */
  public static Trimming of(double lower, double upper) {
    if (Double.isNaN(lower) || Double.isNaN(upper) || lower > upper) {
      throw new IllegalArgumentException("trimming bounds " + lower + ":" + upper + " are not lower <= upper");
    }
    return new Trimming(lower, upper, false);
  }

  /**
   * Whether to repeat until every weight is within the bounds.
   *
   * @param strict R's {@code strict}
   * @return a new step
   */
  public Trimming strict(boolean strict) {
    return new Trimming(lower, upper, strict);
  }

  @Override
  public WeightStep apply(double[] weights) {
    Weights.check(weights, "trimming");
    int n = weights.length;
    double total = Weights.sum(weights);
    if (strict && (lower * n > total * (1 + 1e-12) || upper * n < total * (1 - 1e-12))) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "strict trimming to [%s, %s] cannot keep the weight total %s over %d units",
          Json.number(lower), Json.number(upper), Json.number(total), n));
    }
    double[] w = weights.clone();
    boolean[] trimmed = new boolean[n];
    int passes = 0;
    while (true) {
      int inside = 0;
      double cut = 0;
      boolean any = false;
      boolean[] outside = new boolean[n];
      double lo = passes == 0 ? lower : lower - SLACK * Math.abs(lower);
      double hi = passes == 0 ? upper : upper + SLACK * Math.abs(upper);
      for (int i = 0; i < n; i++) {
        outside[i] = w[i] < lo || w[i] > hi;
        any |= outside[i];
      }
      if (!any) {
        break;
      }
      passes++;
      if (passes > MAX_PASSES) {
        throw new WeightingException("strict trimming did not settle after " + MAX_PASSES + " passes", null);
      }
      for (int i = 0; i < n; i++) {
        if (outside[i]) {
          double nw = Math.max(lower, Math.min(w[i], upper));
          cut += w[i] - nw;
          w[i] = nw;
          trimmed[i] = true;
        } else {
          inside++;
        }
      }
      if (inside == 0) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "every weight is outside the trimming bounds [%s, %s]: nothing to share the trimmings",
            Json.number(lower), Json.number(upper)));
      }
      double share = cut / inside;
      for (int i = 0; i < n; i++) {
        if (!outside[i]) {
          w[i] += share;
        }
      }
      if (!strict) {
        break;
      }
    }
    int count = 0;
    for (boolean t : trimmed) {
      count += t ? 1 : 0;
    }
    for (int i = 0; i < n; i++) {
      if (w[i] < 0) {
        // R's trimWeights returns such weights; a negative weight is never what trimming meant.
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "one pass of trimming to [%s, %s] makes weight %s of row %d negative (sharing what was added to"
                + " weights below the bound among the others): use strict trimming or wider bounds",
            bound(lower), bound(upper), Json.number(w[i]), i));
      }
    }
    List<String> warnings = new java.util.ArrayList<>();
    if (!strict) {
      int still = 0;
      for (double v : w) {
        still += v < lower || v > upper ? 1 : 0;
      }
      if (still > 0) {
        warnings.add(still + " weights are outside the bounds after one pass of trimming (use strict to repeat)");
      }
    }
    WeightingReport report = new WeightingReport("trimming",
        String.format(Locale.ROOT, "lower = %s, upper = %s, strict = %s", bound(lower), bound(upper), strict ? "TRUE" : "FALSE"),
        Math.max(passes, 1), true, List.of(), List.of(), WeightSummary.of(weights), WeightSummary.of(w), count,
        List.of(), List.of(), warnings);
    return new WeightStep(w, report, z -> z);
  }

  private static String bound(double b) {
    return b == Double.NEGATIVE_INFINITY ? "-Inf" : b == Double.POSITIVE_INFINITY ? "Inf" : Json.number(b);
  }

  @Override
  public String toString() {
    return "Trimming[" + bound(lower) + ", " + bound(upper) + (strict ? ", strict" : "") + "]";
  }
}
