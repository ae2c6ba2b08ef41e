package org.iom.mtm.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.iom.mtm.indicators.result.ResultTable;
import org.iom.mtm.io.ResultFormat;
import org.iom.mtm.io.result.ResultWriter;
import org.jspecify.annotations.Nullable;

/** Where a command's result table goes: standard output, or a file written all or nothing. */
final class Output {
  private Output() {}

  /** Parses {@code --format}, turning a bad name into bad input (exit 2). */
  static ResultFormat format(String name) {
    try {
      return ResultFormat.ofName(name);
    } catch (IllegalArgumentException e) {
      throw new InputException("--format: " + e.getMessage());
    }
  }

  /** Writes the table to the file (atomically) or, without one, to standard output. */
  static void write(ResultTable table, ResultFormat format, @Nullable Path file, PrintWriter stdout) {
    if (file == null) {
      ResultWriter.write(table, format, stdout);
      stdout.flush();
      return;
    }
    try {
      ResultWriter.write(table, format, file);
    } catch (UncheckedIOException e) {
      throw new InputException(file + ": " + e.getCause().getMessage(), e);
    }
  }
}
