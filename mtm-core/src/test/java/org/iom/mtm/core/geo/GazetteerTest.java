package org.iom.mtm.core.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class GazetteerTest {
  private static final Gazetteer KZ = Gazetteer.kazakhstan();

  static Stream<AdminArea> areas() {
    return KZ.areas().stream();
  }

  @Test
  void embeddedCounts() {
    // shared/data/README.md: 20 admin1 units, 218 admin2 districts and cities.
    assertEquals(1, KZ.atLevel(0).size());
    assertEquals(20, KZ.atLevel(1).size());
    assertEquals(218, KZ.atLevel(2).size());
    assertEquals(List.of(0, 1, 2), KZ.levels());
    assertEquals("Kazakhstan", KZ.area("KAZ").name());
    int sum = KZ.atLevel(1).stream().mapToInt(a -> KZ.children(a.pcode()).size()).sum();
    assertEquals(218, sum);
  }

  @ParameterizedTest
  @MethodSource("areas")
  void everyAreaRoundTripsThroughItsPcodeAndName(AdminArea a) {
    assertEquals(a, KZ.area(a.pcode()));
    assertEquals(a, KZ.resolve(a.pcode().toLowerCase(Locale.ROOT)));
    Optional<AdminArea> byName = lookupOrAmbiguous(a.name(), a.level());
    if (byName.isPresent()) {
      assertEquals(a.pcode(), byName.get().pcode(), a.name());
    } else {
      // Several districts share the name (Abay District, Esil District, ...): the message names
      // this one, and within its region the name is unique.
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> KZ.resolve(a.name(), a.level()));
      assertTrue(e.getMessage().contains(a.pcode()), e.getMessage());
      assertEquals(a.pcode(), KZ.resolveWithin(a.name(), a.parentPcode()).pcode());
      assertEquals(a.pcode(), KZ.resolveWithin(a.name(), KZ.area(a.parentPcode()).name()).pcode());
    }
    for (String alt : a.alternativeNames()) {
      assertEquals(a.pcode(), KZ.resolve(alt, a.level()).pcode(), alt);
    }
    if (a.level() > 0) {
      assertEquals(a.parentPcode(), KZ.parent(a.pcode()).orElseThrow().pcode());
      assertTrue(KZ.children(a.parentPcode()).contains(a));
      assertEquals(KZ.area("KAZ"), KZ.ancestorAt(a.pcode(), 0));
    }
    assertEquals(a, KZ.ancestorAt(a.pcode(), a.level()));
  }

  private static Optional<AdminArea> lookupOrAmbiguous(String name, int level) {
    try {
      return KZ.lookup(name, level);
    } catch (IllegalArgumentException ambiguous) {
      return Optional.empty();
    }
  }

  @ParameterizedTest
  @MethodSource("areas")
  void everyAdmin1ResolvesByItsIsoCodes(AdminArea a) {
    if (a.level() != 1) {
      return;
    }
    assertTrue(a.iso().startsWith("KZ-"), a.iso());
    assertEquals(a, KZ.resolve(a.iso()));
    assertEquals(a, KZ.resolve(a.iso().toLowerCase(Locale.ROOT)));
    if (a.isoLegacy() != null) {
      assertEquals(a, KZ.resolve(a.isoLegacy()));
    }
    // Unique among regions without the level, and as the region's name without its generic word.
    assertEquals(a, KZ.resolve(a.name(), 1));
  }

  @Test
  void everyDistrictRollsUpToItsRegion() {
    for (AdminArea d : KZ.atLevel(2)) {
      AdminArea r = KZ.ancestorAt(d.pcode(), 1);
      assertEquals(d.pcode().substring(0, 6), r.pcode());
    }
    assertEquals("Karaganda Region", KZ.ancestorAt("KAZ011005", 1).name());
  }

  @ParameterizedTest
  @CsvSource({
    "Nur-Sultan, KAZ006",
    "Nursultan, KAZ006",
    "NUR SULTAN, KAZ006",
    "Astana, KAZ006",
    "Symkent, KAZ017",
    "Shymkent, KAZ017",
    "Shymkent City, KAZ017",
    "Almaty Oblast, KAZ005",
    "Almaty Region, KAZ005",
    "almaty oblysy, KAZ005",
    "Almaty, KAZ004",
    "Almaty City, KAZ004",
    "Mangystau, KAZ014",
    "Mangistau, KAZ014",
    "Mangystau Region, KAZ014",
    "Mangghystaū oblysy, KAZ014",
    "Karagandy, KAZ011",
    "Karagandy Oblast, KAZ011",
    "Karaganda Region, KAZ011",
    "Akmolinskaya, KAZ002",
    "Akmola, KAZ002",
    "Aqtöbe oblysy, KAZ003",
    "Aqtobe oblysy, KAZ003",
    "East Kazakhstan, KAZ008",
    "Zhambyl Region, KAZ009",
    "Jetisu, KAZ010",
    "Zhetisu, KAZ010",
    "Turkistan, KAZ018",
    "South Kazakhstan, KAZ018",
    "KZ-35, KAZ011",
    "KZ-KAR, KAZ011",
    "kz-ast, KAZ006",
    "Saran, KAZ011010",
    "Saran Kazakhstan, KAZ011010",
    "Temirtau, KAZ011013",
    "Termitau, KAZ011013",
    "Petropavlovsk, KAZ015008",
    "Ust-Kamenogorsk, KAZ008010",
    "ust kamenogorsk, KAZ008010",
    "Oskemen, KAZ008010",
    "Qonayev, KAZ005006",
    "Kurmangazy, KAZ007004",
    "Kazakhstan, KAZ",
    "Almaty District, KAZ006001",
    "Mangystau District, KAZ014004",
    "Baikonur, KAZ013002",
  })
  void alternativeSpellings(String text, String pcode) {
    assertEquals(pcode, KZ.resolve(text).pcode(), text);
  }

  @Test
  void aRegionAndItsCapitalShareANameUntilTheLevelIsSaid() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KZ.resolve("Karaganda"));
    assertTrue(e.getMessage().contains("KAZ011 ") || e.getMessage().contains("(KAZ011)"), e.getMessage());
    assertTrue(e.getMessage().contains("KAZ011005"), e.getMessage());
    assertTrue(e.getMessage().contains("'Karaganda'"), e.getMessage());
    assertEquals("KAZ011", KZ.resolve("Karaganda", 1).pcode());
    assertEquals("KAZ011005", KZ.resolve("Karaganda", 2).pcode());
    assertEquals("KAZ016", KZ.resolve("Pavlodar", 1).pcode());
    for (String capital : List.of("Aktobe", "Atyrau", "Kostanay", "Kyzylorda", "Pavlodar", "Turkestan")) {
      IllegalArgumentException x = assertThrows(IllegalArgumentException.class, () -> KZ.resolve(capital));
      assertTrue(x.getMessage().contains("level 1") && x.getMessage().contains("level 2"), x.getMessage());
      assertEquals(1, KZ.resolve(capital, 1).level());
      assertEquals(2, KZ.resolve(capital, 2).level());
    }
    // Abay Region and two Abay Districts: ambiguous; the level picks the region.
    assertThrows(IllegalArgumentException.class, () -> KZ.resolve("Abay"));
    assertEquals("KAZ001", KZ.resolve("Abay", 1).pcode());
    assertEquals("KAZ011001", KZ.resolveWithin("Abay District", "Karagandy").pcode());
    assertEquals("KAZ001001", KZ.resolveWithin("Abay", "KZ-10").pcode());
  }

  @Test
  void unknownNamesListTheThreeNearest() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KZ.resolve("Mangyshlak"));
    String m = e.getMessage();
    assertTrue(m.contains("'Mangyshlak'"), m);
    assertTrue(m.contains("nearest: "), m);
    assertTrue(m.contains("KAZ014"), m);
    assertEquals(3, m.substring(m.indexOf("nearest: ")).split(", ").length, m);

    IllegalArgumentException p = assertThrows(IllegalArgumentException.class, () -> KZ.resolve("Pavlodr", 1));
    assertTrue(p.getMessage().contains("Pavlodar Region (KAZ016)"), p.getMessage());
    assertTrue(p.getMessage().contains("level 1"), p.getMessage());

    IllegalArgumentException c = assertThrows(IllegalArgumentException.class, () -> KZ.area("KAZ099"));
    assertTrue(c.getMessage().contains("'KAZ099'"), c.getMessage());
    assertTrue(KZ.lookup("Atlantis").isEmpty());
    assertThrows(IllegalArgumentException.class, () -> KZ.ancestorAt("KAZ011", 2));
    assertThrows(NullPointerException.class, () -> KZ.resolve(null));
  }

  @Test
  void loadsAnotherCountryFromCsv() {
    String csv =
        "# test gazetteer\n"
            + "pcode,name,level,parent_pcode,iso,iso_legacy,alt_names\n"
            + "UZB,Uzbekistan,0,,,,O'zbekiston\n"
            + "UZ01,Tashkent City,1,UZB,UZ-TK,,Toshkent|Tashkent\n"
            + "UZ02,\"Samarqand, Region\",1,UZB,UZ-SA,,Samarkand Region\n"
            + "UZ0201,Urgut District,2,UZ02,,,\n";
    Gazetteer uz = Gazetteer.fromCsv(new StringReader(csv), "uz.csv");
    assertEquals("uz.csv", uz.name());
    assertEquals("UZ01", uz.resolve("toshkent").pcode());
    assertEquals("UZ02", uz.resolve("Samarkand").pcode());
    assertEquals("UZ02", uz.resolve("uz-sa").pcode());
    assertEquals("UZ02", uz.ancestorAt("UZ0201", 1).pcode());
    assertEquals("UZB", uz.resolve("Ozbekiston").pcode());
  }

  @Test
  void csvErrorsNameLineAndColumn() {
    String header = "pcode,name,level,parent_pcode\n";
    assertMessage("x.csv:3:3: level 'one'", header + "A,Alpha,0,\nB,Beta,one,A\n");
    assertMessage("x.csv:3:4: area B names parent 'Z'", header + "A,Alpha,0,\nB,Beta,1,Z\n");
    assertMessage("x.csv:3:1: p-code 'A' appears twice", header + "A,Alpha,0,\nA,Again,0,\n");
    assertMessage("x.csv:2: 3 fields", header + "A,Alpha,0\n");
    assertMessage("x.csv:1: no column 'level'", "pcode,name,parent_pcode\n");
    assertMessage("x.csv:2: area A: name '' is blank", header + "A,,0,\n");
    assertMessage("x.csv:3:4: area B (level 1) has parent C at level 1", header + "C,Gamma,1,\nB,Beta,1,C\n");
    assertMessage("x.csv:2: a quoted field is never closed", header + "A,\"Alpha,0,\n");
    assertMessage("x.csv: no header row", "");
  }

  private static void assertMessage(String expected, String csv) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Gazetteer.fromCsv(new StringReader(csv), "x.csv"));
    assertTrue(e.getMessage().contains(expected), () -> "'" + e.getMessage() + "' lacks '" + expected + "'");
  }

  @Test
  void factoriesRejectBadAreas() {
    assertThrows(IllegalArgumentException.class, () -> AdminArea.of(" ", "x", 1, null));
    IllegalArgumentException neg = assertThrows(IllegalArgumentException.class, () -> AdminArea.of("X1", "x", -1, null));
    assertTrue(neg.getMessage().contains("-1"), neg.getMessage());
    assertThrows(IllegalArgumentException.class, () -> AdminArea.of("X1", "x", 0, "X0"));
    assertThrows(IllegalArgumentException.class, () -> AdminArea.of("X1", "x", 1, "X1"));
    assertThrows(NullPointerException.class, () -> AdminArea.of(null, "x", 1, null));
    IllegalArgumentException iso =
        assertThrows(
            IllegalArgumentException.class,
            () -> Gazetteer.of("t", List.of(
                new AdminArea("A", "a", 0, null, "T-1", null, List.of()),
                new AdminArea("B", "b", 0, null, "T-1", null, List.of()))));
    assertTrue(iso.getMessage().contains("'T-1'"), iso.getMessage());
  }
}
