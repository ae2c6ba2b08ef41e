package org.iom.mtm.cli.report;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.iom.mtm.indicators.result.AnalysisType;

/**
 * One analysis of a report: a statistic of one variable, for everyone and, where by-variables are
 * given, for each of their domains.
 *
 * @param section the report section it belongs to
 * @param title the figure's title
 * @param type {@code mean}, {@code median}, {@code prop_select_one} or {@code prop_select_multiple}
 * @param variable the analysed variable
 * @param by the by-variables, empty for the whole population only
 * @param published the figures the seed report prints for it, as text; empty when none
 */
public record Analysis(
    String section, String title, AnalysisType type, String variable, List<String> by, String published) {

  /** The statistics a report can ask for. */
  public static final Set<AnalysisType> TYPES =
      Set.of(AnalysisType.MEAN, AnalysisType.MEDIAN, AnalysisType.PROP_SELECT_ONE, AnalysisType.PROP_SELECT_MULTIPLE);

  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException naming the type when a report cannot compute it, or when the
   *     variable is blank
   */
  public Analysis {
    Objects.requireNonNull(type, "type");
    if (!TYPES.contains(type)) {
      throw new IllegalArgumentException(
          "analysis type '" + type.code() + "' of '" + variable + "' is not one of mean, median, prop_select_one, prop_select_multiple");
    }
    if (variable.isBlank()) {
      throw new IllegalArgumentException("analysis of type '" + type.code() + "' has a blank variable");
    }
    by = List.copyOf(by);
  }

  /**
   * An analysis.
   *
   * @param section the section
   * @param title the title
   * @param type the type's code ({@code prop_select_one}, ...)
   * @param variable the variable
   * @param by the by-variables
   * @return the analysis
   * @throws IllegalArgumentException naming the value when the type is unknown
   */
  public static Analysis of(String section, String title, String type, String variable, String... by) {
    return new Analysis(section, title, AnalysisType.ofCode(type), variable, List.of(by), "");
  }

  /**
   * This analysis with the figures the report prints.
   *
   * @param text the published figures
   * @return a new analysis
   */
  public Analysis published(String text) {
    return new Analysis(section, title, type, variable, by, text);
  }
}
