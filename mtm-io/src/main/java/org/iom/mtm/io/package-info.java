/**
 * Readers of KoBoToolbox exports, XLSForm workbooks, DTM API and HXL files, and writers of the
 * result table. The only module that sees Jackson.
 */
@NullMarked
package org.iom.mtm.io;

import org.jspecify.annotations.NullMarked;
