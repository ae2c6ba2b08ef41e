package org.iom.mtm.benchmarks;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the benchmarks and prints each task as ms, ns/row, the ratio to the bandwidth baseline
 * and the ratio to DuckDB, all from the same run (these machines are noisy: only ratios within
 * one run mean anything).
 */
public final class BenchmarkReport {
  private BenchmarkReport() {}

  /**
   * Entry point.
   *
   * @param args {@code --quick} for one short fork (within 5 minutes); {@code --rows N} to change
   *     the row count
   * @throws RunnerException when JMH fails
   */
  public static void main(String[] args) throws RunnerException {
    boolean quick = false;
    String rows = null;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--quick")) {
        quick = true;
      } else if (args[i].equals("--rows") && i + 1 < args.length) {
        rows = args[++i];
      }
    }
    if (rows == null && quick) {
      rows = "1000000";
    }
    ChainedOptionsBuilder o =
        new OptionsBuilder()
            .include(EstimationBenchmark.class.getSimpleName())
            .include(DuckDbBenchmark.class.getSimpleName())
            .include(KoboReadBenchmark.class.getSimpleName())
            .include(WeightingBenchmark.class.getSimpleName())
            .shouldFailOnError(true);
    for (String extra : EXTRA) {
      o.include(extra);
    }
    if (rows != null) {
      o.param("rows", rows);
    }
    if (quick) {
      // One short fork: the whole run within 5 minutes on 2 cores.
      o.warmupIterations(2).warmupTime(TimeValue.seconds(1)).measurementIterations(3)
          .measurementTime(TimeValue.seconds(1)).forks(1);
    }
    print(new Runner(o.build()).run());
  }

  /** Benchmark classes of other tasks, included by name when present (end to end). */
  private static final String[] EXTRA = {"EndToEndBenchmark"};

  /**
   * Prints one table per row count: ms, ns/row, the ratio to the bandwidth baseline, to DuckDB's
   * same task, and for tasks run on several threads the speed-up over one thread.
   */
  static void print(Collection<RunResult> results) {
    Map<Integer, Map<String, Double>> byRows = new TreeMap<>();
    for (RunResult r : results) {
      String label = r.getParams().getBenchmark();
      label = label.substring(label.lastIndexOf('.', label.lastIndexOf('.') - 1) + 1);
      String threads = r.getParams().getParam("threads");
      if (threads != null) {
        label += " [" + threads + " threads]";
      }
      String n = r.getParams().getParam("rows");
      byRows.computeIfAbsent(n == null ? 0 : Integer.parseInt(n), k -> new LinkedHashMap<>())
          .put(label, r.getPrimaryResult().getScore());
    }
    for (Map.Entry<Integer, Map<String, Double>> table : byRows.entrySet()) {
      int n = table.getKey();
      Map<String, Double> ms = table.getValue();
      Double baseline = ms.get("EstimationBenchmark.bandwidthBaseline");
      System.out.printf(Locale.ROOT, "%n%-58s %10s %10s %12s %10s %10s%n", "task (" + n + " rows)", "ms",
          "ns/row", "x baseline", "x DuckDB", "speed-up");
      for (Map.Entry<String, Double> e : ms.entrySet()) {
        String key = e.getKey();
        int bracket = key.indexOf(" [");
        String bare = bracket < 0 ? key : key.substring(0, bracket);
        String task = bare.substring(bare.indexOf('.') + 1);
        Double duck = ms.get("DuckDbBenchmark." + task);
        Double one = bracket < 0 ? null : ms.get(bare + " [1 threads]");
        System.out.printf(
            Locale.ROOT,
            "%-58s %10.2f %10.2f %12s %10s %10s%n",
            key,
            e.getValue(),
            n == 0 ? Double.NaN : e.getValue() * 1e6 / n,
            baseline == null ? "" : String.format(Locale.ROOT, "%.2f", e.getValue() / baseline),
            duck == null || key.startsWith("DuckDb") ? "" : String.format(Locale.ROOT, "%.2f", e.getValue() / duck),
            one == null ? "" : String.format(Locale.ROOT, "%.2f", one / e.getValue()));
      }
      Double read = ms.get("KoboReadBenchmark.readGzipCsv");
      if (read != null) {
        long csvBytes = KoboReadBenchmark.uncompressedBytes(n);
        System.out.printf(Locale.ROOT, "%nKoBo CSV (gzip) read with its form: %.1f MB of CSV in %.0f ms = %.1f MB/s%n",
            csvBytes / 1e6, read, csvBytes / 1e6 / (read / 1000));
      }
      Double e2e = ms.get("EstimateEndToEndBenchmark.estimate");
      if (e2e != null) {
        long csvBytes = KoboReadBenchmark.uncompressedBytes(n);
        System.out.printf(Locale.ROOT, "mtm estimate end to end in process (gzip CSV, 12 x 34 with SEs): %.0f ms = %.1f MB/s"
            + " of CSV; --read-all %.0f ms%n", e2e, csvBytes / 1e6 / (e2e / 1000),
            ms.getOrDefault("EstimateEndToEndBenchmark.estimateReadAll", Double.NaN));
      }
    }
  }
}
