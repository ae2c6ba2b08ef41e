/**
 * Safe to publish: reliability flags on every result row (the NCHS data presentation standard for
 * proportions, Parker et al. 2017; the 30/30 rule for counts and totals), primary and secondary
 * suppression of small cells so that no suppressed cell can be solved from the published cells and
 * margins, and k-anonymity of survey records on quasi-identifiers.
 */
@NullMarked
package org.iom.mtm.indicators.disclosure;

import org.jspecify.annotations.NullMarked;
