package org.iom.mtm.indicators.weighting;

import org.jspecify.annotations.Nullable;

/**
 * A weighting step that cannot honour its targets: calibration that does not converge, targets
 * that contradict each other, a target on an empty category. The message says which and by how
 * much; {@link #report()} holds the report as far as the step got, when it got that far.
 */
public final class WeightingException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** Not serialised: a report is for the run that failed. */
  private final transient @Nullable WeightingReport report;

  /**
   * Creates the exception.
   *
   * @param message what failed, naming the targets and the miss
   * @param report the report of the failed step, or null when it failed before weighting
   */
  public WeightingException(String message, @Nullable WeightingReport report) {
    super(message);
    this.report = report;
  }

  /**
   * The report of the failed step.
   *
   * @return the report, or null when the step failed before weighting
   */
  public @Nullable WeightingReport report() {
    return report;
  }
}
