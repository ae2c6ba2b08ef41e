package org.iom.mtm.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes an output file all or nothing: the text goes to a hidden sibling first and is moved over
 * the target only when complete, so that a failed run leaves no half-written output behind. The
 * file gets the usual permissions of a new file (the umask's), unlike a JDK temporary file.
 */
public final class OutputFile {
  private OutputFile() {}

  /** A body that writes text and may fail with an I/O error. */
  @FunctionalInterface
  public interface Body {
    /**
     * Writes the content.
     *
     * @param out the writer, UTF-8; closed by the caller
     * @throws IOException when writing fails
     */
    void writeTo(Writer out) throws IOException;
  }

  /**
   * Writes a UTF-8 text file atomically.
   *
   * @param target the file to create or replace
   * @param body what to write
   * @throws UncheckedIOException when writing or moving fails; the target is then untouched
   */
  public static void write(Path target, Body body) {
    Path absolute = target.toAbsolutePath();
    Path tmp = absolute.resolveSibling("." + absolute.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
    try {
      try (Writer w =
          Files.newBufferedWriter(tmp, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
              StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
        body.writeTo(w);
      }
      try {
        Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
    } finally {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // The move succeeded or the write failed already; a leftover hidden file is harmless.
      }
    }
  }
}
