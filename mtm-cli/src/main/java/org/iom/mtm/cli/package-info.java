/**
 * The {@code mtm} command line: a black-box interface to the library. Every subcommand reads its
 * input through mtm-io, computes through mtm-indicators and writes result tables.
 */
@NullMarked
package org.iom.mtm.cli;

import org.jspecify.annotations.NullMarked;
