package org.iom.mtm.io.hxl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.iom.mtm.indicators.result.AnalysisType;
import org.iom.mtm.indicators.result.ResultRow;
import org.iom.mtm.indicators.result.ResultTable;
import org.iom.mtm.io.ReadException;
import org.iom.mtm.io.ResultFormat;
import org.iom.mtm.io.csv.CsvOptions;
import org.iom.mtm.io.csv.CsvReader;
import org.iom.mtm.io.result.ResultWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HxlTableTest {

  @Test
  void hashtagRowUnderTitleRowsAndQueriesByAttributes(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("baseline.csv");
    Files.writeString(f, "Kazakhstan baseline,,\nRegion,Region code,Migrants\n#adm1 +name,#adm1 +code +v_pcode,#affected+migrants+num\n"
        + "Almaty,KZ19,1200\nAstana,KZ71,900\n", StandardCharsets.UTF_8);
    HxlTable t = HxlTable.read(f);
    assertEquals(List.of("Region", "Region code", "Migrants"), t.names());
    assertEquals(1, t.column("#adm1+code"));
    assertEquals(2, t.column("#AFFECTED +num"));
    assertEquals("KZ71", t.rows().get(1).get(t.column("#adm1+code")));
    assertEquals(5, t.rows().get(1).line());
    ReadException e = assertThrows(ReadException.class, () -> t.column("#adm2+code"));
    assertTrue(e.getMessage().startsWith(f + ":0:0: no column tagged #adm2+code"), e.getMessage());
  }

  @Test
  void readsTheResultWritersHxl() {
    ResultRow r = new ResultRow(AnalysisType.MEAN, "income", null, List.of(), List.of(), 0.1 + 0.2, 0.5, null, null,
        null, null, 10, 10, null, null, Set.of());
    String hxl = ResultWriter.toString(ResultTable.of(List.of(r)), ResultFormat.HXL);
    HxlTable t = HxlTable.read(CsvReader.of(new StringReader(hxl), "r.csv", CsvOptions.DETECT.withHeader(false)));
    assertEquals("0.30000000000000004", t.rows().get(0).get(t.column("#value+stat")));
    assertEquals("income", t.rows().get(0).get(t.column("#indicator+name")));
    assertEquals("stat", t.names().get(t.column("#value+stat")));
  }

  @Test
  void noHashtagRowIsAReadException() {
    ReadException e = assertThrows(ReadException.class,
        () -> HxlTable.read(CsvReader.of(new StringReader("a,b\n1,2\n"), "plain.csv", CsvOptions.DETECT.withHeader(false))));
    assertEquals("plain.csv:0:0: no HXL hashtag row in the first 25 rows", e.getMessage());
    assertEquals(null, HxlTable.Tag.parse("# not a tag"));
    assertEquals("#adm1+code+v_pcode", HxlTable.Tag.parse("#ADM1 +v_pcode +code").toString());
  }
}
