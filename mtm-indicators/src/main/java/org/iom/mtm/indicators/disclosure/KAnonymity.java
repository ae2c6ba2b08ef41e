package org.iom.mtm.indicators.disclosure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.iom.mtm.core.data.AnswerState;
import org.iom.mtm.core.data.CategoricalColumn;
import org.iom.mtm.core.data.Column;
import org.iom.mtm.core.data.MultiSelectColumn;
import org.iom.mtm.core.data.NumericColumn;
import org.iom.mtm.core.data.SurveyData;
import org.iom.mtm.core.data.TextColumn;

/**
 * k-anonymity of survey records on quasi-identifiers (age group, sex, nationality, district...):
 * the records whose combination of quasi-identifier values is shared by fewer than k records, the
 * ones a third party could single out. A cell that is not answered counts as its own value (its
 * state), so that "missing" cannot hide a unique record. The result lists rows and class sizes,
 * never the values themselves.
 *
 * @param k the minimum class size
 * @param quasiIdentifiers the variables combined
 * @param rows the number of records checked
 * @param classes the number of distinct combinations
 * @param risky the records in classes smaller than k, in row order
 */
public record KAnonymity(int k, List<String> quasiIdentifiers, int rows, int classes, List<Record> risky) {

  /**
   * A record in a small class.
   *
   * @param row the 0-based row of the data
   * @param classSize how many records share its combination (below k)
   */
  public record Record(int row, int classSize) {}

  /** Copies the lists. */
  public KAnonymity {
    quasiIdentifiers = List.copyOf(quasiIdentifiers);
    risky = List.copyOf(risky);
  }

  /**
   * Checks the data.
   *
   * @param data the survey data
   * @param quasiIdentifiers the variables, at least one
   * @param k the minimum class size, at least 2
   * @return the records at risk
   * @throws IllegalArgumentException naming a variable that is absent, or when k is below 2
   */
  public static KAnonymity check(SurveyData data, List<String> quasiIdentifiers, int k) {
    if (k < 2) {
      throw new IllegalArgumentException("k must be at least 2, got " + k);
    }
    if (quasiIdentifiers.isEmpty()) {
      throw new IllegalArgumentException("no quasi-identifiers given");
    }
    List<Column> cols = new ArrayList<>();
    for (String q : quasiIdentifiers) {
      cols.add(data.column(q));
    }
    Map<List<Object>, Integer> size = new HashMap<>();
    List<List<Object>> keys = new ArrayList<>(data.rowCount());
    for (int i = 0; i < data.rowCount(); i++) {
      List<Object> key = new ArrayList<>(cols.size());
      for (Column c : cols) {
        key.add(value(c, i));
      }
      keys.add(key);
      size.merge(key, 1, Integer::sum);
    }
    List<Record> risky = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      int s = size.get(keys.get(i));
      if (s < k) {
        risky.add(new Record(i, s));
      }
    }
    return new KAnonymity(k, quasiIdentifiers, data.rowCount(), size.size(), risky);
  }

  private static Object value(Column c, int row) {
    AnswerState s = c.state(row);
    if (s != AnswerState.ANSWERED) {
      return s;
    }
    if (c instanceof NumericColumn n) {
      return n.value(row);
    }
    if (c instanceof CategoricalColumn cat) {
      return cat.code(row);
    }
    if (c instanceof MultiSelectColumn m) {
      List<Long> words = new ArrayList<>(m.words());
      for (int w = 0; w < m.words(); w++) {
        words.add(m.word(row, w));
      }
      return words;
    }
    return ((TextColumn) c).text(row);
  }

  /**
   * Whether every record is in a class of at least k.
   *
   * @return true when no record is at risk
   */
  public boolean satisfied() {
    return risky.isEmpty();
  }
}
