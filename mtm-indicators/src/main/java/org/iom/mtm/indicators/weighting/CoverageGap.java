package org.iom.mtm.indicators.weighting;

/**
 * A baseline cell with no respondent: its population is not represented by the weights.
 *
 * @param stratum the cell (crossed values joined with {@code " %/% "})
 * @param populationCount its baseline count
 */
public record CoverageGap(String stratum, double populationCount) {}
