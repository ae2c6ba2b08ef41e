package org.iom.mtm.io.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.iom.mtm.io.ReadException;
import org.iom.mtm.io.ReadProblem;
import org.jspecify.annotations.Nullable;

/**
 * A CSV file read record by record as cells of bytes, for readers that convert only some columns
 * of a large file: the cells of the other columns are skipped without being decoded or copied, and
 * the cells kept are handed out as ranges of one byte array, decoded to a String only on demand.
 * Same dialect, quoting rules, line numbers and error messages as {@link CsvReader}.
 *
 * <p>It works on the bytes because delimiters, quotes and line breaks are ASCII, and neither UTF-8
 * nor Windows-1252 ever uses an ASCII byte inside a multi-byte character. Every byte is still
 * checked: UTF-8 is validated as {@link CsvReader} decodes it (detection falls back to
 * Windows-1252 at the first byte that is not UTF-8 when no multi-byte character came before, and a
 * mixed file is refused), so the encoding reported and the failures are the same. Inputs in any
 * other charset (UTF-16, or one given explicitly) are not for this class: {@link #of} says so by
 * returning null.
 *
 * <p>Finding the cells can run in a thread of its own, ahead of the caller ({@link #parseAhead}):
 * then a large file's reading takes two cores, one finding cells, the other converting them.
 */
public final class CsvCells implements Closeable {
  private static final char[] CP1252 = TextDecoder.CP1252;
  private static final int INITIAL_BUFFER = 1 << 20;

  private enum Mode {
    AUTO,
    UTF8,
    CP1252
  }

  private final String file;
  private final Tokenizer t;
  private final List<String> header;

  // The current record as the caller sees it: the tokenizer's own arrays when read record by
  // record, a row of a batch when parsed ahead.
  private byte[] viewBytes;
  private int[] viewStarts;
  private int[] viewLengths;
  private int[] viewOffsets;
  private int viewBase;
  private int viewCount;
  private long viewLine;
  /** The first cell on a later line than the record's, or {@link Integer#MAX_VALUE}. */
  private int viewBroken = Integer.MAX_VALUE;
  private Mode viewMode;

  /** Set once the records are parsed ahead in a thread of their own. */
  private @Nullable Ahead ahead;
  /** Parsed ahead: the batch being read, its current row, and whether the last was handed over. */
  private @Nullable Batch reading;
  private int row;
  private boolean ended;

  private CsvCells(InputStream in, String file, CsvOptions options, Mode mode) {
    this.file = file;
    this.t = new Tokenizer(in, file, options, mode);
    viewRecord();
    if (options.header()) {
      if (!t.parseRecord()) {
        throw new ReadException(ReadProblem.ofFile(file, "the file is empty: no header line"));
      }
      t.commit();
      viewRecord();
      String[] names = new String[viewCount];
      for (int i = 0; i < names.length; i++) {
        names[i] = string(i);
      }
      names[0] = CsvReader.stripByteOrderMark(names[0]);
      this.header = List.of(names);
      t.header = header;
    } else {
      this.header = List.of();
    }
  }

  /**
   * Reads decompressed bytes as cells, when their encoding allows it.
   *
   * @param in the bytes, already gunzipped, supporting {@link InputStream#mark}
   * @param file the name used in messages
   * @param options how to read them
   * @return the reader, positioned after the header (closing it closes the stream); or null, with
   *     the stream still at its start, when the input is UTF-16 (byte-order mark), a charset other
   *     than UTF-8 or Windows-1252 is given, or the delimiter is not ASCII: read it with {@link
   *     CsvReader} then
   * @throws ReadException naming the input when it is empty, unreadable or malformed
   * @throws IllegalArgumentException when the stream does not support mark
   */
  public static @Nullable CsvCells of(InputStream in, String file, CsvOptions options) {
    if (!in.markSupported()) {
      throw new IllegalArgumentException("the stream must support mark");
    }
    Mode mode;
    if (options.charset() == null) {
      mode = Mode.AUTO;
    } else if (options.charset().equals(StandardCharsets.UTF_8)) {
      mode = Mode.UTF8;
    } else if (options.charset().name().equalsIgnoreCase("windows-1252")) {
      mode = Mode.CP1252;
    } else {
      return null;
    }
    if (options.delimiter() != null && options.delimiter() >= 128) {
      return null;
    }
    byte[] head = new byte[3];
    int n;
    try {
      in.mark(3);
      n = in.readNBytes(head, 0, 3);
      in.reset();
    } catch (IOException e) {
      throw new ReadException(ReadProblem.ofFile(file, "cannot read: " + e.getMessage()), e);
    }
    boolean utf8Mark = n == 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF;
    if (!utf8Mark && mode == Mode.AUTO && n >= 2
        && ((head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE || (head[0] & 0xff) == 0xFE && (head[1] & 0xff) == 0xFF)) {
      return null;
    }
    try {
      if (utf8Mark) {
        in.skipNBytes(3);
        if (mode == Mode.AUTO) {
          mode = Mode.UTF8;
        }
      }
    } catch (IOException e) {
      throw new ReadException(ReadProblem.ofFile(file, "cannot read: " + e.getMessage()), e);
    }
    return new CsvCells(in, file, options, mode);
  }

  /**
   * The file name used in messages.
   *
   * @return the name
   */
  public String file() {
    return file;
  }

  /**
   * The delimiter, given or detected.
   *
   * @return the character
   */
  public char delimiter() {
    return (char) t.delimiter;
  }

  /**
   * The encoding, as {@link CsvReader#encoding()} names it: final once the whole input is read.
   *
   * @return {@code UTF-8} or {@code windows-1252}
   */
  public String encoding() {
    return viewMode == Mode.CP1252 ? "windows-1252" : "UTF-8";
  }

  /**
   * The header's names, a byte-order mark removed from the first; empty without a header.
   *
   * @return an immutable list
   */
  public List<String> header() {
    return header;
  }

  /**
   * Says which cells of the following records to keep: the others are only counted. Cells beyond
   * the array are always kept (the extra cells of a long row are looked at).
   *
   * @param columns true for each 0-based column to keep, or null to keep every cell
   * @throws IllegalStateException once the records are {@linkplain #parseAhead parsed ahead}
   */
  public void keep(boolean @Nullable [] columns) {
    if (ahead != null) {
      throw new IllegalStateException("the records are already parsed ahead with the columns kept before");
    }
    t.keep(columns);
  }

  /**
   * Moves to the next record.
   *
   * @return false at the end of the input
   * @throws ReadException at malformed quoting or text not in the encoding, naming the line
   */
  public boolean next() {
    if (ahead != null) {
      return nextParsedAhead();
    }
    // The previous record is given up: its cells' places are free again.
    t.base = 0;
    if (t.nextRecord()) {
      viewRecord();
      return true;
    }
    viewMode = t.mode;
    return false;
  }

  /** Shows the record just parsed, read record by record, to the caller. */
  private void viewRecord() {
    viewBytes = t.buf;
    viewStarts = t.starts;
    viewLengths = t.lengths;
    viewOffsets = t.offsets;
    viewBase = 0;
    viewCount = t.count;
    viewLine = t.recordLine;
    viewBroken = t.multiLine ? t.firstBroken : Integer.MAX_VALUE;
    viewMode = t.mode;
  }

  /** {@link #next()} once parsed ahead: the next row of the batch, or of the next batch. */
  private boolean nextParsedAhead() {
    Batch b = reading;
    if (b != null && ++row < b.rows) {
      viewRow(b, row);
      return true;
    }
    if (ended) {
      return false;
    }
    Ahead a = ahead;
    if (b != null) {
      reading = null;
      a.free.offer(b);
    }
    Batch m;
    try {
      m = a.full.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ReadException(ReadProblem.atLine(file, viewLine, "interrupted while reading"), e);
    }
    if (m.failure != null || m.rows == 0) {
      ended = true;
      a.join();
      // The thread has ended: its tokenizer's final state is the caller's to read now.
      viewMode = t.mode;
      Throwable f = m.failure;
      if (f instanceof RuntimeException re) {
        throw re;
      } else if (f instanceof Error er) {
        throw er;
      }
      return false;
    }
    reading = m;
    row = 0;
    viewBytes = m.bytes;
    viewStarts = m.starts;
    viewLengths = m.lengths;
    viewOffsets = m.offsets;
    viewMode = m.mode;
    viewRow(m, 0);
    return true;
  }

  private void viewRow(Batch b, int r) {
    viewBase = b.rowBase[r];
    viewCount = b.rowCells[r];
    viewLine = b.rowLine[r];
    viewBroken = b.rowBroken[r];
  }

  /**
   * The number of cells of the current record.
   *
   * @return the count
   */
  public int size() {
    return viewCount;
  }

  /**
   * The 1-based physical line on which the current record starts.
   *
   * @return the line
   */
  public long line() {
    return viewLine;
  }

  /**
   * The 1-based physical line on which a cell starts (later than {@link #line()} when an earlier
   * quoted cell holds line breaks).
   *
   * @param index the 0-based cell
   * @return the line
   */
  public long lineOf(int index) {
    return index >= viewBroken && index < viewCount ? viewLine + viewOffsets[viewBase + index] : viewLine;
  }

  /**
   * The array holding the kept cells' bytes until the next call of {@link #next()}.
   *
   * @return the array, not to be modified
   */
  public byte[] array() {
    return viewBytes;
  }

  /**
   * Where a kept cell starts in {@link #array()}.
   *
   * @param index the 0-based cell, kept
   * @return the offset
   */
  public int start(int index) {
    return viewStarts[viewBase + index];
  }

  /**
   * The length in bytes of a kept cell, unquoted (doubled quotes made single).
   *
   * @param index the 0-based cell, kept
   * @return the length
   */
  public int length(int index) {
    return viewLengths[viewBase + index];
  }

  /**
   * A kept cell's text, decoded.
   *
   * @param index the 0-based cell, kept
   * @return the text
   */
  public String string(int index) {
    int i = viewBase + index;
    return decode(viewBytes, viewStarts[i], viewLengths[i]);
  }

  /**
   * Decodes bytes of this input: ASCII as it is, else in the encoding in use.
   *
   * @param b the bytes
   * @param start the first
   * @param len how many
   * @return the text
   */
  public String decode(byte[] b, int start, int len) {
    return decode(b, start, len, viewMode);
  }

  private static String decode(byte[] b, int start, int len, Mode mode) {
    int end = start + len;
    for (int i = start; i < end; i++) {
      if (b[i] < 0) {
        if (mode == Mode.CP1252) {
          char[] c = new char[len];
          for (int j = 0; j < len; j++) {
            c[j] = CP1252[b[start + j] & 0xff];
          }
          return new String(c);
        }
        return new String(b, start, len, StandardCharsets.UTF_8);
      }
    }
    return new String(b, start, len, StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() {
    Ahead a = ahead;
    if (a != null) {
      a.stop();
    }
    try {
      t.in.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * From the next record on, parses the records in a thread of its own, a few batches ahead of the
   * caller, so that finding the cells of a large file and converting them run on two cores. What
   * the caller sees does not change: the same records, cells, lines and encoding, and a failure
   * (malformed quoting, text not in the encoding, an unreadable input) thrown by the {@link #next()}
   * that reaches it, after every record before it. The thread ends at the end of the input, at a
   * failure or at {@link #close()}, which the caller must call when it stops early.
   *
   * <p>The current record stays readable until the next call of {@link #next()}.
   *
   * @param batchBytes the input bytes a batch of records holds; a larger record takes a batch of
   *     its own. About 256 KiB keeps a batch in the processor's cache; tests give a few bytes so
   *     that batches end everywhere.
   * @throws IllegalArgumentException when {@code batchBytes} is less than 1
   * @throws IllegalStateException when the records are already parsed ahead
   */
  public void parseAhead(int batchBytes) {
    if (batchBytes < 1) {
      throw new IllegalArgumentException("a batch must hold at least one byte, not " + batchBytes);
    }
    if (ahead != null) {
      throw new IllegalStateException("the records are already parsed ahead");
    }
    // The bytes not parsed yet move to a buffer of their own: the current record, which the
    // caller may still read, stays where it is, and so do its cells' places.
    int rest = t.limit - t.pos;
    Batch first = new Batch(rest + batchBytes, t.starts.length);
    System.arraycopy(t.buf, t.pos, first.bytes, 0, rest);
    t.buf = first.bytes;
    t.pos = 0;
    t.limit = rest;
    t.starts = first.starts;
    t.lengths = first.lengths;
    t.offsets = new int[t.offsets.length];
    t.base = 0;
    t.filling = first;
    Ahead a = new Ahead(t, batchBytes);
    t.ahead = a;
    ahead = a;
    a.thread.start();
  }

  /**
   * The tokenizer: its state is touched by one thread at a time (the caller's, or once the records
   * are parsed ahead, the parsing thread's alone), and lives apart from the caller's view of the
   * current record so that the two threads do not write to the same cache lines.
   */
  private static final class Tokenizer {
    private final String file;
    private final InputStream in;
    private final boolean skipBlankLines;
    private byte[] buf = new byte[INITIAL_BUFFER];
    private int pos;
    private int limit;
    private boolean eof;
    private long line = 1;
    private final byte delimiter;
    /** The header's names, for messages: empty while the header itself is parsed. */
    private List<String> header = List.of();
    private Mode mode;
    private boolean sawMultibyte;

    private boolean @Nullable [] keep;

    /** The cells of the record just parsed. */
    private int count;
    /**
     * Where the record being parsed puts its cells in {@link #starts} and {@link #lengths}: 0 when
     * read record by record, after the earlier records of the batch when parsed ahead.
     */
    private int base;
    private int[] starts = new int[16];
    private int[] lengths = new int[16];
    /** By cell of the record just parsed: line breaks before it within the record. */
    private int[] offsets = new int[16];
    private boolean[] doubled = new boolean[16];
    private boolean lastQuoted;
    private long recordLine;
    private boolean multiLine;
    private boolean anyDoubled;
    /** The first cell after a line break inside a quoted cell: earlier ones are on the record's line. */
    private int firstBroken = Integer.MAX_VALUE;

    /** Set once the records are parsed ahead: then the batch being filled. */
    private @Nullable Ahead ahead;
    private Batch filling = EMPTY;

    Tokenizer(InputStream in, String file, CsvOptions options, Mode mode) {
      this.in = in;
      this.file = file;
      this.mode = mode;
      this.skipBlankLines = options.skipBlankLines();
      if (options.delimiter() != null) {
        this.delimiter = (byte) options.delimiter().charValue();
      } else {
        this.delimiter = (byte) detectDelimiter();
      }
      classes();
    }

    void keep(boolean @Nullable [] columns) {
      this.keep = columns == null ? null : columns.clone();
    }

    /** Parses the next record that is not a skipped blank line and makes its cells final. */
    boolean nextRecord() {
      while (parseRecord()) {
        if (skipBlankLines && count == 1 && !lastQuoted && lengths[base] == 0) {
          continue;
        }
        commit();
        return true;
      }
      return false;
    }

    /** Makes the kept cells of the record just parsed final: doubled quotes undoubled in place. */
    private void commit() {
      if (!anyDoubled) {
        return;
      }
      for (int i = 0, n = Math.min(count, doubled.length); i < n; i++) {
        if (doubled[i] && (keep == null || i >= keep.length || keep[i])) {
          byte[] b = buf;
          int s = starts[base + i];
          int end = s + lengths[base + i];
          int o = s;
          for (int p = s; p < end; ) {
            byte c = b[p];
            b[o++] = c;
            p += c == '"' ? 2 : 1;
          }
          lengths[base + i] = o - s;
          doubled[i] = false;
        }
      }
    }

    private @Nullable String columnName(int index) {
      return index >= 0 && index < header.size() ? header.get(index) : null;
    }

    /**
     * Reads more bytes, keeping those from {@code pos} on.
     *
     * @return false at the end of input
     */
    private boolean more() {
      if (eof) {
        return false;
      }
      Ahead a = ahead;
      if (a != null && filling.rows > 0) {
        // The caller will read the records parsed so far from this buffer: go on in another.
        a.handOver();
      } else if (pos > 0) {
        System.arraycopy(buf, pos, buf, 0, limit - pos);
        limit -= pos;
        pos = 0;
      }
      if (limit == buf.length) {
        buf = Arrays.copyOf(buf, buf.length * 2);
      }
      try {
        int n = in.read(buf, limit, buf.length - limit);
        while (n == 0) {
          n = in.read(buf, limit, buf.length - limit);
        }
        if (n < 0) {
          eof = true;
          return false;
        }
        limit += n;
        return true;
      } catch (IOException e) {
        throw new ReadException(ReadProblem.atLine(file, line, "cannot read: " + e.getMessage()), e);
      }
    }

    /** The most frequent of {@code ;}, {@code ,} and tab outside quotes on the first line. */
    private char detectDelimiter() {
      int semicolons = 0;
      int commas = 0;
      int tabs = 0;
      boolean quoted = false;
      int p = pos;
      while (true) {
        if (p >= limit) {
          int consumed = p - pos;
          if (!more()) {
            break;
          }
          p = pos + consumed;
          continue;
        }
        byte c = buf[p++];
        if (c == '"') {
          quoted = !quoted;
        } else if (!quoted) {
          if (c == '\n' || c == '\r') {
            break;
          } else if (c == ';') {
            semicolons++;
          } else if (c == ',') {
            commas++;
          } else if (c == '\t') {
            tabs++;
          }
        }
      }
      return CsvReader.chooseDelimiter(semicolons, commas, tabs);
    }

    /**
     * Parses one record. When the buffer ends inside the record, reads more and parses the record
     * again from its start.
     *
     * @return false at the end of input
     */
    private boolean parseRecord() {
      while (true) {
        int r = tryParse();
        if (r > 0) {
          return true;
        }
        if (r == 0 && !more()) {
          if (pos >= limit) {
            return false;
          }
        }
        if (r < 0) {
          return false;
        }
      }
    }

    /**
     * Checks the bytes from a non-ASCII one at {@code p} as the decoder would decode them, switching
     * detection to Windows-1252 or failing as it does.
     *
     * @return the number of bytes the character takes, or 0 when more input is needed first
     */
    private int checkNonAscii(byte[] b, int p, int lim, long ln) {
      if (mode == Mode.CP1252) {
        return 1;
      }
      int lead = b[p] & 0xff;
      int need = lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3 : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
      if (need > 0 && lim - p < need && !eof) {
        return 0;
      }
      if (need > 0 && lim - p >= need && wellFormed(b, p, need)) {
        sawMultibyte = true;
        return need;
      }
      if (mode == Mode.AUTO && !sawMultibyte) {
        mode = Mode.CP1252;
        return 1;
      }
      throw new ReadException(
          new ReadProblem(file, ln, 0, null, null,
              TextDecoder.notUtf8(mode == Mode.AUTO, lead)));
    }

    /** Whether bytes form one well-formed UTF-8 sequence (RFC 3629). */
    private static boolean wellFormed(byte[] b, int p, int need) {
      int b0 = b[p] & 0xff;
      int b1 = b[p + 1] & 0xff;
      if ((b1 & 0xC0) != 0x80) {
        return false;
      }
      if (need == 2) {
        return true;
      }
      // Overlong forms, surrogates and code points above U+10FFFF are not UTF-8.
      if ((b0 == 0xE0 && b1 < 0xA0) || (b0 == 0xED && b1 > 0x9F) || (b0 == 0xF0 && b1 < 0x90) || (b0 == 0xF4 && b1 > 0x8F)) {
        return false;
      }
      if ((b[p + 2] & 0xC0) != 0x80) {
        return false;
      }
      return need == 3 || (b[p + 3] & 0xC0) == 0x80;
    }

    /** Byte classes for the scan of an unquoted cell: 0 goes on, else what ends or interrupts it. */
    private static final byte ORDINARY = 0;
    private static final byte DELIMITER = 1;
    private static final byte LINE_END = 2;
    private static final byte NON_ASCII = 3;

    private final byte[] classes = new byte[256];

    private void classes() {
      for (int i = 128; i < 256; i++) {
        classes[i] = NON_ASCII;
      }
      classes['\n'] = LINE_END;
      classes['\r'] = LINE_END;
      classes[delimiter & 0xff] = DELIMITER;
    }

    private static final java.lang.invoke.VarHandle LONGS =
        java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;
    private static final long HIGH = 0x8080808080808080L;
    private static final long LF = ONES * '\n';
    private static final long CR = ONES * '\r';
    private static final long QUOTE = ONES * '"';

    // Long.numberOfTrailingZeros is plain Java under C1 (mtm runs with C1 only), some twenty
    // operations: on a mask holding only the bytes' high bits, one multiplication does its work.

    /** The index (0 to 7, from the low end) of the lowest byte whose high bit {@code m} holds (nonzero). */
    private static int lowestByte(long m) {
      return (int) ((((m & -m) >>> 7) * 0x0001020304050607L) >>> 56);
    }

    /**
     * The high bit of the lowest zero byte of {@code x}, exactly, and maybe of some bytes above it
     * (a borrow): cheaper than {@link #zeros} where only the lowest matters.
     */
    private static long lowestZero(long x) {
      return (x - ONES) & ~x & HIGH;
    }

    /**
     * The high bit of the lowest byte of {@code w} below 14 (line ends among them) or from 128
     * (non-ASCII), exactly, and maybe of some bytes above it (a borrow).
     */
    private static long lowestBelow14OrHigh(long w) {
      return ((w - ONES * 14) | w) & HIGH;
    }

    /** The high bit of each zero byte of {@code x}, exactly (no borrow between bytes). */
    private static long zeros(long x) {
      return ~(((x & LOW7) + LOW7) | x | LOW7);
    }

    /** Makes room for a cell of the record being parsed. */
    private void ensure(int cell) {
      if (base + cell >= starts.length) {
        int n = Math.max(base + cell + 1, starts.length * 2);
        starts = Arrays.copyOf(starts, n);
        lengths = Arrays.copyOf(lengths, n);
      }
      if (cell >= offsets.length) {
        int n = Math.max(cell + 1, offsets.length * 2);
        offsets = Arrays.copyOf(offsets, n);
        doubled = Arrays.copyOf(doubled, n);
      }
    }

    /**
     * One attempt at a record from {@code pos}. The hot loop of a large file: plain cells are found
     * eight bytes at a time, a skipped one costing no store unless it is a record's first; quoted
     * cells, line ends and non-ASCII text go byte by byte.
     *
     * @return 1 with a record, 0 when more input is needed, -1 at the end of input
     */
    private int tryParse() {
      final byte[] b = buf;
      final byte[] cls = classes;
      final int lim = limit;
      final boolean[] k = keep;
      final int keepLength = k == null ? 0 : k.length;
      int p = pos;
      if (p >= lim) {
        return eof ? -1 : 0;
      }
      int n = 0;
      anyDoubled = false;
      int broken = Integer.MAX_VALUE;
      long ln = line;
      int offset = 0;
      final long delimiters = ONES * (delimiter & 0xff);
      // Line ends (and other control bytes) found as bytes below 14 at once, unless the delimiter
      // is one (tab): then exactly.
      final boolean exact = (delimiter & 0xff) < 14;
      while (true) {
        if (p >= lim) {
          if (!eof) {
            return 0;
          }
          // A delimiter just before the end of input: a last, empty cell.
          ensure(n);
          starts[base + n] = p;
          lengths[base + n] = 0;
          doubled[n] = false;
          offsets[n] = offset;
          count = n + 1;
          lastQuoted = false;
          return finish(p, ln, offset, broken);
        }
        int start = p;
        if (offset == 0 && b[p] != '"') {
          // While the record is on one line and at a cell that is not quoted: eight bytes at a
          // time, every cell they end (a delimiter before any quote, line end or non-ASCII byte)
          // taken whole. At the first such byte, or near the end of the buffer, the byte loops
          // below go on from the cell begun.
          while (p + 8 <= lim) {
            long w = (long) LONGS.get(b, p);
            long special = exact
                ? lowestZero(w ^ LF) | lowestZero(w ^ CR) | lowestZero(w ^ QUOTE) | (w & HIGH)
                : lowestBelow14OrHigh(w) | lowestZero(w ^ QUOTE);
            long ends = zeros(w ^ delimiters);
            if (special != 0) {
              ends &= (special & -special) - 1;
            }
            if (ends != 0) {
              // Room for the (at most eight) cells this word ends, checked once.
              if (base + n + 8 > starts.length || n + 8 > offsets.length) {
                ensure(n + 7);
              }
              final int[] s = starts;
              final int[] l = lengths;
              final int at0 = base;
              do {
                int at = p + lowestByte(ends);
                if (k == null || n >= keepLength || k[n] || n == 0) {
                  // A skipped first cell's length too: it tells a blank line.
                  s[at0 + n] = start;
                  l[at0 + n] = at - start;
                }
                n++;
                start = at + 1;
                ends &= ends - 1;
              } while (ends != 0);
            }
            if (special != 0) {
              p += lowestByte(special);
              break;
            }
            p += 8;
          }
          if (p >= lim && p == start) {
            // At the start of a cell at the end of the buffer: as at the top of the loop.
            continue;
          }
        }
        int len;
        boolean twice = false;
        boolean quoted = p == start && b[p] == '"';
        int t;
        if (quoted) {
          start = p + 1;
          int q = start;
          int innerBreaks = 0;
          while (true) {
            if (q >= lim) {
              if (!eof) {
                return 0;
              }
              count = n;
              throw new ReadException(
                  new ReadProblem(file, ln, n + 1, columnName(n), null,
                      "a quoted field is not closed before the end of the file"));
            }
            if (q + 8 <= lim) {
              // Eight bytes at a time to the next quote, line end or non-ASCII byte.
              long w = (long) LONGS.get(b, q);
              long special = lowestBelow14OrHigh(w) | lowestZero(w ^ QUOTE);
              if (special == 0) {
                q += 8;
                continue;
              }
              q += lowestByte(special);
            }
            byte e = b[q];
            if (e == '"') {
              if (q + 1 >= lim && !eof) {
                return 0;
              }
              if (q + 1 < lim && b[q + 1] == '"') {
                twice = true;
                q += 2;
                continue;
              }
              break;
            }
            if (e < 0) {
              int m = checkNonAscii(b, q, lim, ln + innerBreaks);
              if (m == 0) {
                return 0;
              }
              q += m;
              continue;
            }
            if (e == '\n') {
              innerBreaks++;
            } else if (e == '\r') {
              if (q + 1 >= lim && !eof) {
                return 0;
              }
              if (q + 1 >= lim || b[q + 1] != '\n') {
                innerBreaks++;
              }
            }
            q++;
          }
          len = q - start;
          p = q + 1;
          if (p >= lim) {
            if (!eof) {
              return 0;
            }
            t = -1;
          } else {
            t = cls[b[p] & 0xff];
            if (t != DELIMITER && t != LINE_END) {
              count = n + 1;
              throw new ReadException(
                  new ReadProblem(file, ln + innerBreaks, n + 1, columnName(n), firstChar(b, p, lim),
                      "text after the closing quote of a quoted field"));
            }
          }
          // The cell starts on the line where the record's earlier breaks leave it. As for a
          // plain cell: its flag of doubled quotes is false unless set here (commit clears every
          // flag it finds set), and its line needs keeping only after a line break.
          if (k == null || n >= keepLength || k[n]) {
            int at = base + n;
            if (at >= starts.length || n >= offsets.length) {
              ensure(n);
            }
            starts[at] = start;
            lengths[at] = len;
            if (twice) {
              doubled[n] = true;
              anyDoubled = true;
            }
            if (offset != 0) {
              offsets[n] = offset;
            }
          } else if (n == 0 || offset != 0) {
            // A skipped cell: only the first one's length (a blank line is one empty cell) and, in
            // a record spanning lines, its line are kept.
            ensure(n);
            lengths[base + n] = len;
            offsets[n] = offset;
          }
          n++;
          if (innerBreaks > 0) {
            offset += innerBreaks;
            ln += innerBreaks;
            if (broken == Integer.MAX_VALUE) {
              broken = n;
            }
          }
        } else {
          while (true) {
            if (p >= lim) {
              t = -1;
              break;
            }
            t = cls[b[p] & 0xff];
            if (t == ORDINARY) {
              p++;
              continue;
            }
            if (t == NON_ASCII) {
              int m = checkNonAscii(b, p, lim, ln);
              if (m == 0) {
                return 0;
              }
              p += m;
              continue;
            }
            break;
          }
          if (t < 0 && !eof) {
            return 0;
          }
          len = p - start;
          if (k == null || n >= keepLength || k[n]) {
            // The cell's flag of doubled quotes is already false (commit clears every flag it
            // finds set), and its line is the record's unless an earlier cell broke the line.
            int at = base + n;
            if (at >= starts.length || n >= offsets.length) {
              ensure(n);
            }
            starts[at] = start;
            lengths[at] = len;
            if (offset != 0) {
              offsets[n] = offset;
            }
          } else if (n == 0 || offset != 0) {
            // A skipped cell: only the first one's length (a blank line is one empty cell) and, in
            // a record spanning lines, its line are kept.
            ensure(n);
            lengths[base + n] = len;
            offsets[n] = offset;
          }
          n++;
        }
        if (t == DELIMITER) {
          p++;
          continue;
        }
        count = n;
        lastQuoted = quoted;
        if (t < 0) {
          return finish(p, ln, offset, broken);
        }
        return endOfLine(p, ln, offset, broken);
      }
    }

    private String firstChar(byte[] b, int p, int lim) {
      if (b[p] >= 0) {
        return String.valueOf((char) b[p]);
      }
      String s = decode(b, p, Math.min(4, lim - p), mode);
      return s.isEmpty() ? "" : String.valueOf(s.charAt(0));
    }

    /** Consumes CR, LF or CRLF at {@code p} and commits the record. */
    private int endOfLine(int p, long ln, int offset, int broken) {
      int q = p;
      if (buf[q] == '\r') {
        q++;
        if (q >= limit && !eof) {
          return 0;
        }
        if (q < limit && buf[q] == '\n') {
          q++;
        }
      } else {
        q++;
      }
      int r = finish(q, ln, offset, broken);
      line++;
      return r;
    }

    private int finish(int p, long ln, int offset, int broken) {
      recordLine = line;
      multiLine = offset > 0;
      firstBroken = broken;
      line = ln;
      pos = p;
      return 1;
    }
  }

  // ---------------------------------------------------------------- parsing ahead

  /**
   * Records parsed ahead: the bytes they are in, their cells' places in those bytes and the line
   * of each. Handed from the parsing thread to the caller whole, and back once read, to be filled
   * again.
   */
  private static final class Batch {
    byte[] bytes;
    int[] starts;
    int[] lengths;
    /** By cell, for the rows spanning lines only: the line breaks before the cell in its record. */
    int[] offsets = new int[0];
    int rows;
    int[] rowBase = new int[256];
    int[] rowCells = new int[256];
    long[] rowLine = new long[256];
    int[] rowBroken = new int[256];
    Mode mode = Mode.AUTO;
    /** Instead of records: the failure the parsing thread ended with. */
    @Nullable Throwable failure;

    Batch(int bytes, int cells) {
      this.bytes = new byte[bytes];
      this.starts = new int[cells];
      this.lengths = new int[cells];
    }

    /** Adds the record just parsed, its cells from {@code base} in {@link #starts}. */
    void add(int base, int count, long line, int broken, int[] recordOffsets) {
      if (rows == rowBase.length) {
        int n = rows * 2;
        rowBase = Arrays.copyOf(rowBase, n);
        rowCells = Arrays.copyOf(rowCells, n);
        rowLine = Arrays.copyOf(rowLine, n);
        rowBroken = Arrays.copyOf(rowBroken, n);
      }
      rowBase[rows] = base;
      rowCells[rows] = count;
      rowLine[rows] = line;
      rowBroken[rows] = broken;
      if (broken != Integer.MAX_VALUE) {
        if (offsets.length < base + count) {
          offsets = Arrays.copyOf(offsets, Math.max(base + count, offsets.length * 2));
        }
        System.arraycopy(recordOffsets, 0, offsets, base, count);
      }
      rows++;
    }
  }

  /** The batch of a tokenizer that does not parse ahead: never filled. */
  private static final Batch EMPTY = new Batch(0, 0);

  /**
   * The parsing thread and the queues between it and the caller. The thread runs the tokenizer
   * (nothing else touches it meanwhile) into batches, which the caller reads through its view.
   */
  private static final class Ahead implements Runnable {
    /** Batches parsed and not yet read: enough to ride out a slow moment on either side. */
    private static final int QUEUE = 4;

    private final Tokenizer t;
    private final int batchBytes;
    final BlockingQueue<Batch> full = new ArrayBlockingQueue<>(QUEUE);
    final BlockingQueue<Batch> free = new ArrayBlockingQueue<>(QUEUE + 2);
    final Thread thread;
    private volatile boolean closed;

    Ahead(Tokenizer t, int batchBytes) {
      this.t = t;
      this.batchBytes = batchBytes;
      thread = new Thread(this, "mtm-csv " + t.file);
      thread.setDaemon(true);
    }

    @Override
    public void run() {
      Tokenizer k = t;
      try {
        while (k.nextRecord()) {
          k.filling.add(k.base, k.count, k.recordLine, k.multiLine ? k.firstBroken : Integer.MAX_VALUE, k.offsets);
          k.base += k.count;
        }
        deliverFilled();
        full.put(new Batch(0, 0));
      } catch (InterruptedException | Stopped e) {
        // Closed by the caller: nothing more is wanted.
      } catch (RuntimeException | Error e) {
        Batch failed = new Batch(0, 0);
        failed.failure = e;
        try {
          // The records before the failure are read first, as they would be one by one.
          deliverFilled();
          full.put(failed);
        } catch (InterruptedException stop) {
          // Closed by the caller meanwhile: it wants nothing more, not even the failure.
        }
      }
    }

    /** Hands the records of the batch being filled to the caller, if there are any. */
    private void deliverFilled() throws InterruptedException {
      Batch done = t.filling;
      if (done.rows > 0) {
        done.bytes = t.buf;
        done.starts = t.starts;
        done.lengths = t.lengths;
        done.mode = t.mode;
        full.put(done);
      }
    }

    /**
     * Hands the batch filled so far to the caller and goes on in a fresh one, the record begun
     * moved to its start.
     *
     * @throws Stopped when the caller closed the reader
     */
    void handOver() {
      Tokenizer k = t;
      Batch done = k.filling;
      done.bytes = k.buf;
      done.starts = k.starts;
      done.lengths = k.lengths;
      done.mode = k.mode;
      Batch next = free.poll();
      if (next == null) {
        next = new Batch(batchBytes, k.starts.length);
      }
      next.rows = 0;
      int rest = k.limit - k.pos;
      if (next.bytes.length - rest < batchBytes / 2 + 1) {
        next.bytes = new byte[rest + batchBytes];
      }
      System.arraycopy(k.buf, k.pos, next.bytes, 0, rest);
      k.buf = next.bytes;
      k.pos = 0;
      k.limit = rest;
      k.starts = next.starts;
      k.lengths = next.lengths;
      k.base = 0;
      k.filling = next;
      if (closed) {
        throw new Stopped();
      }
      try {
        full.put(done);
      } catch (InterruptedException e) {
        throw new Stopped();
      }
    }

    /** Stops the parsing thread, waiting until it has. */
    void stop() {
      closed = true;
      thread.interrupt();
      join();
    }

    /** Waits for the parsing thread to end, keeping an interruption of the caller for later. */
    void join() {
      boolean interrupted = false;
      while (true) {
        try {
          thread.join();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Unwinds the parsing thread when the caller has closed the reader. */
  private static final class Stopped extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Stopped() {
      super(null, null, false, false);
    }
  }
}
