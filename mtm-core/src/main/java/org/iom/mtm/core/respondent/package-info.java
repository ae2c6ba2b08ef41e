/**
 * Respondents and eligibility: the {@link org.iom.mtm.core.respondent.Respondent} attributes that
 * screening reads, {@link org.iom.mtm.core.respondent.EligibilityRule named rules}, the
 * {@link org.iom.mtm.core.respondent.EligibilityCriteria} that apply them all, and the
 * {@link org.iom.mtm.core.respondent.Screening} of each record with every reason it is excluded.
 */
@NullMarked
package org.iom.mtm.core.respondent;

import org.jspecify.annotations.NullMarked;
