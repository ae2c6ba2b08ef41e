package org.iom.mtm.core.baseline;

import java.util.Objects;
import org.iom.mtm.core.PopulationCategory;
import org.jspecify.annotations.Nullable;

/**
 * One count reported by one key informant: how many people of a population category and
 * nationality were present in a rayon (admin2) in a year. Several informants may report on the
 * same (admin2, population category, nationality, year); the analytics reconcile them.
 *
 * <p>Build with {@link #of}, which normalises and checks the values.
 *
 * @param admin1Pcode the region's p-code ({@code KAZ004}), upper case
 * @param admin2Pcode the rayon's p-code ({@code KAZ004001}), upper case
 * @param populationCategory the population category
 * @param nationality the ISO 3166-1 alpha-3 code of the nationality ({@code UZB}), upper case
 * @param year the year the count refers to
 * @param count the number of people, non-negative
 * @param informantId the key informant's id, or null when the file does not name one
 */
public record BaselineRecord(
    String admin1Pcode,
    String admin2Pcode,
    PopulationCategory populationCategory,
    String nationality,
    int year,
    long count,
    @Nullable String informantId) {

  /**
   * Checks the values; use {@link #of} to normalise them first.
   *
   * @throws IllegalArgumentException naming the value when a code is malformed, the year
   *     implausible or the count negative
   */
  public BaselineRecord {
    Objects.requireNonNull(populationCategory, "populationCategory");
    if (!admin1Pcode.equals(Codes.pcode("admin1 p-code", admin1Pcode))
        || !admin2Pcode.equals(Codes.pcode("admin2 p-code", admin2Pcode))
        || !nationality.equals(Codes.alpha3(nationality))
        || !Objects.equals(informantId, Codes.informantId(informantId))) {
      throw new IllegalArgumentException(
          "record not normalised (use BaselineRecord.of): " + admin1Pcode + ", " + admin2Pcode
              + ", " + nationality + ", informant " + informantId);
    }
    Codes.year(year);
    Codes.count(count);
  }

  /**
   * A record, with codes stripped and upper-cased.
   *
   * @param admin1Pcode the region's p-code
   * @param admin2Pcode the rayon's p-code
   * @param populationCategory the population category
   * @param nationality the ISO 3166-1 alpha-3 code
   * @param year the year, 1900 to 2100
   * @param count the number of people, non-negative
   * @param informantId the key informant's id, or null
   * @return the record
   * @throws IllegalArgumentException naming the value when a p-code is empty or not made of letters
   *     and digits, the nationality is not three letters, the year is outside 1900-2100, the
   *     count is negative or the informant id blank
   */
  public static BaselineRecord of(
      String admin1Pcode,
      String admin2Pcode,
      PopulationCategory populationCategory,
      String nationality,
      int year,
      long count,
      @Nullable String informantId) {
    return new BaselineRecord(
        Codes.pcode("admin1 p-code", admin1Pcode),
        Codes.pcode("admin2 p-code", admin2Pcode),
        populationCategory,
        Codes.alpha3(nationality),
        year,
        count,
        Codes.informantId(informantId));
  }
}
