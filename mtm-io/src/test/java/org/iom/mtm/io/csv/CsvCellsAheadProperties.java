package org.iom.mtm.io.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.iom.mtm.io.ReadException;
import org.junit.jupiter.api.Test;

/**
 * Records parsed ahead in a thread of their own ({@link CsvCells#parseAhead}) against the same
 * input read record by record: the same records, cells, lines (records spanning lines included),
 * encoding, and the same failure after the same records. Batches of a few bytes make every
 * boundary fall inside a record, a quoted line break, a doubled quote, a multi-byte character and
 * just before a failure.
 */
class CsvCellsAheadProperties {

  /** Pieces of input, well-formed or not, joined at random: cells, delimiters, line ends. */
  private static final List<String> PIECES = List.of(
      "a", "bb", "123", "", "\"q\"", "\"a;b\"", "\"a,b\"", "\"two\nlines\"", "\"three\r\nli\rnes\"",
      "\"say \"\"hi\"\"\"", "\"\"", "é", "Жж", "😀", "#tag", " sp ", ";", ";", ";", ",", "\t", "\n", "\n",
      "\r\n", "\r", "\n\n", "ctl\u000B\u0001", "a longer plain cell");
  /** Pieces that break the input: bytes not in the encoding, quoting gone wrong. */
  private static final List<byte[]> BREAKERS = List.of(
      new byte[] {(byte) 0xE9}, new byte[] {(byte) 0x80}, new byte[] {(byte) 0xC3},
      new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, "\"open".getBytes(StandardCharsets.US_ASCII),
      "\"x\"y".getBytes(StandardCharsets.US_ASCII));

  /** An input of bytes with a note of how it is read. */
  record Input(byte[] bytes, boolean[] keep, boolean skipBlankLines) {
    @Override
    public String toString() {
      StringBuilder k = new StringBuilder();
      for (boolean b : keep) {
        k.append(b ? '1' : '0');
      }
      return "keep " + k + ", skip blank lines " + skipBlankLines + "\n"
          + new String(bytes, StandardCharsets.ISO_8859_1);
    }
  }

  @Provide
  Arbitrary<Input> inputs() {
    Arbitrary<byte[]> piece = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(40, Arbitraries.of(PIECES).map(p -> p.getBytes(StandardCharsets.UTF_8))),
        net.jqwik.api.Tuple.of(1, Arbitraries.of(BREAKERS)));
    Arbitrary<List<byte[]>> body = piece.list().ofMaxSize(120);
    Arbitrary<boolean[]> keep = Arbitraries.of(true, false).list().ofMaxSize(8).map(l -> {
      boolean[] k = new boolean[l.size()];
      for (int i = 0; i < k.length; i++) {
        k[i] = l.get(i);
      }
      return k;
    });
    return net.jqwik.api.Combinators.combine(body, keep, Arbitraries.of(true, false), Arbitraries.of(true, false))
        .as((parts, k, skip, bom) -> {
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          if (bom) {
            out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
          }
          out.writeBytes("h1;h2;h3;h4\n".getBytes(StandardCharsets.US_ASCII));
          for (byte[] p : parts) {
            out.writeBytes(p);
          }
          return new Input(out.toByteArray(), k, skip);
        });
  }

  /**
   * What a caller sees of a read: per record its line, size, each cell's line and each kept cell's
   * text; then the encoding, or the failure.
   */
  private static List<String> transcript(Input input, int batchBytes) {
    List<String> seen = new ArrayList<>();
    CsvOptions o = CsvOptions.DETECT.withDelimiter(';').withSkipBlankLines(input.skipBlankLines());
    try (CsvCells r = CsvCells.of(new BufferedInputStream(new ByteArrayInputStream(input.bytes())), "t.csv", o)) {
      assertNotNull(r);
      seen.add("header " + r.header());
      boolean first = true;
      while (r.next()) {
        StringBuilder s = new StringBuilder();
        s.append(r.line()).append(" [").append(r.size()).append(']');
        for (int i = 0; i < r.size(); i++) {
          s.append(" @").append(r.lineOf(i));
          if (first || i >= input.keep().length || input.keep()[i]) {
            s.append(' ').append(r.string(i)).append(" (").append(r.length(i)).append(')');
          }
        }
        seen.add(s.toString());
        if (first) {
          first = false;
          r.keep(input.keep());
          if (batchBytes > 0) {
            r.parseAhead(batchBytes);
          }
        }
      }
      seen.add("encoding " + r.encoding());
    } catch (ReadException e) {
      seen.add("failure " + e.getMessage());
    }
    return seen;
  }

  @Property(tries = 1500)
  void parsedAheadReadsAsRecordByRecord(@ForAll("inputs") Input input, @ForAll @IntRange(min = 1, max = 48) int batchBytes) {
    assertEquals(transcript(input, 0), transcript(input, batchBytes));
  }

  @Property(tries = 100)
  void largeBatchesReadAsRecordByRecord(@ForAll("inputs") Input input) {
    assertEquals(transcript(input, 0), transcript(input, 1 << 18));
  }

  /** A many-record input with a quoted line break every 7th record. */
  private static byte[] manyRecords(int rows) {
    StringBuilder s = new StringBuilder("a;b;c\n");
    for (int i = 0; i < rows; i++) {
      s.append(i).append(';').append(i % 7 == 0 ? "\"x\ny\"" : "v").append(";é").append(i % 5).append('\n');
    }
    return s.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static boolean parsingThreadAlive(String file) {
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().equals("mtm-csv " + file) && t.isAlive()) {
        return true;
      }
    }
    return false;
  }

  @Test
  void noThreadIsLeftAfterAReadOrAClosedOneAndAStopWakesAFullQueue() {
    byte[] b = manyRecords(20_000);
    String file = "ahead-" + System.nanoTime() + ".csv";
    int records = 0;
    try (CsvCells r = CsvCells.of(new BufferedInputStream(new ByteArrayInputStream(b)), file, CsvOptions.DETECT)) {
      assertNotNull(r);
      assertTrue(r.next());
      r.parseAhead(64);
      records++;
      while (r.next()) {
        records++;
      }
      assertFalse(parsingThreadAlive(file), "the parsing thread ended with the input");
    }
    assertEquals(20_000, records);
    // The caller stops after a few records: the parsing thread, by then waiting on a full queue
    // of batches, is stopped by close.
    String early = "early-" + System.nanoTime() + ".csv";
    CsvCells r = CsvCells.of(new BufferedInputStream(new ByteArrayInputStream(b)), early, CsvOptions.DETECT);
    assertNotNull(r);
    assertTrue(r.next());
    r.parseAhead(64);
    for (int i = 0; i < 10; i++) {
      assertTrue(r.next());
    }
    assertEquals("10", r.string(0));
    r.close();
    assertFalse(parsingThreadAlive(early), "close stopped the parsing thread");
  }

  /** An input that fails with an I/O error after its bytes, served a thousand at a time. */
  private static InputStream failingAfter(byte[] good) {
    return new InputStream() {
      private int at;

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] dst, int off, int len) throws IOException {
        if (at >= good.length) {
          throw new IOException("disk gone");
        }
        int n = Math.min(len, Math.min(1000, good.length - at));
        System.arraycopy(good, at, dst, off, n);
        at += n;
        return n;
      }
    };
  }

  /** The first cells of the records read before the failure, and the failure's message. */
  private static List<String> readUntilFailure(byte[] good, int batchBytes) {
    List<String> seen = new ArrayList<>();
    try (CsvCells r = CsvCells.of(new BufferedInputStream(failingAfter(good)), "f.csv", CsvOptions.DETECT)) {
      assertNotNull(r);
      assertTrue(r.next());
      if (batchBytes > 0) {
        r.parseAhead(batchBytes);
      }
      ReadException e = assertThrows(ReadException.class, () -> {
        while (r.next()) {
          seen.add(r.string(0) + "@" + r.line());
        }
      });
      seen.add(e.getMessage());
      assertFalse(parsingThreadAlive("f.csv"));
    }
    return seen;
  }

  @Test
  void aFailureOfTheInputReachesTheCallerAfterTheRecordsBeforeIt() {
    byte[] good = manyRecords(3000);
    List<String> seen = readUntilFailure(good, 0);
    assertEquals(3000, seen.size());
    assertTrue(seen.get(2999).endsWith("cannot read: disk gone"), seen.get(2999));
    assertEquals(seen, readUntilFailure(good, 100));
    assertEquals(seen, readUntilFailure(good, 1));
  }

  @Test
  void parseAheadIsRefusedTwiceAndKeepAfterIt() {
    byte[] b = manyRecords(10);
    try (CsvCells r = CsvCells.of(new BufferedInputStream(new ByteArrayInputStream(b)), "t.csv", CsvOptions.DETECT)) {
      assertNotNull(r);
      assertThrows(IllegalArgumentException.class, () -> r.parseAhead(0));
      r.parseAhead(8);
      assertThrows(IllegalStateException.class, () -> r.parseAhead(8));
      assertThrows(IllegalStateException.class, () -> r.keep(new boolean[] {true}));
      int n = 0;
      while (r.next()) {
        n++;
      }
      assertEquals(10, n);
    }
  }
}
