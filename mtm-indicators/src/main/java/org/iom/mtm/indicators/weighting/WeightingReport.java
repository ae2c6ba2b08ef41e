package org.iom.mtm.indicators.weighting;

import java.util.List;
import java.util.Locale;

/**
 * What one weighting step did, for the audit: the iterations and their convergence trace, the
 * targets beside what the new weights achieve, the spread of the weights before and after (Kish's
 * design effect), the units trimmed, the design-weight strata and coverage gaps, and every warning.
 * Immutable; {@link #toJson()} writes it as JSON and {@link #toString()} as readable text.
 *
 * @param method the step: {@code design weights}, {@code post-stratification}, {@code raking},
 *     {@code calibration (linear)}, {@code trimming}, {@code normalisation}
 * @param settings the options of the step in R's words ({@code maxit = 10, epsilon = 1})
 * @param iterations the iterations (raking sweeps, Newton steps, trimming passes); 1 for a step
 *     without iteration
 * @param converged whether the step met its convergence criterion
 * @param trace per iteration, the convergence criterion: for raking the largest change of a cell
 *     of the crossed margins, for calibration the largest relative miss of a target
 * @param margins each target beside its achieved total
 * @param before the weights going in
 * @param after the weights coming out
 * @param unitsTrimmed the units whose weight was set to a bound
 * @param strata for design weights, the audit of each stratum
 * @param coverageGaps for design weights, the baseline cells without respondents
 * @param warnings what the user must know (partial post-strata, non-convergence, rescaled bounds)
 */
public record WeightingReport(
    String method,
    String settings,
    int iterations,
    boolean converged,
    List<Double> trace,
    List<MarginCheck> margins,
    WeightSummary before,
    WeightSummary after,
    int unitsTrimmed,
    List<StratumAudit> strata,
    List<CoverageGap> coverageGaps,
    List<String> warnings) {

  /** Copies the lists, so the report stays immutable. */
  public WeightingReport {
    trace = List.copyOf(trace);
    margins = List.copyOf(margins);
    strata = List.copyOf(strata);
    coverageGaps = List.copyOf(coverageGaps);
    warnings = List.copyOf(warnings);
  }

  /**
   * The largest relative miss of a target, {@code |achieved - target| / (1 + |target|)}.
   *
   * @return the miss, 0 without targets
   */
  public double maxRelativeMiss() {
    double m = 0;
    for (MarginCheck c : margins) {
      m = Math.max(m, c.relativeDifference());
    }
    return m;
  }

  /**
   * The report as one JSON object; numbers in full precision, a non-finite number as
   * {@code null}.
   *
   * @return the JSON text
   */
  public String toJson() {
    StringBuilder sb = new StringBuilder(512);
    sb.append('{');
    Json.field(sb, "method").append(Json.string(method)).append(',');
    Json.field(sb, "settings").append(Json.string(settings)).append(',');
    Json.field(sb, "iterations").append(iterations).append(',');
    Json.field(sb, "converged").append(converged).append(',');
    Json.field(sb, "trace").append('[');
    for (int i = 0; i < trace.size(); i++) {
      sb.append(i == 0 ? "" : ",").append(Json.number(trace.get(i)));
    }
    sb.append("],");
    Json.field(sb, "margins").append('[');
    for (int i = 0; i < margins.size(); i++) {
      MarginCheck c = margins.get(i);
      sb.append(i == 0 ? "" : ",").append('{');
      Json.field(sb, "term").append(Json.string(c.term())).append(',');
      Json.field(sb, "target").append(Json.number(c.target())).append(',');
      Json.field(sb, "achieved").append(Json.number(c.achieved())).append(',');
      Json.field(sb, "relative_difference").append(Json.number(c.relativeDifference())).append('}');
    }
    sb.append("],");
    Json.field(sb, "before");
    summary(sb, before);
    sb.append(',');
    Json.field(sb, "after");
    summary(sb, after);
    sb.append(',');
    Json.field(sb, "units_trimmed").append(unitsTrimmed).append(',');
    Json.field(sb, "strata").append('[');
    for (int i = 0; i < strata.size(); i++) {
      StratumAudit s = strata.get(i);
      sb.append(i == 0 ? "" : ",").append('{');
      Json.field(sb, "stratum").append(Json.string(s.stratum())).append(',');
      Json.field(sb, "N_h").append(Json.number(s.populationCount())).append(',');
      Json.field(sb, "n_h").append(s.respondents()).append(',');
      Json.field(sb, "weight").append(Json.number(s.weight())).append('}');
    }
    sb.append("],");
    Json.field(sb, "coverage_gaps").append('[');
    for (int i = 0; i < coverageGaps.size(); i++) {
      CoverageGap g = coverageGaps.get(i);
      sb.append(i == 0 ? "" : ",").append('{');
      Json.field(sb, "stratum").append(Json.string(g.stratum())).append(',');
      Json.field(sb, "N_h").append(Json.number(g.populationCount())).append('}');
    }
    sb.append("],");
    Json.field(sb, "warnings").append('[');
    for (int i = 0; i < warnings.size(); i++) {
      sb.append(i == 0 ? "" : ",").append(Json.string(warnings.get(i)));
    }
    sb.append("]}");
    return sb.toString();
  }

  private static void summary(StringBuilder sb, WeightSummary s) {
    sb.append('{');
    Json.field(sb, "n").append(s.n()).append(',');
    Json.field(sb, "sum").append(Json.number(s.sum())).append(',');
    Json.field(sb, "min").append(Json.number(s.min())).append(',');
    Json.field(sb, "max").append(Json.number(s.max())).append(',');
    Json.field(sb, "ratio").append(Json.number(s.ratio())).append(',');
    Json.field(sb, "cv").append(Json.number(s.cv())).append(',');
    Json.field(sb, "kish_deff").append(Json.number(s.kishDeff())).append(',');
    Json.field(sb, "efficiency").append(Json.number(s.efficiency())).append(',');
    Json.field(sb, "effective_n").append(Json.number(s.effectiveSampleSize())).append('}');
  }

  /**
   * The report as text for a person: one line per fact, the targets as a small table.
   *
   * @return the text, lines ending in {@code \n}
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(512);
    sb.append(method);
    if (!settings.isEmpty()) {
      sb.append(" (").append(settings).append(')');
    }
    sb.append('\n');
    sb.append(String.format(Locale.ROOT, "  iterations: %d, %s%n", iterations, converged ? "converged" : "NOT CONVERGED"));
    if (!trace.isEmpty()) {
      sb.append("  convergence trace:");
      for (double t : trace) {
        sb.append(String.format(Locale.ROOT, " %.3g", t));
      }
      sb.append('\n');
    }
    if (!margins.isEmpty()) {
      sb.append(String.format(Locale.ROOT, "  %-30s %16s %16s %10s%n", "target", "population", "achieved", "rel. miss"));
      for (MarginCheck c : margins) {
        sb.append(String.format(Locale.ROOT, "  %-30s %16.6f %16.6f %10.2e%n", c.term(), c.target(), c.achieved(), c.relativeDifference()));
      }
    }
    for (StratumAudit s : strata) {
      sb.append(String.format(Locale.ROOT, "  stratum %-30s N_h %12.0f  n_h %6d  w %.6f%n", s.stratum(), s.populationCount(), s.respondents(), s.weight()));
    }
    for (CoverageGap g : coverageGaps) {
      sb.append(String.format(Locale.ROOT, "  coverage gap: %s (N_h %.0f, no respondent)%n", g.stratum(), g.populationCount()));
    }
    line(sb, "before", before);
    line(sb, "after", after);
    if (unitsTrimmed > 0) {
      sb.append("  units trimmed: ").append(unitsTrimmed).append('\n');
    }
    for (String w : warnings) {
      sb.append("  warning: ").append(w).append('\n');
    }
    return sb.toString();
  }

  private static void line(StringBuilder sb, String label, WeightSummary s) {
    sb.append(String.format(Locale.ROOT,
        "  %-6s n %d, sum %.6g, min %.6g, max %.6g, max/min %.4g, Kish deff %.4f, efficiency %.4f%n",
        label, s.n(), s.sum(), s.min(), s.max(), s.ratio(), s.kishDeff(), s.efficiency()));
  }
}
