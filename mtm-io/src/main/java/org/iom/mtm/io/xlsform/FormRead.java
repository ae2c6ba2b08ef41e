package org.iom.mtm.io.xlsform;

import java.util.List;
import java.util.Objects;
import org.iom.mtm.core.form.Questionnaire;
import org.iom.mtm.io.ReadProblem;

/**
 * A questionnaire read from a form file, with what the reader skipped or changed on the way.
 *
 * @param form the questionnaire
 * @param warnings rows skipped (unknown types), duplicate choices dropped, names generated
 */
public record FormRead(Questionnaire form, List<ReadProblem> warnings) {
  /**
   * Copies.
   *
   * @throws NullPointerException when a part is null
   */
  public FormRead {
    Objects.requireNonNull(form, "form");
    warnings = List.copyOf(warnings);
  }
}
