package org.iom.mtm.indicators.disclosure;

import java.util.EnumSet;
import java.util.Set;
import org.iom.mtm.indicators.result.AnalysisType;
import org.iom.mtm.indicators.result.Flag;
import org.iom.mtm.indicators.result.ResultRow;

/**
 * The thresholds of the reliability flags. {@link #DEFAULT} is the NCHS data presentation
 * standard for proportions (Parker JD, Talih M, Malec DJ, et al. National Center for Health
 * Statistics data presentation standards for proportions. Vital Health Stat 2(175). 2017) with
 * the 30/30 rule for counts and totals:
 *
 * <ul>
 *   <li>{@code low_n}: the unweighted denominator {@code n_total} is below {@code minN};
 *   <li>{@code low_neff}: for proportions, the effective sample size {@code p (1 - p) / se^2} is
 *       below {@code minEffectiveN} (computed only where {@code 0 < p < 1} and {@code se > 0});
 *   <li>{@code wide_ci}: for proportions, the interval is {@code maxAbsoluteWidth} wide or wider;
 *   <li>{@code unreliable}: for proportions with an interval wider than {@code
 *       presentAbsoluteWidth}, a relative width {@code (upp - low) / p} above {@code
 *       maxRelativeWidth};
 *   <li>{@code complement}: the proportion passes but its complement {@code 1 - p} has a relative
 *       width above {@code maxRelativeWidth} (a footnote, not a suppression);
 *   <li>{@code df_lt_8}: fewer than {@code minDf} degrees of freedom;
 *   <li>{@code unreliable_count}: for counts and totals, {@code n} below {@code minN} or a
 *       relative standard error of {@code maxRse} or more.
 * </ul>
 *
 * @param minN the minimum unweighted denominator (NCHS: 30)
 * @param minEffectiveN the minimum effective sample size (NCHS: 30)
 * @param maxAbsoluteWidth absolute interval width at which a proportion is suppressed (0.30)
 * @param presentAbsoluteWidth absolute width at or below which a proportion is presented (0.05)
 * @param maxRelativeWidth relative width above which a proportion is suppressed (1.30)
 * @param minDf degrees of freedom below which a row is flagged for review (8)
 * @param maxRse relative standard error at which a count or total is unreliable (0.30)
 */
public record ReliabilityStandard(
    long minN,
    double minEffectiveN,
    double maxAbsoluteWidth,
    double presentAbsoluteWidth,
    double maxRelativeWidth,
    double minDf,
    double maxRse) {

  /** NCHS 2017 for proportions, 30/30 for counts and totals. */
  public static final ReliabilityStandard DEFAULT = new ReliabilityStandard(30, 30, 0.30, 0.05, 1.30, 8, 0.30);

  /** The flags that call for primary suppression; the others are footnotes. */
  public static final Set<Flag> SUPPRESSING =
      Set.copyOf(EnumSet.of(Flag.LOW_N, Flag.LOW_NEFF, Flag.WIDE_CI, Flag.UNRELIABLE, Flag.UNRELIABLE_COUNT));

  private static final Set<AnalysisType> SURVEY_TYPES =
      Set.copyOf(
          EnumSet.of(AnalysisType.MEAN, AnalysisType.TOTAL, AnalysisType.RATIO, AnalysisType.MEDIAN,
              AnalysisType.QUANTILE, AnalysisType.PROP_SELECT_ONE, AnalysisType.PROP_SELECT_MULTIPLE));

  /**
   * Validates.
   *
   * @throws IllegalArgumentException naming the threshold when negative or not finite
   */
  public ReliabilityStandard {
    if (minN < 0) {
      throw new IllegalArgumentException("minimum n must be >= 0, got " + minN);
    }
    check("minimum effective n", minEffectiveN);
    check("maximum absolute width", maxAbsoluteWidth);
    check("present absolute width", presentAbsoluteWidth);
    check("maximum relative width", maxRelativeWidth);
    check("minimum df", minDf);
    check("maximum RSE", maxRse);
  }

  private static void check(String what, double v) {
    if (!(v >= 0) || !Double.isFinite(v)) {
      throw new IllegalArgumentException(what + " must be finite and >= 0, got " + v);
    }
  }

  /**
   * This standard with another minimum n ({@code --min-n}).
   *
   * @param n the minimum unweighted denominator
   * @return a new standard
   */
  public ReliabilityStandard withMinN(long n) {
    return new ReliabilityStandard(n, minEffectiveN, maxAbsoluteWidth, presentAbsoluteWidth, maxRelativeWidth, minDf, maxRse);
  }

  /**
   * The reliability flags of one row under this standard (the row's other flags are not looked at).
   *
   * @param r the row
   * @return the flags, possibly empty
   */
  public Set<Flag> flagsOf(ResultRow r) {
    EnumSet<Flag> f = EnumSet.noneOf(Flag.class);
    if (r.stat() == null) {
      return f;
    }
    double stat = r.stat();
    boolean proportion =
        r.analysisType() == AnalysisType.PROP_SELECT_ONE || r.analysisType() == AnalysisType.PROP_SELECT_MULTIPLE;
    boolean count = r.analysisType() == AnalysisType.TOTAL;
    if (!SURVEY_TYPES.contains(r.analysisType())) {
      // Baseline counts, growth and sample sizes are not sample estimates: no reliability flags.
      return f;
    }
    if (r.nTotal() < minN) {
      f.add(Flag.LOW_N);
    }
    if (r.df() != null && r.df() < minDf) {
      f.add(Flag.DF_LT_8);
    }
    if (proportion) {
      Double se = r.se();
      if (se != null && se > 0 && stat > 0 && stat < 1 && stat * (1 - stat) / (se * se) < minEffectiveN) {
        f.add(Flag.LOW_NEFF);
      }
      if (r.statLow() != null && r.statUpp() != null) {
        double width = r.statUpp() - r.statLow();
        if (width >= maxAbsoluteWidth) {
          f.add(Flag.WIDE_CI);
        } else if (width > presentAbsoluteWidth) {
          if (stat <= 0 || width / stat > maxRelativeWidth) {
            f.add(Flag.UNRELIABLE);
          } else if (stat >= 1 || width / (1 - stat) > maxRelativeWidth) {
            f.add(Flag.COMPLEMENT);
          }
        }
      }
    }
    if (count) {
      Double se = r.se();
      if (r.n() < minN || (se != null && (stat == 0 ? se > 0 : se / Math.abs(stat) >= maxRse))) {
        f.add(Flag.UNRELIABLE_COUNT);
      }
    }
    return f;
  }
}
