package org.iom.mtm.core;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * The days a round of data collection covers, both ends included.
 *
 * @param start the first day
 * @param end the last day, not before the first
 */
public record ReferencePeriod(LocalDate start, LocalDate end) {

  /**
   * Checks the order of the days.
   *
   * @throws IllegalArgumentException naming both days when the end is before the start
   */
  public ReferencePeriod {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("reference period ends " + end + " before it starts " + start);
    }
  }

  /**
   * A period between two ISO dates.
   *
   * @param start the first day, {@code 2022-12-01}
   * @param end the last day, {@code 2023-02-28}
   * @return the period
   * @throws IllegalArgumentException naming the value when a date cannot be read or the end is
   *     before the start
   */
  public static ReferencePeriod of(String start, String end) {
    return new ReferencePeriod(date(start), date(end));
  }

  /**
   * Reads an ISO 8601 interval of dates, {@code 2022-12-01/2023-02-28}.
   *
   * @param interval the interval
   * @return the period
   * @throws IllegalArgumentException naming the value when it is not two dates joined by
   *     {@code /}
   */
  public static ReferencePeriod parse(String interval) {
    Objects.requireNonNull(interval, "interval");
    String[] parts = interval.strip().split("/", -1);
    if (parts.length != 2) {
      throw new IllegalArgumentException(
          "reference period '" + interval + "' is not two dates joined by '/' (2022-12-01/2023-02-28)");
    }
    return of(parts[0], parts[1]);
  }

  private static LocalDate date(String text) {
    Objects.requireNonNull(text, "date");
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + text + "' is not an ISO date (yyyy-mm-dd)", e);
    }
  }

  /**
   * Whether a day falls in the period.
   *
   * @param day the day
   * @return true when {@code start <= day <= end}
   */
  public boolean contains(LocalDate day) {
    return !day.isBefore(start) && !day.isAfter(end);
  }

  /**
   * The number of days covered, both ends included.
   *
   * @return at least 1
   */
  public long days() {
    return end.toEpochDay() - start.toEpochDay() + 1;
  }

  /**
   * The period as an ISO 8601 interval.
   *
   * @return {@code start/end}
   */
  @Override
  public String toString() {
    return start + "/" + end;
  }
}
