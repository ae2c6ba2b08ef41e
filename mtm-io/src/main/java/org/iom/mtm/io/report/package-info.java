/**
 * The read report every reader returns beside its data: rows read, rows used, and every rejected
 * row or cell with its line, column, value and reason. Nothing is dropped silently.
 */
@NullMarked
package org.iom.mtm.io.report;

import org.jspecify.annotations.NullMarked;
