/**
 * The columnar survey data: one {@link org.iom.mtm.core.data.Column} per variable, categorical
 * answers as small codes, select_multiple answers as bit sets, numbers as doubles, and for each
 * cell its {@link org.iom.mtm.core.data.AnswerState}. Immutable once built.
 *
 * <p>Each column picks its storage when it is built, the narrowest that holds its values exactly
 * (integers in one, two or four bytes, texts as dictionary codes), with the states other than
 * answered folded into codes no value takes; the class comments say how. Estimation kernels read
 * blocks of rows with {@link org.iom.mtm.core.data.Column#readStates}, {@link
 * org.iom.mtm.core.data.NumericColumn#readValues}, {@link
 * org.iom.mtm.core.data.CategoricalColumn#readCodes} and {@link
 * org.iom.mtm.core.data.MultiSelectColumn#readWords}, a tight loop per storage.
 */
@NullMarked
package org.iom.mtm.core.data;

import org.jspecify.annotations.NullMarked;
