/**
 * Jackson 3 configured for untrusted input: explicit limits on nesting depth, string, name and
 * number length, token count and document size; no polymorphic (default) typing; parser errors
 * turned into {@link org.iom.mtm.io.ReadException} with the file, line and column.
 */
@NullMarked
package org.iom.mtm.io.json;

import org.jspecify.annotations.NullMarked;
