package org.iom.mtm.io.plan;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One analysis of a plan, IMPACT style: a statistic of one variable, by some variables.
 *
 * @param type the analysis type's code ({@code mean}, {@code median}, {@code prop_select_one},
 *     {@code prop_select_multiple})
 * @param variable the analysed variable
 * @param by the by-variables, possibly empty
 * @param title a title for tables and charts, or null
 * @param section the report section, or null
 */
public record PlannedAnalysis(String type, String variable, List<String> by, @Nullable String title, @Nullable String section) {

  /** Copies the list. */
  public PlannedAnalysis {
    by = List.copyOf(by);
  }
}
