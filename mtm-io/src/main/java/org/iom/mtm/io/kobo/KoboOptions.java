package org.iom.mtm.io.kobo;

import java.util.Objects;
import java.util.Set;
import org.iom.mtm.core.form.Questionnaire;
import org.iom.mtm.io.csv.CsvOptions;
import org.jspecify.annotations.Nullable;

/**
 * How to read KoBo data.
 *
 * @param form the questionnaire giving types, choice lists and skip logic; null to infer types
 * @param specialAnswers the codes read as "don't know" and "refused"
 * @param categorical names of text columns to read as categorical (select_one) with the levels
 *     seen, in sorted order, when there is no form (what {@code --prop V} needs)
 * @param multiSelect names of columns to read as select_multiple from their space-separated
 *     values when there is no form and no split columns (what {@code --multi V} needs)
 * @param csv how to tokenize CSV input
 * @param validate whether to check constraints and required answers too (what {@code mtm
 *     validate} asks), each failure an error in the report
 * @param columns the projection: the variables to read, by output column name (a select_multiple
 *     brings its split columns, a question the questions its skip logic refers to); null to read
 *     every column. Columns left out are still counted, so rows of the wrong length are still
 *     reported, but their cells are neither converted nor checked. What {@code mtm estimate}
 *     reads; {@code mtm validate} reads every column.
 */
public record KoboOptions(
    @Nullable Questionnaire form,
    SpecialAnswers specialAnswers,
    Set<String> categorical,
    Set<String> multiSelect,
    CsvOptions csv,
    boolean validate,
    @Nullable Set<String> columns) {

  /** No form, the default special answers, CSV dialect detected, no validation, every column. */
  public static final KoboOptions DEFAULT =
      new KoboOptions(null, SpecialAnswers.DEFAULT, Set.of(), Set.of(), CsvOptions.DETECT, false, null);

  /**
   * Options reading every column.
   *
   * @param form the questionnaire, or null
   * @param specialAnswers the codes read as "don't know" and "refused"
   * @param categorical text columns to read as categorical without a form
   * @param multiSelect columns to read as select_multiple without a form
   * @param csv how to tokenize CSV input
   * @param validate whether to check constraints and required answers too
   */
  public KoboOptions(@Nullable Questionnaire form, SpecialAnswers specialAnswers, Set<String> categorical,
      Set<String> multiSelect, CsvOptions csv, boolean validate) {
    this(form, specialAnswers, categorical, multiSelect, csv, validate, null);
  }

  /**
   * Validates and copies.
   *
   * @throws NullPointerException when a part other than the form is null
   */
  public KoboOptions {
    Objects.requireNonNull(specialAnswers, "specialAnswers");
    categorical = Set.copyOf(categorical);
    multiSelect = Set.copyOf(multiSelect);
    Objects.requireNonNull(csv, "csv");
    columns = columns == null ? null : Set.copyOf(columns);
  }

  /**
   * These options with a questionnaire.
   *
   * @param f the form, or null
   * @return new options
   */
  public KoboOptions withForm(@Nullable Questionnaire f) {
    return new KoboOptions(f, specialAnswers, categorical, multiSelect, csv, validate, columns);
  }

  /**
   * These options with other special answers.
   *
   * @param s the codes
   * @return new options
   */
  public KoboOptions withSpecialAnswers(SpecialAnswers s) {
    return new KoboOptions(form, s, categorical, multiSelect, csv, validate, columns);
  }

  /**
   * These options with columns read as categorical when there is no form.
   *
   * @param names the column names
   * @return new options
   */
  public KoboOptions withCategorical(Set<String> names) {
    return new KoboOptions(form, specialAnswers, names, multiSelect, csv, validate, columns);
  }

  /**
   * These options with columns read as select_multiple when there is no form.
   *
   * @param names the column names
   * @return new options
   */
  public KoboOptions withMultiSelect(Set<String> names) {
    return new KoboOptions(form, specialAnswers, categorical, names, csv, validate, columns);
  }

  /**
   * These options with another CSV dialect.
   *
   * @param c the CSV options
   * @return new options
   */
  public KoboOptions withCsv(CsvOptions c) {
    return new KoboOptions(form, specialAnswers, categorical, multiSelect, c, validate, columns);
  }

  /**
   * These options with validation on or off.
   *
   * @param v whether to check constraints and required answers
   * @return new options
   */
  public KoboOptions withValidation(boolean v) {
    return new KoboOptions(form, specialAnswers, categorical, multiSelect, csv, v, columns);
  }

  /**
   * These options reading only some variables (a projection) or every column.
   *
   * @param names the output column names to read (the analysed variables, the domains, the
   *     design variables), or null for every column
   * @return new options
   */
  public KoboOptions withColumns(@Nullable Set<String> names) {
    return new KoboOptions(form, specialAnswers, categorical, multiSelect, csv, validate, names);
  }
}
