package org.iom.mtm.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.iom.mtm.indicators.result.ResultTable;
import org.iom.mtm.io.ResultFormat;
import org.iom.mtm.io.result.ResultWriter;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * {@code --format} and {@code --out}, shared by the commands that write one result table: to
 * standard output, or to a file written all or nothing.
 */
final class OutputOptions {

  @Option(names = "--format", defaultValue = "table", paramLabel = "json|csv|hxl|table|markdown", description = "Output format (default: ${DEFAULT-VALUE}).")
  String format = "table";

  @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
  @Nullable Path out;

  /** Parses {@code --format}, turning a bad name into bad input (exit 2). */
  ResultFormat format() {
    try {
      return ResultFormat.ofName(format);
    } catch (IllegalArgumentException e) {
      throw new InputException("--format: " + e.getMessage());
    }
  }

  /** Writes the table to {@code --out} (atomically) or, without it, to standard output. */
  void write(ResultTable result, PrintWriter stdout) {
    ResultFormat fmt = format();
    java.util.Map<String, String> meta = new java.util.LinkedHashMap<>(result.meta());
    meta.put("mtm_version", Mtm.Version.number());
    meta.put("java_version", System.getProperty("java.version"));
    ResultTable table = ResultTable.of(result.rows(), meta);
    if (out == null) {
      ResultWriter.write(table, fmt, stdout);
      stdout.flush();
      return;
    }
    try {
      ResultWriter.write(table, fmt, out);
    } catch (UncheckedIOException e) {
      throw new InputException(out + ": " + e.getCause().getMessage(), e);
    }
  }
}
