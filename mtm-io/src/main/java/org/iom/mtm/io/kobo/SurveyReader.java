package org.iom.mtm.io.kobo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.iom.mtm.io.RawInput;
import org.iom.mtm.io.ReadException;
import org.iom.mtm.io.ReadProblem;

/**
 * Reads survey data in whichever format the file is: a KoBo XLSX export (zip magic bytes), KoBo
 * JSON submissions (first character <code>{</code> or <code>[</code>), else a KoBo CSV export. Gzip is
 * undone first. The command line's {@code --data FILE}.
 */
public final class SurveyReader {
  private SurveyReader() {}

  /**
   * Reads a data file.
   *
   * @param file the file
   * @param options form, special answers, CSV dialect, validation
   * @return the data, its repeats and the read report
   * @throws ReadException naming the file, line and column when it cannot be read at all
   */
  public static SurveyRead read(Path file, KoboOptions options) {
    return read(file, () -> options);
  }

  /**
   * Reads a data file, starting on its bytes before the options are ready: a gzip file is
   * already being decompressed in its own thread while the caller reads the form.
   *
   * @param file the file
   * @param options gives the form, special answers, CSV dialect, validation; called once, before
   *     any failure of the data file is thrown (a bad form is reported first)
   * @return the data, its repeats and the read report
   * @throws ReadException naming the file, line and column when it cannot be read at all
   */
  public static SurveyRead read(Path file, Supplier<KoboOptions> options) {
    InputStream in;
    try {
      in = RawInput.open(file);
    } catch (ReadException e) {
      options.get();
      throw e;
    }
    boolean handedOver = false;
    try {
      KoboOptions o = options.get();
      byte[] head = new byte[64];
      int n;
      try {
        in.mark(head.length);
        n = in.readNBytes(head, 0, head.length);
        in.reset();
      } catch (IOException e) {
        throw new ReadException(ReadProblem.ofFile(file.toString(), "cannot read: " + e.getMessage()), e);
      }
      if (n >= 2 && head[0] == 'P' && head[1] == 'K') {
        return KoboXlsxReader.read(file, o);
      }
      int i = 0;
      // A UTF-8 byte-order mark before JSON is tolerated as before CSV.
      if (n >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
        i = 3;
      }
      while (i < n && (head[i] == ' ' || head[i] == '\n' || head[i] == '\r' || head[i] == '\t')) {
        i++;
      }
      if (i < n && (head[i] == '{' || head[i] == '[')) {
        return KoboJsonReader.read(file, o);
      }
      handedOver = true;
      return KoboReader.readDecompressed(in, file.toString(), o);
    } finally {
      if (!handedOver) {
        try {
          in.close();
        } catch (IOException e) {
          // Nothing was read from it that matters; the reader's own failure, if any, is thrown.
        }
      }
    }
  }
}
