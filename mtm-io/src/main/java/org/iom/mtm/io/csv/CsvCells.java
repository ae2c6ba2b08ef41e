package org.iom.mtm.io.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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
  private final InputStream in;
  private final boolean skipBlankLines;
  private byte[] buf = new byte[INITIAL_BUFFER];
  private int pos;
  private int limit;
  private boolean eof;
  private long line = 1;
  private final byte delimiter;
  private List<String> header = List.of();
  private Mode mode;
  private boolean sawMultibyte;

  private boolean @Nullable [] keep;
  /** For each column, how many columns from it on are skipped in a row. */
  private int[] skipRun = new int[1];
  private int count;
  private int[] starts = new int[16];
  private int[] lengths = new int[16];
  private int[] offsets = new int[16];
  private boolean[] doubled = new boolean[16];
  private boolean lastQuoted;
  private long recordLine;
  private boolean multiLine;
  private boolean anyDoubled;
  /** The first cell after a line break inside a quoted cell: earlier ones are on the record's line. */
  private int firstBroken = Integer.MAX_VALUE;

  private CsvCells(InputStream in, String file, CsvOptions options, Mode mode) {
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
    if (options.header()) {
      if (!parseRecord()) {
        throw new ReadException(ReadProblem.ofFile(file, "the file is empty: no header line"));
      }
      commit();
      String[] names = new String[count];
      for (int i = 0; i < count; i++) {
        names[i] = string(i);
      }
      names[0] = CsvReader.stripByteOrderMark(names[0]);
      this.header = List.of(names);
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
    return (char) delimiter;
  }

  /**
   * The encoding, as {@link CsvReader#encoding()} names it: final once the whole input is read.
   *
   * @return {@code UTF-8} or {@code windows-1252}
   */
  public String encoding() {
    return mode == Mode.CP1252 ? "windows-1252" : "UTF-8";
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
   */
  public void keep(boolean @Nullable [] columns) {
    this.keep = columns == null ? null : columns.clone();
    int n = columns == null ? 0 : columns.length;
    skipRun = new int[n + 1];
    for (int i = n - 1; i >= 0; i--) {
      skipRun[i] = columns[i] ? 0 : 1 + skipRun[i + 1];
    }
  }

  /**
   * Moves to the next record.
   *
   * @return false at the end of the input
   * @throws ReadException at malformed quoting or text not in the encoding, naming the line
   */
  public boolean next() {
    while (parseRecord()) {
      if (skipBlankLines && count == 1 && !lastQuoted && lengths[0] == 0) {
        continue;
      }
      commit();
      return true;
    }
    return false;
  }

  /**
   * The number of cells of the current record.
   *
   * @return the count
   */
  public int size() {
    return count;
  }

  /**
   * The 1-based physical line on which the current record starts.
   *
   * @return the line
   */
  public long line() {
    return recordLine;
  }

  /**
   * The 1-based physical line on which a cell starts (later than {@link #line()} when an earlier
   * quoted cell holds line breaks).
   *
   * @param index the 0-based cell
   * @return the line
   */
  public long lineOf(int index) {
    return multiLine && index >= firstBroken && index < count ? recordLine + offsets[index] : recordLine;
  }

  /**
   * The array holding the kept cells' bytes until the next call of {@link #next()}.
   *
   * @return the array, not to be modified
   */
  public byte[] array() {
    return buf;
  }

  /**
   * Where a kept cell starts in {@link #array()}.
   *
   * @param index the 0-based cell, kept
   * @return the offset
   */
  public int start(int index) {
    return starts[index];
  }

  /**
   * The length in bytes of a kept cell, unquoted (doubled quotes made single).
   *
   * @param index the 0-based cell, kept
   * @return the length
   */
  public int length(int index) {
    return lengths[index];
  }

  /**
   * A kept cell's text, decoded.
   *
   * @param index the 0-based cell, kept
   * @return the text
   */
  public String string(int index) {
    return decode(buf, starts[index], lengths[index]);
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
    try {
      in.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---------------------------------------------------------------- tokenizer

  /** Makes the kept cells of the record just parsed final: doubled quotes undoubled in place. */
  private void commit() {
    if (!anyDoubled) {
      return;
    }
    for (int i = 0, n = Math.min(count, doubled.length); i < n; i++) {
      if (doubled[i] && (keep == null || i >= keep.length || keep[i])) {
        byte[] b = buf;
        int s = starts[i];
        int end = s + lengths[i];
        int o = s;
        for (int p = s; p < end; ) {
          byte c = b[p];
          b[o++] = c;
          p += c == '"' ? 2 : 1;
        }
        lengths[i] = o - s;
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
    if (pos > 0) {
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
            String.format(
                Locale.ROOT,
                mode == Mode.AUTO
                    ? "byte 0x%02X is not UTF-8 although earlier text was: the file mixes encodings; give the encoding explicitly"
                    : "byte 0x%02X is not valid UTF-8; give the encoding (windows-1252?) explicitly",
                lead)));
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

  /** The high bit of each zero byte of {@code x}, exactly (no borrow between bytes). */
  private static long zeros(long x) {
    return ~(((x & LOW7) + LOW7) | x | LOW7);
  }

  private void ensure(int cell) {
    if (cell >= starts.length) {
      int n = Math.max(cell + 1, starts.length * 2);
      starts = Arrays.copyOf(starts, n);
      lengths = Arrays.copyOf(lengths, n);
      offsets = Arrays.copyOf(offsets, n);
      doubled = Arrays.copyOf(doubled, n);
    }
  }

  /**
   * One attempt at a record from {@code pos}. The hot loop of a large file: a skipped cell costs a
   * table lookup per byte and no store unless the record spans lines.
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
    while (true) {
      if (p >= lim) {
        if (!eof) {
          return 0;
        }
        // A delimiter just before the end of input: a last, empty cell.
        ensure(n);
        starts[n] = p;
        lengths[n] = 0;
        doubled[n] = false;
        offsets[n] = offset;
        count = n + 1;
        lastQuoted = false;
        return finish(p, ln, offset, broken);
      }
      int start;
      int len;
      boolean twice = false;
      boolean quoted = b[p] == '"';
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
        // The cell starts on the line where the record's earlier breaks leave it.
        store(n, start, len, twice, offset, k, keepLength);
        n++;
        if (innerBreaks > 0) {
          offset += innerBreaks;
          ln += innerBreaks;
          if (broken == Integer.MAX_VALUE) {
            broken = n;
          }
        }
      } else {
        start = p;
        if (offset == 0 && n < keepLength && k != null && !k[n]) {
          // A run of skipped cells, eight bytes at a time while they hold nothing but plain ASCII
          // and delimiters; anything else (a quote, a line end, a non-ASCII byte) goes to the
          // byte loop below, which finishes the current cell.
          int run = skipRun[n];
          final int cellStart = p;
          final long delimiters = ONES * (delimiter & 0xff);
          while (p + 8 <= lim) {
            long w = (long) LONGS.get(b, p);
            if ((zeros(w ^ LF) | zeros(w ^ CR) | zeros(w ^ QUOTE) | (w & HIGH)) != 0) {
              break;
            }
            long dm = zeros(w ^ delimiters);
            int c = Long.bitCount(dm);
            if (c < run) {
              if (c > 0) {
                start = p + ((63 - Long.numberOfLeadingZeros(dm)) >>> 3) + 1;
                n += c;
                run -= c;
              }
              p += 8;
              continue;
            }
            for (int j = 1; j < run; j++) {
              dm &= dm - 1;
            }
            p += (Long.numberOfTrailingZeros(dm) >>> 3) + 1;
            n += run;
            run = 0;
            break;
          }
          if (run == 0 || start == p && p > cellStart) {
            // At the start of a cell: the loop looks again at whether it is quoted.
            lastQuoted = false;
            continue;
          }
        }
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
          store(n, start, len, false, offset, null, 0);
        } else if (n == 0 || offset != 0) {
          // A skipped cell: only the first one's length (a blank line is one empty cell) and, in
          // a record spanning lines, its line are kept.
          ensure(n);
          lengths[n] = len;
          offsets[n] = offset;
        }
        n++;
      }
      lastQuoted = quoted;
      if (t < 0) {
        count = n;
        return finish(p, ln, offset, broken);
      }
      if (t == DELIMITER) {
        p++;
        continue;
      }
      count = n;
      return endOfLine(p, ln, offset, broken);
    }
  }

  private void store(int n, int start, int len, boolean twice, int offset, boolean @Nullable [] k, int keepLength) {
    ensure(n);
    offsets[n] = offset;
    if (k == null || n >= keepLength || k[n]) {
      starts[n] = start;
      lengths[n] = len;
      doubled[n] = twice;
    } else if (n == 0) {
      lengths[0] = len;
    }
    anyDoubled |= twice;
  }

  private String firstChar(byte[] b, int p, int lim) {
    if (b[p] >= 0) {
      return String.valueOf((char) b[p]);
    }
    String s = decode(b, p, Math.min(4, lim - p));
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
