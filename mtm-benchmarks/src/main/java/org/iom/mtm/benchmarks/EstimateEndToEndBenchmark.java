package org.iom.mtm.benchmarks;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.iom.mtm.cli.Mtm;
import org.iom.mtm.io.OutputFile;
import org.iom.mtm.io.export.KoboAssetJson;
import org.iom.mtm.io.export.KoboCsvExport;
import org.iom.mtm.testkit.SyntheticSurvey;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code mtm estimate} end to end in process, as the command line runs it: a gzip-compressed
 * KoBo CSV export of the synthetic survey read with its form, the 12 obstacles x sex x region
 * shares with standard errors under the stratified cluster design, flagged and written as a
 * table. Once reading only the columns the command needs (what it does), once with {@code
 * --read-all} (every column converted, as before the projection). Issue 8's target: 2 s for 1M
 * rows, JVM start included ({@code mtm-benchmarks/README.md} has the process figures).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g"})
public class EstimateEndToEndBenchmark {

  /** The export on disk, gzip-compressed, and its form as KoBo asset JSON. */
  @State(Scope.Benchmark)
  public static class Export {
    /** Rows of survey data. */
    @Param({"1000000"})
    public int rows;

    Path dir;
    String[] args;

    /**
     * Writes the files once per trial (never committed: they are made here).
     *
     * @throws IOException when they cannot be written
     */
    @Setup(Level.Trial)
    public void write() throws IOException {
      SyntheticSurvey.Result s = SyntheticSurvey.generate(new SyntheticSurvey.Spec(rows, 20261126L, 160));
      dir = Files.createTempDirectory("mtm-e2e");
      Path csv = dir.resolve("survey.csv.gz");
      Path form = dir.resolve("form.json");
      try (Writer w = new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(csv), 1 << 16), StandardCharsets.UTF_8)) {
        KoboCsvExport.write(s.data(), w, ';');
      }
      OutputFile.write(form, w -> KoboAssetJson.write(s.form(), w));
      args = new String[] {"estimate", "--data", csv.toString(), "--form", form.toString(), "--strata", "region",
          "--ids", "site", "--fpc", "region_population", "--multi", "obstacles", "--by", "sex,region"};
    }

    /**
     * Deletes the files.
     *
     * @throws IOException when they cannot be deleted
     */
    @TearDown(Level.Trial)
    public void delete() throws IOException {
      try (var files = Files.list(dir)) {
        for (Path p : files.toList()) {
          Files.delete(p);
        }
      }
      Files.delete(dir);
    }
  }

  private static String run(String[] args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Mtm.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
    if (status != 0) {
      throw new IllegalStateException("mtm estimate failed: " + err);
    }
    return out.toString();
  }

  /**
   * {@code mtm estimate}: the needed columns read, the estimates computed and written.
   *
   * @param f the files
   * @return the table as written
   */
  @Benchmark
  public String estimate(Export f) {
    return run(f.args);
  }

  /**
   * {@code mtm estimate --read-all}: every column converted, as before the projection.
   *
   * @param f the files
   * @return the table as written
   */
  @Benchmark
  public String estimateReadAll(Export f) {
    String[] a = java.util.Arrays.copyOf(f.args, f.args.length + 1);
    a[a.length - 1] = "--read-all";
    return run(a);
  }
}
