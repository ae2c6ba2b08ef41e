package org.iom.mtm.core.baseline;

import java.util.Objects;
import org.iom.mtm.core.PopulationCategory;
import org.jspecify.annotations.Nullable;

/**
 * A total a baseline file states beside its parts: the count of a region (admin2 absent), of the
 * whole country (admin1 and admin2 absent), or over all nationalities (nationality absent). The
 * analytics check it against the sum of the reconciled parts; it is never added to them.
 *
 * @param admin1Pcode the region's p-code, or null for the whole country
 * @param admin2Pcode the rayon's p-code, or null for a region or country total
 * @param populationCategory the population category
 * @param nationality the ISO 3166-1 alpha-3 code, or null for all nationalities
 * @param year the year
 * @param count the declared number of people, non-negative
 * @param informantId the key informant who declared it, or null
 */
public record DeclaredTotal(
    @Nullable String admin1Pcode,
    @Nullable String admin2Pcode,
    PopulationCategory populationCategory,
    @Nullable String nationality,
    int year,
    long count,
    @Nullable String informantId) {

  /**
   * Checks the values; use {@link #of} to normalise them first.
   *
   * @throws IllegalArgumentException naming the value when a code is malformed, a rayon is given
   *     without its region, nothing is aggregated (a rayon and a nationality are both given: that
   *     is a {@link BaselineRecord}), the year is implausible or the count negative
   */
  public DeclaredTotal {
    Objects.requireNonNull(populationCategory, "populationCategory");
    if (admin1Pcode != null && !admin1Pcode.equals(Codes.pcode("admin1 p-code", admin1Pcode))
        || admin2Pcode != null && !admin2Pcode.equals(Codes.pcode("admin2 p-code", admin2Pcode))
        || nationality != null && !nationality.equals(Codes.alpha3(nationality))
        || !Objects.equals(informantId, Codes.informantId(informantId))) {
      throw new IllegalArgumentException(
          "declared total not normalised (use DeclaredTotal.of): " + admin1Pcode + ", "
              + admin2Pcode + ", " + nationality + ", informant " + informantId);
    }
    if (admin2Pcode != null && admin1Pcode == null) {
      throw new IllegalArgumentException(
          "declared total names rayon " + admin2Pcode + " without its region (admin1 p-code)");
    }
    if (admin2Pcode != null && nationality != null) {
      throw new IllegalArgumentException(
          "rayon " + admin2Pcode + " and nationality " + nationality
              + " are both given: that is a count, not a total");
    }
    Codes.year(year);
    Codes.count(count);
  }

  /**
   * A declared total, with codes stripped and upper-cased; blank codes read as absent.
   *
   * @param admin1Pcode the region's p-code, or null (or blank) for the country
   * @param admin2Pcode the rayon's p-code, or null (or blank) for a region or the country
   * @param populationCategory the population category
   * @param nationality the alpha-3 code, or null (or blank) for all nationalities
   * @param year the year, 1900 to 2100
   * @param count the declared count, non-negative
   * @param informantId the informant's id, or null
   * @return the total
   * @throws IllegalArgumentException naming the value when a code is malformed, a rayon comes
   *     without its region, both rayon and nationality are given, the year is implausible or the
   *     count negative
   */
  public static DeclaredTotal of(
      @Nullable String admin1Pcode,
      @Nullable String admin2Pcode,
      PopulationCategory populationCategory,
      @Nullable String nationality,
      int year,
      long count,
      @Nullable String informantId) {
    return new DeclaredTotal(
        blank(admin1Pcode) ? null : Codes.pcode("admin1 p-code", admin1Pcode),
        blank(admin2Pcode) ? null : Codes.pcode("admin2 p-code", admin2Pcode),
        populationCategory,
        blank(nationality) ? null : Codes.alpha3(nationality),
        year,
        count,
        Codes.informantId(informantId));
  }

  private static boolean blank(@Nullable String s) {
    return s == null || s.isBlank();
  }

  /**
   * What the total covers, for messages: {@code KAZ004 / migrant_worker / all nationalities /
   * 2022}.
   *
   * @return a short description
   */
  public String describe() {
    String area = admin2Pcode != null ? admin2Pcode : admin1Pcode != null ? admin1Pcode : "country";
    return area + " / " + populationCategory.code() + " / "
        + (nationality == null ? "all nationalities" : nationality) + " / " + year;
  }
}
