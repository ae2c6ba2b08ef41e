/**
 * HXL-tagged tables (the Humanitarian Exchange Language): a CSV whose hashtag row names each
 * column's meaning ({@code #adm1+code}), columns found by hashtag queries.
 */
@NullMarked
package org.iom.mtm.io.hxl;

import org.jspecify.annotations.NullMarked;
