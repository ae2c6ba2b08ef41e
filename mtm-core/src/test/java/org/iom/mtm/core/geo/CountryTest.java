package org.iom.mtm.core.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CountryTest {

  @Test
  void theNationalitiesMtmKazakhstanReportsAllResolve() throws IOException {
    // src/test/resources/.../nationalities_iso3166.csv: copied from shared/data (ISO 3166-1).
    try (Reader r = new InputStreamReader(
        CountryTest.class.getResourceAsStream("nationalities_iso3166.csv"), StandardCharsets.UTF_8)) {
      List<CsvRecords.Row> rows = CsvRecords.read(r, "nationalities_iso3166.csv");
      assertEquals(23, rows.size());
      for (CsvRecords.Row row : rows.subList(1, rows.size())) {
        List<String> f = row.fields();
        Country c = Country.of(f.get(0));
        assertEquals(f.get(1), c.alpha2(), f.get(0));
        assertEquals(c, Country.resolve(f.get(1)));
        assertEquals(c, Country.resolve(f.get(3)), f.get(3));
        for (String other : List.of(f.get(4), f.get(5))) {
          if (!other.isEmpty()) {
            assertEquals(c, Country.resolve(other), other);
          }
        }
      }
    }
  }

  @ParameterizedTest
  @CsvSource({
    "Russian Federation, RUS",
    "Russia, RUS",
    "Kyrgyzstan, KGZ",
    "Kyrgyz Republic, KGZ",
    "Türkiye, TUR",
    "Turkiye, TUR",
    "Turkey, TUR",
    "Korea, KOR",
    "South Korea, KOR",
    "Republic of Korea, KOR",
    "USA, USA",
    "United States, USA",
    "UK, GBR",
    "United Kingdom, GBR",
    "Moldova, MDA",
    "uzbekistan, UZB",
    "UZB, UZB",
    "uz, UZB",
    "Tajikistan, TJK",
    "Azerbaijan, AZE",
    "Georgia, GEO",
  })
  void namesReportsUse(String name, String alpha3) {
    assertEquals(alpha3, Country.resolve(name).alpha3());
  }

  @Provide
  Arbitrary<Country> countries() {
    return Arbitraries.of(Country.all());
  }

  @Property
  void everyJdkCountryRoundTripsByCodesAndName(@ForAll("countries") Country c) {
    assertEquals(c, Country.of(c.alpha3()));
    assertEquals(c, Country.of(c.alpha3().toLowerCase(Locale.ROOT)));
    assertEquals(c, Country.resolve(c.alpha2()));
    Country byName = Country.resolve(c.name());
    assertEquals(c, byName, c.name());
  }

  @Test
  void theListIsTheJdks() {
    assertEquals(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3).size(), Country.all().size());
    assertEquals("Uzbekistan", Country.of("UZB").name());
    assertTrue(Country.of("KAZ").is("kaz"));
  }

  @Test
  void unknownCountriesNameTheValueAndTheNearest() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Country.resolve("Uzbekstan"));
    assertTrue(e.getMessage().contains("'Uzbekstan'"), e.getMessage());
    assertTrue(e.getMessage().contains("nearest: Uzbekistan"), e.getMessage());
    IllegalArgumentException code = assertThrows(IllegalArgumentException.class, () -> Country.of("XYZ"));
    assertTrue(code.getMessage().contains("'XYZ'"), code.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Country("uz", "UZ", "x"));
    assertThrows(NullPointerException.class, () -> Country.of(null));
  }
}
