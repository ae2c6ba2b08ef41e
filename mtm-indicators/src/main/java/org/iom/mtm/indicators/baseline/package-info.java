/**
 * Baseline analytics: key informants' counts reconciled per rayon, population category,
 * nationality and year, rolled up to regions and the country, and turned into totals, shares,
 * growth rates, compound annual growth and index numbers as result-table rows.
 *
 * <p>A count is a stock: the number of people present in one year. Counts of different years are
 * never added in a count row (a person present in three years would be counted three times); the
 * result metadata say so and give the sum over years separately for comparison with reports that
 * print one figure for a multi-year timeframe. A year without data is null with
 * {@link org.iom.mtm.indicators.result.Flag#NO_DATA}, never zero.
 */
@NullMarked
package org.iom.mtm.indicators.baseline;

import org.jspecify.annotations.NullMarked;
