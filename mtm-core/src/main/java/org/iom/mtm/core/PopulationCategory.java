package org.iom.mtm.core;

import java.util.Locale;

/**
 * The three target populations of an MTM baseline assessment, with IOM's definitions as the
 * Kazakhstan 2023 report states them.
 */
public enum PopulationCategory {
  /**
   * International migrant worker: a person who is to be engaged, is engaged or has been engaged in
   * a remunerated activity in a State of which he or she is not a national.
   */
  MIGRANT_WORKER(
      "migrant_worker",
      "International migrant worker",
      "A person who is to be engaged, is engaged or has been engaged in a remunerated activity in a"
          + " State of which he or she is not a national."),
  /**
   * Return migrant: a national who has come back to the country of origin after having been an
   * international migrant (short-term or long-term) in another country.
   */
  RETURN_MIGRANT(
      "return_migrant",
      "Return migrant",
      "A person returning to his or her country of nationality after having been an international"
          + " migrant in another country."),
  /** Emigrant: a person who moves from his or her country of nationality or usual residence. */
  EMIGRANT(
      "emigrant",
      "Emigrant",
      "From the perspective of the country of departure, a person who moves from his or her country"
          + " of nationality or usual residence to another country, so that the country of"
          + " destination effectively becomes his or her new country of usual residence.");

  private final String code;
  private final String label;
  private final String definition;

  PopulationCategory(String code, String label, String definition) {
    this.code = code;
    this.label = label;
    this.definition = definition;
  }

  /**
   * The code used in data files and result tables ({@code migrant_worker}, ...).
   *
   * @return the code
   */
  public String code() {
    return code;
  }

  /**
   * The English label.
   *
   * @return the label
   */
  public String label() {
    return label;
  }

  /**
   * IOM's definition.
   *
   * @return the definition
   */
  public String definition() {
    return definition;
  }

  /**
   * Parses a code ({@code migrant_worker}), case-insensitive, hyphens and spaces read as
   * underscores.
   *
   * @param code the code
   * @return the category
   * @throws IllegalArgumentException naming the value and the valid codes when unknown
   */
  public static PopulationCategory ofCode(String code) {
    String c = code.strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    for (PopulationCategory p : values()) {
      if (p.code.equals(c)) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "unknown population type '" + code + "': expected migrant_worker, return_migrant or emigrant");
  }
}
