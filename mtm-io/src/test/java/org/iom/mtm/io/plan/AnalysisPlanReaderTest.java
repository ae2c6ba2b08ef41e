package org.iom.mtm.io.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import org.iom.mtm.io.ReadException;
import org.iom.mtm.io.json.JsonInput;
import org.junit.jupiter.api.Test;

class AnalysisPlanReaderTest {

  private static List<PlannedAnalysis> read(String json) {
    return AnalysisPlanReader.read(JsonInput.read(new StringReader(json), "plan.json"), "plan.json");
  }

  @Test
  void readsObjectsArraysAndImpactNames() {
    List<PlannedAnalysis> p = read("""
        {"analyses": [
          {"type": "prop_select_one", "variable": "sex", "by": ["admin1", "nationality"], "title": "Sex", "section": "Profile"},
          {"analysis_type": "MEAN", "analysis_var": "income", "group_var": "sex"},
          {"type": "prop_select_multiple", "variable": "obstacles"}
        ]}""");
    assertEquals(3, p.size());
    assertEquals(new PlannedAnalysis("prop_select_one", "sex", List.of("admin1", "nationality"), "Sex", "Profile"), p.get(0));
    assertEquals(new PlannedAnalysis("mean", "income", List.of("sex"), null, null), p.get(1));
    assertEquals(List.of(), p.get(2).by());
    assertNull(p.get(2).title());
    assertEquals(1, read("[{\"type\": \"median\", \"variable\": \"age\"}]").size());
  }

  @Test
  void badItemsNameTheFileItemAndValue() {
    ReadException e = assertThrows(ReadException.class, () -> read("{\"analyses\": [{\"type\": \"ratio\", \"variable\": \"a\"}]}"));
    assertTrue(e.getMessage().contains("plan.json") && e.getMessage().contains("analyses[0]") && e.getMessage().contains("ratio"), e.getMessage());
    e = assertThrows(ReadException.class, () -> read("{\"analyses\": [{\"type\": \"mean\"}]}"));
    assertTrue(e.getMessage().contains("variable"), e.getMessage());
    e = assertThrows(ReadException.class, () -> read("{\"analyses\": [{\"type\": \"mean\", \"variable\": \"x\", \"by\": 3}]}"));
    assertTrue(e.getMessage().contains("\"by\""), e.getMessage());
    e = assertThrows(ReadException.class, () -> read("{\"plan\": []}"));
    assertTrue(e.getMessage().contains("analyses"), e.getMessage());
    e = assertThrows(ReadException.class, () -> read("[]"));
    assertTrue(e.getMessage().contains("no analysis"), e.getMessage());
  }
}
