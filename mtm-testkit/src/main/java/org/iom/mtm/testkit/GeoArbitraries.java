package org.iom.mtm.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.iom.mtm.core.geo.AdminArea;
import org.iom.mtm.core.geo.Country;
import org.iom.mtm.core.geo.Gazetteer;

/**
 * jqwik arbitraries for places and people's origins: gazetteers (a country, its first- and
 * second-level areas with p-codes) and nationalities. Shrink toward one region of one district.
 */
public final class GeoArbitraries {
  private GeoArbitraries() {}

  private static final String[] SYLLABLES = {"ka", "ra", "mo", "tu", "al", "sen", "bek", "ot", "zhan", "ur"};

  /**
   * Gazetteers of a made-up country {@code XYZ}: 1 to 6 regions ({@code XYZ01}) of 1 to 8 districts
   * ({@code XYZ01001}) each, with distinct pronounceable names.
   *
   * @return the arbitrary
   */
  public static Arbitrary<Gazetteer> gazetteers() {
    return Arbitraries.integers()
        .between(1, 8)
        .list()
        .ofMinSize(1)
        .ofMaxSize(6)
        .map(GeoArbitraries::gazetteer);
  }

  /**
   * A gazetteer with the given number of districts in each region.
   *
   * @param districtsPerRegion one entry per region
   * @return the gazetteer
   */
  public static Gazetteer gazetteer(List<Integer> districtsPerRegion) {
    List<AdminArea> areas = new ArrayList<>();
    areas.add(AdminArea.of("XYZ", "Xyzland", 0, null));
    int serial = 0;
    for (int r = 0; r < districtsPerRegion.size(); r++) {
      String rp = String.format(Locale.ROOT, "XYZ%02d", r + 1);
      areas.add(AdminArea.of(rp, name(serial++) + " Region", 1, "XYZ"));
      for (int d = 0; d < districtsPerRegion.get(r); d++) {
        areas.add(AdminArea.of(String.format(Locale.ROOT, "%s%03d", rp, d + 1), name(serial++) + " District", 2, rp));
      }
    }
    return Gazetteer.of("Xyzland (generated)", areas);
  }

  /** A distinct name for each serial number: two syllables then a base-10 tail of syllables. */
  private static String name(int serial) {
    StringBuilder sb = new StringBuilder();
    int s = serial;
    do {
      sb.append(SYLLABLES[s % SYLLABLES.length]);
      s /= SYLLABLES.length;
    } while (s > 0);
    sb.append(SYLLABLES[(serial * 7 + 3) % SYLLABLES.length]);
    return Character.toUpperCase(sb.charAt(0)) + sb.substring(1);
  }

  /**
   * Nationalities: any ISO 3166-1 country, shrinking toward the first of MTM Kazakhstan's five
   * main nationalities.
   *
   * @return the arbitrary
   */
  public static Arbitrary<Country> nationalities() {
    Arbitrary<Country> main = Arbitraries.of("UZB", "RUS", "TJK", "KGZ", "AZE").map(Country::of);
    Arbitrary<Country> any = Arbitraries.of(Country.all());
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, main), net.jqwik.api.Tuple.of(1, any));
  }

  /**
   * Areas of the embedded Kazakhstan gazetteer at a level.
   *
   * @param level 1 (regions) or 2 (districts)
   * @return the arbitrary
   */
  public static Arbitrary<AdminArea> kazakhstanAreas(int level) {
    return Arbitraries.of(Gazetteer.kazakhstan().atLevel(level));
  }

  /**
   * Pairs of a generated gazetteer and one of its districts.
   *
   * @return the arbitrary
   */
  public static Arbitrary<net.jqwik.api.Tuple.Tuple2<Gazetteer, AdminArea>> districtsOfGazetteers() {
    return gazetteers().flatMap(g -> Combinators.combine(Arbitraries.just(g), Arbitraries.of(g.atLevel(2))).as(net.jqwik.api.Tuple::of));
  }
}
