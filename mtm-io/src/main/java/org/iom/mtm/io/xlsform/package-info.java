/**
 * XLSForm in: workbooks (.xlsx), the same sheets saved as CSV, and KoBo asset content JSON, read
 * into a {@link org.iom.mtm.core.form.Questionnaire}; and the common subset of XLSForm's XPath
 * expressions ({@code relevant}, {@code constraint}) evaluated, so that readers tell "not asked"
 * from "missing".
 */
@NullMarked
package org.iom.mtm.io.xlsform;

import org.jspecify.annotations.NullMarked;
