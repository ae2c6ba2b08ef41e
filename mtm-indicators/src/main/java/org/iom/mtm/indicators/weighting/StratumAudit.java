package org.iom.mtm.indicators.weighting;

/**
 * One stratum of design weights from baseline counts: {@code w = N_h / n_h}.
 *
 * @param stratum the stratum (crossed values joined with {@code " %/% "})
 * @param populationCount {@code N_h}, the baseline count
 * @param respondents {@code n_h}, the units in the sample (respondents; clusters at the first
 *     stage of a cluster sample), at least one
 * @param weight {@code N_h / n_h}
 */
public record StratumAudit(String stratum, double populationCount, int respondents, double weight) {}
