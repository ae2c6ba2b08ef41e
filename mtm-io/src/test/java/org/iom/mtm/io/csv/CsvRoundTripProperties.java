package org.iom.mtm.io.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class CsvRoundTripProperties {

  @Provide
  Arbitrary<List<List<String>>> tables() {
    Arbitrary<String> cell =
        Arbitraries.strings()
            .withChars(",;\t\"\r\n '")
            .ascii()
            .withCharRange('\u00A0', '\u07FF')
            .withCharRange('\u4E00', '\u4E80')
            .ofMaxLength(12);
    return Arbitraries.integers()
        .between(1, 6)
        .flatMap(width -> cell.list().ofSize(width).list().ofMinSize(1).ofMaxSize(30));
  }

  @Provide
  Arbitrary<Character> delimiters() {
    return Arbitraries.of(',', ';', '\t');
  }

  /** Any table of strings written with any delimiter, quoting and line end reads back equal. */
  @Property(tries = 2000)
  void writtenThenReadGivesTheSameRows(
      @ForAll("tables") List<List<String>> table,
      @ForAll("delimiters") char delimiter,
      @ForAll CsvWriter.Quoting quoting,
      @ForAll boolean crlf,
      @ForAll boolean bom,
      @ForAll boolean gzip)
      throws IOException {
    StringWriter w = new StringWriter();
    try (CsvWriter out = CsvWriter.of(w, delimiter, quoting, crlf ? "\r\n" : "\n")) {
      for (List<String> row : table) {
        out.writeRow(row);
      }
    }
    byte[] bytes = ((bom ? "\uFEFF" : "") + w).getBytes(StandardCharsets.UTF_8);
    if (gzip) {
      ByteArrayOutputStream z = new ByteArrayOutputStream();
      try (GZIPOutputStream g = new GZIPOutputStream(z)) {
        g.write(bytes);
      }
      bytes = z.toByteArray();
    }
    List<List<String>> back = new ArrayList<>();
    CsvOptions o = CsvOptions.DETECT.withHeader(false).withDelimiter(delimiter);
    try (CsvReader r = CsvReader.of(new ByteArrayInputStream(bytes), "p.csv", o)) {
      for (CsvRecord rec : r) {
        back.add(rec.cells());
      }
    }
    assertEquals(table, back);
  }

  /** The header's delimiter is detected whenever the header has two or more plain names. */
  @Property(tries = 500)
  void delimiterIsDetectedFromTheHeader(
      @ForAll("delimiters") char delimiter,
      @ForAll @IntRange(min = 2, max = 40) int columns,
      @ForAll boolean quoteAll) {
    StringWriter w = new StringWriter();
    List<String> header = new ArrayList<>();
    for (int i = 0; i < columns; i++) {
      header.add("q" + i);
    }
    CsvWriter out = CsvWriter.of(w, delimiter, quoteAll ? CsvWriter.Quoting.ALL : CsvWriter.Quoting.MINIMAL, "\n");
    out.writeRow(header);
    out.writeRow(header);
    try (CsvReader r = CsvReader.of(new java.io.StringReader(w.toString()), "h.csv", CsvOptions.DETECT)) {
      assertEquals(delimiter, r.delimiter());
      assertEquals(header, r.header());
      assertEquals(header, r.next().cells());
    }
  }
}
