package org.iom.mtm.indicators.weighting;

/**
 * A step that turns weights into new weights: post-stratification, raking, calibration,
 * trimming, normalisation. Configured once, applied to any weights; steps chain in a
 * {@link Reweighting}.
 */
public sealed interface WeightAdjustment
    permits PostStratification, Raking, Calibration, Trimming, Normalisation {

  /**
   * Applies the step.
   *
   * @param weights the weights going in, one per unit (not modified)
   * @return the new weights, the report and the variance adjustment
   * @throws IllegalArgumentException naming what is wrong with the weights or the targets
   */
  WeightStep apply(double[] weights);
}
