/**
 * The columnar survey data: one {@link org.iom.mtm.core.data.Column} per variable, categorical
 * answers as small codes, select_multiple answers as bit sets, numbers as doubles, and beside each
 * cell its {@link org.iom.mtm.core.data.AnswerState}. Immutable once built.
 */
@NullMarked
package org.iom.mtm.core.data;

import org.jspecify.annotations.NullMarked;
