package org.iom.mtm.core.respondent;

import java.util.Objects;

/**
 * One reason a record is not eligible: the rule it fails and why, in words a report can print.
 *
 * @param rule the name of the rule ({@code minimum_age})
 * @param reason why the record fails it ({@code age missing}, {@code age 16 under 18})
 */
public record Ineligibility(String rule, String reason) {

  /**
   * Checks the fields.
   *
   * @throws IllegalArgumentException when the rule name or the reason is blank
   */
  public Ineligibility {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(reason, "reason");
    if (rule.isBlank() || reason.isBlank()) {
      throw new IllegalArgumentException("blank rule '" + rule + "' or reason '" + reason + "'");
    }
  }
}
