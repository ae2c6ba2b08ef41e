/**
 * The reader of baseline tables: the long format of DESIGN.md as CSV (any delimiter, encoding,
 * gzip, an HXL hashtag row) or JSON, validated row by row against the gazetteer, the ISO 3166-1
 * country list and the years of the round.
 *
 * <p>A row with a rayon and a nationality is an informant's count ({@link
 * org.iom.mtm.core.baseline.BaselineRecord}); a row without a rayon (a region or the whole
 * country) or without a nationality is a total the file declares ({@link
 * org.iom.mtm.core.baseline.DeclaredTotal}), checked against its parts and never added to them.
 */
@NullMarked
package org.iom.mtm.io.baseline;

import org.jspecify.annotations.NullMarked;
