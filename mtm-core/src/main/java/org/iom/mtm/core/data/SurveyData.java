package org.iom.mtm.core.data;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Survey data held by column: every variable the same number of rows, each cell with its
 * {@link AnswerState}. Immutable once built. The statistics of mtm-indicators run on it in one
 * pass.
 */
public final class SurveyData {
  private final int rowCount;
  private final Map<String, Column> columns;

  private SurveyData(int rowCount, Map<String, Column> columns) {
    this.rowCount = rowCount;
    this.columns = columns;
  }

  /**
   * Assembles columns of equal length.
   *
   * @param columns the columns, names distinct
   * @return the data
   * @throws IllegalArgumentException naming the column when names repeat or lengths differ
   */
  public static SurveyData of(List<? extends Column> columns) {
    Map<String, Column> map = new LinkedHashMap<>();
    int rows = columns.isEmpty() ? 0 : columns.get(0).size();
    for (Column c : columns) {
      if (c.size() != rows) {
        throw new IllegalArgumentException(
            "column '" + c.name() + "' has " + c.size() + " rows, column '" + columns.get(0).name()
                + "' has " + rows);
      }
      if (map.putIfAbsent(c.name(), c) != null) {
        throw new IllegalArgumentException("column '" + c.name() + "' appears twice");
      }
    }
    return new SurveyData(rows, java.util.Collections.unmodifiableMap(map));
  }

  /**
   * Assembles columns of equal length.
   *
   * @param columns the columns, names distinct
   * @return the data
   * @throws IllegalArgumentException naming the column when names repeat or lengths differ
   */
  public static SurveyData of(Column... columns) {
    return of(List.of(columns));
  }

  /**
   * The number of rows (respondents, or repeat instances).
   *
   * @return the row count
   */
  public int rowCount() {
    return rowCount;
  }

  /**
   * The columns in their order.
   *
   * @return an immutable list
   */
  public List<Column> columns() {
    return List.copyOf(columns.values());
  }

  /**
   * The column names in their order.
   *
   * @return an immutable list
   */
  public List<String> names() {
    return List.copyOf(columns.keySet());
  }

  /**
   * A column by name, if present.
   *
   * @param name the variable name
   * @return the column or empty
   */
  public Optional<Column> find(String name) {
    return Optional.ofNullable(columns.get(name));
  }

  /**
   * A column by name.
   *
   * @param name the variable name
   * @return the column
   * @throws IllegalArgumentException naming the variable and the columns there are
   */
  public Column column(String name) {
    Column c = columns.get(name);
    if (c == null) {
      throw new IllegalArgumentException("no variable '" + name + "' in the data; variables are " + columns.keySet());
    }
    return c;
  }

  /**
   * A numeric column by name.
   *
   * @param name the variable name
   * @return the column
   * @throws IllegalArgumentException when absent or not numeric, naming the variable
   */
  public NumericColumn numeric(String name) {
    return typed(name, NumericColumn.class, "numeric");
  }

  /**
   * A categorical column by name.
   *
   * @param name the variable name
   * @return the column
   * @throws IllegalArgumentException when absent or not categorical, naming the variable
   */
  public CategoricalColumn categorical(String name) {
    return typed(name, CategoricalColumn.class, "categorical (select_one)");
  }

  /**
   * A select_multiple column by name.
   *
   * @param name the variable name
   * @return the column
   * @throws IllegalArgumentException when absent or not select_multiple, naming the variable
   */
  public MultiSelectColumn multiSelect(String name) {
    return typed(name, MultiSelectColumn.class, "select_multiple");
  }

  /**
   * A text column by name.
   *
   * @param name the variable name
   * @return the column
   * @throws IllegalArgumentException when absent or not text, naming the variable
   */
  public TextColumn text(String name) {
    return typed(name, TextColumn.class, "text");
  }

  private <T extends Column> T typed(String name, Class<T> type, String what) {
    Column c = column(name);
    if (!type.isInstance(c)) {
      throw new IllegalArgumentException(
          "variable '" + name + "' is " + c.getClass().getSimpleName() + ", not " + what);
    }
    return type.cast(c);
  }

  @Override
  public String toString() {
    return "SurveyData[" + rowCount + " rows, " + columns.size() + " columns " + columns.keySet() + "]";
  }
}
