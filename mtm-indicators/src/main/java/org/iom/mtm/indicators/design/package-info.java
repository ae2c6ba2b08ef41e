/**
 * Complex survey designs: strata, one or two stages of cluster sampling, weights, finite
 * population corrections and the treatment of strata with a single primary sampling unit, with
 * the meanings of R's {@code survey} package ({@code svydesign}).
 */
@NullMarked
package org.iom.mtm.indicators.design;

import org.jspecify.annotations.NullMarked;
