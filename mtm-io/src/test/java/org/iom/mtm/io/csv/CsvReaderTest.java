package org.iom.mtm.io.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.iom.mtm.io.ReadException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {

  static CsvReader bytes(byte[] b, CsvOptions o) {
    return CsvReader.of(new ByteArrayInputStream(b), "t.csv", o);
  }

  static CsvReader text(String s) {
    return bytes(s.getBytes(StandardCharsets.UTF_8), CsvOptions.DETECT);
  }

  @Test
  void detectsSemicolonCommaAndTab() {
    assertEquals(';', text("a;b,c;d\n1;2,3;4\n").delimiter());
    assertEquals(',', text("a,b,c\n").delimiter());
    assertEquals('\t', text("a\tb\tc;d\n").delimiter());
    // Delimiters inside quotes do not count.
    assertEquals(';', text("\"a,b,c\";d\n").delimiter());
    try (CsvReader r = text("a;b\n1;\"x;y\"\n")) {
      assertEquals(List.of("a", "b"), r.header());
      assertEquals(List.of("1", "x;y"), r.next().cells());
      assertNull(r.next());
    }
  }

  @Test
  void repeatedCellsKeepTheirOwnTextThroughTheRecentValueTable() {
    // "Aa" and "BB" have the same String hash and length, so they share a slot of the table of
    // recent values; 600 distinct codes overflow its 128 slots; quoted and unquoted cells and a
    // value of 70 chars (past the table's length limit) are read alike.
    String longValue = "x".repeat(70);
    StringBuilder csv = new StringBuilder("a;b;c\n");
    List<List<String>> expected = new java.util.ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      String a = i % 2 == 0 ? "Aa" : "BB";
      String b = "c" + (i * 7919 % 600);
      String c = i % 3 == 0 ? longValue : "";
      csv.append(a).append(';').append(i % 5 == 0 ? "\"" + b + "\"" : b).append(';').append(c).append('\n');
      expected.add(List.of(a, b, c));
    }
    try (CsvReader r = text(csv.toString())) {
      for (List<String> row : expected) {
        assertEquals(row, r.next().cells());
      }
      assertNull(r.next());
    }
  }

  @Test
  void quotedLineBreaksKeepPhysicalLineNumbers() {
    String csv = "id,note,x\r\n1,\"two\r\nlines\",a\r\n2,\"three\nmore\nlines\",b\r\n\r\n3,\"say \"\"hi\"\"\",c";
    try (CsvReader r = text(csv)) {
      CsvRecord r1 = r.next();
      assertEquals(2, r1.line());
      assertEquals("two\r\nlines", r1.get(1));
      assertEquals(3, r1.lineOf(2));
      CsvRecord r2 = r.next();
      assertEquals(4, r2.line());
      assertEquals("three\nmore\nlines", r2.get(1));
      assertEquals(6, r2.lineOf(2));
      CsvRecord r3 = r.next();
      assertEquals(8, r3.line(), "the blank line 7 is skipped but counted");
      assertEquals(List.of("3", "say \"hi\"", "c"), r3.cells());
      assertNull(r.next());
    }
  }

  @Test
  void emptyCellsAndTrailingDelimiter() {
    try (CsvReader r = text("a,b,c\n,,\n1,,\n,\"\",3")) {
      assertEquals(List.of("", "", ""), r.next().cells());
      assertEquals(List.of("1", "", ""), r.next().cells());
      assertEquals(List.of("", "", "3"), r.next().cells());
    }
  }

  @Test
  void byteOrderMarkIsDroppedAndMangledOneStrippedFromTheFirstName() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] body = "start;end\n1;2\n".getBytes(StandardCharsets.UTF_8);
    byte[] withBom = concat(bom, body);
    try (CsvReader r = bytes(withBom, CsvOptions.DETECT)) {
      assertEquals(List.of("start", "end"), r.header());
      assertEquals("UTF-8", r.encoding());
    }
    // A BOM decoded as Windows-1252 and saved again as UTF-8: "ï»¿start".
    byte[] mangled = "\u00EF\u00BB\u00BFstart;end\n1;2\n".getBytes(StandardCharsets.UTF_8);
    try (CsvReader r = bytes(concat(bom, mangled), CsvOptions.DETECT)) {
      assertEquals(List.of("start", "end"), r.header());
    }
    try (CsvReader r = bytes("\"\uFEFFstart\";end\n".getBytes(StandardCharsets.UTF_8), CsvOptions.DETECT)) {
      assertEquals("start", r.header().get(0));
    }
  }

  @Test
  void windows1252IsDetectedAtTheFirstNonUtf8Byte() {
    byte[] b = "name,place\nAli,South West\u00A0State\nIt\u2019s,x\n".getBytes(Charset.forName("windows-1252"));
    try (CsvReader r = bytes(b, CsvOptions.DETECT)) {
      assertEquals(List.of("Ali", "South West\u00A0State"), r.next().cells());
      assertEquals(List.of("It\u2019s", "x"), r.next().cells());
      assertEquals("windows-1252", r.encoding());
    }
    try (CsvReader r = bytes(b, CsvOptions.DETECT.withCharset(Charset.forName("windows-1252")))) {
      assertEquals("South West\u00A0State", r.next().get(1));
    }
  }

  @Test
  void strictUtf8NamesTheLineOfTheBadByte() {
    byte[] b = "a,b\n1,2\n3,\u00e9\n".getBytes(Charset.forName("windows-1252"));
    ReadException e =
        assertThrows(ReadException.class, () -> {
          try (CsvReader r = bytes(b, CsvOptions.DETECT.withCharset(StandardCharsets.UTF_8))) {
            r.readAll();
          }
        });
    assertTrue(e.getMessage().startsWith("t.csv:3:0: byte 0xE9 is not valid UTF-8"), e.getMessage());
    assertEquals(3, e.problem().line());
  }

  @Test
  void mixedEncodingsAreReportedNotGuessed() {
    byte[] utf8 = "a,b\n\u00e9,1\n".getBytes(StandardCharsets.UTF_8);
    byte[] cp = "\u00e9,2\n".getBytes(Charset.forName("windows-1252"));
    ReadException e =
        assertThrows(ReadException.class, () -> bytes(concat(utf8, cp), CsvOptions.DETECT).readAll());
    assertTrue(e.getMessage().contains("mixes encodings"), e.getMessage());
  }

  @Test
  void fourByteUtf8AndUtf16() {
    try (CsvReader r = text("k,v\n\uD83D\uDE00,\u0416\n")) {
      assertEquals(List.of("\uD83D\uDE00", "\u0416"), r.next().cells());
    }
    byte[] b = "\uFEFFk\tv\n1\t\u0416\n".getBytes(StandardCharsets.UTF_16LE);
    try (CsvReader r = bytes(b, CsvOptions.DETECT)) {
      assertEquals(List.of("k", "v"), r.header());
      assertEquals(List.of("1", "\u0416"), r.next().cells());
      assertEquals("UTF-16LE", r.encoding());
    }
  }

  @Test
  void gzipIsRecognisedByItsMagicBytes(@TempDir Path dir) throws IOException {
    ByteArrayOutputStream z = new ByteArrayOutputStream();
    try (GZIPOutputStream g = new GZIPOutputStream(z)) {
      g.write("a;b\n1;2\n".getBytes(StandardCharsets.UTF_8));
    }
    Path f = dir.resolve("plain-name.csv");
    Files.write(f, z.toByteArray());
    try (CsvReader r = CsvReader.open(f, CsvOptions.DETECT)) {
      assertEquals(List.of("a", "b"), r.header());
      assertEquals(List.of("1", "2"), r.next().cells());
    }
  }

  @Test
  void malformedQuotingNamesFileLineAndColumn() {
    ReadException open =
        assertThrows(ReadException.class, () -> text("a,b\n1,2\n3,\"never closed\n4,5\n").readAll());
    assertEquals("t.csv:3:2: column 'b': a quoted field is not closed before the end of the file", open.getMessage());
    ReadException after = assertThrows(ReadException.class, () -> text("a,b\n\"x\"y,2\n").readAll());
    assertEquals("t.csv:2:1: column 'a': text after the closing quote of a quoted field: 'y'", after.getMessage());
  }

  @Test
  void missingFileAndEmptyFile(@TempDir Path dir) throws IOException {
    ReadException missing =
        assertThrows(ReadException.class, () -> CsvReader.open(dir.resolve("nope.csv"), CsvOptions.DETECT));
    assertTrue(missing.getMessage().endsWith("nope.csv:0:0: no such file"), missing.getMessage());
    Path empty = Files.createFile(dir.resolve("empty.csv"));
    ReadException e = assertThrows(ReadException.class, () -> CsvReader.open(empty, CsvOptions.DETECT));
    assertTrue(e.getMessage().endsWith("empty.csv:0:0: the file is empty: no header line"), e.getMessage());
  }

  @Test
  void recordsLongerThanTheBufferAndHeaderless() {
    String big = "x".repeat(200_000);
    try (CsvReader r = CsvReader.of(new StringReader("h\n\"" + big + "\"\n" + big + "\n"), "s", CsvOptions.DETECT)) {
      assertEquals(big, r.next().get(0));
      CsvRecord second = r.next();
      assertEquals(big, second.get(0));
      assertEquals(3, second.line());
    }
    try (CsvReader r = CsvReader.of(new StringReader("1,2\n3,4\n"), "s", CsvOptions.DETECT.withHeader(false))) {
      assertEquals(List.of(), r.header());
      assertEquals(2, r.readAll().size());
    }
  }

  @Test
  void problemNamesTheCell() {
    try (CsvReader r = text("id,age\n1,abc\n")) {
      CsvRecord rec = r.next();
      assertEquals("t.csv:2:2: column 'age': not a number: 'abc'", r.problem(rec, 1, rec.get(1), "not a number").message());
    }
  }

  /** REACH Somalia MSNA export: Windows-1252, 925 columns, 131 interviews (fixtures/SOURCES.md). */
  @Test
  void reachSomaliaExport() throws IOException {
    try (InputStream in = CsvReaderTest.class.getResourceAsStream("/fixtures/reach-somalia-msna/data.csv");
        CsvReader r = CsvReader.of(in, "data.csv", CsvOptions.DETECT)) {
      assertEquals(',', r.delimiter());
      assertEquals(925, r.header().size());
      assertEquals("", r.header().get(0));
      assertEquals("population_group", r.header().get(1));
      List<CsvRecord> all = r.readAll();
      assertEquals(131, all.size());
      for (CsvRecord rec : all) {
        assertEquals(925, rec.size(), rec.toString());
      }
      assertEquals("1", all.get(0).get(0));
      assertEquals(132, all.get(130).line());
      assertEquals("windows-1252", r.encoding());
      long na = all.stream().flatMap(x -> x.cells().stream()).filter("NA"::equals).count();
      assertEquals(35_477, na, "SOURCES.md counts 35,477 NA cells");
      assertTrue(all.stream().flatMap(x -> x.cells().stream()).anyMatch(c -> c.contains("South West\u00A0State")));
    }
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] c = new byte[a.length + b.length];
    System.arraycopy(a, 0, c, 0, a.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }
}
