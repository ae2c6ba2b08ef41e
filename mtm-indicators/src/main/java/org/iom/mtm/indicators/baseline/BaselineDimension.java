package org.iom.mtm.indicators.baseline;

import java.util.Locale;

/**
 * A variable baseline totals can be broken down by ({@code --by}): the region, the rayon or the
 * nationality. Years are always broken down (in {@code analysis_var_value}) and population
 * categories are kept apart (in {@code analysis_var}).
 */
public enum BaselineDimension {
  /** The region (oblast or city of republican significance): its p-code. */
  ADMIN1("admin1"),
  /** The rayon or city: its p-code. */
  ADMIN2("admin2"),
  /** The nationality: its ISO 3166-1 alpha-3 code. */
  NATIONALITY("nationality");

  private final String code;

  BaselineDimension(String code) {
    this.code = code;
  }

  /**
   * The name written in {@code group_var}.
   *
   * @return {@code admin1}, {@code admin2} or {@code nationality}
   */
  public String code() {
    return code;
  }

  /**
   * The value of this dimension in a cell.
   *
   * @param cell the cell
   * @return its p-code or nationality code
   */
  public String valueOf(ReconciledCell cell) {
    switch (this) {
      case ADMIN1:
        return cell.admin1Pcode();
      case ADMIN2:
        return cell.admin2Pcode();
      case NATIONALITY:
        return cell.nationality();
      default:
        throw new AssertionError(this);
    }
  }

  /**
   * Parses a name as given to {@code --by}; {@code oblast}, {@code region} and {@code province} read
   * as admin1, {@code rayon} and {@code district} as admin2.
   *
   * @param name the name, case-insensitive
   * @return the dimension
   * @throws IllegalArgumentException naming the value when unknown
   */
  public static BaselineDimension ofCode(String name) {
    String n = name.strip().toLowerCase(Locale.ROOT);
    switch (n) {
      case "admin1":
      case "admin1_pcode":
      case "oblast":
      case "region":
      case "province":
        return ADMIN1;
      case "admin2":
      case "admin2_pcode":
      case "rayon":
      case "district":
        return ADMIN2;
      case "nationality":
        return NATIONALITY;
      case "year":
      case "population_type":
        throw new IllegalArgumentException(
            "'" + name + "' is always broken down (years in analysis_var_value, population types in"
                + " analysis_var): use --from/--to or --population-type to choose");
      default:
        throw new IllegalArgumentException(
            "unknown baseline variable '" + name + "': expected admin1, admin2 or nationality");
    }
  }
}
