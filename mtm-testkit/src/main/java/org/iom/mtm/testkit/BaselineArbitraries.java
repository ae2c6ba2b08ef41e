package org.iom.mtm.testkit;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.iom.mtm.core.PopulationCategory;
import org.iom.mtm.core.baseline.BaselineRecord;
import org.iom.mtm.core.geo.AdminArea;
import org.iom.mtm.core.geo.Gazetteer;

/**
 * jqwik arbitraries for baseline assessments: key-informant counts by district x population
 * category x nationality x year, with one to three informants per cell who report around the same
 * true value. Shrink toward one district, one nationality, one year, one informant, small counts.
 */
public final class BaselineArbitraries {
  private BaselineArbitraries() {}

  /**
   * Baselines over districts of the embedded Kazakhstan gazetteer.
   *
   * @return the arbitrary
   */
  public static Arbitrary<List<BaselineRecord>> kazakhstanBaselines() {
    return baselines(Gazetteer.kazakhstan());
  }

  /**
   * Baselines over a generated gazetteer ({@link GeoArbitraries#gazetteers()}).
   *
   * @return the arbitrary
   */
  public static Arbitrary<List<BaselineRecord>> generatedBaselines() {
    return GeoArbitraries.gazetteers().flatMap(BaselineArbitraries::baselines);
  }

  /**
   * Baselines over the districts (level 2) of a gazetteer.
   *
   * @param gazetteer where the districts come from
   * @return the arbitrary
   */
  public static Arbitrary<List<BaselineRecord>> baselines(Gazetteer gazetteer) {
    List<AdminArea> districts = gazetteer.atLevel(2);
    Arbitrary<List<AdminArea>> chosen = Arbitraries.of(districts).list().uniqueElements().ofMinSize(1).ofMaxSize(Math.min(6, districts.size()));
    Arbitrary<List<String>> nationalities =
        Arbitraries.of("UZB", "RUS", "TJK", "KGZ", "AZE").list().uniqueElements().ofMinSize(1).ofMaxSize(3);
    Arbitrary<Integer> firstYear = Arbitraries.integers().between(2018, 2022);
    Arbitrary<Integer> years = Arbitraries.integers().between(1, 3);
    Arbitrary<Long> seed = Arbitraries.longs();
    return Combinators.combine(chosen, nationalities, firstYear, years, seed)
        .as((ds, ns, y0, ny, s) -> records(gazetteer, ds, ns, y0, ny, s));
  }

  private static List<BaselineRecord> records(
      Gazetteer g, List<AdminArea> districts, List<String> nationalities, int firstYear, int years, long seed) {
    java.util.SplittableRandom r = new Seed(seed).stream("baseline_records");
    List<BaselineRecord> out = new ArrayList<>();
    for (AdminArea d : districts) {
      String region = g.ancestorAt(d.pcode(), 1).pcode();
      int informants = 1 + r.nextInt(3);
      for (String n : nationalities) {
        long truth = r.nextInt(5) == 0 ? 0 : r.nextInt(2_000);
        for (int y = 0; y < years; y++) {
          truth = Math.round(truth * (0.8 + 0.5 * r.nextDouble()));
          for (int k = 0; k < informants; k++) {
            long reported = Math.max(0, Math.round(truth * (0.9 + 0.2 * r.nextDouble())));
            out.add(BaselineRecord.of(region, d.pcode(), PopulationCategory.MIGRANT_WORKER, n, firstYear + y,
                reported, d.pcode() + "-KI" + (k + 1)));
          }
        }
      }
    }
    return out;
  }
}
