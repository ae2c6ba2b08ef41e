package org.iom.mtm.io.export;

import java.io.Writer;
import java.util.List;
import org.iom.mtm.core.baseline.BaselineRecord;
import org.iom.mtm.core.geo.Gazetteer;
import org.iom.mtm.io.csv.CsvWriter;

/**
 * Writes baseline records as the long CSV of DESIGN.md: {@code admin1_pcode, admin1_name,
 * admin2_pcode, admin2_name, population_type, nationality, year, count, informant_id}, names from
 * the gazetteer.
 */
public final class BaselineCsvExport {
  private BaselineCsvExport() {}

  /** The header of DESIGN.md, in order. */
  public static final List<String> HEADER =
      List.of("admin1_pcode", "admin1_name", "admin2_pcode", "admin2_name", "population_type",
          "nationality", "year", "count", "informant_id");

  /**
   * Writes the records.
   *
   * @param records the records
   * @param gazetteer where the area names come from
   * @param out where to write; not closed
   * @throws IllegalArgumentException naming the p-code when an area is not in the gazetteer
   */
  public static void write(List<BaselineRecord> records, Gazetteer gazetteer, Writer out) {
    CsvWriter csv = CsvWriter.of(out, ',', CsvWriter.Quoting.MINIMAL, "\n");
    csv.writeRow(HEADER);
    for (BaselineRecord r : records) {
      csv.writeRow(
          r.admin1Pcode(),
          gazetteer.area(r.admin1Pcode()).name(),
          r.admin2Pcode(),
          gazetteer.area(r.admin2Pcode()).name(),
          r.populationCategory().code(),
          r.nationality(),
          Integer.toString(r.year()),
          Long.toString(r.count()),
          r.informantId() == null ? "" : r.informantId());
    }
    csv.flush();
  }
}
