/**
 * Places: {@link org.iom.mtm.core.geo.AdminArea administrative areas} and the
 * {@link org.iom.mtm.core.geo.Gazetteer} that resolves their p-codes, ISO 3166-2 codes and names
 * in the spellings reports use (Kazakhstan embedded, other countries from CSV), and
 * {@link org.iom.mtm.core.geo.Country countries} by ISO 3166-1 code for nationality.
 */
@NullMarked
package org.iom.mtm.core.geo;

import org.jspecify.annotations.NullMarked;
