/**
 * KoBoToolbox data in: CSV exports (any delimiter, encoding, header style), XLSX exports with
 * repeat sheets, and API v2 JSON, read into the columnar {@link org.iom.mtm.core.data.SurveyData}
 * with a {@link org.iom.mtm.io.report.ReadReport}. With a questionnaire, columns take their types
 * and choice lists and the skip logic tells "not asked" from "missing"; without one, types are
 * inferred.
 */
@NullMarked
package org.iom.mtm.io.kobo;

import org.jspecify.annotations.NullMarked;
