package org.iom.mtm.io.kobo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iom.mtm.io.RawInput;
import org.iom.mtm.io.ReadException;
import org.iom.mtm.io.ReadProblem;
import org.iom.mtm.io.json.JsonInput;
import org.iom.mtm.io.report.ReadReport;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

/**
 * Reads KoBoToolbox submissions in JSON: the API v2 page ({@code {"count": n, "results": [...]}}),
 * a formpack-style document ({@code "submissions": [...]}), or a bare array of submissions. Each
 * submission is an object keyed by XPath-like names ({@code group/question}); every answer is a
 * string; an absent key is a question not answered; a repeat group is an array of objects, read
 * into its own table (by the repeat's name) with {@code _index} (its 1-based row) and {@code
 * _parent_index} (the 1-based row of the submission, or of the enclosing repeat instance).
 *
 * <p>The JSON is streamed under the limits of {@link JsonInput}; each submission's line is kept
 * for the report.
 */
public final class KoboJsonReader {
  private KoboJsonReader() {}

  private record Sub(long line, Map<String, String> values) {}

  /** Rows of one table (the main one or a repeat's) before assembly. */
  private static final class Table {
    final List<Sub> rows = new ArrayList<>();
    final LinkedHashMap<String, Integer> keys = new LinkedHashMap<>();

    void add(Sub s) {
      rows.add(s);
      for (String k : s.values.keySet()) {
        keys.putIfAbsent(k, keys.size());
      }
    }
  }

  /**
   * Reads a file (gzip by magic bytes).
   *
   * @param file the JSON file
   * @param options form, special answers
   * @return the main table, its repeats and the read report
   * @throws ReadException with file, line and column when the JSON is malformed, over a limit or
   *     holds no submissions
   */
  public static SurveyRead read(Path file, KoboOptions options) {
    try (InputStream in = RawInput.open(file)) {
      return read(in, file.toString(), options);
    } catch (IOException e) {
      throw new ReadException(ReadProblem.ofFile(file.toString(), "cannot read: " + e.getMessage()), e);
    }
  }

  /**
   * Reads a stream.
   *
   * @param in the bytes
   * @param name the file name for messages
   * @param options form, special answers
   * @return the main table, its repeats and the read report
   * @throws ReadException with name, line and column when the JSON is malformed or holds no
   *     submissions
   */
  public static SurveyRead read(InputStream in, String name, KoboOptions options) {
    Table main = new Table();
    Map<String, Table> repeats = new LinkedHashMap<>();
    JsonParser p;
    try {
      p = JsonInput.mapper().createParser(RawInput.of(in, name));
    } catch (JacksonException e) {
      throw JsonInput.problem(name, e);
    }
    try (p) {
      JsonToken t = p.nextToken();
      if (t == null) {
        throw new ReadException(ReadProblem.ofFile(name, "the file is empty: no JSON value"));
      }
      if (t == JsonToken.START_OBJECT) {
        boolean found = false;
        while ((t = p.nextToken()) == JsonToken.PROPERTY_NAME) {
          String key = p.currentName();
          t = p.nextToken();
          if ((key.equals("results") || key.equals("submissions") || key.equals("result")) && t == JsonToken.START_ARRAY) {
            readArray(p, name, main, repeats);
            found = true;
          } else {
            p.skipChildren();
          }
        }
        if (!found) {
          throw new ReadException(ReadProblem.ofFile(name,
              "no \"results\" or \"submissions\" array: not KoBo submissions"));
        }
      } else if (t == JsonToken.START_ARRAY) {
        readArray(p, name, main, repeats);
      } else {
        throw new ReadException(ReadProblem.atLine(name, p.currentTokenLocation().getLineNr(),
            "expected an object or an array of submissions"));
      }
    } catch (JacksonException e) {
      throw JsonInput.problem(name, e, p);
    }
    ReadReport.Builder report = ReadReport.builder(name, "KoBo JSON submissions");
    SurveyRead m = assemble(name, main, options, report, null);
    Map<String, org.iom.mtm.core.data.SurveyData> reps = new LinkedHashMap<>();
    for (Map.Entry<String, Table> e : repeats.entrySet()) {
      ReadReport.Builder rr = ReadReport.builder(name + "#" + e.getKey(), "KoBo JSON repeat");
      SurveyRead r = assemble(name + "#" + e.getKey(), e.getValue(), options, rr, e.getKey());
      reps.put(e.getKey(), r.data());
      for (ReadReport.Entry en : r.report().entries()) {
        report.add(en.severity(), en.problem());
      }
    }
    report.fact("repeats", reps.isEmpty() ? "none" : String.join(", ", reps.keySet()));
    return new SurveyRead(m.data(), rebuild(m.report(), report), m.hashtags(), reps, m.rowLines());
  }

  /** The main table's report with the repeats' problems appended. */
  private static ReadReport rebuild(ReadReport main, ReadReport.Builder withRepeats) {
    ReadReport extra = withRepeats.build();
    ReadReport.Builder b = ReadReport.builder(main.file(), main.format());
    b.rowsRead(main.rowsRead()).rowsUsed(main.rowsUsed());
    main.facts().forEach(b::fact);
    extra.facts().forEach(b::fact);
    for (ReadReport.Entry e : main.entries()) {
      b.add(e.severity(), e.problem());
    }
    for (ReadReport.Entry e : extra.entries()) {
      b.add(e.severity(), e.problem());
    }
    return b.build();
  }

  private static void readArray(JsonParser p, String name, Table main, Map<String, Table> repeats) {
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t == null) {
        throw new ReadException(ReadProblem.ofFile(name, "the submissions array is not closed"));
      }
      long line = p.currentTokenLocation().getLineNr();
      if (t != JsonToken.START_OBJECT) {
        throw new ReadException(new ReadProblem(name, line, p.currentTokenLocation().getColumnNr(), null,
            null, "a submission must be a JSON object, found " + t));
      }
      JsonNode sub = JsonInput.readValue(p);
      int row = main.rows.size() + 1;
      main.add(new Sub(line, flatten(sub, line, row, repeats)));
    }
  }

  /** The scalar answers of an object; arrays of objects go to their repeat tables. */
  private static Map<String, String> flatten(JsonNode obj, long line, int ownRow, Map<String, Table> repeats) {
    Map<String, String> values = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : obj.properties()) {
      String key = e.getKey();
      JsonNode v = e.getValue();
      if (v.isArray() && !key.startsWith("_") && v.size() > 0 && allObjects(v)) {
        String repeat = key.substring(key.lastIndexOf('/') + 1);
        Table table = repeats.computeIfAbsent(repeat, k -> new Table());
        for (JsonNode inst : v.values()) {
          int row = table.rows.size() + 1;
          Map<String, String> vals = new LinkedHashMap<>();
          vals.put("_index", Integer.toString(row));
          vals.put("_parent_index", Integer.toString(ownRow));
          vals.putAll(flatten(inst, line, row, repeats));
          table.add(new Sub(line, vals));
        }
      } else {
        String s = scalar(v);
        if (s != null) {
          values.put(key, s);
        }
      }
    }
    return values;
  }

  private static boolean allObjects(JsonNode array) {
    for (JsonNode n : array.values()) {
      if (!n.isObject()) {
        return false;
      }
    }
    return true;
  }

  private static @org.jspecify.annotations.Nullable String scalar(JsonNode v) {
    if (v == null || v.isNull() || v.isMissingNode()) {
      return null;
    }
    if (v.isString()) {
      return v.stringValue();
    }
    if (v.isArray()) {
      StringBuilder sb = new StringBuilder();
      for (JsonNode n : v.values()) {
        if (n.isValueNode() && !n.isNull()) {
          if (sb.length() > 0) {
            sb.append(' ');
          }
          sb.append(n.isString() ? n.stringValue() : n.asString());
        }
      }
      return v.size() == 0 ? null : sb.toString();
    }
    return v.isValueNode() ? v.asString() : v.toString();
  }

  private static SurveyRead assemble(String name, Table t, KoboOptions options, ReadReport.Builder report,
      @org.jspecify.annotations.Nullable String repeat) {
    List<String> header = new ArrayList<>(t.keys.keySet());
    Assembler a = new Assembler(name, header, new int[header.size()], options, report);
    a.scope(repeat);
    String[] cells = new String[header.size()];
    for (Sub s : t.rows) {
      report.rowsRead(1);
      for (int i = 0; i < cells.length; i++) {
        cells[i] = s.values.get(header.get(i));
      }
      a.add(cells, s.line, null);
    }
    return a.finish();
  }
}
