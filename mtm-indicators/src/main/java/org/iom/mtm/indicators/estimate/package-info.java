/**
 * Design-based estimation, exact to R's {@code survey} package: means, totals, proportions of
 * select_one and select_multiple questions, ratios and quantiles, for the whole population and
 * for domains, with Taylor-linearization standard errors, confidence intervals, degrees of
 * freedom, design effects and honest denominators, all from one pass over the data.
 *
 * <p>Start with {@link org.iom.mtm.indicators.estimate.Estimation#of}.
 */
@NullMarked
package org.iom.mtm.indicators.estimate;

import org.jspecify.annotations.NullMarked;
