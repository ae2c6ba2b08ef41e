/**
 * A fast CSV tokenizer and writer shared by every tabular reader of mtm: delimiter detection
 * ({@code ;}, {@code ,} or tab), quoted fields with embedded delimiters, quotes and line breaks,
 * CRLF or LF, UTF-8 with or without byte-order mark, Windows-1252 by detection, gzip; every
 * record knows its physical line so that problems read {@code FILE:LINE:COLUMN: what is wrong}.
 */
@NullMarked
package org.iom.mtm.io.csv;

import org.jspecify.annotations.NullMarked;
