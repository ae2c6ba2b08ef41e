/**
 * Design-based estimation, weighting, baseline analytics, sample size and disclosure control:
 * pure functions and mergeable accumulators over the columnar survey data of mtm-core.
 */
@NullMarked
package org.iom.mtm.indicators;

import org.jspecify.annotations.NullMarked;
