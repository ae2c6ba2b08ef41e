/**
 * Excel workbooks (.xlsx) read as tables of strings, bounded against zip bombs (entry count,
 * uncompressed size, compression ratio), with every parser failure turned into a
 * {@link org.iom.mtm.io.ReadException} naming the file.
 */
@NullMarked
package org.iom.mtm.io.xlsx;

import org.jspecify.annotations.NullMarked;
