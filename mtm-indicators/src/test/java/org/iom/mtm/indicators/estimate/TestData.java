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
      if (quotedCol.get(c)) {
        TreeSet<String> levels = new TreeSet<>();
        for (List<String> r : rows) {
          if (!r.get(c).equals("NA")) {
            levels.add(r.get(c));
          }
        }
        CategoricalColumn.Builder b = CategoricalColumn.builder(name, List.copyOf(levels));
        for (List<String> r : rows) {
          if (r.get(c).equals("NA")) {
            b.addState(AnswerState.MISSING);
          } else {
            b.add(r.get(c));
          }
        }
        columns.add(b.build());
      } else {
        NumericColumn.Builder b = NumericColumn.builder(name);
        for (List<String> r : rows) {
          if (r.get(c).equals("NA")) {
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
}
