package org.iom.mtm.core.geo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.iom.mtm.core.NearestNames;

/**
 * A country by its ISO 3166-1 codes, for nationality and destination. The code list is the JDK's
 * own ({@link Locale#getISOCountries(Locale.IsoCountryCode)}), not a hand table; the English name
 * is the JDK's, and {@link #resolve(String)} also knows the names reports use instead ({@code
 * Russian Federation}, {@code Kyrgyz Republic}, {@code Türkiye}, {@code South Korea}, ...).
 *
 * @param alpha3 the ISO 3166-1 alpha-3 code ({@code UZB})
 * @param alpha2 the ISO 3166-1 alpha-2 code ({@code UZ})
 * @param name the English name as the JDK gives it ({@code Uzbekistan})
 */
public record Country(String alpha3, String alpha2, String name) {
  private static final Map<String, Country> BY_ALPHA3;
  private static final Map<String, Country> BY_ALPHA2;
  private static final Map<String, Country> BY_NAME;
  private static final List<Country> ALL;

  /** Names reports use beside the JDK's English names, by alpha-3 code. */
  private static final Map<String, List<String>> ALTERNATIVE_NAMES =
      Map.ofEntries(
          Map.entry("RUS", List.of("Russian Federation", "Russia", "Rossiya")),
          Map.entry("KGZ", List.of("Kyrgyz Republic", "Kyrgyzstan", "Kirghizia", "Kirgizia")),
          Map.entry("TUR", List.of("Türkiye", "Turkiye", "Turkey", "Republic of Türkiye")),
          Map.entry("KOR", List.of("Korea", "South Korea", "Republic of Korea", "Korea, Republic of", "Korea (South)")),
          Map.entry("PRK", List.of("North Korea", "Democratic People's Republic of Korea", "DPRK")),
          Map.entry("USA", List.of("USA", "US", "United States", "United States of America", "America")),
          Map.entry("GBR", List.of("UK", "United Kingdom", "Great Britain", "Britain", "England")),
          Map.entry("MDA", List.of("Moldova", "Republic of Moldova", "Moldova, Republic of")),
          Map.entry("IRN", List.of("Iran", "Islamic Republic of Iran", "Iran, Islamic Republic of", "Iran (Islamic Republic of)")),
          Map.entry("KAZ", List.of("Kazakhstan", "Republic of Kazakhstan", "Qazaqstan")),
          Map.entry("UZB", List.of("Uzbekistan", "Republic of Uzbekistan", "Ozbekiston")),
          Map.entry("TJK", List.of("Tajikistan", "Republic of Tajikistan", "Tadjikistan")),
          Map.entry("TKM", List.of("Turkmenistan")),
          Map.entry("AZE", List.of("Azerbaijan", "Republic of Azerbaijan")),
          Map.entry("BLR", List.of("Belarus", "Republic of Belarus", "Byelorussia")),
          Map.entry("CHN", List.of("China", "People's Republic of China", "PRC")),
          Map.entry("CZE", List.of("Czechia", "Czech Republic")),
          Map.entry("VNM", List.of("Viet Nam", "Vietnam")),
          Map.entry("SYR", List.of("Syria", "Syrian Arab Republic")),
          Map.entry("LAO", List.of("Laos", "Lao People's Democratic Republic", "Lao PDR")),
          Map.entry("TZA", List.of("Tanzania", "United Republic of Tanzania")),
          Map.entry("BOL", List.of("Bolivia", "Plurinational State of Bolivia")),
          Map.entry("VEN", List.of("Venezuela", "Bolivarian Republic of Venezuela")),
          Map.entry("PSE", List.of("Palestine", "State of Palestine", "Palestinian Territories")),
          Map.entry("MKD", List.of("North Macedonia", "Macedonia")),
          Map.entry("COD", List.of("DR Congo", "Democratic Republic of the Congo", "Congo (Kinshasa)")),
          Map.entry("COG", List.of("Republic of the Congo", "Congo (Brazzaville)")),
          Map.entry("CIV", List.of("Côte d'Ivoire", "Ivory Coast")),
          Map.entry("SWZ", List.of("Eswatini", "Swaziland")),
          Map.entry("MMR", List.of("Myanmar", "Burma")),
          Map.entry("DEU", List.of("Germany", "Federal Republic of Germany")),
          Map.entry("AFG", List.of("Afghanistan", "Islamic Republic of Afghanistan")),
          Map.entry("GEO", List.of("Georgia")),
          Map.entry("ARM", List.of("Armenia", "Republic of Armenia")),
          Map.entry("IND", List.of("India", "Republic of India")),
          Map.entry("PAK", List.of("Pakistan", "Islamic Republic of Pakistan")),
          Map.entry("UKR", List.of("Ukraine")),
          Map.entry("MNG", List.of("Mongolia")),
          Map.entry("ARE", List.of("UAE", "United Arab Emirates", "Emirates")));

  static {
    Map<String, Country> a3 = new LinkedHashMap<>();
    Map<String, Country> a2 = new HashMap<>();
    for (String code2 : Locale.getISOCountries()) {
      Locale l = new Locale("", code2);
      String code3 = l.getISO3Country();
      if (code3.isEmpty()) {
        continue;
      }
      Country c = new Country(code3, code2, l.getDisplayCountry(Locale.ENGLISH));
      a3.put(code3, c);
      a2.put(code2, c);
    }
    Map<String, Country> byName = new HashMap<>();
    for (Country c : a3.values()) {
      byName.putIfAbsent(PlaceNames.key(c.name()), c);
    }
    ALTERNATIVE_NAMES.forEach(
        (code, names) -> {
          Country c = a3.get(code);
          if (c != null) {
            for (String n : names) {
              byName.put(PlaceNames.key(n), c);
            }
          }
        });
    List<Country> all = new ArrayList<>(a3.values());
    all.sort(Comparator.comparing(Country::alpha3));
    BY_ALPHA3 = a3;
    BY_ALPHA2 = a2;
    BY_NAME = byName;
    ALL = List.copyOf(all);
  }

  /**
   * Checks the codes' shape.
   *
   * @throws IllegalArgumentException naming the value when a code is not three or two upper-case
   *     letters, or the name is blank
   */
  public Country {
    Objects.requireNonNull(alpha3, "alpha3");
    Objects.requireNonNull(alpha2, "alpha2");
    Objects.requireNonNull(name, "name");
    if (!alpha3.matches("[A-Z]{3}")) {
      throw new IllegalArgumentException("'" + alpha3 + "' is not an ISO 3166-1 alpha-3 code");
    }
    if (!alpha2.matches("[A-Z]{2}")) {
      throw new IllegalArgumentException("'" + alpha2 + "' is not an ISO 3166-1 alpha-2 code");
    }
    if (name.isBlank()) {
      throw new IllegalArgumentException("country " + alpha3 + ": blank name '" + name + "'");
    }
  }

  /**
   * A country by its alpha-3 code, ignoring case.
   *
   * @param alpha3 the code ({@code UZB})
   * @return the country
   * @throws IllegalArgumentException naming the value and the nearest codes when the JDK's list
   *     lacks it
   */
  public static Country of(String alpha3) {
    Objects.requireNonNull(alpha3, "alpha3");
    Country c = BY_ALPHA3.get(alpha3.strip().toUpperCase(Locale.ROOT));
    if (c == null) {
      throw new IllegalArgumentException(
          "'" + alpha3 + "' is not an ISO 3166-1 alpha-3 country code; "
              + NearestNames.suggest(alpha3.strip().toUpperCase(Locale.ROOT), BY_ALPHA3.keySet(), 3));
    }
    return c;
  }

  /**
   * A country by alpha-3 code, alpha-2 code, English name or a name reports use, ignoring case,
   * accents and punctuation.
   *
   * @param text the code or name
   * @return the country, or empty when nothing matches
   */
  public static Optional<Country> find(String text) {
    Objects.requireNonNull(text, "country");
    String code = text.strip().toUpperCase(Locale.ROOT);
    Country c = BY_ALPHA3.get(code);
    if (c == null && code.length() == 2) {
      c = BY_ALPHA2.get(code);
    }
    if (c == null) {
      c = BY_NAME.get(PlaceNames.key(text));
    }
    return Optional.ofNullable(c);
  }

  /**
   * A country by alpha-3 code, alpha-2 code, English name or a name reports use ({@code Kyrgyz
   * Republic}, {@code Russia}, {@code Turkey}), ignoring case, accents and punctuation.
   *
   * @param text the code or name
   * @return the country
   * @throws IllegalArgumentException naming the value and the 3 nearest names when unknown
   */
  public static Country resolve(String text) {
    return find(text)
        .orElseThrow(
            () -> {
              List<String> names = new ArrayList<>();
              ALL.forEach(c -> names.add(c.name()));
              ALTERNATIVE_NAMES.values().forEach(names::addAll);
              return new IllegalArgumentException(
                  "unknown country '" + text + "'; "
                      + NearestNames.suggest(text, names, 3)
                      + " (or give an ISO 3166-1 alpha-3 code)");
            });
  }

  /**
   * Every country of the JDK's ISO 3166-1 list, by alpha-3 code.
   *
   * @return an immutable list
   */
  public static List<Country> all() {
    return ALL;
  }

  /**
   * The names reports use for this country beside its English name.
   *
   * @return an immutable list, empty when none is known
   */
  public List<String> alternativeNames() {
    return ALTERNATIVE_NAMES.getOrDefault(alpha3, List.of());
  }

  /**
   * Whether this is the given country.
   *
   * @param code an alpha-3 code
   * @return true when the codes are equal ignoring case
   */
  public boolean is(String code) {
    return alpha3.equalsIgnoreCase(code.strip());
  }
}
