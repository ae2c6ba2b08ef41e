package org.iom.mtm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.iom.mtm.indicators.result.ResultTable;
import org.iom.mtm.io.result.ResultReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleSizeCommandTest {

  @TempDir Path dir;

  /** Three regions of 5,000, 3,000 and 2,000 migrant workers in 2022; two informants in one. */
  private Path baseline() throws IOException {
    Path f = dir.resolve("baseline.csv");
    Files.writeString(f, String.join("\n",
        "admin1_pcode,admin1_name,admin2_pcode,admin2_name,population_type,nationality,year,count,informant_id",
        "KAZ014,Mangystau Region,KAZ014001,Aktau,migrant_worker,UZB,2022,5000,k1",
        "KAZ005,Almaty Region,KAZ005001,Balkhash District,migrant_worker,UZB,2022,2900,k2",
        "KAZ005,Almaty Region,KAZ005001,Balkhash District,migrant_worker,UZB,2022,3100,k3",
        "KAZ004,Almaty,KAZ004001,Alatau District,migrant_worker,RUS,2022,2000,k4",
        "KAZ004,Almaty,KAZ004001,Alatau District,migrant_worker,RUS,2021,9999,k4",
        "KAZ004,Almaty,KAZ004001,Alatau District,emigrant,KGZ,2022,7777,k4",
        ""));
    return f;
  }

  @Test
  void totalRowAndOneRowPerStratum() throws IOException {
    MtmTest.Run r = MtmTest.mtm("sample-size", "--baseline", baseline().toString(), "--strata", "admin1",
        "--moe", "0.05", "--deff", "1", "--response-rate", "1", "--format", "csv");
    assertEquals(0, r.status(), r.err());
    ResultTable t = ResultReader.readCsv(new StringReader(r.out()), "stdout");
    // Hand derivation: N = 10,000 (2022, migrant workers, Almaty Region's informants' median
    // 3,000); n0 = 384.146; n = 384.146 / (1 + 383.146 / 10000) = 369.97 -> 370; proportional
    // 370 x (0.2, 0.3, 0.5) = 74, 111, 185 (strata in p-code order).
    assertEquals(370.0, t.rows().get(0).stat());
    assertEquals(List.of("KAZ004", "KAZ005", "KAZ014"), t.rows().stream().skip(1).map(x -> x.groupValues().get(0)).toList());
    assertEquals(List.of(74.0, 111.0, 185.0), t.rows().stream().skip(1).map(x -> x.stat()).toList());
    assertEquals(3000.0, t.rows().get(2).nW());
    MtmTest.Run json = MtmTest.mtm("sample-size", "--baseline", baseline().toString(), "--strata", "admin1",
        "--moe", "0.05", "--format", "json");
    assertTrue(json.out().contains("\"baseline_year\"") && json.out().contains("\"2022\""), json.out());
  }

  @Test
  void defaultsInflateForDesignEffectAndResponse() throws IOException {
    MtmTest.Run r = MtmTest.mtm("sample-size", "--baseline", baseline().toString(), "--strata", "admin1",
        "--moe", "0.05", "--format", "csv", "--min-per-stratum", "150");
    assertEquals(0, r.status(), r.err());
    ResultTable t = ResultReader.readCsv(new StringReader(r.out()), "stdout");
    // deff 1.5, response 0.8: n1 = 576.22; n2 = 576.22 / (1 + 575.22 / 10000) = 544.87; / 0.8 =
    // 681.09 -> 682; a minimum of 150 lifts Almaty (136.4) and takes it from the others.
    assertEquals(682.0, t.rows().get(0).stat());
    assertTrue(t.rows().stream().skip(1).allMatch(x -> x.stat() >= 150));
    assertEquals(682.0, t.rows().stream().skip(1).mapToDouble(x -> x.stat()).sum());
  }

  @Test
  void badValuesAreNamed() throws IOException {
    MtmTest.Run r = MtmTest.mtm("sample-size", "--baseline", baseline().toString(), "--strata", "sex", "--moe", "0.05");
    assertEquals(2, r.status());
    assertTrue(r.err().contains("sex"), r.err());
    r = MtmTest.mtm("sample-size", "--baseline", baseline().toString(), "--strata", "admin1", "--moe", "1.5");
    assertEquals(2, r.status());
    assertTrue(r.err().contains("margin of error") && r.err().contains("1.5"), r.err());
    r = MtmTest.mtm("sample-size", "--baseline", baseline().toString(), "--strata", "admin1", "--moe", "0.05", "--year", "2019");
    assertEquals(2, r.status());
    assertTrue(r.err().contains("2019"), r.err());
  }

  @Test
  void neymanWithAProportionPerStratum() throws IOException {
    Path p = dir.resolve("p.csv");
    Files.writeString(p, "stratum,p\nKAZ014,0.1\n");
    MtmTest.Run r = MtmTest.mtm("sample-size", "--baseline", baseline().toString(), "--strata", "admin1",
        "--moe", "0.05", "--deff", "1", "--response-rate", "1", "--allocation", "neyman", "--stratum-p", p.toString(),
        "--format", "csv");
    assertEquals(0, r.status(), r.err());
    ResultTable t = ResultReader.readCsv(new StringReader(r.out()), "stdout");
    // N_h S_h: 2000 x 0.5, 3000 x 0.5, 5000 x 0.3 = 1000, 1500, 1500 -> 370 x (0.25, 0.375,
    // 0.375) = 92.5, 138.75, 138.75 -> largest remainders 92, 139, 139.
    assertEquals(List.of(92.0, 139.0, 139.0), t.rows().stream().skip(1).map(x -> x.stat()).toList());
    Files.writeString(p, "stratum,p\nKAZ999,0.1\n");
    MtmTest.Run bad = MtmTest.mtm("sample-size", "--baseline", baseline().toString(), "--strata", "admin1",
        "--moe", "0.05", "--allocation", "neyman", "--stratum-p", p.toString());
    assertEquals(2, bad.status());
    assertTrue(bad.err().contains("KAZ999"), bad.err());
  }
}
