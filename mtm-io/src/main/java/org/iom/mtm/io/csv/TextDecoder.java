package org.iom.mtm.io.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.iom.mtm.io.ReadException;
import org.iom.mtm.io.ReadProblem;
import org.jspecify.annotations.Nullable;

/**
 * Decodes bytes to characters: strict UTF-8, Windows-1252, or (when no charset is given) UTF-8
 * that falls back to Windows-1252 at the first byte that is not UTF-8. A byte-order mark is
 * skipped; a UTF-16 mark switches to UTF-16.
 *
 * <p>UTF-8 and Windows-1252 are decoded by hand: a table lookup per byte is several times faster
 * than a {@link CharsetDecoder} behind an {@link InputStreamReader} on the ASCII-heavy exports we
 * read, and it lets the fallback happen mid-stream without buffering the whole file. The fallback
 * is only safe while no multi-byte UTF-8 sequence has been decoded; after one, an invalid byte
 * means a file of mixed encodings, reported rather than guessed.
 */
final class TextDecoder extends Reader {
  /** Windows-1252 by byte; shared with {@link CsvCells}. */
  static final char[] CP1252 = cp1252();

  private enum Mode {
    AUTO,
    UTF8,
    CP1252
  }

  /**
   * The message for a byte that is not UTF-8, shared with {@link CsvCells}'s byte path so that
   * both paths fail alike.
   *
   * @param detecting whether the encoding was being detected (earlier text was UTF-8)
   * @param lead the byte
   */
  static String notUtf8(boolean detecting, int lead) {
    return String.format(
        Locale.ROOT,
        detecting
            ? "byte 0x%02X is not UTF-8 although earlier text was: the file mixes encodings; give the encoding explicitly"
            : "byte 0x%02X is not valid UTF-8; give the encoding (windows-1252?) explicitly",
        lead);
  }

  private final InputStream in;
  private final String file;
  private final byte[] bytes = new byte[1 << 16];
  private int bpos;
  private int blim;
  private boolean eof;
  private Mode mode;
  private boolean sawMultibyte;
  private @Nullable Reader delegate;
  private String encoding;
  private long lineBreaks;
  private int pendingLow = -1;

  /**
   * A decoder.
   *
   * @param in the bytes
   * @param file the name for messages
   * @param charset the charset, or null to detect UTF-8 or Windows-1252
   */
  TextDecoder(InputStream in, String file, @Nullable Charset charset) {
    this.in = in;
    this.file = file;
    if (charset == null) {
      mode = Mode.AUTO;
      encoding = "UTF-8";
    } else if (charset.equals(StandardCharsets.UTF_8)) {
      mode = Mode.UTF8;
      encoding = "UTF-8";
    } else if (charset.name().equalsIgnoreCase("windows-1252")) {
      mode = Mode.CP1252;
      encoding = "windows-1252";
    } else {
      mode = Mode.UTF8;
      encoding = charset.name();
      CharsetDecoder d =
          charset.newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT);
      delegate = new InputStreamReader(in, d);
    }
    if (delegate == null) {
      skipByteOrderMark();
    }
  }

  /**
   * The encoding in use: after the whole input is read, the one the file turned out to be in.
   *
   * @return {@code UTF-8}, {@code windows-1252}, {@code UTF-16LE}, ...
   */
  String encoding() {
    return encoding;
  }

  private void skipByteOrderMark() {
    fill(3);
    if (blim - bpos >= 3
        && (bytes[bpos] & 0xff) == 0xEF
        && (bytes[bpos + 1] & 0xff) == 0xBB
        && (bytes[bpos + 2] & 0xff) == 0xBF) {
      bpos += 3;
      if (mode == Mode.AUTO) {
        mode = Mode.UTF8;
      }
    } else if (mode == Mode.AUTO && blim - bpos >= 2) {
      int b0 = bytes[bpos] & 0xff;
      int b1 = bytes[bpos + 1] & 0xff;
      Charset utf16 = null;
      if (b0 == 0xFF && b1 == 0xFE) {
        utf16 = StandardCharsets.UTF_16LE;
      } else if (b0 == 0xFE && b1 == 0xFF) {
        utf16 = StandardCharsets.UTF_16BE;
      }
      if (utf16 != null) {
        bpos += 2;
        encoding = utf16.name();
        CharsetDecoder d =
            utf16.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        delegate = new InputStreamReader(new LeftoverStream(), d);
      }
    }
  }

  /** Ensures at least {@code need} unread bytes unless the input ends first. */
  private void fill(int need) {
    if (blim - bpos >= need || eof) {
      return;
    }
    if (bpos > 0) {
      System.arraycopy(bytes, bpos, bytes, 0, blim - bpos);
      blim -= bpos;
      bpos = 0;
    }
    try {
      while (blim - bpos < need && !eof) {
        int n = in.read(bytes, blim, bytes.length - blim);
        if (n < 0) {
          eof = true;
        } else {
          blim += n;
        }
      }
    } catch (IOException e) {
      throw new ReadException(ReadProblem.atLine(file, lineBreaks + 1, "cannot read: " + e.getMessage()), e);
    }
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    if (delegate != null) {
      try {
        return delegate.read(cbuf, off, len);
      } catch (java.nio.charset.CharacterCodingException e) {
        throw new ReadException(
            ReadProblem.ofFile(file, "not valid " + encoding + " text: " + e.getMessage()), e);
      }
    }
    if (len == 0) {
      return 0;
    }
    int n = 0;
    if (pendingLow >= 0) {
      cbuf[off + n++] = (char) pendingLow;
      pendingLow = -1;
    }
    byte[] b = bytes;
    while (n < len) {
      if (bpos >= blim) {
        if (n > 0) {
          return n;
        }
        fill(1);
        if (bpos >= blim) {
          return -1;
        }
      }
      // The hot loop: ASCII bytes map to themselves.
      int end = Math.min(blim, bpos + (len - n));
      int p = bpos;
      int o = off + n;
      while (p < end) {
        byte v = b[p];
        if (v < 0) {
          break;
        }
        if (v == '\n') {
          lineBreaks++;
        }
        cbuf[o++] = (char) v;
        p++;
      }
      n += p - bpos;
      bpos = p;
      if (p == end) {
        continue;
      }
      int lead = b[p] & 0xff;
      if (mode == Mode.CP1252) {
        cbuf[off + n++] = CP1252[lead];
        bpos++;
        continue;
      }
      int need = lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3 : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
      if (need > 0 && blim - bpos < need && !eof) {
        if (n > 0) {
          return n;
        }
        fill(need);
        continue;
      }
      int cp = need == 0 || blim - bpos < need ? -1 : decode(b, bpos, need);
      if (cp < 0) {
        if (mode == Mode.AUTO && !sawMultibyte) {
          mode = Mode.CP1252;
          encoding = "windows-1252";
          continue;
        }
        throw new ReadException(
            new ReadProblem(
                file,
                lineBreaks + 1,
                0,
                null,
                null,
                notUtf8(mode == Mode.AUTO, lead)));
      }
      sawMultibyte = true;
      bpos += need;
      if (cp >= 0x10000) {
        char hi = Character.highSurrogate(cp);
        char lo = Character.lowSurrogate(cp);
        cbuf[off + n++] = hi;
        if (n < len) {
          cbuf[off + n++] = lo;
        } else {
          pendingLow = lo;
        }
      } else {
        cbuf[off + n++] = (char) cp;
      }
    }
    return n;
  }

  /** Decodes one well-formed UTF-8 sequence (RFC 3629), or returns -1. */
  private static int decode(byte[] b, int p, int need) {
    int b0 = b[p] & 0xff;
    int b1 = b[p + 1] & 0xff;
    if ((b1 & 0xC0) != 0x80) {
      return -1;
    }
    if (need == 2) {
      return ((b0 & 0x1F) << 6) | (b1 & 0x3F);
    }
    // Overlong forms, surrogates and code points above U+10FFFF are not UTF-8.
    if ((b0 == 0xE0 && b1 < 0xA0) || (b0 == 0xED && b1 > 0x9F) || (b0 == 0xF0 && b1 < 0x90) || (b0 == 0xF4 && b1 > 0x8F)) {
      return -1;
    }
    int b2 = b[p + 2] & 0xff;
    if ((b2 & 0xC0) != 0x80) {
      return -1;
    }
    if (need == 3) {
      return ((b0 & 0x0F) << 12) | ((b1 & 0x3F) << 6) | (b2 & 0x3F);
    }
    int b3 = b[p + 3] & 0xff;
    if ((b3 & 0xC0) != 0x80) {
      return -1;
    }
    return ((b0 & 0x07) << 18) | ((b1 & 0x3F) << 12) | ((b2 & 0x3F) << 6) | (b3 & 0x3F);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  /** The bytes already buffered, then the rest of the stream: feeds a UTF-16 delegate. */
  private final class LeftoverStream extends InputStream {
    @Override
    public int read() throws IOException {
      if (bpos < blim) {
        return bytes[bpos++] & 0xff;
      }
      return in.read();
    }

    @Override
    public int read(byte[] dst, int off, int len) throws IOException {
      if (bpos < blim) {
        int n = Math.min(len, blim - bpos);
        System.arraycopy(bytes, bpos, dst, off, n);
        bpos += n;
        return n;
      }
      return in.read(dst, off, len);
    }
  }

  private static char[] cp1252() {
    char[] t = new char[256];
    for (int i = 0; i < 256; i++) {
      t[i] = (char) i;
    }
    // 0x80-0x9F differ from Latin-1; the five unassigned bytes keep their C1 code points, as
    // Windows' own MultiByteToWideChar does.
    int[] high = {
      0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
      0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
      0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178
    };
    for (int i = 0; i < high.length; i++) {
      t[0x80 + i] = (char) high[i];
    }
    return t;
  }
}
