package org.iom.mtm.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.iom.mtm.core.data.NumericColumn;
import org.iom.mtm.core.data.SurveyData;
import org.iom.mtm.testkit.WideSurvey;
import org.junit.jupiter.api.Test;
import org.openjdk.jol.info.GraphLayout;

/**
 * Issue 8's memory target scaled down: 100,000 respondents x 100 questions of the {@link
 * WideSurvey} in at most 30 MB of retained heap (1M x 100 in 300 MB), measured with JOL.
 */
class MemoryFootprintTest {

  @Test
  void wideSurveyFitsTheScaledTarget() {
    SurveyData data = WideSurvey.generate(100_000, MemoryFootprint.SEED);
    MemoryFootprint.Footprint f = MemoryFootprint.measure(data);
    assertEquals(100_000, f.rows());
    assertEquals(100, f.questions());
    assertEquals(GraphLayout.parseInstance(data).totalSize(), f.totalBytes());
    assertTrue(f.totalBytes() <= 30_000_000L, () -> MemoryFootprint.report(f));
    // The breakdown adds up: columns plus the data frame's own objects are the total.
    long columns = f.columns().stream().mapToLong(MemoryFootprint.Part::bytes).sum();
    assertEquals(f.totalBytes(), columns + f.frameBytes());
    assertTrue(f.frameBytes() > 0, "the SurveyData and its map take some bytes");
    long byKind = f.byKind().values().stream().mapToLong(a -> a[1]).sum();
    assertEquals(columns, byKind);
    Map<String, long[]> kinds = f.byKind();
    assertEquals(39, kinds.get("select_one")[0]);
    assertEquals(34, kinds.get("numeric")[0]);
    assertEquals(15, kinds.get("text")[0]);
    assertEquals(12, kinds.get("select_multiple")[0]);
    // Each column at least holds its rows: four bits of state per row (a sparse text column) is
    // the narrowest storage, a byte per row the narrowest of the others.
    for (MemoryFootprint.Part p : f.columns()) {
      long least = p.kind().equals("text") ? 50_000 : 100_000;
      assertTrue(p.bytes() >= least, () -> p + " holds less than its rows need");
    }
  }

  @Test
  void aColumnMeasuredAloneMatchesJol() {
    // A fully answered column of one-byte values: 1,000 bytes and an array header, the 2 KB
    // table of its 256 codes' values, the column object and its name, the same as JOL counts for
    // the column alone.
    double[] v = new double[1000];
    for (int i = 0; i < v.length; i++) {
      v[i] = i % 200;
    }
    NumericColumn c = NumericColumn.of("x", v);
    MemoryFootprint.Footprint f = MemoryFootprint.measure(SurveyData.of(c));
    assertEquals(GraphLayout.parseInstance(c).totalSize(), f.columns().get(0).bytes());
    assertTrue(f.columns().get(0).bytes() < 1000 + 256 * 8 + 400, () -> MemoryFootprint.report(f));
  }
}
