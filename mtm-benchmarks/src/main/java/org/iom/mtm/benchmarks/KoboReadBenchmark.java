package org.iom.mtm.benchmarks;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.iom.mtm.core.form.Questionnaire;
import org.iom.mtm.io.export.KoboCsvExport;
import org.iom.mtm.io.kobo.KoboOptions;
import org.iom.mtm.io.kobo.KoboReader;
import org.iom.mtm.io.kobo.SurveyRead;
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
 * Reading a gzip-compressed KoBo CSV export of the synthetic survey with its form into columnar
 * data, the first step of {@code mtm estimate}. {@link BenchmarkReport} turns the time into MB/s
 * of uncompressed CSV.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g"})
public class KoboReadBenchmark {

  /** A KoBo CSV export on disk, gzip-compressed, and its form. */
  @State(Scope.Benchmark)
  public static class File {
    /** Rows of survey data. */
    @Param({"1000000"})
    public int rows;

    Path csv;
    Questionnaire form;

    /**
     * Writes the export once per trial.
     *
     * @throws IOException when the file cannot be written
     */
    @Setup(Level.Trial)
    public void write() throws IOException {
      SyntheticSurvey.Result s = SyntheticSurvey.generate(new SyntheticSurvey.Spec(rows, 20261126L, 160));
      form = s.form();
      csv = Files.createTempFile("mtm-bench", ".csv.gz");
      try (Writer w = new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(csv), 1 << 16), StandardCharsets.UTF_8)) {
        KoboCsvExport.write(s.data(), w, ';');
      }
    }

    /**
     * Deletes the export.
     *
     * @throws IOException when it cannot be deleted
     */
    @TearDown(Level.Trial)
    public void delete() throws IOException {
      Files.deleteIfExists(csv);
    }
  }

  /**
   * Reads the export with its form.
   *
   * @param f the file
   * @return what was read
   */
  @Benchmark
  public SurveyRead readGzipCsv(File f) {
    return KoboReader.readCsv(f.csv, KoboOptions.DEFAULT.withForm(f.form));
  }

  /**
   * The size of the uncompressed export of {@code rows} synthetic rows, for MB/s.
   *
   * @param rows the row count
   * @return bytes
   */
  static long uncompressedBytes(int rows) {
    long[] count = {0};
    Writer counter =
        new Writer() {
          @Override
          public void write(char[] cbuf, int off, int len) {
            count[0] += new String(cbuf, off, len).getBytes(StandardCharsets.UTF_8).length;
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    KoboCsvExport.write(SyntheticSurvey.generate(new SyntheticSurvey.Spec(rows, 20261126L, 160)).data(), counter, ';');
    return count[0];
  }
}
