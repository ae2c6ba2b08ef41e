package org.iom.mtm.core.respondent;

import java.util.Objects;
import org.iom.mtm.core.Round;
import org.iom.mtm.core.Sex;
import org.iom.mtm.core.geo.Country;
import org.jspecify.annotations.Nullable;

/**
 * The attributes of one survey record that eligibility screening looks at. A null attribute is one
 * the record does not give (not asked, refused, don't know or missing): screening names it as its
 * own reason, never as a failed criterion.
 *
 * @param id the record's identifier (KoBo {@code _uuid} or {@code _id}), not blank
 * @param age the age in completed years, or null when the record gives none
 * @param sex the sex, or null
 * @param nationality the nationality, or null
 * @param round the round the record belongs to
 * @param previouslyInterviewed whether the respondent says they were interviewed before in this
 *     round
 */
public record Respondent(
    String id,
    @Nullable Integer age,
    @Nullable Sex sex,
    @Nullable Country nationality,
    Round round,
    boolean previouslyInterviewed) {

  /** The oldest age accepted as data rather than a typing error. */
  public static final int MAX_AGE = 130;

  /**
   * Checks the record.
   *
   * @throws IllegalArgumentException naming the record and value when the id is blank or the age
   *     is negative or above {@link #MAX_AGE}
   */
  public Respondent {
    Objects.requireNonNull(id, "respondent id");
    Objects.requireNonNull(round, "round");
    if (id.isBlank()) {
      throw new IllegalArgumentException("respondent id is blank: '" + id + "'");
    }
    if (age != null && (age < 0 || age > MAX_AGE)) {
      throw new IllegalArgumentException(
          "respondent " + id + ": age " + age + " is outside 0.." + MAX_AGE);
    }
  }
}
