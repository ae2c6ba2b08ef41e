package org.iom.mtm.io.result;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.iom.mtm.indicators.result.AnalysisType;
import org.iom.mtm.indicators.result.Flag;
import org.iom.mtm.indicators.result.ResultRow;
import org.iom.mtm.indicators.result.ResultTable;
import org.iom.mtm.io.ResultFormat;

class ResultRoundTripProperties {

  @Provide
  Arbitrary<ResultRow> rows() {
    Arbitrary<String> name = Arbitraries.strings().withChars("ab_,;\"\n é").ascii().ofMinLength(1).ofMaxLength(8)
        .filter(s -> !s.contains("%/%") && !s.startsWith("#"));
    Arbitrary<Double> num = Arbitraries.oneOf(
        Arbitraries.doubles(), Arbitraries.doubles().between(-1, 1), Arbitraries.just(-0.0)).injectNull(0.2);
    Arbitrary<Integer> groups = Arbitraries.integers().between(0, 3);
    return Builders.withBuilder(() -> new Object[16])
        .use(Arbitraries.of(AnalysisType.class)).in((a, v) -> { a[0] = v; return a; })
        .use(name).in((a, v) -> { a[1] = v; return a; })
        .use(name.injectNull(0.4)).in((a, v) -> { a[2] = v; return a; })
        .use(groups.flatMap(g -> name.list().ofSize(g * 2))).in((a, v) -> { a[3] = v; return a; })
        .use(num.list().ofSize(10)).in((a, v) -> { a[4] = v; return a; })
        .use(Arbitraries.longs().between(0, Long.MAX_VALUE).list().ofSize(2)).in((a, v) -> { a[5] = v; return a; })
        .use(Arbitraries.of(Flag.class).set()).in((a, v) -> { a[6] = v; return a; })
        .build(ResultRoundTripProperties::row);
  }

  @Provide
  Arbitrary<List<ResultRow>> tables() {
    return rows().list().ofMaxSize(8);
  }

  @SuppressWarnings("unchecked") // the builder array holds what the use(...) calls above put there
  private static ResultRow row(Object[] a) {
    List<String> g = (List<String>) a[3];
    List<Double> x = (List<Double>) a[4];
    List<Long> n = (List<Long>) a[5];
    int half = g.size() / 2;
    return new ResultRow((AnalysisType) a[0], (String) a[1], (String) a[2], g.subList(0, half),
        g.subList(half, g.size()), x.get(0), x.get(1), x.get(2), x.get(3), x.get(4), x.get(5),
        n.get(0), n.get(1), x.get(6), x.get(7), (Set<Flag>) a[6]);
  }

  /** CSV, HXL-tagged CSV and JSON written then read give the same rows, bit for bit. */
  @Property(tries = 1000)
  void writtenThenReadGivesTheSameRows(@ForAll("tables") List<ResultRow> rows) {
    ResultTable t = ResultTable.of(rows);
    for (ResultFormat f : List.of(ResultFormat.CSV, ResultFormat.HXL)) {
      assertEquals(rows, ResultReader.readCsv(new StringReader(ResultWriter.toString(t, f)), "r").rows(), f.name());
    }
    byte[] json = ResultWriter.toString(t, ResultFormat.JSON).getBytes(StandardCharsets.UTF_8);
    assertEquals(rows, ResultReader.readJson(new ByteArrayInputStream(json), "r.json").rows());
  }
}
