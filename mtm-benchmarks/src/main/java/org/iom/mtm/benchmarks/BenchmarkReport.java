package org.iom.mtm.benchmarks;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
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
    String rows = "1000000";
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--quick")) {
        quick = true;
      } else if (args[i].equals("--rows") && i + 1 < args.length) {
        rows = args[++i];
      }
    }
    ChainedOptionsBuilder o =
        new OptionsBuilder()
            .include(EstimationBenchmark.class.getSimpleName())
            .include(DuckDbBenchmark.class.getSimpleName())
            .include(KoboReadBenchmark.class.getSimpleName())
            .include(WeightingBenchmark.class.getSimpleName())
            .param("rows", rows)
            .shouldFailOnError(true);
    if (quick) {
      // One short fork: the whole run within 5 minutes on 2 cores.
      o.warmupIterations(2).warmupTime(TimeValue.seconds(1)).measurementIterations(3)
          .measurementTime(TimeValue.seconds(1)).forks(1);
    }
    Collection<RunResult> results = new Runner(o.build()).run();
    long csvBytes = KoboReadBenchmark.uncompressedBytes(Integer.parseInt(rows));
    Map<String, Double> ms = new LinkedHashMap<>();
    for (RunResult r : results) {
      String label = r.getParams().getBenchmark();
      label = label.substring(label.lastIndexOf('.', label.lastIndexOf('.') - 1) + 1);
      ms.put(label, r.getPrimaryResult().getScore());
    }
    double n = Double.parseDouble(rows);
    Double baseline = ms.get("EstimationBenchmark.bandwidthBaseline");
    System.out.printf(Locale.ROOT, "%n%-45s %10s %10s %12s %10s%n", "task (" + rows + " rows)", "ms", "ns/row", "x baseline", "x DuckDB");
    for (Map.Entry<String, Double> e : ms.entrySet()) {
      String task = e.getKey().substring(e.getKey().indexOf('.') + 1);
      Double duck = ms.get("DuckDbBenchmark." + task);
      System.out.printf(
          Locale.ROOT,
          "%-45s %10.2f %10.2f %12s %10s%n",
          e.getKey(),
          e.getValue(),
          e.getValue() * 1e6 / n,
          baseline == null ? "" : String.format(Locale.ROOT, "%.2f", e.getValue() / baseline),
          duck == null || e.getKey().startsWith("DuckDb") ? "" : String.format(Locale.ROOT, "%.2f", e.getValue() / duck));
    }
    Double read = ms.get("KoboReadBenchmark.readGzipCsv");
    if (read != null) {
      System.out.printf(Locale.ROOT, "%nKoBo CSV (gzip) read with its form: %.1f MB of CSV in %.0f ms = %.1f MB/s%n",
          csvBytes / 1e6, read, csvBytes / 1e6 / (read / 1000));
    }
  }
}
