package org.iom.mtm.io.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.iom.mtm.io.RawInput;
import org.iom.mtm.io.ReadException;
import org.iom.mtm.io.ReadProblem;
import org.jspecify.annotations.Nullable;

/**
 * Reads a CSV file record by record (RFC 4180 plus what real exports do): a delimiter detected from
 * the header line or given; fields quoted or not, quotes doubled inside quotes, line breaks inside
 * quotes; CRLF, LF or CR line ends; UTF-8 with or without byte-order mark, Windows-1252, gzip.
 *
 * <p>Every record knows its physical line, so that readers built on this one report {@code
 * FILE:LINE:COLUMN: what is wrong} through {@link #problem}. Malformed quoting (an unterminated
 * quote, text after a closing quote) raises {@link ReadException} with the location.
 *
 * <p>The tokenizer scans a character buffer and allocates only the cell strings and one array per
 * record: no regular expression, no per-cell builder unless a cell has doubled quotes.
 */
public final class CsvReader implements Closeable, Iterable<CsvRecord> {
  private static final int INITIAL_BUFFER = 1 << 16;

  private final String file;
  private final Reader in;
  private final @Nullable TextDecoder decoder;
  private final boolean skipBlankLines;
  private char[] buf = new char[INITIAL_BUFFER];
  private int pos;
  private int limit;
  private boolean eof;
  private long line = 1;
  private final char delimiter;
  private List<String> header = List.of();

  private String[] scratch = new String[16];
  private String[] @Nullable [] recent = new String[16][];
  private char[] @Nullable [] @Nullable [] recentChars = new char[16][][];
  private int[] offsets = new int[16];
  private int count;
  private boolean lastQuoted;
  private long recordLine;
  private boolean multiLine;

  private CsvReader(Reader in, @Nullable TextDecoder decoder, String file, CsvOptions options) {
    this.in = in;
    this.decoder = decoder;
    this.file = file;
    this.skipBlankLines = options.skipBlankLines();
    this.delimiter = options.delimiter() != null ? options.delimiter() : detectDelimiter();
    if (options.header()) {
      if (!parseRecord()) {
        throw new ReadException(ReadProblem.ofFile(file, "the file is empty: no header line"));
      }
      String[] names = Arrays.copyOf(scratch, count);
      names[0] = stripByteOrderMark(names[0]);
      this.header = List.of(names);
    }
  }

  /**
   * Opens a file: gzip by magic bytes, encoding and delimiter as the options say.
   *
   * @param file the file
   * @param options how to read it
   * @return the reader, positioned after the header; the caller closes it
   * @throws ReadException naming the file when it is missing, empty or unreadable
   */
  public static CsvReader open(Path file, CsvOptions options) {
    InputStream in = RawInput.open(file);
    try {
      return of(in, file.toString(), options);
    } catch (RuntimeException e) {
      try {
        in.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /**
   * Reads a stream: gzip by magic bytes, encoding and delimiter as the options say.
   *
   * @param in the bytes
   * @param file the name used in messages
   * @param options how to read it
   * @return the reader, positioned after the header; closing it closes the stream
   * @throws ReadException naming the input when it is empty or unreadable
   */
  public static CsvReader of(InputStream in, String file, CsvOptions options) {
    TextDecoder d = new TextDecoder(RawInput.of(in, file), file, options.charset());
    return new CsvReader(d, d, file, options);
  }

  /**
   * Reads bytes already decompressed (no second look for gzip magic bytes), encoding and delimiter
   * as the options say: the KoBo reader's path when {@link CsvCells} cannot take the input.
   *
   * @param in the decompressed bytes
   * @param file the name used in messages
   * @param options how to read them
   * @return the reader, positioned after the header; closing it closes the stream
   * @throws ReadException naming the input when it is empty or unreadable
   */
  public static CsvReader ofDecompressed(InputStream in, String file, CsvOptions options) {
    TextDecoder d = new TextDecoder(in, file, options.charset());
    return new CsvReader(d, d, file, options);
  }

  /**
   * Reads characters already decoded (a string in a test, say); the charset option is ignored.
   *
   * @param in the characters
   * @param file the name used in messages
   * @param options how to read them
   * @return the reader, positioned after the header
   * @throws ReadException naming the input when it is empty or malformed
   */
  public static CsvReader of(Reader in, String file, CsvOptions options) {
    return new CsvReader(in, null, file, options);
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
    return delimiter;
  }

  /**
   * The encoding the bytes are read in; with detection, the answer is final only once the whole
   * file is read (a Windows-1252 byte may come late).
   *
   * @return {@code UTF-8}, {@code windows-1252}, ... or {@code UTF-16} for characters given as a
   *     {@link Reader}
   */
  public String encoding() {
    return decoder == null ? "UTF-16" : decoder.encoding();
  }

  /**
   * The header's names, a byte-order mark (even one mangled into {@code ï»¿}) removed from the
   * first; empty without a header.
   *
   * @return an immutable list
   */
  public List<String> header() {
    return header;
  }

  /**
   * The header name of a column.
   *
   * @param index the 0-based column
   * @return the name, or null beyond the header or without one
   */
  public @Nullable String columnName(int index) {
    return index >= 0 && index < header.size() ? header.get(index) : null;
  }

  /**
   * The next record.
   *
   * @return the record, or null at the end of the input
   * @throws ReadException at malformed quoting, naming the line and column
   */
  public @Nullable CsvRecord next() {
    while (parseRecord()) {
      if (skipBlankLines && count == 1 && !lastQuoted && scratch[0].isEmpty()) {
        continue;
      }
      String[] cells = Arrays.copyOf(scratch, count);
      return new CsvRecord(cells, recordLine, multiLine ? Arrays.copyOf(offsets, count) : null);
    }
    return null;
  }

  /**
   * Iterates over the remaining records.
   *
   * @return an iterator whose {@code next} may throw {@link ReadException}
   */
  @Override
  public Iterator<CsvRecord> iterator() {
    return new Iterator<>() {
      private @Nullable CsvRecord ahead = CsvReader.this.next();

      @Override
      public boolean hasNext() {
        return ahead != null;
      }

      @Override
      public CsvRecord next() {
        CsvRecord r = ahead;
        if (r == null) {
          throw new NoSuchElementException();
        }
        ahead = CsvReader.this.next();
        return r;
      }
    };
  }

  /**
   * Reads every remaining record.
   *
   * @return the records
   */
  public List<CsvRecord> readAll() {
    List<CsvRecord> all = new ArrayList<>();
    for (CsvRecord r = next(); r != null; r = next()) {
      all.add(r);
    }
    return all;
  }

  /**
   * A problem at a cell of a record, with its file, line, 1-based column and header name.
   *
   * @param record the record
   * @param index the 0-based cell index
   * @param value the offending value, if any
   * @param reason what is wrong
   * @return the problem
   */
  public ReadProblem problem(CsvRecord record, int index, @Nullable String value, String reason) {
    return new ReadProblem(file, record.lineOf(index), index + 1, columnName(index), value, reason);
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

  /** Removes a byte-order mark, or its Windows-1252 rendering {@code ï»¿}, from a name. */
  static String stripByteOrderMark(String s) {
    String t = s;
    boolean changed = true;
    while (changed) {
      changed = false;
      if (t.startsWith("\uFEFF")) {
        t = t.substring(1);
        changed = true;
      } else if (t.startsWith("\u00EF\u00BB\u00BF")) {
        t = t.substring(3);
        changed = true;
      }
    }
    return t;
  }

  /**
   * The delimiter of a first line with these counts outside quotes, one rule for both readers
   * (the byte path and this one): tab when it outnumbers both others, else semicolon when there is
   * one and it is at least as frequent as the comma, else comma.
   */
  static char chooseDelimiter(int semicolons, int commas, int tabs) {
    if (tabs > semicolons && tabs > commas) {
      return '\t';
    }
    return semicolons >= commas && semicolons > 0 ? ';' : ',';
  }

  /**
   * Reads more characters, keeping those from {@code pos} on.
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
      char c = buf[p++];
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

  /** Cells longer than this (free text, uuids, timestamps) rarely repeat: not worth looking up. */
  private static final int MAX_RECENT_LENGTH = 64;
  private static final int RECENT_SLOTS = 128;

  /**
   * The text of the cell in column {@code count}, the same String instance as an earlier equal cell
   * of that column when one is still in the column's small table of recent values. Survey columns
   * repeat a few codes over many rows: reusing them saves an allocation per cell, and the callers'
   * hash lookups find the hash cached and the very same key.
   */
  private String cell(char[] b, int start, int len) {
    if (len == 0) {
      return "";
    }
    if (len > MAX_RECENT_LENGTH) {
      return new String(b, start, len);
    }
    int h = 0;
    for (int i = start, end = start + len; i < end; i++) {
      h = 31 * h + b[i];
    }
    int col = count;
    if (col >= recent.length) {
      recent = Arrays.copyOf(recent, Math.max(col + 1, recent.length * 2));
      recentChars = Arrays.copyOf(recentChars, recent.length);
    }
    String[] table = recent[col];
    char[][] keys = recentChars[col];
    if (table == null || keys == null) {
      table = new String[RECENT_SLOTS];
      keys = new char[RECENT_SLOTS][];
      recent[col] = table;
      recentChars[col] = keys;
    }
    int slot = (h ^ (h >>> 7)) & (RECENT_SLOTS - 1);
    char[] k = keys[slot];
    // The chars are kept beside the String: comparing two arrays is one vectorised intrinsic.
    if (k != null && k.length == len && Arrays.equals(k, 0, len, b, start, start + len)) {
      return table[slot];
    }
    String s = new String(b, start, len);
    table[slot] = s;
    keys[slot] = Arrays.copyOfRange(b, start, start + len);
    return s;
  }

  private void add(String value, int lineOffset) {
    if (count == scratch.length) {
      scratch = Arrays.copyOf(scratch, count * 2);
      offsets = Arrays.copyOf(offsets, count * 2);
    }
    scratch[count] = value;
    offsets[count] = lineOffset;
    count++;
  }

  /**
   * Parses one record into {@code scratch}. When the buffer ends inside the record, reads more and
   * parses the record again from its start: simpler than resumable states, and rare.
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
        // eof is now set: the next attempt parses to the end of the input.
      }
      if (r < 0) {
        return false;
      }
    }
  }

  /**
   * One attempt at a record from {@code pos}.
   *
   * @return 1 with a record, 0 when more input is needed, -1 at the end of input
   */
  private int tryParse() {
    final char[] b = buf;
    final int lim = limit;
    final char d = delimiter;
    int p = pos;
    if (p >= lim) {
      return eof ? -1 : 0;
    }
    count = 0;
    long ln = line;
    int offset = 0;
    while (true) {
      if (p >= lim) {
        if (!eof) {
          return 0;
        }
        // A delimiter just before the end of input: a last, empty cell.
        add("", offset);
        lastQuoted = false;
        return finish(p, ln, offset);
      }
      char c = b[p];
      if (c == '"') {
        int start = p + 1;
        int q = start;
        boolean doubled = false;
        int innerBreaks = 0;
        while (true) {
          if (q >= lim) {
            if (!eof) {
              return 0;
            }
            throw new ReadException(
                new ReadProblem(file, ln, count + 1, columnName(count), null,
                    "a quoted field is not closed before the end of the file"));
          }
          char e = b[q];
          if (e == '"') {
            if (q + 1 >= lim && !eof) {
              return 0;
            }
            if (q + 1 < lim && b[q + 1] == '"') {
              doubled = true;
              q += 2;
              continue;
            }
            break;
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
        String value = doubled ? undouble(b, start, q) : cell(b, start, q - start);
        add(value, offset);
        offset += innerBreaks;
        ln += innerBreaks;
        lastQuoted = true;
        p = q + 1;
        if (p >= lim) {
          if (!eof) {
            return 0;
          }
          return finish(p, ln, offset);
        }
        char after = b[p];
        if (after == d) {
          p++;
          continue;
        }
        if (after == '\n' || after == '\r') {
          return endOfLine(p, ln, offset);
        }
        throw new ReadException(
            new ReadProblem(file, ln, count, columnName(count - 1), String.valueOf(after),
                "text after the closing quote of a quoted field"));
      }
      int start = p;
      while (p < lim) {
        c = b[p];
        if (c == d || c == '\n' || c == '\r') {
          break;
        }
        p++;
      }
      if (p >= lim && !eof) {
        return 0;
      }
      add(cell(b, start, p - start), offset);
      lastQuoted = false;
      if (p >= lim) {
        return finish(p, ln, offset);
      }
      if (c == d) {
        p++;
        continue;
      }
      return endOfLine(p, ln, offset);
    }
  }

  /** Consumes CR, LF or CRLF at {@code p} and commits the record. */
  private int endOfLine(int p, long ln, int offset) {
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
    int r = finish(q, ln, offset);
    line++;
    return r;
  }

  private int finish(int p, long ln, int offset) {
    recordLine = line;
    multiLine = offset > 0;
    line = ln;
    pos = p;
    return 1;
  }

  private static String undouble(char[] b, int start, int end) {
    StringBuilder sb = new StringBuilder(end - start);
    int i = start;
    while (i < end) {
      char c = b[i];
      sb.append(c);
      i += c == '"' ? 2 : 1;
    }
    return sb.toString();
  }
}
