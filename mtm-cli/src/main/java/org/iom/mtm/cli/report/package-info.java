/**
 * The report of an MTM survey and baseline: a catalogue of analyses (the figures of the MTM
 * Kazakhstan 2023 report, or a user's plan), their estimates with intervals and reliability flags,
 * unweighted and with design weights from the baseline, the headline tables for the terminal and
 * one self-contained HTML page with charts.
 */
@NullMarked
package org.iom.mtm.cli.report;

import org.jspecify.annotations.NullMarked;
