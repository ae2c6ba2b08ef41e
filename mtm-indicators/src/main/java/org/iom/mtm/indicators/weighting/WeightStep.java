package org.iom.mtm.indicators.weighting;

import java.util.function.UnaryOperator;

/**
 * The outcome of one {@link WeightAdjustment}: the new weights, the report, and how the step
 * changes the linearized variance. Immutable.
 */
public final class WeightStep {
  private final double[] weights;
  private final WeightingReport report;
  private final UnaryOperator<double[]> residuals;

  WeightStep(double[] weights, WeightingReport report, UnaryOperator<double[]> residuals) {
    this.weights = weights;
    this.report = report;
    this.residuals = residuals;
  }

  /**
   * The new weights.
   *
   * @return a copy, one weight per unit
   */
  public double[] weights() {
    return weights.clone();
  }

  /** The weights, not copied: package use only. */
  double[] weightsView() {
    return weights;
  }

  /**
   * What the step did.
   *
   * @return the report
   */
  public WeightingReport report() {
    return report;
  }

  /**
   * Replaces linearized values by their residuals on this step's calibration model, as R
   * survey's {@code svyrecvar} does with the design's {@code postStrata} before summing by PSU:
   * the variance of a calibrated estimator is that of its residuals. Steps without a model
   * (trimming, normalisation) return the values unchanged, as R does.
   *
   * @param influence per unit, the linearized (influence) value of an estimate, already
   *     multiplied by the unit's final weight
   * @return a new array of residuals
   * @throws IllegalArgumentException when the length is not the number of units
   */
  public double[] residualize(double[] influence) {
    if (influence.length != weights.length) {
      throw new IllegalArgumentException(
          "influence values for " + influence.length + " units, the weights have " + weights.length);
    }
    return residuals.apply(influence.clone());
  }
}
