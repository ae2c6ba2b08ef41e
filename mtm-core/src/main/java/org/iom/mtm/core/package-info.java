/**
 * The MTM domain model: population categories, administrative areas and their gazetteer,
 * countries, questionnaires, answers and their states, respondents, key informants and baseline
 * records, and the columnar survey data the statistics run on.
 *
 * <p>No third-party dependency. Every type is non-null unless annotated otherwise.
 */
@NullMarked
package org.iom.mtm.core;

import org.jspecify.annotations.NullMarked;
