/**
 * The result table of DESIGN.md: immutable rows with estimate, standard error, interval, degrees
 * of freedom, design effect, honest denominators and reliability flags, shared by every analysis
 * (survey estimates, baseline counts, sample sizes).
 */
@NullMarked
package org.iom.mtm.indicators.result;

import org.jspecify.annotations.NullMarked;
