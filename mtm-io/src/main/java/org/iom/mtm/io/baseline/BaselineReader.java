package org.iom.mtm.io.baseline;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.iom.mtm.core.baseline.BaselineCounts;
import org.iom.mtm.core.geo.Gazetteer;
import org.iom.mtm.io.RawInput;
import org.iom.mtm.io.ReadException;
import org.iom.mtm.io.ReadProblem;
import org.iom.mtm.io.csv.CsvOptions;
import org.iom.mtm.io.csv.CsvReader;
import org.iom.mtm.io.csv.CsvRecord;
import org.iom.mtm.io.json.JsonInput;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;

/**
 * Reads a baseline table in the long format of DESIGN.md:
 *
 * <pre>
 * admin1_pcode,admin1_name,admin2_pcode,admin2_name,population_type,nationality,year,count,informant_id
 * </pre>
 *
 * <p>as CSV (delimiter, encoding and gzip detected; an HXL hashtag row under the header skipped)
 * or as JSON: an array of objects with the same keys, or an object whose {@code rows} (or {@code
 * records}) is such an array. Header names are matched ignoring case, blanks and hyphens; a few
 * other spellings are read too ({@code adm2_pcode}, {@code rayon}, {@code population_category},
 * {@code ki_id}, ...); other columns are ignored.
 *
 * <p>Every row is checked, and the first bad value stops the reading with a {@link ReadException}
 * whose message is {@code FILE:LINE:COLUMN: column 'NAME': what is wrong: 'VALUE'}: an unknown
 * p-code or name (with the nearest ones), a rayon outside the region the row names, an unknown
 * population type or nationality, a count that is missing, negative or not a whole number, a year
 * outside the round, an informant reporting twice on one cell. A p-code may be left out when the
 * name is given (names resolve through the gazetteer's spellings); the region may be left out
 * when the rayon is given.
 *
 * <p>A row without a rayon, or without a nationality, is a declared total (see the package
 * description).
 *
 * <p>Informants may be described by the optional columns {@code informant_sex} ({@code female},
 * {@code male}, {@code other} and KoBo spellings) and {@code informant_role} ({@code
 * local_authority}, {@code community_leader}, {@code teacher}, {@code religious_leader}, {@code
 * other}), repeated on their rows (an empty cell says nothing; a different value for the same id
 * is an error), or in JSON by an {@code informants} array of {@code {"id", "sex", "role"}}
 * objects beside {@code rows}.
 */
public final class BaselineReader {
  private final Gazetteer gazetteer;
  private final @Nullable Integer firstYear;
  private final @Nullable Integer lastYear;

  private BaselineReader(Gazetteer gazetteer, @Nullable Integer firstYear, @Nullable Integer lastYear) {
    this.gazetteer = gazetteer;
    this.firstYear = firstYear;
    this.lastYear = lastYear;
  }

  /**
   * A reader for Kazakhstan's p-codes that accepts any year from 1900 to 2100.
   *
   * @return the reader
   */
  public static BaselineReader create() {
    return new BaselineReader(Gazetteer.kazakhstan(), null, null);
  }

  /**
   * This reader with another country's gazetteer.
   *
   * @param g the gazetteer the p-codes and names must be in
   * @return a new reader
   */
  public BaselineReader gazetteer(Gazetteer g) {
    return new BaselineReader(Objects.requireNonNull(g, "gazetteer"), firstYear, lastYear);
  }

  /**
   * This reader with the years of the round: a row of another year is an error.
   *
   * @param first the first year the round covers
   * @param last the last year it covers
   * @return a new reader
   * @throws IllegalArgumentException naming the years when out of order
   */
  public BaselineReader roundYears(int first, int last) {
    if (first > last) {
      throw new IllegalArgumentException("round years out of order: " + first + "-" + last);
    }
    return new BaselineReader(gazetteer, first, last);
  }

  /**
   * Reads a file: JSON when its name ends in {@code .json} or {@code .json.gz}, CSV otherwise.
   *
   * @param file the file
   * @return the records and declared totals
   * @throws ReadException naming file, line, column and value at the first problem
   */
  public BaselineCounts read(Path file) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".json") || name.endsWith(".json.gz")) {
      try (InputStream in = RawInput.open(file)) {
        return readJson(in, file.toString());
      } catch (IOException e) {
        throw new ReadException(ReadProblem.ofFile(file.toString(), "cannot read: " + e.getMessage()), e);
      }
    }
    try (CsvReader csv = CsvReader.open(file, CsvOptions.DETECT)) {
      return readCsv(csv);
    }
  }

  /**
   * Reads CSV from a stream.
   *
   * @param in the bytes (encoding and gzip detected)
   * @param file the name used in messages
   * @return the records and declared totals
   * @throws ReadException naming file, line, column and value at the first problem
   */
  public BaselineCounts readCsv(InputStream in, String file) {
    try (CsvReader csv = CsvReader.of(in, file, CsvOptions.DETECT)) {
      return readCsv(csv);
    }
  }

  /**
   * Reads CSV from characters.
   *
   * @param in the characters
   * @param file the name used in messages
   * @return the records and declared totals
   * @throws ReadException naming file, line, column and value at the first problem
   */
  public BaselineCounts readCsv(Reader in, String file) {
    try (CsvReader csv = CsvReader.of(in, file, CsvOptions.DETECT)) {
      return readCsv(csv);
    }
  }

  private BaselineCounts readCsv(CsvReader csv) {
    String file = csv.file();
    List<String> header = csv.header();
    Map<Column, Integer> index = new EnumMap<>(Column.class);
    for (int i = 0; i < header.size(); i++) {
      Column c = Column.of(header.get(i));
      if (c != null) {
        Integer before = index.putIfAbsent(c, i);
        if (before != null) {
          throw new ReadException(
              new ReadProblem(file, 1, i + 1, header.get(i), null,
                  "a second '" + c.canonical() + "' column (the first is column " + (before + 1) + ")"));
        }
      }
    }
    for (Column c : Column.values()) {
      if (c.required() && !index.containsKey(c)) {
        throw new ReadException(
            ReadProblem.atLine(file, 1, "no '" + c.canonical() + "' column in the header " + header));
      }
    }
    if (!index.containsKey(Column.ADMIN2_PCODE) && !index.containsKey(Column.ADMIN2_NAME)) {
      throw new ReadException(
          ReadProblem.atLine(file, 1, "no 'admin2_pcode' or 'admin2_name' column in the header " + header));
    }
    RowChecker checker = new RowChecker(file, gazetteer, firstYear, lastYear);
    boolean first = true;
    for (CsvRecord r = csv.next(); r != null; r = csv.next()) {
      if (first && hashtagRow(r)) {
        first = false;
        continue;
      }
      first = false;
      Map<Column, Cell> row = new EnumMap<>(Column.class);
      for (Map.Entry<Column, Integer> e : index.entrySet()) {
        int i = e.getValue();
        row.put(e.getKey(), new Cell(r.getOrEmpty(i).strip(), r.lineOf(i), i + 1, header.get(i)));
      }
      try {
        checker.add(row, r.line(), 0);
      } catch (ReadException ex) {
        throw ex;
      } catch (IllegalArgumentException ex) {
        throw new ReadException(ReadProblem.atLine(file, r.line(), ex.getMessage()), ex);
      }
    }
    return checker.result();
  }

  /** An HXL hashtag row: every non-empty cell a tag. */
  private static boolean hashtagRow(CsvRecord r) {
    boolean any = false;
    for (String c : r.cells()) {
      String s = c.strip();
      if (!s.isEmpty()) {
        if (!s.startsWith("#")) {
          return false;
        }
        any = true;
      }
    }
    return any;
  }

  /**
   * Reads JSON from a stream.
   *
   * @param in the bytes (UTF-8; gzip by magic bytes)
   * @param file the name used in messages
   * @return the records and declared totals
   * @throws ReadException naming file, line, column and key at the first problem
   */
  public BaselineCounts readJson(InputStream in, String file) {
    try (JsonParser p = JsonInput.mapper().createParser(RawInput.of(in, file))) {
      return readJson(p, file);
    } catch (JacksonException e) {
      throw JsonInput.problem(file, e);
    }
  }

  /**
   * Reads JSON from characters.
   *
   * @param in the characters
   * @param file the name used in messages
   * @return the records and declared totals
   * @throws ReadException naming file, line, column and key at the first problem
   */
  public BaselineCounts readJson(Reader in, String file) {
    try (JsonParser p = JsonInput.mapper().createParser(in)) {
      return readJson(p, file);
    } catch (JacksonException e) {
      throw JsonInput.problem(file, e);
    }
  }

  private BaselineCounts readJson(JsonParser p, String file) {
    JsonToken t = p.nextToken();
    if (t == null) {
      throw new ReadException(ReadProblem.ofFile(file, "the file is empty: no JSON value"));
    }
    RowChecker checker = new RowChecker(file, gazetteer, firstYear, lastYear);
    if (t == JsonToken.START_ARRAY) {
      readRows(p, file, checker);
      return checker.result();
    }
    if (t != JsonToken.START_OBJECT) {
      throw jsonProblem(file, p.currentTokenLocation(), null, "expected an array of rows or an object with 'rows'");
    }
    boolean rows = false;
    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
      String key = p.currentName();
      JsonToken v = p.nextToken();
      boolean isRows = "rows".equals(key) || "records".equals(key);
      if (isRows || "informants".equals(key)) {
        if (v != JsonToken.START_ARRAY) {
          throw jsonProblem(file, p.currentTokenLocation(), key, "expected an array");
        }
        if (isRows) {
          rows = true;
          readRows(p, file, checker);
        } else {
          readInformants(p, file, checker);
        }
      } else {
        // Metadata and anything else are not ours to check.
        p.skipChildren();
      }
    }
    if (!rows) {
      throw new ReadException(ReadProblem.ofFile(file, "no 'rows' array in the JSON object"));
    }
    return checker.result();
  }

  /** Reads {@code [{"id": ..., "sex": ..., "role": ...}, ...]}; the parser is on START_ARRAY. */
  private static void readInformants(JsonParser p, String file, RowChecker checker) {
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      TokenStreamLocation start = p.currentTokenLocation();
      if (t != JsonToken.START_OBJECT) {
        throw jsonProblem(file, start, "informants", "expected an informant object");
      }
      Map<String, Cell> fields = new HashMap<>();
      while (p.nextToken() == JsonToken.PROPERTY_NAME) {
        String key = p.currentName();
        p.nextToken();
        fields.put(key, scalar(p, file, key));
      }
      Cell id = fields.get("id");
      if (id == null || id.isEmpty()) {
        throw jsonProblem(file, start, "informants", "an informant without an 'id'");
      }
      checker.describe(id.value(), fields.get("sex"), fields.get("role"));
    }
  }

  /** The current scalar token as a cell: strings and numbers as written, null as empty. */
  private static Cell scalar(JsonParser p, String file, String key) {
    JsonToken v = p.currentToken();
    TokenStreamLocation at = p.currentTokenLocation();
    String text;
    if (v == JsonToken.VALUE_STRING || v == JsonToken.VALUE_NUMBER_INT || v == JsonToken.VALUE_NUMBER_FLOAT) {
      text = p.getString().strip();
    } else if (v == JsonToken.VALUE_NULL) {
      text = "";
    } else {
      throw jsonProblem(file, at, key, "expected a string, a number or null");
    }
    return new Cell(text, line(at), column(at), key);
  }

  /** Reads the objects of an array; the parser is on its START_ARRAY. */
  private static void readRows(JsonParser p, String file, RowChecker checker) {
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      TokenStreamLocation start = p.currentTokenLocation();
      if (t != JsonToken.START_OBJECT) {
        throw jsonProblem(file, start, null, "expected a row object");
      }
      Map<Column, Cell> row = new EnumMap<>(Column.class);
      Map<Column, String> keys = new HashMap<>();
      while (p.nextToken() == JsonToken.PROPERTY_NAME) {
        String key = p.currentName();
        p.nextToken();
        Column c = Column.of(key);
        if (c == null) {
          p.skipChildren();
          continue;
        }
        Cell cell = scalar(p, file, key);
        String before = keys.putIfAbsent(c, key);
        if (before != null) {
          throw jsonProblem(file, p.currentTokenLocation(), key,
              "a second '" + c.canonical() + "' in this row (first as '" + before + "')");
        }
        row.put(c, cell);
      }
      try {
        checker.add(row, line(start), column(start));
      } catch (ReadException ex) {
        throw ex;
      } catch (IllegalArgumentException ex) {
        throw new ReadException(new ReadProblem(file, line(start), column(start), null, null, ex.getMessage()), ex);
      }
    }
  }

  private static long line(TokenStreamLocation at) {
    return Math.max(0, at.getLineNr());
  }

  private static int column(TokenStreamLocation at) {
    return Math.max(0, at.getColumnNr());
  }

  private static ReadException jsonProblem(
      String file, TokenStreamLocation at, @Nullable String key, String reason) {
    return new ReadException(new ReadProblem(file, line(at), column(at), key, null, reason));
  }
}
