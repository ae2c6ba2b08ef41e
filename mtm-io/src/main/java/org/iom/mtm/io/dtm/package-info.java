/**
 * IOM DTM API v3 responses in: the envelope ({@code isSuccess}, {@code errorMessages}, {@code
 * result}) checked, the records read as a table.
 */
@NullMarked
package org.iom.mtm.io.dtm;

import org.jspecify.annotations.NullMarked;
