package org.iom.mtm.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.iom.mtm.core.PopulationCategory;
import org.iom.mtm.core.baseline.BaselineRecord;
import org.iom.mtm.core.geo.AdminArea;
import org.iom.mtm.core.geo.Gazetteer;

/**
 * A seeded generator of a realistic MTM baseline: key-informant counts of migrant workers by
 * rayon (admin2) x nationality x year, 2020 to 2022, in the regions of the Kazakhstan 2023
 * assessment, with one to three informants per rayon who disagree a little.
 *
 * <p>The expected totals follow the seed report: about {@code 668,422 * scale} migrant workers in
 * 2022, Uzbekistan 81%, Russian Federation 8%, Tajikistan 4%, Kyrgyzstan 3%, Azerbaijan 2%; growth
 * of about +14.9% (2020 to 2021) and +26.3% (2021 to 2022) overall, faster for the Russian
 * Federation and Kyrgyzstan. Informants' noise and rounding make the realised figures differ
 * slightly; the same seed gives the same records.
 */
public final class SyntheticBaseline {
  private SyntheticBaseline() {}

  private static final String[] NATIONALITIES = {"UZB", "RUS", "TJK", "KGZ", "AZE", "TKM", "CHN"};
  private static final double[] SHARE_2022 = {0.81, 0.08, 0.04, 0.03, 0.02, 0.012, 0.008};
  /** Growth 2020 to 2022 by nationality (the seed's figures; the last two made up). */
  private static final double[] GROWTH_2020_2022 = {0.389, 0.956, 0.412, 0.939, 0.446, 0.30, 0.30};
  /** The regions and their shares of migrant workers in 2022 (the seed's, the rest spread). */
  private static final String[][] REGIONS = {
    {"KAZ014", "0.32"}, {"KAZ005", "0.19"}, {"KAZ004", "0.18"}, {"KAZ011", "0.08"},
    {"KAZ017", "0.08"}, {"KAZ002", "0.03"}, {"KAZ006", "0.03"}, {"KAZ007", "0.03"},
    {"KAZ003", "0.02"}, {"KAZ018", "0.02"}, {"KAZ009", "0.01"}, {"KAZ020", "0.01"},
  };

  /**
   * Generates the baseline.
   *
   * @param seed the seed
   * @param scale the size relative to the seed's 668,422 migrant workers in 2022, positive
   * @return the records, ordered by region, rayon, nationality, year and informant
   * @throws IllegalArgumentException when the scale is not positive
   */
  public static List<BaselineRecord> generate(long seed, double scale) {
    if (!(scale > 0) || !Double.isFinite(scale)) {
      throw new IllegalArgumentException("scale must be positive, got " + scale);
    }
    Gazetteer kz = Gazetteer.kazakhstan();
    Seed s = new Seed(seed);
    SplittableRandom split = s.stream("rayon_split");
    SplittableRandom informants = s.stream("informants");
    SplittableRandom noise = s.stream("informant_noise");
    List<BaselineRecord> records = new ArrayList<>();
    for (String[] region : REGIONS) {
      List<AdminArea> rayons = kz.children(region[0]);
      double regionTotal = 668_422 * scale * Double.parseDouble(region[1]);
      double[] part = new double[rayons.size()];
      double sum = 0;
      for (int i = 0; i < part.length; i++) {
        // Skewed rayon sizes: the regional capital draws most migrant workers.
        part[i] = -Math.log(1 - split.nextDouble()) * (i == 0 ? 4 : 1);
        sum += part[i];
      }
      for (int i = 0; i < rayons.size(); i++) {
        AdminArea rayon = rayons.get(i);
        int k = 1 + informants.nextInt(3);
        for (int nat = 0; nat < NATIONALITIES.length; nat++) {
          double c2022 = regionTotal * part[i] / sum * SHARE_2022[nat];
          double c2020 = c2022 / (1 + GROWTH_2020_2022[nat]);
          // Overall +14.9% then +26.3%: put the two-year growth in the same proportion.
          double c2021 = c2020 * Math.pow(1 + GROWTH_2020_2022[nat], Math.log(1.149) / Math.log(1.149 * 1.263));
          double[] byYear = {c2020, c2021, c2022};
          for (int y = 0; y < 3; y++) {
            for (int ki = 0; ki < k; ki++) {
              double reported = byYear[y] * (1 + 0.08 * SyntheticSurvey.gaussian(noise));
              records.add(
                  BaselineRecord.of(
                      region[0], rayon.pcode(), PopulationCategory.MIGRANT_WORKER, NATIONALITIES[nat],
                      2020 + y, Math.max(0, Math.round(reported)), rayon.pcode() + "-KI" + (ki + 1)));
            }
          }
        }
      }
    }
    return records;
  }
}
