/**
 * Result tables out and back in: CSV, JSON, HXL-tagged CSV, Markdown and an aligned text table,
 * numbers in full precision (the shortest decimal that reads back as the same double) and never
 * locale-formatted.
 */
@NullMarked
package org.iom.mtm.io.result;

import org.jspecify.annotations.NullMarked;
