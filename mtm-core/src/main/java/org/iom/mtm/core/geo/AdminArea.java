package org.iom.mtm.core.geo;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An administrative area: a country (level 0), a region (admin1, oblast), a district or city
 * (admin2, rayon), and so on down.
 *
 * @param pcode the OCHA p-code ({@code KAZ011}, {@code KAZ011005}); for a country its ISO 3166-1
 *     alpha-3 code ({@code KAZ})
 * @param name the English name as the p-code list publishes it
 * @param level 0 for a country, 1 for admin1, 2 for admin2, ...
 * @param parentPcode the p-code of the enclosing area, or null at the top of a gazetteer
 * @param iso the current ISO 3166-2 code ({@code KZ-35}) of an admin1 area, or null
 * @param isoLegacy the earlier ISO 3166-2 code ({@code KZ-KAR}) that older files carry, or null
 * @param alternativeNames other spellings reports use ({@code Karagandy}), in no particular order
 */
public record AdminArea(
    String pcode,
    String name,
    int level,
    @Nullable String parentPcode,
    @Nullable String iso,
    @Nullable String isoLegacy,
    List<String> alternativeNames) {

  /**
   * Checks the area.
   *
   * @throws IllegalArgumentException naming the value when the p-code or name is blank, the level
   *     negative, a level-0 area has a parent, or the area is its own parent
   */
  public AdminArea {
    Objects.requireNonNull(pcode, "pcode");
    Objects.requireNonNull(name, "name");
    if (pcode.isBlank() || !pcode.equals(pcode.strip())) {
      throw new IllegalArgumentException("p-code '" + pcode + "' is blank or has surrounding blanks");
    }
    if (name.isBlank()) {
      throw new IllegalArgumentException("area " + pcode + ": name '" + name + "' is blank");
    }
    if (level < 0) {
      throw new IllegalArgumentException("area " + pcode + ": level " + level + " is negative");
    }
    parentPcode = blankToNull(parentPcode);
    iso = blankToNull(iso);
    isoLegacy = blankToNull(isoLegacy);
    if (level == 0 && parentPcode != null) {
      throw new IllegalArgumentException(
          "area " + pcode + " is at level 0 but has parent '" + parentPcode + "'");
    }
    if (pcode.equals(parentPcode)) {
      throw new IllegalArgumentException("area " + pcode + " is its own parent");
    }
    alternativeNames =
        alternativeNames.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
  }

  /**
   * An area without ISO codes or alternative names.
   *
   * @param pcode the p-code
   * @param name the name
   * @param level the level
   * @param parentPcode the parent's p-code, or null
   * @return the area
   * @throws IllegalArgumentException as the canonical constructor does
   */
  public static AdminArea of(String pcode, String name, int level, @Nullable String parentPcode) {
    return new AdminArea(pcode, name, level, parentPcode, null, null, List.of());
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
