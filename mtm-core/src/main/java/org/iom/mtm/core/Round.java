package org.iom.mtm.core;

import java.util.Objects;

/**
 * A round of MTM data collection: an identifier and the period it covers. Screening checks that a
 * respondent was not interviewed before in the same round.
 *
 * @param id the round's identifier, not blank ({@code KAZ-2023-R1})
 * @param period the days of data collection
 */
public record Round(String id, ReferencePeriod period) {

  /**
   * Checks the identifier.
   *
   * @throws IllegalArgumentException naming the value when the identifier is blank
   */
  public Round {
    Objects.requireNonNull(id, "round id");
    Objects.requireNonNull(period, "period");
    if (id.isBlank()) {
      throw new IllegalArgumentException("round id is blank: '" + id + "'");
    }
  }

  /**
   * A round from ISO dates.
   *
   * @param id the identifier
   * @param start the first day, {@code 2022-12-01}
   * @param end the last day
   * @return the round
   * @throws IllegalArgumentException naming the value when the id is blank or a date is bad
   */
  public static Round of(String id, String start, String end) {
    return new Round(id, ReferencePeriod.of(start, end));
  }

  /**
   * The round of IOM's MTM baseline assessment and survey of international migrant workers in
   * Kazakhstan, whose data were collected December 2022 to February 2023 (the report gives the
   * months, not the days: the period spans the whole months).
   *
   * @return round {@code KAZ-2023-R1}, 2022-12-01 to 2023-02-28
   */
  public static Round mtmKazakhstan2023() {
    return of("KAZ-2023-R1", "2022-12-01", "2023-02-28");
  }
}
