package org.iom.mtm.io.kobo;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iom.mtm.core.data.SurveyData;
import org.iom.mtm.io.ReadException;
import org.iom.mtm.io.ReadProblem;
import org.iom.mtm.io.report.ReadReport;
import org.iom.mtm.io.xlsx.SheetTable;
import org.iom.mtm.io.xlsx.Workbook;

/**
 * Reads KoBoToolbox XLSX exports: the first sheet holds one row per submission; every further
 * sheet holds a repeat group, one row per instance, joined to its parent by {@code _parent_index}
 * (the parent row's {@code _index}). Cells are read as text and typed as in {@link KoboReader};
 * problems name the sheet, its row number and column.
 */
public final class KoboXlsxReader {
  private KoboXlsxReader() {}

  /**
   * Reads a workbook.
   *
   * @param file the .xlsx export
   * @param options form, special answers
   * @return the main table, the repeat tables by sheet name, and the report
   * @throws ReadException naming the file when it is not a readable workbook or has no sheet
   */
  public static SurveyRead read(Path file, KoboOptions options) {
    Workbook wb = Workbook.open(file);
    List<SheetTable> sheets = wb.sheets();
    if (sheets.isEmpty() || sheets.get(0).header().isEmpty()) {
      throw new ReadException(ReadProblem.ofFile(file.toString(), "the workbook has no data sheet"));
    }
    ReadReport.Builder report = ReadReport.builder(file.toString(), "KoBo XLSX export");
    SurveyRead main = sheet(file + "#" + sheets.get(0).sheet(), sheets.get(0), options, report, null);
    Map<String, SurveyData> repeats = new LinkedHashMap<>();
    ReadReport.Builder all = ReadReport.builder(file.toString(), "KoBo XLSX export");
    all.rowsRead(main.report().rowsRead()).rowsUsed(main.report().rowsUsed());
    main.report().facts().forEach(all::fact);
    main.report().entries().forEach(e -> all.add(e.severity(), e.problem()));
    for (SheetTable s : sheets.subList(1, sheets.size())) {
      if (s.header().isEmpty()) {
        continue;
      }
      ReadReport.Builder rb = ReadReport.builder(file + "#" + s.sheet(), "KoBo XLSX repeat sheet");
      SurveyRead r = sheet(file + "#" + s.sheet(), s, options, rb, s.sheet());
      repeats.put(s.sheet(), r.data());
      r.report().entries().forEach(e -> all.add(e.severity(), e.problem()));
    }
    all.fact("repeats", repeats.isEmpty() ? "none" : String.join(", ", repeats.keySet()));
    return new SurveyRead(main.data(), all.build(), main.hashtags(), repeats, main.rowLines());
  }

  private static SurveyRead sheet(String name, SheetTable s, KoboOptions options, ReadReport.Builder report,
      @org.jspecify.annotations.Nullable String repeat) {
    List<String> header = s.header();
    int[] numbers = new int[header.size()];
    for (int i = 0; i < numbers.length; i++) {
      numbers[i] = i + 1;
    }
    Assembler a = new Assembler(name, header, numbers, options, report);
    a.scope(repeat);
    String[] cells = new String[header.size()];
    boolean first = true;
    for (SheetTable.Row r : s.rows()) {
      if (first) {
        first = false;
        if (KoboReader.isHashtagRow(r.cells())) {
          a.hashtags(r.cells());
          continue;
        }
      }
      report.rowsRead(1);
      if (r.cells().size() > header.size()) {
        report.error(new ReadProblem(name, r.line(), header.size() + 1, null, r.get(header.size()),
            "row has a value beyond the header's last column; row left out"));
        continue;
      }
      for (int i = 0; i < cells.length; i++) {
        cells[i] = r.get(i);
      }
      a.add(cells, r.line(), null);
    }
    return a.finish();
  }
}
