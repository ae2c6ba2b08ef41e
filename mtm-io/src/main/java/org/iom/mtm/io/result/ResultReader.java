package org.iom.mtm.io.result;

import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iom.mtm.indicators.result.AnalysisType;
import org.iom.mtm.indicators.result.Flag;
import org.iom.mtm.indicators.result.ResultRow;
import org.iom.mtm.indicators.result.ResultTable;
import org.iom.mtm.io.ReadException;
import org.iom.mtm.io.ReadProblem;
import org.iom.mtm.io.csv.CsvOptions;
import org.iom.mtm.io.csv.CsvReader;
import org.iom.mtm.io.csv.CsvRecord;
import org.iom.mtm.io.json.JsonInput;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads result tables written by {@link ResultWriter} (CSV, HXL-tagged CSV or JSON) back into
 * {@link ResultTable}s: for comparing runs, for tests, and for tools downstream of {@code mtm}.
 * Columns are found by name, so extra columns and another order are accepted.
 */
public final class ResultReader {
  private ResultReader() {}

  /**
   * Reads a CSV or HXL-tagged CSV result table.
   *
   * @param in the CSV text
   * @param file the name used in messages
   * @return the table, without metadata
   * @throws ReadException naming file, line, column and value when a cell is malformed or a
   *     column is missing
   */
  public static ResultTable readCsv(Reader in, String file) {
    try (CsvReader r = CsvReader.of(in, file, CsvOptions.DETECT)) {
      return readCsv(r);
    }
  }

  /**
   * Reads a CSV or HXL-tagged CSV result table from a file (gzip by magic bytes).
   *
   * @param file the file
   * @return the table, without metadata
   * @throws ReadException naming file, line, column and value when a cell is malformed
   */
  public static ResultTable readCsv(Path file) {
    try (CsvReader r = CsvReader.open(file, CsvOptions.DETECT)) {
      return readCsv(r);
    }
  }

  private static ResultTable readCsv(CsvReader r) {
    int[] at = new int[ResultTable.COLUMNS.size()];
    Arrays.fill(at, -1);
    for (int i = 0; i < r.header().size(); i++) {
      int k = ResultTable.COLUMNS.indexOf(r.header().get(i).strip());
      if (k >= 0 && at[k] < 0) {
        at[k] = i;
      }
    }
    for (String required : List.of("analysis_type", "analysis_var", "stat")) {
      if (at[ResultTable.COLUMNS.indexOf(required)] < 0) {
        throw new ReadException(ReadProblem.atLine(r.file(), 1, "no column '" + required + "' in the header"));
      }
    }
    List<ResultRow> rows = new ArrayList<>();
    boolean first = true;
    for (CsvRecord rec : r) {
      if (first && rec.size() > 0 && rec.get(0).startsWith("#")) {
        first = false;
        continue; // the HXL hashtag row
      }
      first = false;
      String[] cells = new String[at.length];
      for (int k = 0; k < at.length; k++) {
        cells[k] = at[k] >= 0 ? rec.getOrEmpty(at[k]) : "";
      }
      rows.add(row(cells, (k, value, reason) -> r.problem(rec, at[k], value, reason)));
    }
    return ResultTable.of(rows);
  }

  /**
   * Reads a JSON result table {@code {"meta": {...}, "rows": [...]}}.
   *
   * @param file the file
   * @return the table with its metadata
   * @throws ReadException naming the file and the row when malformed
   */
  public static ResultTable readJson(Path file) {
    return fromJson(JsonInput.read(file), file.toString());
  }

  /**
   * Reads a JSON result table from a stream.
   *
   * @param in the bytes
   * @param file the name used in messages
   * @return the table with its metadata
   * @throws ReadException naming the input and the row when malformed
   */
  public static ResultTable readJson(InputStream in, String file) {
    return fromJson(JsonInput.read(in, file), file);
  }

  private static ResultTable fromJson(JsonNode root, String file) {
    JsonNode rowsNode = root.get("rows");
    if (!root.isObject() || rowsNode == null || !rowsNode.isArray()) {
      throw new ReadException(ReadProblem.ofFile(file, "not a result table: no \"rows\" array"));
    }
    Map<String, String> meta = new LinkedHashMap<>();
    JsonNode m = root.get("meta");
    if (m != null && m.isObject()) {
      for (Map.Entry<String, JsonNode> e : m.properties()) {
        meta.put(e.getKey(), e.getValue().isString() ? e.getValue().stringValue() : e.getValue().toString());
      }
    }
    List<ResultRow> rows = new ArrayList<>();
    int index = 0;
    for (JsonNode row : rowsNode.values()) {
      int rowIndex = index++;
      String[] cells = new String[ResultTable.COLUMNS.size()];
      for (int k = 0; k < cells.length; k++) {
        JsonNode v = row.get(ResultTable.COLUMNS.get(k));
        cells[k] = v == null || v.isNull() ? "" : v.isString() ? v.stringValue() : v.toString();
      }
      rows.add(row(cells, (k, value, reason) -> new ReadProblem(file, 0, 0,
          "rows[" + rowIndex + "]." + ResultTable.COLUMNS.get(k), value, reason)));
    }
    return ResultTable.of(rows, meta);
  }

  /** Builds the location of a bad cell. */
  private interface Locator {
    ReadProblem at(int column, String value, String reason);
  }

  private static ResultRow row(String[] c, Locator where) {
    AnalysisType type;
    try {
      type = AnalysisType.ofCode(c[0]);
    } catch (IllegalArgumentException e) {
      throw new ReadException(where.at(0, c[0], "unknown analysis type"), e);
    }
    List<String> groupVars = split(c[3]);
    List<String> groupValues = split(c[4]);
    if (groupVars.size() != groupValues.size()) {
      throw new ReadException(where.at(4, c[4], groupVars.size() + " group variables but " + groupValues.size() + " values"));
    }
    Set<Flag> flags = EnumSet.noneOf(Flag.class);
    if (!c[15].isEmpty()) {
      for (String f : c[15].split(";", -1)) {
        try {
          flags.add(Flag.ofCode(f));
        } catch (IllegalArgumentException e) {
          throw new ReadException(where.at(15, f, "unknown flag"), e);
        }
      }
    }
    try {
      return new ResultRow(
          type, c[1], c[2].isEmpty() ? null : c[2], groupVars, groupValues,
          number(c, 5, where), number(c, 6, where), number(c, 7, where), number(c, 8, where),
          number(c, 9, where), number(c, 10, where),
          count(c, 11, where), count(c, 12, where), number(c, 13, where), number(c, 14, where), flags);
    } catch (ReadException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new ReadException(where.at(0, c[0], e.getMessage()), e);
    }
  }

  private static List<String> split(String joined) {
    return joined.isEmpty() ? List.of() : List.of(joined.split(ResultRow.VALUE_SEPARATOR, -1));
  }

  private static @Nullable Double number(String[] c, int k, Locator where) {
    String s = c[k].strip();
    if (s.isEmpty() || s.equals("NA")) {
      return null;
    }
    try {
      double d = Double.parseDouble(s);
      if (!Double.isFinite(d)) {
        throw new ReadException(where.at(k, s, "not a finite number"));
      }
      return d;
    } catch (NumberFormatException e) {
      throw new ReadException(where.at(k, s, "not a number"), e);
    }
  }

  private static long count(String[] c, int k, Locator where) {
    String s = c[k].strip();
    try {
      return s.isEmpty() ? 0 : Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw new ReadException(where.at(k, s, "not a whole number"), e);
    }
  }
}
