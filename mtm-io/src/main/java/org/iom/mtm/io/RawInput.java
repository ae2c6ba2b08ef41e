package org.iom.mtm.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Opens input bytes for the readers: a file or stream, transparently gunzipped when it starts with
 * the gzip magic bytes (whatever its name says), so that {@code survey.csv.gz} and a gzip file
 * saved as {@code survey.csv} both read.
 */
public final class RawInput {
  private static final int GZIP_MAGIC_1 = 0x1f;
  private static final int GZIP_MAGIC_2 = 0x8b;
  private static final int BUFFER = 1 << 16;

  private RawInput() {}

  /**
   * Opens a file, decompressing gzip.
   *
   * @param file the file
   * @return a buffered stream of the (decompressed) bytes; the caller closes it
   * @throws ReadException naming the file when it is missing or unreadable
   */
  public static InputStream open(Path file) {
    String name = file.toString();
    InputStream raw;
    try {
      raw = Files.newInputStream(file);
    } catch (NoSuchFileException e) {
      throw new ReadException(ReadProblem.ofFile(name, "no such file"), e);
    } catch (IOException e) {
      throw new ReadException(ReadProblem.ofFile(name, "cannot open: " + e.getMessage()), e);
    }
    try {
      return of(raw, name);
    } catch (RuntimeException e) {
      closeQuietly(raw, e);
      throw e;
    }
  }

  /**
   * Wraps a stream, decompressing gzip.
   *
   * @param in the stream, positioned at the start of the data
   * @param name the name used in error messages
   * @return a buffered stream of the (decompressed) bytes
   * @throws ReadException naming the input when the gzip header is corrupt
   */
  public static InputStream of(InputStream in, String name) {
    BufferedInputStream b = in instanceof BufferedInputStream bis ? bis : new BufferedInputStream(in, BUFFER);
    try {
      b.mark(2);
      int m1 = b.read();
      int m2 = b.read();
      b.reset();
      if (m1 == GZIP_MAGIC_1 && m2 == GZIP_MAGIC_2) {
        return new BufferedInputStream(new GZIPInputStream(b, BUFFER), BUFFER);
      }
      return b;
    } catch (IOException e) {
      throw new ReadException(ReadProblem.ofFile(name, "cannot read: " + e.getMessage()), e);
    }
  }

  private static void closeQuietly(InputStream in, RuntimeException primary) {
    try {
      in.close();
    } catch (IOException e) {
      primary.addSuppressed(new UncheckedIOException(e));
    }
  }
}
