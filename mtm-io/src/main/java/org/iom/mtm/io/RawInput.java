package org.iom.mtm.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Opens input bytes for the readers: a file or stream, transparently gunzipped when it starts with
 * the gzip magic bytes (whatever its name says), so that {@code survey.csv.gz} and a gzip file
 * saved as {@code survey.csv} both read. Gzip is undone in a thread of its own, a few large blocks
 * ahead of the reader, so that decompression and parsing overlap on two cores.
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
        return new BufferedInputStream(new PipedGunzip(new GZIPInputStream(b, BUFFER), name), BUFFER);
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

  /**
   * Decompresses in a daemon thread of its own into blocks of 1 MiB, at most {@link #AHEAD}
   * ahead of the reader; a failure of the decompression is thrown to the reader when it reaches
   * the point of failure. Closing stops the thread and closes the source.
   */
  private static final class PipedGunzip extends InputStream {
    private static final int BLOCK = 1 << 20;
    /** 32 MiB: enough to keep decompressing while the caller still reads the form. */
    private static final int AHEAD = 32;

    /** A block of decompressed bytes, the end of the input (length -1) or a failure. */
    private record Block(byte @Nullable [] data, int length, @Nullable Throwable failure) {}

    private static final Block END = new Block(null, -1, null);

    private final BlockingQueue<Block> full = new ArrayBlockingQueue<>(AHEAD);
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(AHEAD + 2);
    private final Thread worker;
    private volatile boolean closed;
    private @Nullable Block current;
    private int at;

    PipedGunzip(InputStream source, String name) {
      worker = new Thread(() -> produce(source), "mtm-gunzip " + name);
      worker.setDaemon(true);
      worker.start();
    }

    private void produce(InputStream source) {
      try (source) {
        while (!closed) {
          byte[] b = free.poll();
          if (b == null) {
            b = new byte[BLOCK];
          }
          int n = source.readNBytes(b, 0, BLOCK);
          if (n > 0) {
            full.put(new Block(b, n, null));
          }
          if (n < BLOCK) {
            full.put(END);
            return;
          }
        }
      } catch (InterruptedException e) {
        // Closed by the reader: nothing more is wanted.
        Thread.currentThread().interrupt();
      } catch (IOException | RuntimeException e) {
        try {
          full.put(new Block(null, 0, e));
        } catch (InterruptedException stop) {
          Thread.currentThread().interrupt();
        }
      }
    }

    /** The block being read, the next one once it is used up; null at the end. */
    private @Nullable Block block() throws IOException {
      Block c = current;
      if (c != null && (c.length() < 0 || at < c.length())) {
        return c.length() < 0 ? null : c;
      }
      if (c != null && c.data() != null) {
        free.offer(c.data());
      }
      try {
        c = full.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException("interrupted while decompressing");
      }
      Throwable f = c.failure();
      if (f instanceof IOException io) {
        throw new IOException(io.getMessage(), io);
      } else if (f instanceof RuntimeException re) {
        throw re;
      }
      current = c;
      at = 0;
      return c.length() < 0 ? null : c;
    }

    @Override
    public int read() throws IOException {
      Block c = block();
      if (c == null || c.data() == null) {
        return -1;
      }
      return c.data()[at++] & 0xff;
    }

    @Override
    public int read(byte[] dst, int off, int len) throws IOException {
      java.util.Objects.checkFromIndexSize(off, len, dst.length);
      if (len == 0) {
        return 0;
      }
      Block c = block();
      if (c == null || c.data() == null) {
        return -1;
      }
      int n = Math.min(len, c.length() - at);
      System.arraycopy(c.data(), at, dst, off, n);
      at += n;
      return n;
    }

    @Override
    public void close() throws IOException {
      if (closed) {
        return;
      }
      closed = true;
      worker.interrupt();
      try {
        // The source is closed by the worker as it stops: wait for that.
        worker.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
