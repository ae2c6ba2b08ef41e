package org.iom.mtm.io.kobo;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.nio.file.Path;
import java.util.List;
import org.iom.mtm.io.RawInput;
import org.iom.mtm.io.ReadException;
import org.iom.mtm.io.ReadProblem;
import org.iom.mtm.io.csv.CsvCells;
import org.iom.mtm.io.csv.CsvReader;
import org.iom.mtm.io.csv.CsvRecord;
import org.iom.mtm.io.report.ReadReport;

/**
 * Reads KoBoToolbox CSV exports into {@link SurveyRead}: the columnar data and a report of every
 * row and cell that did not fit.
 *
 * <p>The file may use {@code ;}, {@code ,} or tab, quote every cell or none, end lines with CRLF or
 * LF, be UTF-8 (with or without byte-order mark) or Windows-1252, and be gzip-compressed. An HXL
 * hashtag row under the header is recognised and kept aside. Headers may be XML names, group
 * paths {@code g/q} or labels (matched through the form). A select_multiple may come as its
 * space-separated column, as split columns {@code q/option} (or R's {@code q.option}) holding
 * 1/0/True/False, or both; an empty split cell is "not asked", never 0, and where both exist the
 * column {@code q} decides who answered. The missing markers {@code NA}, {@code n/a}, {@code NULL},
 * {@code NaT}, {@code Not available} and the empty cell are missing (or "not asked" when the
 * form's skip logic says the question was not relevant); the special answers of the options are
 * "don't know" and "refused".
 *
 * <p>A row with more or fewer cells than the header is left out and reported; a cell that is not
 * a number, not a choice or not an option is set to "missing" and reported. Nothing is dropped
 * silently.
 */
public final class KoboReader {
  /** The input bytes of a batch of records parsed ahead: a batch and its cells stay in cache. */
  private static final int AHEAD_BATCH = 1 << 18;

  private KoboReader() {}

  /**
   * Reads a KoBo CSV export.
   *
   * @param file the file
   * @param options form, special answers, CSV dialect
   * @return the data and the read report
   * @throws ReadException naming the file, line and column when the file cannot be read at all
   */
  public static SurveyRead readCsv(Path file, KoboOptions options) {
    return readBytes(RawInput.open(file), file.toString(), options);
  }

  /**
   * Reads a KoBo CSV export from a stream.
   *
   * @param in the bytes
   * @param name the file name for messages
   * @param options form, special answers, CSV dialect
   * @return the data and the read report
   * @throws ReadException naming the input, line and column when it cannot be read at all
   */
  public static SurveyRead readCsv(InputStream in, String name, KoboOptions options) {
    return readBytes(RawInput.of(in, name), name, options);
  }

  /**
   * Reads decompressed bytes: as cells of bytes, converting only the columns kept, when the
   * encoding allows; else through {@link CsvReader}'s characters.
   */
  static SurveyRead readDecompressed(InputStream raw, String name, KoboOptions options) {
    return readBytes(raw, name, options);
  }

  private static SurveyRead readBytes(InputStream raw, String name, KoboOptions options) {
    return readBytes(raw, name, options, AHEAD_BATCH, true);
  }

  /**
   * Reads decompressed bytes, as cells of bytes parsed ahead in batches of about {@code batchBytes}
   * (tests make them tiny) when the encoding allows, the fields finished on two threads or (the
   * reference tests compare with) one.
   */
  static SurveyRead readBytes(InputStream raw, String name, KoboOptions options, int batchBytes, boolean twoThreads) {
    try (InputStream in = raw) {
      CsvCells cells = CsvCells.of(in, name, options.csv());
      if (cells != null) {
        // Closing stops the thread parsing ahead, should the conversion fail midway.
        try (CsvCells c = cells) {
          return readCells(c, options, batchBytes, twoThreads);
        }
      }
      return readChars(in, name, options);
    } catch (IOException e) {
      throw new ReadException(ReadProblem.ofFile(name, "cannot read: " + e.getMessage()), e);
    }
  }

  /**
   * Reads a KoBo CSV export through {@link CsvReader}'s characters, every cell made a String: the
   * path for UTF-16 and explicitly given charsets, and the reference the byte path is tested
   * against.
   */
  static SurveyRead readChars(InputStream decompressed, String name, KoboOptions options) {
    try (CsvReader r = CsvReader.ofDecompressed(decompressed, name, options.csv())) {
      return readCsv(r, options);
    }
  }

  private static SurveyRead readCells(CsvCells r, KoboOptions options, int batchBytes, boolean twoThreads) {
    List<String> header = r.header();
    int width = header.size();
    ReadReport.Builder report = ReadReport.builder(r.file(), "KoBo CSV export");
    int[] numbers = new int[width];
    for (int i = 0; i < numbers.length; i++) {
      numbers[i] = i + 1;
    }
    Assembler a = new Assembler(r.file(), header, numbers, options, report);
    if (!twoThreads) {
      a.oneThread();
    }
    boolean[] keep = new boolean[width];
    int keptCount = 0;
    for (int i = 0; i < width; i++) {
      keep[i] = a.keeps(i);
      keptCount += keep[i] ? 1 : 0;
    }
    int[] kept = new int[keptCount];
    ColumnBuffer[] into = new ColumnBuffer[keptCount];
    for (int i = 0, k = 0; i < width; i++) {
      if (keep[i]) {
        kept[k] = i;
        into[k++] = a.buffer(i);
      }
    }
    // The first record is read whole: it may be the HXL hashtag row.
    boolean first = true;
    while (r.next()) {
      if (first) {
        first = false;
        r.keep(keep);
        // Finding the cells of the following records moves to a thread of its own, so that the
        // conversion below runs beside it on a second core: a 1M-row plain CSV estimate takes
        // 1.3 s instead of 1.5 s (a gzip file's second core is already busy decompressing).
        r.parseAhead(batchBytes);
        List<String> all = new ArrayList<>(r.size());
        for (int i = 0; i < r.size(); i++) {
          all.add(r.string(i));
        }
        if (isHashtagRow(all)) {
          a.hashtags(all);
          report.fact("HXL hashtag row", "line " + r.line());
          continue;
        }
      }
      report.rowsRead(1);
      int n = r.size();
      if (n > width) {
        // Trailing delimiters (empty extra cells) are harmless; extra values are not.
        boolean extraValues = false;
        for (int i = width; i < n; i++) {
          extraValues |= !r.string(i).isBlank();
        }
        if (extraValues) {
          report.error(new ReadProblem(r.file(), r.line(), width + 1, null, r.string(width),
              "row has " + n + " cells but the header " + width + "; row left out"));
          continue;
        }
      } else if (n < width) {
        report.error(new ReadProblem(r.file(), r.line(), 0, null, null,
            "row has " + n + " cells but the header " + width + "; row left out"));
        continue;
      }
      long[] perCell = null;
      if (width > 0 && r.lineOf(width - 1) != r.line()) {
        perCell = new long[width];
        for (int i = 0; i < perCell.length; i++) {
          perCell[i] = r.lineOf(i);
        }
      }
      for (int k = 0; k < kept.length; k++) {
        into[k].add(r, kept[k]);
      }
      a.endRow(r.line(), perCell);
    }
    report.fact("encoding", r.encoding());
    report.fact("delimiter", r.delimiter() == '\t' ? "tab" : String.valueOf(r.delimiter()));
    return a.finish();
  }

  static boolean isHashtagRow(List<String> cells) {
    boolean any = false;
    for (String c : cells) {
      String s = c.strip();
      if (s.isEmpty()) {
        continue;
      }
      if (!s.startsWith("#") || s.length() < 2 || !Character.isLetter(s.charAt(1))) {
        return false;
      }
      any = true;
    }
    return any;
  }

  private static SurveyRead readCsv(CsvReader r, KoboOptions options) {
    List<String> header = r.header();
    ReadReport.Builder report = ReadReport.builder(r.file(), "KoBo CSV export");
    int[] numbers = new int[header.size()];
    for (int i = 0; i < numbers.length; i++) {
      numbers[i] = i + 1;
    }
    Assembler a = new Assembler(r.file(), header, numbers, options, report);
    boolean first = true;
    String[] cells = new String[header.size()];
    for (CsvRecord rec = r.next(); rec != null; rec = r.next()) {
      if (first) {
        first = false;
        if (isHashtagRow(rec.cells())) {
          a.hashtags(rec.cells());
          report.fact("HXL hashtag row", "line " + rec.line());
          continue;
        }
      }
      report.rowsRead(1);
      int n = rec.size();
      if (n > header.size()) {
        // Trailing delimiters (empty extra cells) are harmless; extra values are not.
        boolean extraValues = false;
        for (int i = header.size(); i < n; i++) {
          extraValues |= !rec.get(i).isBlank();
        }
        if (extraValues) {
          report.error(new ReadProblem(r.file(), rec.line(), header.size() + 1, null, rec.get(header.size()),
              "row has " + n + " cells but the header " + header.size() + "; row left out"));
          continue;
        }
      } else if (n < header.size()) {
        report.error(new ReadProblem(r.file(), rec.line(), 0, null, null,
            "row has " + n + " cells but the header " + header.size() + "; row left out"));
        continue;
      }
      long[] perCell = null;
      if (rec.lineOf(header.size() - 1) != rec.line()) {
        perCell = new long[header.size()];
        for (int i = 0; i < perCell.length; i++) {
          perCell[i] = rec.lineOf(i);
        }
      }
      for (int i = 0; i < cells.length; i++) {
        cells[i] = rec.get(i);
      }
      a.add(cells, rec.line(), perCell);
    }
    report.fact("encoding", r.encoding());
    report.fact("delimiter", r.delimiter() == '\t' ? "tab" : String.valueOf(r.delimiter()));
    return a.finish();
  }
}
