package org.iom.mtm.indicators.weighting;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.iom.mtm.core.data.CategoricalColumn;
import org.iom.mtm.core.data.Column;
import org.iom.mtm.core.data.NumericColumn;
import org.iom.mtm.core.data.SurveyData;
import org.iom.mtm.core.data.TextColumn;

/**
 * The cells of one variable or of a crossing of variables (admin1 x nationality): a code per row
 * and the cell labels, several variables' values joined with {@code " %/% "} as in the result
 * table. Every row must hold a value: weighting cells cannot be missing (R's {@code na.fail}).
 */
record Cells(String name, List<String> labels, int[] codes) {

  /** The separator of crossed values, as in the result table's {@code group_var_value}. */
  static final String SEPARATOR = " %/% ";

  static Cells of(SurveyData data, List<String> variables) {
    if (variables.isEmpty()) {
      throw new IllegalArgumentException("no variable given for the weighting cells");
    }
    int n = data.rowCount();
    List<Column> columns = new ArrayList<>();
    for (String v : variables) {
      columns.add(data.column(v));
    }
    if (columns.size() == 1 && columns.get(0) instanceof CategoricalColumn cc) {
      // The choice list's order, as R keeps a factor's levels.
      int[] codes = new int[n];
      for (int i = 0; i < n; i++) {
        value(cc, i);
        codes[i] = cc.code(i);
      }
      return new Cells(cc.name(), cc.levels(), codes);
    }
    Map<String, Integer> index = new HashMap<>();
    List<String> labels = new ArrayList<>();
    int[] codes = new int[n];
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.setLength(0);
      for (int k = 0; k < columns.size(); k++) {
        if (k > 0) {
          sb.append(SEPARATOR);
        }
        sb.append(value(columns.get(k), i));
      }
      String label = sb.toString();
      Integer code = index.get(label);
      if (code == null) {
        code = labels.size();
        index.put(label, code);
        labels.add(label);
      }
      codes[i] = code;
    }
    // Sorted, as R's factor() sorts the values of a character variable (in the C locale).
    List<String> sorted = new ArrayList<>(labels);
    java.util.Collections.sort(sorted);
    int[] remap = new int[labels.size()];
    for (int c = 0; c < remap.length; c++) {
      remap[c] = sorted.indexOf(labels.get(c));
    }
    for (int i = 0; i < n; i++) {
      codes[i] = remap[codes[i]];
    }
    return new Cells(String.join(SEPARATOR, variables), List.copyOf(sorted), codes);
  }

  /** The label of a cell value, numbers without a trailing {@code .0}. */
  static String value(Column c, int row) {
    if (!c.isAnswered(row)) {
      throw new IllegalArgumentException(
          "variable '" + c.name() + "' row " + (row + 1) + " is " + c.state(row)
              + ": every unit needs a value of a weighting variable");
    }
    if (c instanceof CategoricalColumn cc) {
      return cc.level(row);
    }
    if (c instanceof TextColumn tc) {
      return tc.text(row);
    }
    if (c instanceof NumericColumn nc) {
      return new BigDecimal(Double.toString(nc.value(row))).stripTrailingZeros().toPlainString();
    }
    throw new IllegalArgumentException(
        "variable '" + c.name() + "' is select_multiple and cannot define weighting cells");
  }
}
