/**
 * Key informants and the counts they report in a baseline mobility assessment: one record per
 * rayon (admin2), population category, nationality, year and informant, and the totals a file may
 * declare for a region or the country.
 *
 * <p>The factories check what a record can check on its own (codes well formed, counts
 * non-negative, years plausible); whether a p-code exists, whether a district lies in the region
 * the record names and whether a year belongs to the round are checked by the readers against the
 * gazetteer, the country list and the round.
 */
@NullMarked
package org.iom.mtm.core.baseline;

import org.jspecify.annotations.NullMarked;
