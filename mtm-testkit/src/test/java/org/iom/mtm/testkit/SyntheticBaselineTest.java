package org.iom.mtm.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.iom.mtm.core.baseline.BaselineRecord;
import org.iom.mtm.core.geo.Gazetteer;
import org.junit.jupiter.api.Test;

class SyntheticBaselineTest {

  private static final List<BaselineRecord> RECORDS = SyntheticBaseline.generate(11, 1.0);

  private static double meanTotal(int year) {
    // Informants report the same truth with noise: the mean over informants per cell estimates it.
    java.util.Map<String, double[]> cells = new java.util.HashMap<>();
    for (BaselineRecord r : RECORDS) {
      if (r.year() == year) {
        double[] c = cells.computeIfAbsent(r.admin2Pcode() + r.nationality(), k -> new double[2]);
        c[0] += r.count();
        c[1]++;
      }
    }
    return cells.values().stream().mapToDouble(c -> c[0] / c[1]).sum();
  }

  @Test
  void totalsAndGrowthFollowTheSeed() {
    double t2020 = meanTotal(2020);
    double t2021 = meanTotal(2021);
    double t2022 = meanTotal(2022);
    assertEquals(668_422, t2022, 668_422 * 0.02);
    assertEquals(0.263, t2022 / t2021 - 1, 0.03);
    assertEquals(0.149, t2021 / t2020 - 1, 0.03);
  }

  @Test
  void everyRecordIsARealRayonOfItsRegion() {
    Gazetteer kz = Gazetteer.kazakhstan();
    for (BaselineRecord r : RECORDS) {
      assertEquals(r.admin1Pcode(), kz.ancestorAt(r.admin2Pcode(), 1).pcode(), r.toString());
      assertTrue(r.informantId() != null && r.informantId().startsWith(r.admin2Pcode()));
    }
  }

  @Test
  void sameSeedSameRecords() {
    assertEquals(RECORDS, SyntheticBaseline.generate(11, 1.0));
    assertThrows(IllegalArgumentException.class, () -> SyntheticBaseline.generate(1, 0));
  }
}
