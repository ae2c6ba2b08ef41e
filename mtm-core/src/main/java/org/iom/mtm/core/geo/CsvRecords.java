package org.iom.mtm.core.geo;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 reader for the gazetteer's reference files: quoted fields (with doubled quotes
 * and line breaks inside), CRLF or LF, a leading byte-order mark, and whole lines starting with
 * {@code #} taken as comments. Each record remembers the line it starts on, for error messages.
 */
final class CsvRecords {
  /** One record and the 1-based line it starts on. */
  record Row(int line, List<String> fields) {}

  private CsvRecords() {}

  static List<Row> read(Reader in, String source) {
    try {
      return parse(in, source);
    } catch (IOException e) {
      throw new UncheckedIOException(source + ": " + e.getMessage(), e);
    }
  }

  private static List<Row> parse(Reader in, String source) throws IOException {
    List<Row> rows = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int line = 1;
    int recordLine = 1;
    boolean quoted = false;
    boolean atRecordStart = true;
    boolean fieldWasQuoted = false;
    int c = in.read();
    if (c == '\uFEFF') {
      c = in.read();
    }
    while (c != -1) {
      if (atRecordStart && c == '#') {
        // A comment line: skip to its end.
        while (c != -1 && c != '\n') {
          c = in.read();
        }
        line++;
        recordLine = line;
        c = in.read();
        continue;
      }
      atRecordStart = false;
      if (quoted) {
        if (c == '"') {
          int next = in.read();
          if (next == '"') {
            field.append('"');
            c = in.read();
          } else {
            quoted = false;
            c = next;
          }
          continue;
        }
        if (c == '\n') {
          line++;
        }
        field.append((char) c);
        c = in.read();
        continue;
      }
      if (c == '"' && field.length() == 0 && !fieldWasQuoted) {
        quoted = true;
        fieldWasQuoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
        fieldWasQuoted = false;
      } else if (c == '\r' || c == '\n') {
        if (c == '\r') {
          int next = in.read();
          if (next != '\n') {
            fields.add(field.toString());
            endRecord(rows, fields, recordLine);
            field.setLength(0);
            fieldWasQuoted = false;
            line++;
            recordLine = line;
            atRecordStart = true;
            c = next;
            continue;
          }
        }
        fields.add(field.toString());
        endRecord(rows, fields, recordLine);
        field.setLength(0);
        fieldWasQuoted = false;
        line++;
        recordLine = line;
        atRecordStart = true;
      } else {
        field.append((char) c);
      }
      c = in.read();
    }
    if (quoted) {
      throw new IllegalArgumentException(source + ":" + recordLine + ": a quoted field is never closed");
    }
    if (!atRecordStart || field.length() > 0 || !fields.isEmpty()) {
      fields.add(field.toString());
      endRecord(rows, fields, recordLine);
    }
    return rows;
  }

  private static void endRecord(List<Row> rows, List<String> fields, int line) {
    // Blank lines carry no record.
    if (!(fields.size() == 1 && fields.get(0).isBlank())) {
      rows.add(new Row(line, List.copyOf(fields)));
    }
    fields.clear();
  }
}
