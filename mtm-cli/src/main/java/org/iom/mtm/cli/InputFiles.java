package org.iom.mtm.cli;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.Supplier;
import org.iom.mtm.core.data.SurveyData;
import org.iom.mtm.core.form.Questionnaire;
import org.iom.mtm.io.ReadException;
import org.iom.mtm.io.kobo.KoboOptions;
import org.iom.mtm.io.kobo.SurveyRead;
import org.iom.mtm.io.kobo.SurveyReader;
import org.iom.mtm.io.xlsform.XlsFormReader;
import org.jspecify.annotations.Nullable;

/**
 * Reading a command's input files, with every failure turned into bad input (exit 2) whose one
 * line names the file and, where the reader knows them, the line, column and value.
 */
final class InputFiles {
  private InputFiles() {}

  /** Survey data and where it came from. */
  record Survey(Path file, SurveyData data, SurveyRead read) {}

  /** Reads an XLSForm workbook, its CSV sheets or KoBo asset JSON. */
  static Questionnaire readForm(Path form) {
    requireFile(form, "--form");
    try {
      return XlsFormReader.read(form).form();
    } catch (ReadException e) {
      throw new InputException(e.getMessage(), e);
    } catch (IllegalArgumentException | UncheckedIOException e) {
      throw new InputException(form + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads a KoBo export: CSV (any delimiter and encoding, gzip ok), XLSX or API JSON.
   *
   * @param categorical variables to read as select_one without a form
   * @param multiSelect variables to read as select_multiple without a form
   */
  static Survey readSurvey(Path data, @Nullable Path form, Set<String> categorical, Set<String> multiSelect) {
    return readSurvey(data, form, categorical, multiSelect, null);
  }

  /**
   * Reads the variables a command needs from a KoBo export: the other columns are counted (a row
   * of the wrong length is still reported) but neither converted nor checked.
   *
   * @param categorical variables to read as select_one without a form
   * @param multiSelect variables to read as select_multiple without a form
   * @param columns the variables to read (with what their skip logic refers to), or null for all
   */
  static Survey readSurvey(Path data, @Nullable Path form, Set<String> categorical, Set<String> multiSelect,
      @Nullable Set<String> columns) {
    requireFile(data, "--data");
    // The data file is opened first: a gzip file decompresses in its own thread while the form
    // is read. A bad form is still reported before a bad data file.
    java.util.function.Supplier<KoboOptions> options = () ->
        KoboOptions.DEFAULT
            .withForm(form == null ? null : readForm(form))
            .withCategorical(categorical)
            .withMultiSelect(multiSelect)
            .withColumns(columns);
    try {
      SurveyRead read = SurveyReader.read(data, options);
      return new Survey(data, read.data(), read);
    } catch (ReadException e) {
      throw new InputException(e.getMessage(), e);
    } catch (IllegalArgumentException | UncheckedIOException e) {
      throw new InputException(data + ": " + e.getMessage(), e);
    }
  }

  /**
   * Runs a computation on a file's data, turning the library's {@link IllegalArgumentException}
   * (an unknown variable, a negative weight, a lonely PSU under {@code fail}) into bad input that
   * names the file.
   */
  static <T> T inFile(Path file, Supplier<T> work) {
    try {
      return work.get();
    } catch (InputException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new InputException(file + ": " + e.getMessage(), e);
    }
  }

  private static void requireFile(Path file, String option) {
    if (!Files.isRegularFile(file)) {
      throw new InputException(option + ": " + file + ": no such file");
    }
  }
}
