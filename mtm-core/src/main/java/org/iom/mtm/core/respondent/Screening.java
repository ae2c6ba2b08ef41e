package org.iom.mtm.core.respondent;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of screening one record: eligible, or every reason it is not (all the rules it
 * fails, in the criteria's order, not only the first).
 *
 * @param respondent the record screened
 * @param reasons the reasons it is not eligible; empty when eligible
 */
public record Screening(Respondent respondent, List<Ineligibility> reasons) {

  /** Copies the reasons. */
  public Screening {
    Objects.requireNonNull(respondent, "respondent");
    reasons = List.copyOf(reasons);
  }

  /**
   * Whether the record passes every rule.
   *
   * @return true when there is no reason against it
   */
  public boolean eligible() {
    return reasons.isEmpty();
  }

  /**
   * The names of the rules the record fails.
   *
   * @return an immutable list in the criteria's order
   */
  public List<String> failedRules() {
    return reasons.stream().map(Ineligibility::rule).toList();
  }
}
