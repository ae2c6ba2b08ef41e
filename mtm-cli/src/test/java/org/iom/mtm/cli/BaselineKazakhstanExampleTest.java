package org.iom.mtm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Section A of INDICATORS.md through {@code mtm baseline}, on the synthetic twin of the Kazakhstan
 * 2023 baseline that ships as the {@code kazakhstan-2023} example. Each published figure, rounded
 * as the report prints it ("IOM Kazakhstan, MTM Baseline assessment and surveys", Feb 2023, key
 * findings), must come out of the command.
 */
class BaselineKazakhstanExampleTest {

  @TempDir Path dir;
  Path baseline;

  @BeforeEach
  void copyExample() throws IOException {
    baseline = dir.resolve("baseline.csv");
    try (InputStream in = Mtm.class.getResourceAsStream("examples/kazakhstan-2023/baseline.csv")) {
      Files.copy(in, baseline);
    }
  }

  /** analysis_key to stat, from the CSV output. */
  private Map<String, Double> stats(String... options) {
    String[] args = new String[options.length + 5];
    args[0] = "baseline";
    args[1] = "--data";
    args[2] = baseline.toString();
    args[3] = "--format";
    args[4] = "csv";
    System.arraycopy(options, 0, args, 5, options.length);
    MtmTest.Run r = MtmTest.mtm(args);
    assertEquals(0, r.status(), r.err());
    Map<String, Double> m = new LinkedHashMap<>();
    r.out().lines().skip(1).forEach(line -> {
      List<String> c = List.of(line.split(",", -1));
      if (!c.get(5).isEmpty()) {
        m.put(c.get(16), Double.parseDouble(c.get(5)));
      }
    });
    return m;
  }

  private static long percent(double fraction) {
    return Math.round(fraction * 100);
  }

  private static double perMille(double fraction) {
    return Math.round(fraction * 1000) / 10.0;
  }

  @Test
  void totalsAndYearOnYearGrowth() {
    Map<String, Double> s = stats("--round-years", "2020-2022");
    // "668,422 migrant workers present in the country": the 2022 stock.
    assertEquals(668_422, s.get("count @/@ migrant_worker %/% 2022 @/@ NA %/% NA"));
    // "+26.3 per cent in 2022 compared to 2021 and by 14.9 per cent in 2021 compared to 2020".
    assertEquals(26.3, perMille(s.get("growth @/@ migrant_worker %/% 2021-2022 @/@ NA %/% NA")));
    assertEquals(14.9, perMille(s.get("growth @/@ migrant_worker %/% 2020-2021 @/@ NA %/% NA")));
  }

  @Test
  void topFiveNationalitiesAndTheirGrowth() {
    Map<String, Double> s = stats("--by", "nationality", "--top", "5");
    // "Uzbekistan (81%), the Russian Federation (8%), Tajikistan (4%), Kyrgyzstan (3%) and
    // Azerbaijan (2%)".
    Map<String, Long> shares = Map.of("UZB", 81L, "RUS", 8L, "TJK", 4L, "KGZ", 3L, "AZE", 2L);
    shares.forEach((nat, pct) -> assertEquals(pct,
        percent(s.get("share @/@ migrant_worker %/% 2022 @/@ nationality %/% " + nat)), nat));
    // "Russian Federation and Kyrgyzstan ... 95.6 per cent and 93.9 per cent ... Azerbaijan and
    // Tajikistan ... 44.6 and 41.2 per cent ... Uzbekistan ... 38.9" (2022 compared to 2020).
    Map<String, Double> growth = Map.of("RUS", 95.6, "KGZ", 93.9, "AZE", 44.6, "TJK", 41.2, "UZB", 38.9);
    growth.forEach((nat, pct) -> assertEquals(pct,
        perMille(s.get("growth @/@ migrant_worker %/% 2020-2022 @/@ nationality %/% " + nat)), nat));
  }

  @Test
  void regionsRolledUpFromRayons() {
    Map<String, Double> s = stats("--by", "admin1");
    // "Mangystau (32%), Almaty Oblast (19%), Almaty City (18%), Karagandy (8%) and Symkent City
    // (8%)".
    Map<String, Long> shares = Map.of("KAZ014", 32L, "KAZ005", 19L, "KAZ004", 18L, "KAZ011", 8L, "KAZ017", 8L);
    shares.forEach((region, pct) -> assertEquals(pct,
        percent(s.get("share @/@ migrant_worker %/% 2022 @/@ admin1 %/% " + region)), region));
  }
}
