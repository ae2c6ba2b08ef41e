/**
 * The questionnaire model of XLSForm: {@link org.iom.mtm.core.form.QuestionType question types},
 * {@link org.iom.mtm.core.form.Label labels per language}, {@link org.iom.mtm.core.form.ChoiceList
 * choice lists}, {@link org.iom.mtm.core.form.Question questions} with their skip logic and
 * checks, and the {@link org.iom.mtm.core.form.Questionnaire} that holds them.
 *
 * <p>Expressions ({@code relevant}, {@code constraint}, {@code choice_filter}, {@code
 * calculation}) are kept as the form writes them; evaluating them is the readers' business.
 */
@NullMarked
package org.iom.mtm.core.form;

import org.jspecify.annotations.NullMarked;
