/**
 * Sample size for a proportion and its allocation over strata: the step a survey team takes
 * before fieldwork, from the baseline's population counts.
 *
 * <p>The total follows Cochran (1977, sections 4.4 and 5.5): {@code n0 = z^2 p (1 - p) / e^2},
 * times the design effect, with the finite population correction {@code n = n0 / (1 + (n0 - 1) /
 * N)}, divided by the expected response rate and rounded up.
 */
@NullMarked
package org.iom.mtm.indicators.samplesize;

import org.jspecify.annotations.NullMarked;
