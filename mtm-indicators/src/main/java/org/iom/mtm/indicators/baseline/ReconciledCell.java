package org.iom.mtm.indicators.baseline;

import org.iom.mtm.core.PopulationCategory;

/**
 * The reconciled count of one cell: a rayon, population category, nationality and year, over the
 * key informants who reported on it.
 *
 * @param admin1Pcode the region's p-code
 * @param admin2Pcode the rayon's p-code
 * @param populationCategory the population category
 * @param nationality the ISO 3166-1 alpha-3 code
 * @param year the year
 * @param value the reconciled count (a median of two counts may end in .5)
 * @param min the smallest informant count
 * @param max the largest informant count
 * @param reports the number of informant reports
 * @param disagreement whether the informants disagree beyond the configured ratio
 */
public record ReconciledCell(
    String admin1Pcode,
    String admin2Pcode,
    PopulationCategory populationCategory,
    String nationality,
    int year,
    double value,
    double min,
    double max,
    int reports,
    boolean disagreement) {

  /**
   * Checks the values.
   *
   * @throws IllegalArgumentException when the value lies outside [min, max] or there is no report
   */
  public ReconciledCell {
    if (reports < 1) {
      throw new IllegalArgumentException("a reconciled cell needs at least one report, got " + reports);
    }
    if (!(min >= 0 && min <= value && value <= max) || !Double.isFinite(max)) {
      throw new IllegalArgumentException(
          "reconciled value " + value + " outside the informants' range [" + min + ", " + max + "]");
    }
  }

  /**
   * The cell's coordinates, for messages.
   *
   * @return {@code KAZ004001 / migrant_worker / UZB / 2022}
   */
  public String describe() {
    return admin2Pcode + " / " + populationCategory.code() + " / " + nationality + " / " + year;
  }
}
