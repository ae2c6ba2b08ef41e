package org.iom.mtm.indicators.estimate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.iom.mtm.core.data.AnswerState;
import org.iom.mtm.core.data.CategoricalColumn;
import org.iom.mtm.core.data.Column;
import org.iom.mtm.core.data.NumericColumn;
import org.iom.mtm.core.data.SurveyData;

/**
 * Reads the test resources: R-written CSV (quoted strings, {@code NA} missing) into survey data,
 * numbers as numeric columns and strings as categorical ones with R's sorted factor levels.
 */
final class TestData {
  private TestData() {}

  static String resource(String path) {
    try (InputStream in = TestData.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static SurveyData csv(String path) {
    return csv(path, java.util.Map.of());
  }

  /**
   * Reads a CSV; {@code NA} and empty cells are missing; a column {@code X} with companion
   * columns {@code X/option} is a select_multiple of space-separated option names (empty: not
   * asked). The values listed in {@code dontKnow} for a variable are read as "don't know" answers
   * (no level).
   */
  static SurveyData csv(String path, java.util.Map<String, java.util.Set<String>> dontKnow) {
    List<List<String>> rows = new ArrayList<>();
    List<Boolean> quotedCol = new ArrayList<>();
    String text = resource(path);
    List<String> header = null;
    for (String line : text.split("\r?\n")) {
      if (line.isEmpty()) {
        continue;
      }
      List<String> cells = new ArrayList<>();
      List<Boolean> quoted = new ArrayList<>();
      int i = 0;
      while (i <= line.length()) {
        if (i < line.length() && line.charAt(i) == '"') {
          int j = line.indexOf('"', i + 1);
          cells.add(line.substring(i + 1, j));
          quoted.add(true);
          i = j + 2;
        } else {
          int j = line.indexOf(',', i);
          if (j < 0) {
            j = line.length();
          }
          cells.add(line.substring(i, j));
          quoted.add(false);
          i = j + 1;
        }
      }
      if (header == null) {
        header = cells;
      } else {
        rows.add(cells);
        for (int c = 0; c < quoted.size(); c++) {
          if (quotedCol.size() <= c) {
            quotedCol.add(false);
          }
          if (quoted.get(c)) {
            quotedCol.set(c, true);
          }
        }
      }
    }
    List<Column> columns = new ArrayList<>();
    for (int c = 0; c < header.size(); c++) {
      String name = header.get(c);
      List<String> options = new ArrayList<>();
      for (String h : header) {
        if (h.startsWith(name + "/")) {
          options.add(h.substring(name.length() + 1));
        }
      }
      java.util.Set<String> dk = dontKnow.getOrDefault(name, java.util.Set.of());
      if (!options.isEmpty()) {
        org.iom.mtm.core.data.MultiSelectColumn.Builder b =
            org.iom.mtm.core.data.MultiSelectColumn.builder(name, options);
        for (List<String> r : rows) {
          String v = r.get(c);
          if (v.isEmpty() || v.equals("NA")) {
            b.addState(AnswerState.NOT_ASKED);
          } else {
            b.add(List.of(v.split(" ")));
          }
        }
        columns.add(b.build());
      } else if (quotedCol.get(c)) {
        TreeSet<String> levels = new TreeSet<>();
        for (List<String> r : rows) {
          if (!missing(r.get(c)) && !dk.contains(r.get(c))) {
            levels.add(r.get(c));
          }
        }
        CategoricalColumn.Builder b = CategoricalColumn.builder(name, List.copyOf(levels));
        for (List<String> r : rows) {
          if (missing(r.get(c))) {
            b.addState(AnswerState.MISSING);
          } else if (dk.contains(r.get(c))) {
            b.addState(AnswerState.DONT_KNOW);
          } else {
            b.add(r.get(c));
          }
        }
        columns.add(b.build());
      } else {
        NumericColumn.Builder b = NumericColumn.builder(name);
        for (List<String> r : rows) {
          if (missing(r.get(c))) {
            b.addState(AnswerState.MISSING);
          } else {
            b.add(Double.parseDouble(r.get(c)));
          }
        }
        columns.add(b.build());
      }
    }
    return SurveyData.of(columns);
  }

  private static boolean missing(String v) {
    return v.isEmpty() || v.equals("NA");
  }
}
