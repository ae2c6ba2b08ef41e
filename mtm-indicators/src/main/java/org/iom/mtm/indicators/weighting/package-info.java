/**
 * Survey weights: design weights from baseline counts, post-stratification, raking, calibration
 * (linear, raking and bounded logit), trimming and normalisation, each step audited in a
 * {@link org.iom.mtm.indicators.weighting.WeightingReport}.
 *
 * <p>The algorithms follow R's survey package (Lumley, version 4.1) so that weights and standard
 * errors agree with R's: {@code postStratify}, {@code rake}, {@code calibrate} with its Newton
 * iteration ({@code grake}), {@code trimWeights}. A step also says how it changes the variance:
 * {@link org.iom.mtm.indicators.weighting.Reweighting#residualize(double[])} replaces the
 * linearized (influence) values of an estimate by their residuals on the calibration model, as
 * {@code svyrecvar} does before it sums them by PSU and stratum.
 *
 * <p>A typical use:
 *
 * <pre>{@code
 * Reweighting r = Reweighting.of(designWeights)
 *     .then(Raking.of(List.of(sexMargin, regionMargin)))
 *     .then(Trimming.of(0.3 * mean, 3 * mean).strict(true));
 * double[] w = r.weights();
 * }</pre>
 */
@NullMarked
package org.iom.mtm.indicators.weighting;

import org.jspecify.annotations.NullMarked;
