package org.iom.mtm.io.kobo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import org.iom.mtm.core.data.Column;
import org.iom.mtm.core.form.Question;
import org.iom.mtm.core.form.Questionnaire;
import org.iom.mtm.io.Fixtures;
import org.iom.mtm.io.RawInput;
import org.iom.mtm.io.ReadProblem;
import org.iom.mtm.io.csv.CsvOptions;
import org.iom.mtm.io.export.KoboCsvExport;
import org.iom.mtm.io.report.ReadReport;
import org.iom.mtm.io.xlsform.XlsFormReader;
import org.iom.mtm.testkit.SyntheticSurvey;
import org.junit.jupiter.api.Test;

/**
 * The byte-level KoBo CSV path and the projected read against the references they must match:
 * the character path ({@link CsvReader}-based, every cell a String) and the full read. Inputs are
 * raw tables of awkward cells (quotes, line breaks, delimiters, non-ASCII, markers, rows of the
 * wrong length, HXL rows, split-looking names, repeated names) in UTF-8 or Windows-1252, and the
 * synthetic survey's export with its form, some cells corrupted.
 */
class ProjectedReadProperties {

  private static final List<String> NAMES = List.of(
      "a", "b", "id", "q", "q/x", "q/y", "q.z", "r/1", "r/2", "s.t", "a", "", " c ", "_uuid");
  private static final List<String> CELLS = List.of(
      "", "", "1", "0", "1", "True", "false", "x", "y", "x y", "NA", "n/a", "dnk", "pnta", "3.5", "-2",
      "1e3", "é", "Ж", "a\"b", "line\nbreak", "two\r\nlines", "semi;colon", "comma,here", "tab\there", " sp ",
      "#tag", "#x+y", "ĳ😀", "ctl\u000Bx\u0001y\u001F", "a long plain cell, longer than a word or two");

  /** A raw CSV file as bytes, with how it was written. */
  record RawCsv(byte[] bytes, List<String> header, String note) {
    @Override
    public String toString() {
      return note + "\n" + new String(bytes, StandardCharsets.ISO_8859_1);
    }
  }

  @Provide
  Arbitrary<RawCsv> rawCsv() {
    Arbitrary<List<String>> header = Arbitraries.of(NAMES).list().ofMinSize(1).ofMaxSize(7);
    Arbitrary<List<List<String>>> rows = Arbitraries.of(CELLS).list().ofMinSize(0).ofMaxSize(9).list().ofMaxSize(12);
    Arbitrary<Tuple.Tuple4<Character, Boolean, Boolean, Integer>> dialect = Combinators.combine(
        Arbitraries.of(',', ';', '\t'), Arbitraries.of(true, false), Arbitraries.of(true, false),
        Arbitraries.integers().between(0, 3)).as(Tuple::of);
    return Combinators.combine(header, rows, dialect, Arbitraries.of(true, false), Arbitraries.of(true, false))
        .as((h, rs, d, crlf, hashtags) -> write(h, rs, d.get1(), d.get2(), d.get3(), d.get4(), crlf, hashtags));
  }

  /**
   * Writes cells as CSV: quoted where needed or (allQuoted) always; encoding 0 UTF-8, 1 UTF-8 with
   * byte-order mark, 2 and 3 Windows-1252 (cells it cannot hold replaced by '?').
   */
  private static RawCsv write(List<String> header, List<List<String>> rows, char delimiter, boolean allQuoted,
      boolean gzip, int encoding, boolean crlf, boolean hashtags) {
    Charset cs = encoding >= 2 ? Charset.forName("windows-1252") : StandardCharsets.UTF_8;
    StringBuilder sb = new StringBuilder();
    List<List<String>> all = new ArrayList<>();
    all.add(header);
    if (hashtags) {
      List<String> tags = new ArrayList<>();
      for (int i = 0; i < header.size(); i++) {
        tags.add(i % 2 == 0 ? "#tag" + i : "");
      }
      all.add(tags);
    }
    for (List<String> r : rows) {
      // Rows mostly as wide as the header; the others shorter or longer, as exports go wrong.
      List<String> row = new ArrayList<>(r);
      if (row.size() % 3 != 0) {
        while (row.size() < header.size()) {
          row.add(row.isEmpty() ? "" : row.get(row.size() - 1));
        }
        while (row.size() > header.size()) {
          row.remove(row.size() - 1);
        }
      }
      all.add(row);
    }
    for (List<String> row : all) {
      for (int i = 0; i < row.size(); i++) {
        if (i > 0) {
          sb.append(delimiter);
        }
        String c = row.get(i);
        if (cs != StandardCharsets.UTF_8 && !cs.newEncoder().canEncode(c)) {
          c = "?";
        }
        boolean needs = c.indexOf(delimiter) >= 0 || c.contains("\"") || c.contains("\n") || c.contains("\r");
        if (needs || allQuoted) {
          sb.append('"').append(c.replace("\"", "\"\"")).append('"');
        } else {
          sb.append(c);
        }
      }
      sb.append(crlf ? "\r\n" : "\n");
    }
    byte[] text = sb.toString().getBytes(cs);
    if (encoding == 1) {
      byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
      byte[] b = new byte[text.length + 3];
      System.arraycopy(bom, 0, b, 0, 3);
      System.arraycopy(text, 0, b, 3, text.length);
      text = b;
    }
    if (gzip) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (GZIPOutputStream g = new GZIPOutputStream(out)) {
        g.write(text);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      text = out.toByteArray();
    }
    return new RawCsv(text, header, "delimiter " + (int) delimiter + ", quoted " + allQuoted + ", gzip " + gzip
        + ", encoding " + encoding + ", crlf " + crlf + ", hashtags " + hashtags);
  }

  private static SurveyRead bytePath(byte[] b, KoboOptions o) {
    return KoboReader.readCsv(new ByteArrayInputStream(b), "t.csv", o);
  }

  private static SurveyRead charPath(byte[] b, KoboOptions o) {
    InputStream in = RawInput.of(new ByteArrayInputStream(b), "t.csv");
    return KoboReader.readChars(in, "t.csv", o);
  }

  /** Reads both ways; a failure must be the same failure. */
  private static void assertSameRead(byte[] b, KoboOptions o) {
    assertSameRead(b, o, () -> bytePath(b, o));
  }

  /** Reads the byte way as given and the character way; a failure must be the same failure. */
  private static void assertSameRead(byte[] b, KoboOptions o, java.util.function.Supplier<SurveyRead> byteWay) {
    SurveyRead fast;
    try {
      fast = byteWay.get();
    } catch (RuntimeException e) {
      RuntimeException slow = null;
      try {
        charPath(b, o);
      } catch (RuntimeException f) {
        slow = f;
      }
      assertTrue(slow != null, "the byte path failed, the character path did not: " + e);
      assertEquals(slow.getClass(), e.getClass());
      assertEquals(slow.getMessage(), e.getMessage());
      return;
    }
    SurveyRead slow = charPath(b, o);
    assertEquals(slow.data().names(), fast.data().names());
    assertEquals(slow.data().rowCount(), fast.data().rowCount());
    for (Column c : slow.data().columns()) {
      assertEquals(c, fast.data().column(c.name()));
    }
    assertEquals(slow.report().entries(), fast.report().entries());
    assertEquals(slow.report().facts(), fast.report().facts());
    assertEquals(slow.report().rowsRead(), fast.report().rowsRead());
    assertEquals(slow.report().rowsUsed(), fast.report().rowsUsed());
    assertEquals(slow.hashtags(), fast.hashtags());
    assertEquals(List.of(boxed(slow.rowLines())), List.of(boxed(fast.rowLines())));
  }

  private static Long[] boxed(long[] a) {
    Long[] b = new Long[a.length];
    for (int i = 0; i < a.length; i++) {
      b[i] = a[i];
    }
    return b;
  }

  /**
   * The projected read against the full one: every requested column the full read has is there,
   * equal; every column is the full read's; the problems are those of the full read about the
   * columns read (their split columns too) or about whole rows, in the same order.
   */
  private static void assertProjectionAgrees(byte[] b, KoboOptions o, Set<String> wanted) {
    SurveyRead full;
    try {
      full = bytePath(b, o);
    } catch (RuntimeException e) {
      // Malformed quoting or encoding fails the whole file, projected or not.
      RuntimeException p = null;
      try {
        bytePath(b, o.withColumns(wanted));
      } catch (RuntimeException f) {
        p = f;
      }
      assertTrue(p != null, "the full read failed, the projected one did not: " + e);
      assertEquals(e.getMessage(), p.getMessage());
      return;
    }
    SurveyRead part = bytePath(b, o.withColumns(wanted));
    for (String n : full.data().names()) {
      if (wanted.contains(n)) {
        assertTrue(part.data().names().contains(n), n + " is missing from " + part.data().names());
      }
    }
    Set<String> read = new HashSet<>(part.data().names());
    for (Column c : part.data().columns()) {
      assertEquals(full.data().column(c.name()), c);
    }
    if (o.form() == null) {
      List<String> expected = full.data().names().stream().filter(wanted::contains).toList();
      assertEquals(expected, part.data().names());
    }
    Set<String> all = new HashSet<>(full.data().names());
    assertEquals(about(full.report(), read, all), about(part.report(), read, all));
    assertEquals(full.report().rowsRead(), part.report().rowsRead());
    assertEquals(full.report().rowsUsed(), part.report().rowsUsed());
    assertEquals(full.hashtags(), part.hashtags());
    assertEquals(List.of(boxed(full.rowLines())), List.of(boxed(part.rowLines())));
  }

  /**
   * The problems about the given columns (their split columns {@code q/option}, their group-path
   * headers {@code group/q} where the group is no column) or about no column.
   */
  private static List<ReadReport.Entry> about(ReadReport r, Set<String> columns, Set<String> everyColumn) {
    List<ReadReport.Entry> out = new ArrayList<>();
    for (ReadReport.Entry e : r.entries()) {
      String c = e.problem().columnName();
      boolean ours = c == null || columns.contains(c);
      for (String n : columns) {
        ours |= c != null && (c.startsWith(n + "/") || c.startsWith(n + ".")
            || c.endsWith("/" + n) && !everyColumn.contains(c.substring(0, c.length() - n.length() - 1)));
      }
      if (ours) {
        out.add(e);
      }
    }
    return out;
  }

  @Property(tries = 400)
  void theBytePathReadsAsTheCharacterPath(@ForAll("rawCsv") RawCsv csv) {
    assertSameRead(csv.bytes(), KoboOptions.DEFAULT);
    assertSameRead(csv.bytes(), KoboOptions.DEFAULT.withCategorical(Set.of("a", "b")).withMultiSelect(Set.of("q")));
  }

  /**
   * Records parsed ahead in batches of a few bytes, so that a batch ends inside records, quoted
   * line breaks, characters and just before a failure: the same read.
   */
  @Property(tries = 400)
  void parsedAheadInTinyBatchesTheBytePathReadsAsTheCharacterPath(
      @ForAll("rawCsv") RawCsv csv, @ForAll @IntRange(min = 1, max = 64) int batchBytes) {
    KoboOptions o = KoboOptions.DEFAULT.withCategorical(Set.of("a", "b")).withMultiSelect(Set.of("q"));
    assertSameRead(csv.bytes(), o, () -> tinyBatches(csv.bytes(), o, batchBytes));
  }

  @Property(tries = 100)
  void withTheFormParsedAheadInTinyBatchesAProjectionReadsAsTheCharacterPath(
      @ForAll("export") Export e, @ForAll("questions") Set<String> wanted, @ForAll @IntRange(min = 1, max = 300) int batchBytes) {
    KoboOptions o = KoboOptions.DEFAULT.withForm(e.form());
    assertSameRead(e.bytes(), o, () -> tinyBatches(e.bytes(), o, batchBytes));
    SurveyRead part = tinyBatches(e.bytes(), o.withColumns(wanted), batchBytes);
    SurveyRead whole = bytePath(e.bytes(), o.withColumns(wanted));
    assertEquals(whole.data().names(), part.data().names());
    for (Column c : whole.data().columns()) {
      assertEquals(c, part.data().column(c.name()));
    }
    assertEquals(whole.report().entries(), part.report().entries());
    assertEquals(List.of(boxed(whole.rowLines())), List.of(boxed(part.rowLines())));
  }

  /**
   * The fields parsed and built on two threads against one after the other: the same columns and
   * the same problems in the same order (each field's, in the order of the fields), the same
   * failure. Inputs with bad numbers, choices and split cells in several fields.
   */
  @Property(tries = 200)
  void fieldsFinishedOnTwoThreadsReadAsOnOne(@ForAll("export") Export e, @ForAll boolean validate,
      @ForAll @IntRange(min = 1, max = 300) int batchBytes) {
    KoboOptions o = KoboOptions.DEFAULT.withForm(e.form()).withValidation(validate);
    assertSameAsOneThread(e.bytes(), o, batchBytes);
  }

  @Property(tries = 200)
  void withoutAFormFieldsFinishedOnTwoThreadsReadAsOnOne(@ForAll("rawCsv") RawCsv csv,
      @ForAll @IntRange(min = 1, max = 64) int batchBytes) {
    assertSameAsOneThread(csv.bytes(), KoboOptions.DEFAULT.withMultiSelect(Set.of("q", "r")), batchBytes);
  }

  /**
   * A file large enough that the two threads do overlap, with bad cells in many fields and rows:
   * the problems come field by field, in the order of the fields, as from one thread.
   */
  @Test
  void aLargeFileWithManyBadCellsFinishesOnTwoThreadsAsOnOne() {
    SyntheticSurvey.Result s = SyntheticSurvey.generate(new SyntheticSurvey.Spec(20_000, 20261126L, 4));
    StringWriter w = new StringWriter();
    KoboCsvExport.write(s.data(), w, ';');
    String[] lines = w.toString().split("\n", -1);
    for (int i = 1; i < lines.length - 1; i += 37) {
      String[] cells = lines[i].split(";", -1);
      for (int c = i % 3; c < cells.length; c += 3) {
        cells[c] = c % 2 == 0 ? "x" : "7";
      }
      lines[i] = String.join(";", cells);
    }
    byte[] b = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    KoboOptions o = KoboOptions.DEFAULT.withForm(s.form());
    SurveyRead one = KoboReader.readBytes(RawInput.of(new ByteArrayInputStream(b), "t.csv"), "t.csv", o, 1 << 18, false);
    assertTrue(one.report().entries().size() > 1000, "bad cells in many fields: " + one.report().entries().size());
    for (int round = 0; round < 3; round++) {
      assertSameAsOneThread(b, o, 1 << 12);
      assertSameAsOneThread(b, o.withColumns(Set.of("obstacles", "sex", "region", "income")), 1 << 12);
    }
  }

  private static void assertSameAsOneThread(byte[] b, KoboOptions o, int batchBytes) {
    SurveyRead one;
    try {
      one = KoboReader.readBytes(RawInput.of(new ByteArrayInputStream(b), "t.csv"), "t.csv", o, 1 << 18, false);
    } catch (RuntimeException e) {
      RuntimeException two = null;
      try {
        tinyBatches(b, o, batchBytes);
      } catch (RuntimeException f) {
        two = f;
      }
      assertTrue(two != null, "one thread failed, two did not: " + e);
      assertEquals(e.getClass(), two.getClass());
      assertEquals(e.getMessage(), two.getMessage());
      return;
    }
    SurveyRead two = tinyBatches(b, o, batchBytes);
    assertEquals(one.data().names(), two.data().names());
    for (Column c : one.data().columns()) {
      assertEquals(c, two.data().column(c.name()));
    }
    assertEquals(one.report().entries(), two.report().entries());
    // The counts by column and reason keep the order problems were reported in.
    assertEquals(one.report().counts(), two.report().counts());
    assertEquals(one.report().facts(), two.report().facts());
    assertEquals(one.report().rowsUsed(), two.report().rowsUsed());
    assertEquals(one.hashtags(), two.hashtags());
    assertEquals(List.of(boxed(one.rowLines())), List.of(boxed(two.rowLines())));
  }

  private static SurveyRead tinyBatches(byte[] b, KoboOptions o, int batchBytes) {
    return KoboReader.readBytes(RawInput.of(new ByteArrayInputStream(b), "t.csv"), "t.csv", o, batchBytes, true);
  }

  @Property(tries = 400)
  void aProjectionReadsAsTheFullReadOnItsColumns(
      @ForAll("rawCsv") RawCsv csv, @ForAll("subsetOfNames") Set<String> wanted) {
    assertProjectionAgrees(csv.bytes(), KoboOptions.DEFAULT, wanted);
    assertProjectionAgrees(csv.bytes(), KoboOptions.DEFAULT.withMultiSelect(Set.of("q")), wanted);
  }

  @Provide
  Arbitrary<Set<String>> subsetOfNames() {
    List<String> pool = new ArrayList<>(new LinkedHashSet<>(NAMES));
    pool.addAll(List.of("q/x", "column_2", "a_2", "c", "nothing"));
    return Arbitraries.of(pool).set().ofMaxSize(5);
  }

  /** The synthetic survey's export with its form, a few cells overwritten. */
  record Export(byte[] bytes, Questionnaire form) {
    @Override
    public String toString() {
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  @Provide
  Arbitrary<Export> export() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 40),
            Arbitraries.longs(),
            Arbitraries.integers().between(0, 2000).list().ofMaxSize(8),
            Arbitraries.of(CELLS).list().ofSize(8))
        .as((rows, seed, at, values) -> {
          SyntheticSurvey.Result s = SyntheticSurvey.generate(new SyntheticSurvey.Spec(rows, seed, 2));
          StringWriter w = new StringWriter();
          KoboCsvExport.write(s.data(), w, ';');
          String[] lines = w.toString().split("\n", -1);
          // Overwrite a few cells of data lines (no quoting, as a broken export would).
          for (int i = 0; i < at.size() && lines.length > 2; i++) {
            int line = 1 + at.get(i) % (lines.length - 2);
            String[] cells = lines[line].split(";", -1);
            cells[at.get(i) % cells.length] = values.get(i).replace("\n", " ").replace("\r", " ").replace("\"", "'").replace(";", ",");
            lines[line] = String.join(";", cells);
          }
          return new Export(String.join("\n", lines).getBytes(StandardCharsets.UTF_8), s.form());
        });
  }

  @Provide
  Arbitrary<Set<String>> questions() {
    List<String> names = new ArrayList<>();
    for (Question q : SyntheticSurvey.questionnaire().questions()) {
      names.add(q.name());
    }
    names.addAll(List.of("_index", "_uuid", "region_population", "obstacles/low_pay", "nothing"));
    return Arbitraries.of(names).set().ofMinSize(1).ofMaxSize(5);
  }

  @Property(tries = 150)
  void withTheFormAProjectionReadsAsTheFullRead(
      @ForAll("export") Export e, @ForAll("questions") Set<String> wanted, @ForAll boolean validate) {
    KoboOptions o = KoboOptions.DEFAULT.withForm(e.form()).withValidation(validate);
    assertSameRead(e.bytes(), o);
    assertProjectionAgrees(e.bytes(), o, wanted);
  }

  @Test
  void theFixturesReadAlikeEveryWay() throws IOException {
    Questionnaire form = XlsFormReader.read(Fixtures.path("reach-somalia-msna/survey.csv")).form();
    byte[] data;
    try (InputStream in = getClass().getResourceAsStream("/fixtures/reach-somalia-msna/data.csv")) {
      data = in.readAllBytes();
    }
    for (KoboOptions o : List.of(KoboOptions.DEFAULT, KoboOptions.DEFAULT.withForm(form),
        KoboOptions.DEFAULT.withForm(form).withValidation(true))) {
      assertSameRead(data, o);
      for (Set<String> wanted : List.of(Set.of("household_expenditure"), Set.of("region_idp", "FCS_ranking"),
          Set.of("males_0_6m", "hh_children"), Set.of("household_expenditure.father"))) {
        assertProjectionAgrees(data, o, wanted);
      }
    }
    // The synthetic export as mtm synth writes it: the columns of the end-to-end benchmark.
    SyntheticSurvey.Result s = SyntheticSurvey.generate(new SyntheticSurvey.Spec(500, 20261126L, 4));
    StringWriter w = new StringWriter();
    KoboCsvExport.write(s.data(), w, ';');
    byte[] b = w.toString().getBytes(StandardCharsets.UTF_8);
    KoboOptions o = KoboOptions.DEFAULT.withForm(s.form());
    Set<String> wanted = Set.of("obstacles", "sex", "region", "site", "region_population");
    assertSameRead(b, o);
    assertProjectionAgrees(b, o, wanted);
    SurveyRead part = bytePath(b, o.withColumns(wanted));
    assertEquals(List.of("region", "site", "region_population", "sex", "obstacles"), part.data().names());
    // Skip logic brings what it refers to: income is relevant when employment_status is not.
    assertEquals(List.of("employment_status", "income"),
        bytePath(b, o.withColumns(Set.of("income"))).data().names());
  }

  @Test
  void utf16GoesThroughTheCharacterPath() {
    String csv = "a,b\n1,é\n";
    byte[] b = ("\uFEFF" + csv).getBytes(StandardCharsets.UTF_16LE);
    SurveyRead r = bytePath(b, KoboOptions.DEFAULT);
    assertEquals("UTF-16LE", r.report().facts().get("encoding"));
    assertEquals("é", r.data().text("b").text(0));
    SurveyRead given = bytePath(csv.getBytes(StandardCharsets.ISO_8859_1),
        KoboOptions.DEFAULT.withCsv(CsvOptions.DETECT.withCharset(StandardCharsets.ISO_8859_1)));
    assertEquals("é", given.data().text("b").text(0));
  }
}
