package org.iom.mtm.io.xlsform;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.iom.mtm.core.form.Questionnaire;
import org.iom.mtm.io.ReadProblem;

/**
 * A questionnaire read from a form file, with what the reader skipped or changed on the way.
 *
 * @param form the questionnaire
 * @param warnings rows skipped (unknown types), duplicate choices dropped, names generated
 * @param repeatedChoices per choice list, the names that stood on more than one row (cascading
 *     lists repeat "other" under each parent); the form keeps the first row of each, so a {@code
 *     choice_filter} cannot be judged for them
 */
public record FormRead(Questionnaire form, List<ReadProblem> warnings, Map<String, Set<String>> repeatedChoices) {
  /**
   * Copies.
   *
   * @throws NullPointerException when a part is null
   */
  public FormRead {
    Objects.requireNonNull(form, "form");
    warnings = List.copyOf(warnings);
    repeatedChoices = Map.copyOf(repeatedChoices);
  }

  /**
   * A form without repeated choice names.
   *
   * @param form the questionnaire
   * @param warnings what the reader skipped or changed
   */
  public FormRead(Questionnaire form, List<ReadProblem> warnings) {
    this(form, warnings, Map.of());
  }
}
